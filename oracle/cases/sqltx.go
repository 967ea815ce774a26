//go:build dbservers

package cases

import (
	"context"
	"database/sql"
	"fmt"
)

// TxErrorBranchLeaks is the README's Pay: the error branch of the write
// returns with the transaction open.
func TxErrorBranchLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit() // path: committed
}

// TxNeitherLeaks neither commits nor rolls back on its dry run.
func TxNeitherLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.Begin()
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty - ? WHERE id = ?"), in.Amount, in.ItemID); err != nil {
		tx.Rollback()
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}

// TxDeferRollbackCommit defers the Rollback, which after the Commit does
// nothing.
func TxDeferRollbackCommit(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}

// TxExplicitRollback rolls back on each failing branch and commits at the
// end, with no defer.
func TxExplicitRollback(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, &sql.TxOptions{Isolation: in.Isolation})
	if err != nil {
		return fmt.Errorf("begin: %w", err) // path: begin-failed
	}
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			return fmt.Errorf("write entry %d: %w (rollback: %v)", in.EntryID, err, rbErr)
		}
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil // path: committed
}

// TxBeginFailsHoldsNothing asks for an isolation level the driver may
// refuse: database/sql took a connection for the BeginTx, and gives it back
// when the driver refuses.
func TxBeginFailsHoldsNothing(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, &sql.TxOptions{Isolation: in.Isolation, ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err) // path: begin-failed
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM oracle_items").Scan(&n); err != nil {
		return fmt.Errorf("count: %w", err) // path: count-failed
	}
	return tx.Commit() // path: committed
}

// TxRowsClosedByCommit reads with the transaction's QueryContext and
// commits without closing the rows: Commit closes them.
func TxRowsClosedByCommit(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if it.Name == in.Name {
			return nil // path: first-matches
		}
	}
	return tx.Commit() // path: committed
}

// TxStmtClosedByCommit prepares on the transaction and does not close the
// statement: Commit and Rollback close it.
func TxStmtClosedByCommit(ctx context.Context, d Deps, in Input) error {
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"))
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("prepare: %w", err)
	}
	for i, id := range in.ItemIDs {
		if _, err := stmt.ExecContext(ctx, in.EntryID+int64(i), id, in.Amount); err != nil {
			tx.Rollback()
			return fmt.Errorf("write entry for %d: %w", id, err) // path: write-failed
		}
	}
	return tx.Commit() // path: committed
}

// ConnBeginTxCommit begins on a connection of its own and ends both.
func ConnBeginTxCommit(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit() // path: committed
}

// ConnBeginTxLeaks begins on a connection whose Close is deferred, and the
// dry run returns with the transaction open.
func ConnBeginTxLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty - ? WHERE id = ?"), in.Amount, in.ItemID); err != nil {
		tx.Rollback()
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}

// TxDeferRollbackInLoop begins one transaction per item and defers each
// Rollback in the loop: every item's transaction, committed or not, keeps
// nothing after Commit, but a failing item's stays open to the end.
func TxDeferRollbackInLoop(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		tx, err := d.DB.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID+int64(i), id, in.Amount); err != nil {
			return fmt.Errorf("write entry for %d: %w", id, err) // path: write-failed
		}
		if !in.DryRun {
			if err := tx.Commit(); err != nil {
				return fmt.Errorf("commit: %w", err)
			}
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// TxStmtOfPrepared runs a statement of the pool inside a transaction with
// tx.StmtContext, which creates no obligation: Commit and Rollback close the
// transaction's copy, the deferred Close the pool's.
func TxStmtOfPrepared(ctx context.Context, d Deps, in Input) error {
	stmt, err := d.DB.PrepareContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.StmtContext(ctx, stmt).ExecContext(ctx, in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit() // path: committed
}
