package pgxv5real

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A pgx.Row of a pool holds its pooled connection until Scan (pgx issue
// 1050): poolRow.Scan releases it.

func poolRowScanned(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	var name string
	err := pool.QueryRow(ctx, "SELECT name FROM items WHERE id = $1", id).Scan(&name)
	return name, err
}

func poolRowEarlyReturnLeaks(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	row := pool.QueryRow(ctx, "SELECT name FROM items WHERE id = $1", id) // want `row \(pgx\.Row from pool\.QueryRow\) is not scanned on every path: the return at line 23 leaks it`
	if id <= 0 {
		return "", errors.New("bad id")
	}
	var name string
	return name, row.Scan(&name)
}

func txRowScanned(ctx context.Context, tx pgx.Tx, id int64) (int64, error) {
	row := tx.QueryRow(ctx, "SELECT qty FROM items WHERE id = $1", id)
	var qty int64
	if err := row.Scan(&qty); err != nil {
		return 0, err
	}
	return qty, nil
}

func connRowDroppedLeaks(ctx context.Context, conn *pgx.Conn, id int64) error {
	row := conn.QueryRow(ctx, "SELECT 1 FROM items WHERE id = $1", id) // want `the pgx\.Row from conn\.QueryRow is discarded and never scanned`
	_ = row
	return nil
}

// A row begun on a pooled connection ends with its Release, as its rows do.
func pooledConnRowReleased(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	row := c.QueryRow(ctx, "SELECT 1 FROM items WHERE id = $1", id)
	if id < 0 {
		return nil
	}
	var one int
	return row.Scan(&one)
}
