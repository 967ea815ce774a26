//go:build dbservers

package cases

import (
	"context"
	"fmt"
)

// RowsReturnInsideLoopLeaks looks for an item by name and returns from
// inside the rows loop when it finds it, without closing the rows.
func RowsReturnInsideLoopLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			rows.Close()
			return fmt.Errorf("scan: %w", err)
		}
		if it.Name == in.Name {
			return nil // path: found
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ErrNotFound // path: not-found
}

// RowsReturnInsideLoopDeferClose is the same search with the Close deferred.
func RowsReturnInsideLoopDeferClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if it.Name == in.Name {
			return nil // path: found
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ErrNotFound // path: not-found
}

// RowsExhaustedNoClose reads every row and never calls Close: Next
// returning false closed them.
func RowsExhaustedNoClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.Query("SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			rows.Close()
			return fmt.Errorf("scan: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil // path: done
}

// RowsBreakLeaks lists at most Limit items and breaks out of the rows loop
// without closing them.
func RowsBreakLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			rows.Close()
			return fmt.Errorf("scan: %w", err)
		}
		items = append(items, it)
		if in.Limit > 0 && len(items) >= in.Limit {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(items) == 0 {
		return ErrNotFound
	}
	return nil // path: done
}

// RowsContinueDeferClose skips some rows with continue; the deferred Close
// covers every path.
func RowsContinueDeferClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.QueryContext(ctx, d.q("SELECT id, name, qty FROM oracle_items WHERE id >= ? ORDER BY id"), in.ItemID)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	var total int64
	for rows.Next() {
		var it Item
		var qty *int64
		if err := rows.Scan(&it.ID, &it.Name, &qty); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if qty == nil {
			continue
		}
		total += *qty
		if in.Limit > 0 && total >= int64(in.Limit) {
			break
		}
	}
	return rows.Err() // path: done
}

// RowsScanErrorLeaks scans qty into an int64, which fails on item 4's NULL;
// the scan error returns from inside the loop without closing the rows.
func RowsScanErrorLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.DB.QueryContext(ctx, d.q("SELECT id, qty FROM oracle_items WHERE id >= ? ORDER BY id"), in.ItemID)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	var total int64
	for rows.Next() {
		var id, qty int64
		if err := rows.Scan(&id, &qty); err != nil {
			return fmt.Errorf("scan item: %w", err) // path: scan-failed
		}
		total += qty
	}
	return rows.Err() // path: done
}

// ConnQueryLeaks reads on a connection whose Close is deferred; the break
// leaves the rows open.
func ConnQueryLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
		if in.Limit > 0 && n >= in.Limit {
			break
		}
	}
	return rows.Err() // path: done
}

// ConnQueryDeferClose closes the connection's rows too.
func ConnQueryDeferClose(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if in.Limit > 0 && n >= in.Limit {
			break
		}
	}
	return rows.Err() // path: done
}

// DiscardedQueryRows runs an UPDATE with QueryContext and drops the rows.
func DiscardedQueryRows(ctx context.Context, d Deps, in Input) error {
	if _, err := d.DB.QueryContext(ctx, d.q("UPDATE oracle_items SET qty = ? WHERE id = ?"), in.Amount, in.ItemID); err != nil {
		return fmt.Errorf("set qty: %w", err) // path: update-failed
	}
	return nil // path: done
}
