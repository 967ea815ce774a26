//go:build dbservers

package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The sqlx cases: sqlx's Conn, Tx, Rows, Stmt and NamedStmt embed
// database/sql's, whose Close, Commit, Rollback and Next they promote.

// SqlxConnxEarlyReturnLeaks validates the request after taking a
// connection with Connx, and its early return forgets the connection.
func SqlxConnxEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.SQLX.Connx(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var it Item
	err = conn.GetContext(ctx, &it, d.SQLX.Rebind("SELECT id, name FROM oracle_items WHERE id = ?"), in.ItemID)
	conn.Close()
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// SqlxConnxDeferClose is SqlxConnxEarlyReturnLeaks with the Close deferred.
func SqlxConnxDeferClose(ctx context.Context, d Deps, in Input) error {
	conn, err := d.SQLX.Connx(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var it Item
	err = conn.GetContext(ctx, &it, d.SQLX.Rebind("SELECT id, name FROM oracle_items WHERE id = ?"), in.ItemID)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// SqlxBeginxErrorBranchLeaks begins with Beginx; the error branch of the
// write returns with the transaction open.
func SqlxBeginxErrorBranchLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := d.SQLX.Beginx()
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, tx.Rebind("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit() // path: committed
}

// SqlxBeginTxxDeferRollback begins with BeginTxx, writes with a named
// statement, and defers the Rollback, which after the Commit does nothing.
func SqlxBeginTxxDeferRollback(ctx context.Context, d Deps, in Input) error {
	tx, err := d.SQLX.BeginTxx(ctx, &sql.TxOptions{Isolation: in.Isolation})
	if err != nil {
		return fmt.Errorf("begin: %w", err) // path: begin-failed
	}
	defer tx.Rollback()
	e := Entry{ID: in.EntryID, ItemID: in.ItemID, Amount: in.Amount}
	if _, err := tx.NamedExecContext(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES (:id, :item_id, :amount)", e); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit() // path: committed
}

// SqlxMustBeginNeitherLeaks begins with MustBegin and neither commits nor
// rolls back on its dry run.
func SqlxMustBeginNeitherLeaks(ctx context.Context, d Deps, in Input) error {
	tx := d.SQLX.MustBegin()
	if _, err := tx.ExecContext(ctx, tx.Rebind("UPDATE oracle_items SET qty = qty - ? WHERE id = ?"), in.Amount, in.ItemID); err != nil {
		tx.Rollback()
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}

// SqlxTxQueryxClosedByRollback reads with the transaction's QueryxContext
// and returns without closing the rows: the deferred Rollback, or the
// Commit, closes them (database/sql closes a transaction's rows when it
// ends, and sqlx's Rows are database/sql's).
func SqlxTxQueryxClosedByRollback(ctx context.Context, d Deps, in Input) error {
	tx, err := d.SQLX.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryxContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if rows.Next() {
		var it Item
		if err := rows.StructScan(&it); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if it.Name == in.Name {
			return nil // path: first-matches
		}
	}
	return tx.Commit() // path: committed
}

// SqlxQueryxReturnInsideLoopLeaks looks for an item by name with Queryx
// and returns from inside the rows loop when it finds it, without closing
// the rows; when it finds none, Next returning false closed them.
func SqlxQueryxReturnInsideLoopLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.SQLX.Queryx("SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	for rows.Next() {
		var it Item
		if err := rows.StructScan(&it); err != nil {
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

// SqlxQueryxContextBreakLeaks lists at most Limit items with QueryxContext
// and breaks out of the rows loop without closing them.
func SqlxQueryxContextBreakLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.SQLX.QueryxContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.StructScan(&it); err != nil {
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

// SqlxNamedQueryDeferClose looks for an item by name among the items from
// ItemID on, with NamedQuery, and defers the Close.
func SqlxNamedQueryDeferClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.SQLX.NamedQuery("SELECT id, name FROM oracle_items WHERE id >= :min ORDER BY id", map[string]any{"min": in.ItemID})
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var it Item
		if err := rows.StructScan(&it); err != nil {
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

// SqlxPreparexEarlyReturnLeaks prepares with PreparexContext and returns
// early on an empty batch without closing the statement.
func SqlxPreparexEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.SQLX.PreparexContext(ctx, d.SQLX.Rebind("UPDATE oracle_items SET qty = qty + ? WHERE id = ?"))
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

// SqlxPrepareNamedDeferClose prepares a named statement and defers its
// Close.
func SqlxPrepareNamedDeferClose(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.SQLX.PrepareNamed("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (:id, :item_id, :amount)")
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	if len(in.ItemIDs) == 0 {
		return nil // path: empty
	}
	for i, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, Entry{ID: in.EntryID + int64(i), ItemID: id, Amount: in.Amount}); err != nil {
			return fmt.Errorf("write entry for %d: %w", id, err) // path: write-failed
		}
	}
	return nil // path: done
}

// SqlxPrepareNamedLeaks prepares a named statement and forgets it on the
// dry run.
func SqlxPrepareNamedLeaks(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.SQLX.PrepareNamed("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (:id, :item_id, :amount)")
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	for i, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, Entry{ID: in.EntryID + int64(i), ItemID: id, Amount: in.Amount}); err != nil {
			stmt.Close()
			return fmt.Errorf("write entry for %d: %w", id, err)
		}
	}
	return stmt.Close() // path: done
}
