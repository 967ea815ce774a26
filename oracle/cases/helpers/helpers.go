//go:build dbservers

// Package helpers holds the small acquirer, borrower and releaser helpers a
// service keeps in a package of its own. connrelease summarises them across
// the package boundary: OpenConn, Begin and AcquireAudit are acquirers,
// CloseQuietly, Finish and ReleaseAudit releasers, Healthy a borrower.
package helpers

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenConn takes a connection of db for one request and checks it.
func OpenConn(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("take a connection: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("ping: %w", err)
	}
	return conn, nil
}

// CloseQuietly closes c, ignoring the error: for defers.
func CloseQuietly(c io.Closer) {
	_ = c.Close()
}

// Healthy tells whether conn still answers. It only uses conn.
func Healthy(ctx context.Context, conn *sql.Conn) error {
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("connection unhealthy: %w", err)
	}
	return nil
}

// Begin starts a transaction on db.
func Begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	return tx, nil
}

// Finish ends tx: rolls it back when err is not nil, commits it otherwise.
func Finish(tx *sql.Tx, err error) error {
	if err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rbErr)
		}
		return err
	}
	return tx.Commit()
}

// AcquireAudit takes a connection of the audit pool.
func AcquireAudit(ctx context.Context, pool *pgxpool.Pool) (*pgxpool.Conn, error) {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("acquire audit connection: %w", err)
	}
	return c, nil
}

// ReleaseAudit gives c back to its pool.
func ReleaseAudit(c *pgxpool.Conn) {
	c.Release()
}
