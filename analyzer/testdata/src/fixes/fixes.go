// Package fixes holds leaks whose fix is unambiguous (connrelease suggests the
// deferred release, also after releases on the happy path), and at its end two
// that have none (handed over on another path; released by a helper).
package fixes

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

func connPing(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 21 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	return conn.PingContext(ctx)
}

func rowsCount(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 32 leaks it`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if n > 100 {
			return n, nil
		}
		n++
	}
	return n, rows.Err()
}

func txInsert(ctx context.Context, db *sql.DB, name string) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 45 leaks it`
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO users (name) VALUES (?)", name)
	return err
}

func poolAcquire(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx) // want `c \(\*pgxpool\.Conn from pool\.Acquire\) is not released on every path: the return at line 53 leaks it`
	if err != nil {
		return err
	}
	return c.Ping(ctx)
}

func pgxTx(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 62 leaks it`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM sessions")
	return err
}

func pgxConnect(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 70 leaks it`
	if err != nil {
		return err
	}
	return conn.Ping(ctx)
}

func redisConn(ctx context.Context, rdb *redis.Client) error {
	cn := rdb.Conn() // want `cn \(\*redis\.Conn from rdb\.Conn\) is not closed on every path: the return at line 75 leaks it`
	return cn.Ping(ctx).Err()
}

// txPay is the README's Pay: committed on the happy path only. The fix
// defers the Rollback, which does nothing after the Commit.
func txPay(ctx context.Context, db *sql.DB, order int64) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 86 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET paid = true WHERE id = ?", order); err != nil {
		return fmt.Errorf("pay order %d: %w", order, err)
	}
	return tx.Commit()
}

// rowsClosedAtTheEnd closes its rows at the end only; the explicit Close
// stays beside the deferred one.
func rowsClosedAtTheEnd(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 102 leaks it`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	err = rows.Err()
	rows.Close()
	return names, err
}

// connReleasedOnSuccess releases its pooled connection on the happy path.
func connReleasedOnSuccess(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx) // want `c \(\*pgxpool\.Conn from pool\.Acquire\) is not released on every path: the return at line 118 leaks it`
	if err != nil {
		return err
	}
	if err := c.Ping(ctx); err != nil {
		return err
	}
	c.Release()
	return nil
}

// connReturnedOnSomePath hands its connection to the caller on one path: a
// deferred Close would close it under the caller. No fix.
func connReturnedOnSomePath(ctx context.Context, db *sql.DB, keep bool) (*sql.Conn, error) {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 134 leaks it`
	if err != nil {
		return nil, err
	}
	if keep {
		return conn, nil
	}
	return nil, conn.PingContext(ctx)
}

// closeQuietly gives back any closer.
func closeQuietly(c interface{ Close() error }) { _ = c.Close() }

// connClosedByAHelper is given back by a helper on one path, not by a
// method of its own: no fix.
func connClosedByAHelper(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 148 leaks it`
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	closeQuietly(conn)
	return nil
}
