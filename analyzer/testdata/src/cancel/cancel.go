// Package cancel holds resources given back by the cancellation of the
// context they were acquired with: database/sql rolls back a transaction of
// BeginTx and closes rows of QueryContext when that context is done, so a
// function that derives the context and cancels it on every path gives them
// back at its return (issue 11; the runtime oracle proves each case).
package cancel

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// dryRun rolls nothing back itself: the deferred cancel does.
func dryRun(ctx context.Context, db *sql.DB, dry bool) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit()
}

// first returns inside the rows loop; the cancel closes the rows.
func first(ctx context.Context, db *sql.DB) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var name string
		err := rows.Scan(&name)
		return name, err
	}
	return "", rows.Err()
}

// cancelledOnEveryPath calls cancel itself before each return.
func cancelledOnEveryPath(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithCancel(ctx)
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		cancel()
		return err
	}
	ok := rows.Next()
	cancel()
	if !ok {
		return sql.ErrNoRows
	}
	return nil
}

// cancelledOnOnePathLeaks forgets to cancel on its early return.
func cancelledOnOnePathLeaks(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithCancel(ctx)
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 74 leaks it`
	if err != nil {
		cancel()
		return err
	}
	if rows.Next() {
		return nil
	}
	cancel()
	return nil
}

// callersContextLeaks: the context is the caller's, and nothing here
// cancels it.
func callersContextLeaks(ctx context.Context, db *sql.DB, dry bool) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 88 leaks it`
	if err != nil {
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit()
}

// connLeaks: a *sql.Conn is not given back by its context's end.
func connLeaks(ctx context.Context, db *sql.DB, dry bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 102 leaks it`
	if err != nil {
		return err
	}
	if dry {
		return nil
	}
	return conn.Close()
}

// beginLeaks: a transaction of Begin() was begun with no context.
func beginLeaks(ctx context.Context, db *sql.DB, dry bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tx, err := db.Begin() // want `tx \(\*sql\.Tx from db\.Begin\) is not committed or rolled back on every path: the return at line 120 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		_ = tx.Rollback()
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit()
}

// prepareLeaks: nor is a statement.
func prepareLeaks(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stmt, err := db.PrepareContext(ctx, "DELETE FROM sessions WHERE id = $1") // want `stmt \(\*sql\.Stmt from db\.PrepareContext\) is not closed on every path: the return at line 134 leaks it`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

// pgxLeaks: pgx does not end a transaction with its context.
func pgxLeaks(ctx context.Context, pool *pgxpool.Pool, dry bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 146 leaks it`
	if err != nil {
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit(ctx)
}
