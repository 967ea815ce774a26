// Package fixes holds leaks whose fix is unambiguous: connrelease suggests
// the deferred release, and applying every fix leaves code that builds and
// reports nothing.
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
