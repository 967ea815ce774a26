package service

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type migration struct {
	name string
	sql  string
}

// applyMigrationsClosedWithConn applies each pending migration in its own
// transaction on a dedicated connection. A failed migration statement
// returns without rolling back, but the deferred conn.Close ends the
// transaction with the connection: pgx ends a connection's transaction when
// it closes (the oracle's ConnectTxAbandoned measured it on PostgreSQL).
func applyMigrationsClosedWithConn(ctx context.Context, dsn string, steps []migration) (err error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		if cerr := conn.Close(ctx); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, m := range steps {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return fmt.Errorf("%s: begin: %w", m.name, err)
		}
		var applied bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE name = $1)`, m.name).Scan(&applied); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("%s: check: %w", m.name, err)
		}
		if applied {
			if err := tx.Rollback(ctx); err != nil {
				return fmt.Errorf("%s: rollback: %w", m.name, err)
			}
			continue
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, m.name); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("%s: record: %w", m.name, err)
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("%s: commit: %w", m.name, err)
		}
	}
	return nil
}

// applyMigrationsOnPoolLeaks is its twin on a pool: nothing ends the
// transaction of a failed migration statement, and its connection stays
// checked out of the pool.
func applyMigrationsOnPoolLeaks(ctx context.Context, pool *pgxpool.Pool, steps []migration) error {
	for _, m := range steps {
		tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 72 leaks it`
		if err != nil {
			return fmt.Errorf("%s: begin: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("%s: commit: %w", m.name, err)
		}
	}
	return nil
}

// applyMigrations rolls back on every failure inside the loop.
func applyMigrations(ctx context.Context, dsn string, steps []migration) (err error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		if cerr := conn.Close(ctx); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, m := range steps {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return fmt.Errorf("%s: begin: %w", m.name, err)
		}
		var applied bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE name = $1)`, m.name).Scan(&applied); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("%s: check: %w", m.name, err)
		}
		if applied {
			if err := tx.Rollback(ctx); err != nil {
				return fmt.Errorf("%s: rollback: %w", m.name, err)
			}
			continue
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("%s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, m.name); err != nil {
			_ = tx.Rollback(ctx)
			return fmt.Errorf("%s: record: %w", m.name, err)
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("%s: commit: %w", m.name, err)
		}
	}
	return nil
}

// applyDDLQueryDiscarded runs each DDL statement through QueryContext and
// drops the rows: each statement keeps a pooled connection busy.
func applyDDLQueryDiscarded(ctx context.Context, db *sql.DB, ddl []string) error {
	for i, stmt := range ddl {
		if _, err := db.QueryContext(ctx, stmt); err != nil { // want `the \*sql\.Rows from db\.QueryContext is discarded and never closed`
			return fmt.Errorf("ddl %d: %w", i, err)
		}
	}
	return nil
}

// applyDDLExec uses ExecContext, which holds nothing.
func applyDDLExec(ctx context.Context, db *sql.DB, ddl []string) error {
	for i, stmt := range ddl {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("ddl %d: %w", i, err)
		}
	}
	return nil
}
