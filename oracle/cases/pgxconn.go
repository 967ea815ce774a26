//go:build dbservers

package cases

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// ConnectEarlyReturnLeaks connects for a one-off job and returns early on
// an invalid request without closing the connection.
func ConnectEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := pgx.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	conn.Close(ctx)
	return err // path: done
}

// ConnectDeferClose defers the Close.
func ConnectDeferClose(ctx context.Context, d Deps, in Input) error {
	conn, err := pgx.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	return err // path: done
}

// ConnectTxSavepoint begins on the connection and a savepoint on the
// transaction, and ends both.
func ConnectTxSavepoint(ctx context.Context, d Deps, in Input) error {
	conn, err := pgx.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	sp, err := tx.Begin(ctx)
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := sp.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount); err != nil {
		sp.Rollback(ctx)
	} else if err := sp.Commit(ctx); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return tx.Commit(ctx) // path: committed
}

// ConnectTxAbandoned begins on a connection whose Close is deferred and
// returns on the dry run with the transaction open.
func ConnectTxAbandoned(ctx context.Context, d Deps, in Input) error {
	conn, err := pgx.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
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

// ConnectRowsExhausted reads every row of the connection's query without
// Close.
func ConnectRowsExhausted(ctx context.Context, d Deps, in Input) error {
	conn, err := pgx.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	return rows.Err() // path: done
}
