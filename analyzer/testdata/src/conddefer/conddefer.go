// Package conddefer holds releases deferred under a condition on the
// function's error: where the error's value at a return cannot be told, the
// release may not run there (issue 11).
package conddefer

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// releasedOnErrorOnly gives the connection back only when it fails: on
// success, whatever Ping returned, nothing releases it.
func releasedOnErrorOnly(ctx context.Context, pool *pgxpool.Pool) (err error) {
	c, err := pool.Acquire(ctx) // want `c \(\*pgxpool\.Conn from pool\.Acquire\) is not released on every path: the return at line 26 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			c.Release()
		}
	}()
	return c.Ping(ctx)
}

// rollbackOnErrorCommitOtherwise: the deferred Rollback covers every
// return whose error is known, and Commit the last.
func rollbackOnErrorCommitOtherwise(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		return fmt.Errorf("delete sessions: %w", err)
	}
	if _, err = tx.ExecContext(ctx, "DELETE FROM tokens"); err != nil {
		return err
	}
	return tx.Commit()
}

// rollbackOnErrorForgetsCommit returns what a helper says, with no Commit:
// on success the transaction stays open.
func rollbackOnErrorForgetsCommit(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 62 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	return touch(ctx, tx)
}

func touch(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE t SET n = n + 1")
	return err
}

// releasedUnlessKept hands the connection over only when it succeeds; the
// condition is a flag the function sets, known at every return.
func releasedUnlessKept(ctx context.Context, pool *pgxpool.Pool, kept chan<- *pgxpool.Conn) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	sent := false
	defer func() {
		if !sent {
			c.Release()
		}
	}()
	if err := c.Ping(ctx); err != nil {
		return err
	}
	kept <- c
	sent = true
	return nil
}

// appendErr joins two errors, as multierr.Append does.
func appendErr(a, b error) error {
	if a == nil {
		return b
	}
	return a
}

// rollbackOnWrappedError is goose v3.30.0's CleanupStaleLocks: the error
// at the early return wraps a non-nil one, so the deferred Rollback runs.
func rollbackOnWrappedError(ctx context.Context, db *sql.DB) (_ []int64, retErr error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if retErr != nil {
			retErr = appendErr(retErr, tx.Rollback())
		}
	}()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM locks FOR UPDATE")
	if err != nil {
		return nil, fmt.Errorf("select: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, appendErr(fmt.Errorf("scan: %w", err), rows.Close())
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return ids, tx.Commit()
}
