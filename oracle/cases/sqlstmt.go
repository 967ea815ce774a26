//go:build dbservers

package cases

import (
	"context"
	"fmt"
)

// StmtEarlyReturnLeaks prepares on the pool and returns early on an empty
// batch without closing the statement.
func StmtEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.DB.PrepareContext(ctx, d.q("UPDATE oracle_items SET qty = qty + ? WHERE id = ?"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if len(in.ItemIDs) == 0 {
		return nil // path: empty
	}
	for _, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, in.Amount, id); err != nil {
			stmt.Close()
			return fmt.Errorf("restock %d: %w", id, err)
		}
	}
	return stmt.Close() // path: done
}

// StmtDeferClose is the same batch with the Close deferred.
func StmtDeferClose(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.DB.Prepare(d.q("UPDATE oracle_items SET qty = qty + ? WHERE id = ?"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	if len(in.ItemIDs) == 0 {
		return nil // path: empty
	}
	for _, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, in.Amount, id); err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
	}
	return nil // path: done
}

// StmtQueryBreakLeaks prepares a listing, closes the statement, and breaks
// out of the statement's rows without closing them.
func StmtQueryBreakLeaks(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.DB.PrepareContext(ctx, d.q("SELECT id, name FROM oracle_items WHERE id >= ? ORDER BY id"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx, in.ItemID)
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

// ConnPrepareLeaks prepares on a connection of its own, closes the
// connection and forgets the statement on the dry run.
func ConnPrepareLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, d.q("UPDATE oracle_items SET qty = qty + ? WHERE id = ?"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	for _, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, in.Amount, id); err != nil {
			stmt.Close()
			return fmt.Errorf("restock %d: %w", id, err)
		}
	}
	return stmt.Close() // path: done
}

// ConnPrepareDeferClose closes the connection's statement on every path.
func ConnPrepareDeferClose(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, d.q("UPDATE oracle_items SET qty = qty + ? WHERE id = ?"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	if in.DryRun {
		return nil // path: dry-run
	}
	for _, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, in.Amount, id); err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
	}
	return nil // path: done
}
