//go:build dbservers

package cases

import (
	"context"
	"fmt"
	"time"
)

// The cases of context cancellation (issue 11): database/sql rolls a
// transaction back and closes rows when the context they were begun with is
// done (database/sql's Tx.awaitDone, Rows.awaitDone); a connection, a
// transaction of Begin() and pgx's values are not given back that way.

// TxCanceledOnReturn derives the transaction's context and cancels it at
// every return: on its dry run the cancellation rolls the transaction back.
func TxCanceledOnReturn(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tx, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty - ? WHERE id = ?"), in.Amount, in.ItemID); err != nil {
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}

// RowsCanceledOnReturn returns inside the rows loop; the deadline it set
// is cancelled at the return, which closes the rows.
func RowsCanceledOnReturn(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	rows, err := d.DB.QueryContext(ctx, d.q("SELECT id, name FROM oracle_items ORDER BY id"))
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("scan: %w", err) // path: scan-failed
		}
		if name == in.Name {
			return nil // path: found
		}
	}
	return ErrNotFound // path: not-found
}

// ConnCanceledOnReturnLeaks cancels the context it took the connection
// with: a *sql.Conn is not given back by that.
func ConnCanceledOnReturnLeaks(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("conn: %w", err)
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return conn.Close() // path: closed
}

// TxOfBeginCanceledLeaks runs its statement with a context it cancels, but
// the transaction of Begin() was begun with none: it stays open.
func TxOfBeginCanceledLeaks(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
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

// PoolTxCanceledLeaks: pgx does not end a transaction when the context it
// was begun with is done.
func PoolTxCanceledLeaks(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tx, err := d.Pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, "UPDATE oracle_items SET qty = qty - $1 WHERE id = $2", in.Amount, in.ItemID); err != nil {
		tx.Rollback(ctx)
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit(ctx) // path: committed
}

// SqlxCanceledOnReturn: sqlx's transaction and rows are database/sql's, and
// end with the context they were begun with the same way.
func SqlxCanceledOnReturn(ctx context.Context, d Deps, in Input) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	tx, err := d.SQLX.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	rows, err := tx.QueryxContext(ctx, d.SQLX.Rebind("SELECT id, name FROM oracle_items ORDER BY id"))
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	for rows.Next() {
		var it struct {
			ID   int64  `db:"id"`
			Name string `db:"name"`
		}
		if err := rows.StructScan(&it); err != nil {
			return fmt.Errorf("scan: %w", err) // path: scan-failed
		}
		if it.Name == in.Name {
			return nil // path: found
		}
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit() // path: committed
}
