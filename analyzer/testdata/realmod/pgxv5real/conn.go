package pgxv5real

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

const (
	countTables  = `SELECT count(*) FROM information_schema.tables`
	createSchema = `CREATE SCHEMA IF NOT EXISTS app`
	insertUser   = `INSERT INTO users (email) VALUES ($1)`
)

// pgx.Connect -> *pgx.Conn, closed with Close(ctx).

func countTablesConnectLeaks(ctx context.Context, dsn string) (int64, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 25 leaks it`
	if err != nil {
		return 0, fmt.Errorf("connect: %w", err)
	}
	var n int64
	if err := conn.QueryRow(ctx, countTables).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tables: %w", err) // <- leaks conn
	}
	if err := conn.Close(ctx); err != nil {
		return 0, fmt.Errorf("close: %w", err)
	}
	return n, nil
}

func countTablesConnectDeferClose(ctx context.Context, dsn string) (int64, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	var n int64
	if err := conn.QueryRow(ctx, countTables).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tables: %w", err)
	}
	return n, nil
}

// pgx.ConnectConfig -> *pgx.Conn.

func migrateConnectConfigLeaks(ctx context.Context, dsn string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	cfg.RuntimeParams["application_name"] = "migrator"
	conn, err := pgx.ConnectConfig(ctx, cfg) // want `conn \(\*pgx\.Conn from pgx\.ConnectConfig\) is not closed on every path: the return at line 59 leaks it`
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if _, err := conn.Exec(ctx, createSchema); err != nil {
		return fmt.Errorf("create schema: %w", err) // <- leaks conn
	}
	return conn.Close(ctx)
}

func migrateConnectConfigDeferredClosure(ctx context.Context, dsn string) (err error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	cfg.RuntimeParams["application_name"] = "migrator"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		if cerr := conn.Close(ctx); cerr != nil && err == nil {
			err = fmt.Errorf("close: %w", cerr)
		}
	}()
	if _, err := conn.Exec(ctx, createSchema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	return nil
}

// (*pgx.Conn).Begin -> pgx.Tx.

func importEmailsConnTxLeaks(ctx context.Context, conn *pgx.Conn, emails []string) error {
	tx, err := conn.Begin(ctx) // want `tx \(pgx\.Tx from conn\.Begin\) is not committed or rolled back on every path: the return at line 94 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	for _, e := range emails {
		if _, err := tx.Exec(ctx, insertUser, e); err != nil {
			return fmt.Errorf("insert %q: %w", e, err) // <- leaks tx
		}
	}
	return tx.Commit(ctx)
}

func importEmailsConnTxDeferRollback(ctx context.Context, conn *pgx.Conn, emails []string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	for _, e := range emails {
		if _, err := tx.Exec(ctx, insertUser, e); err != nil {
			return fmt.Errorf("insert %q: %w", e, err)
		}
	}
	return tx.Commit(ctx)
}

// pgx.Tx.Begin (savepoint) -> pgx.Tx.

func insertUserSavepointLeaks(ctx context.Context, tx pgx.Tx, email string) error {
	sp, err := tx.Begin(ctx) // want `sp \(pgx\.Tx from tx\.Begin\) is not committed or rolled back on every path: the return at line 122 leaks it`
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := sp.Exec(ctx, insertUser, email); err != nil {
		return fmt.Errorf("insert %q: %w", email, err) // <- leaks sp
	}
	return sp.Commit(ctx)
}

func insertUserSavepointRollbackOnError(ctx context.Context, tx pgx.Tx, email string) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := sp.Exec(ctx, insertUser, email); err != nil {
		if rbErr := sp.Rollback(ctx); rbErr != nil {
			return fmt.Errorf("rollback savepoint: %w (after %v)", rbErr, err)
		}
		return fmt.Errorf("insert %q: %w", email, err)
	}
	return sp.Commit(ctx)
}
