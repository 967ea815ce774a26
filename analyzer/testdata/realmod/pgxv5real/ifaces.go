package pgxv5real

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DBTX is sqlc's generated interface, pgx flavour, with the Begin that
// pgxpool.Pool and pgx.Conn both have.
type DBTX interface {
	Exec(context.Context, string, ...interface{}) (pgconn.CommandTag, error)
	Query(context.Context, string, ...interface{}) (pgx.Rows, error)
	QueryRow(context.Context, string, ...interface{}) pgx.Row
	Begin(ctx context.Context) (pgx.Tx, error)
}

// firstNameLeaks returns the first name with the rows open (a failed Scan
// or Next returning false would have closed them).
func firstNameLeaks(ctx context.Context, db DBTX) (string, error) {
	rows, err := db.Query(ctx, "SELECT name FROM authors") // want `rows \(pgx\.Rows from db\.Query\) is not closed on every path: the return at line 32 leaks it`
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", rows.Err()
	}
	var name string
	err = rows.Scan(&name)
	return name, err
}

// names is sqlc's own shape.
func names(ctx context.Context, db DBTX) ([]string, error) {
	rows, err := db.Query(ctx, "SELECT name FROM authors")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// moveLeaks returns with the transaction open when Exec fails.
func moveLeaks(ctx context.Context, db DBTX) error {
	tx, err := db.Begin(ctx) // want `tx \(pgx\.Tx from db\.Begin\) is not committed or rolled back on every path: the return at line 60 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE authors SET bio = NULL"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// move rolls back on every path.
func move(ctx context.Context, db DBTX) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE authors SET bio = NULL"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Pooled is a program's view of a pooled connection: Conn is a getter of
// the connection it wraps, not an acquisition.
type Pooled interface {
	Conn() *pgx.Conn
	Release()
}

// Acquirer hands pooled connections out as *pgxpool.Pool.Acquire does.
type Acquirer interface {
	Acquire(ctx context.Context) (*pgxpool.Conn, error)
}

// pingLeaks forgets the connection when Ping fails.
func pingLeaks(ctx context.Context, a Acquirer) error {
	c, err := a.Acquire(ctx) // want `c \(\*pgxpool\.Conn from a\.Acquire\) is not released on every path: the return at line 97 leaks it`
	if err != nil {
		return err
	}
	if err := c.Ping(ctx); err != nil {
		return err
	}
	c.Release()
	return nil
}

// pingThrough uses the connection a getter returns: its owner releases it.
func pingThrough(ctx context.Context, p Pooled) error {
	return p.Conn().Ping(ctx)
}

// withPoolTxLeaks leaves the transaction open when the callback fails.
func withPoolTxLeaks(ctx context.Context, pool *pgxpool.Pool, f func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 115 leaks it`
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// withPoolTx rolls back on every path: Rollback after Commit does nothing.
func withPoolTx(ctx context.Context, pool *pgxpool.Pool, f func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
