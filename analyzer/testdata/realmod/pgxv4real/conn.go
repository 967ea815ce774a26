package pgxv4real

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v4"
)

const (
	serverVersion = `SHOW server_version`
	createOrders  = `CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY)`
	insertLine    = `INSERT INTO order_lines (order_id, sku) VALUES ($1, $2)`
	listSkus      = `SELECT sku FROM order_lines WHERE order_id = $1`
	markShipped   = `UPDATE orders SET state = 'shipped' WHERE id = $1`
)

// pgx.Connect -> *pgx.Conn, closed with Close(ctx).

func serverVersionConnectLeaks(ctx context.Context, dsn string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 27 leaks it`
	if err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	var v string
	if err := conn.QueryRow(ctx, serverVersion).Scan(&v); err != nil {
		return "", fmt.Errorf("server version: %w", err) // <- leaks conn
	}
	if err := conn.Close(ctx); err != nil {
		return "", fmt.Errorf("close: %w", err)
	}
	return v, nil
}

func serverVersionConnectDeferClose(ctx context.Context, dsn string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	var v string
	if err := conn.QueryRow(ctx, serverVersion).Scan(&v); err != nil {
		return "", fmt.Errorf("server version: %w", err)
	}
	return v, nil
}

// pgx.ConnectConfig -> *pgx.Conn.

func bootstrapConnectConfigLeaks(ctx context.Context, dsn string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	cfg.PreferSimpleProtocol = true
	conn, err := pgx.ConnectConfig(ctx, cfg) // want `conn \(\*pgx\.Conn from pgx\.ConnectConfig\) is not closed on every path: the return at line 61 leaks it`
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if _, err := conn.Exec(ctx, createOrders); err != nil {
		return fmt.Errorf("create orders: %w", err) // <- leaks conn
	}
	return conn.Close(ctx)
}

func bootstrapConnectConfigCloseOnEveryPath(ctx context.Context, dsn string) error {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return fmt.Errorf("parse config: %w", err)
	}
	cfg.PreferSimpleProtocol = true
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if _, err := conn.Exec(ctx, createOrders); err != nil {
		_ = conn.Close(ctx)
		return fmt.Errorf("create orders: %w", err)
	}
	return conn.Close(ctx)
}

// (*pgx.Conn).Begin and pgx.Tx.Begin (savepoint) -> pgx.Tx.

func addLinesConnTxLeaks(ctx context.Context, conn *pgx.Conn, orderID int64, skus []string) error {
	tx, err := conn.Begin(ctx) // want `tx \(pgx\.Tx from conn\.Begin\) is not committed or rolled back on every path: the return at line 92 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	for _, sku := range skus {
		if _, err := tx.Exec(ctx, insertLine, orderID, sku); err != nil {
			return fmt.Errorf("add line %s: %w", sku, err) // <- leaks tx
		}
	}
	return tx.Commit(ctx)
}

func addLinesConnTxDeferRollback(ctx context.Context, conn *pgx.Conn, orderID int64, skus []string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	for _, sku := range skus {
		if _, err := tx.Exec(ctx, insertLine, orderID, sku); err != nil {
			return fmt.Errorf("add line %s: %w", sku, err)
		}
	}
	return tx.Commit(ctx)
}

func addLineSavepointLeaks(ctx context.Context, tx pgx.Tx, orderID int64, sku string) error {
	sp, err := tx.Begin(ctx) // want `sp \(pgx\.Tx from tx\.Begin\) is not committed or rolled back on every path: the return at line 118 leaks it`
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := sp.Exec(ctx, insertLine, orderID, sku); err != nil {
		return fmt.Errorf("add line %s: %w", sku, err) // <- leaks sp
	}
	return sp.Commit(ctx)
}

func addLineSavepointDeferRollback(ctx context.Context, tx pgx.Tx, orderID int64, sku string) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	defer sp.Rollback(ctx)
	if _, err := sp.Exec(ctx, insertLine, orderID, sku); err != nil {
		return fmt.Errorf("add line %s: %w", sku, err)
	}
	return sp.Commit(ctx)
}

// (*pgx.Conn).Query -> pgx.Rows.

func skusQueryReturnOrBreakLeaks(ctx context.Context, conn *pgx.Conn, orderID int64, limit int) ([]string, error) {
	rows, err := conn.Query(ctx, listSkus, orderID) // want `rows \(pgx\.Rows from conn\.Query\) is not closed on every path: the return at line 153 leaks it`
	if err != nil {
		return nil, fmt.Errorf("list skus: %w", err)
	}
	var skus []string
	for rows.Next() {
		var sku string
		if err := rows.Scan(&sku); err != nil {
			return nil, fmt.Errorf("scan sku: %w", err) // a failed Scan closes the rows
		}
		skus = append(skus, sku)
		if len(skus) == limit {
			break
		}
	}
	return skus, rows.Err()
}

func skusQueryDeferClose(ctx context.Context, conn *pgx.Conn, orderID int64, limit int) ([]string, error) {
	rows, err := conn.Query(ctx, listSkus, orderID)
	if err != nil {
		return nil, fmt.Errorf("list skus: %w", err)
	}
	defer rows.Close()
	var skus []string
	for rows.Next() {
		var sku string
		if err := rows.Scan(&sku); err != nil {
			return nil, fmt.Errorf("scan sku: %w", err)
		}
		skus = append(skus, sku)
		if len(skus) == limit {
			break
		}
	}
	return skus, rows.Err()
}

// pgx.Tx.SendBatch -> pgx.BatchResults.

func shipOrdersBatchLeaks(ctx context.Context, tx pgx.Tx, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(markShipped, id)
	}
	br := tx.SendBatch(ctx, b) // want `br \(pgx\.BatchResults from tx\.SendBatch\) is not closed on every path: the return at line 186 leaks it`
	for _, id := range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("ship order %d: %w", id, err) // <- leaks br
		}
	}
	return br.Close()
}

func shipOrdersBatchDeferClose(ctx context.Context, tx pgx.Tx, ids []int64) (err error) {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(markShipped, id)
	}
	br := tx.SendBatch(ctx, b)
	defer func() {
		if cerr := br.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for _, id := range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("ship order %d: %w", id, err)
		}
	}
	return nil
}

// (*pgx.Conn).BeginFunc creates no obligation.
func shipOrderConnBeginFunc(ctx context.Context, conn *pgx.Conn, id int64) error {
	return conn.BeginFunc(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, markShipped, id)
		return err
	})
}
