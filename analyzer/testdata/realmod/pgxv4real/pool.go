// Package pgxv4real exercises the connrelease catalog against the real
// github.com/jackc/pgx/v4 and pgxpool APIs (vendored).
package pgxv4real

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

const (
	insertAudit  = `INSERT INTO audit (event) VALUES ($1)`
	reserveStock = `UPDATE stock SET qty = qty - $1 WHERE sku = $2 AND qty >= $1`
	listenOrders = `LISTEN order_events`
	cancelOrder  = `UPDATE orders SET state = 'cancelled' WHERE id = $1`
)

var errOutOfStock = errors.New("out of stock")

// OrderStore is a typical repository holding a pgx v4 pool.
type OrderStore struct {
	pool *pgxpool.Pool
}

// (*pgxpool.Pool).Acquire -> *pgxpool.Conn, released with Release.

func (s *OrderStore) healthCheckEarlyReturnLeaks(ctx context.Context) error {
	pc, err := s.pool.Acquire(ctx) // want `pc \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 36 leaks it`
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if err := pc.Ping(ctx); err != nil {
		return fmt.Errorf("ping: %w", err) // <- leaks pc
	}
	pc.Release()
	return nil
}

func (s *OrderStore) healthCheckDeferRelease(ctx context.Context) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer pc.Release()
	if err := pc.Ping(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// (*pgxpool.Conn).Hijack ends the pool obligation and starts one on *pgx.Conn.

func (s *OrderStore) listenHijackedNotClosedLeaks(ctx context.Context) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	conn := pc.Hijack() // want `conn \(\*pgx\.Conn from pc\.Hijack\) is not closed on every path: the return at line 63 leaks it`
	if _, err := conn.Exec(ctx, listenOrders); err != nil {
		return fmt.Errorf("listen: %w", err) // <- leaks conn
	}
	return conn.Close(ctx)
}

func (s *OrderStore) listenHijackedDeferClose(ctx context.Context) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	conn := pc.Hijack()
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, listenOrders); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	_, err = conn.WaitForNotification(ctx)
	return err
}

// (*pgxpool.Pool).Begin -> pgx.Tx, committed or rolled back.

func (s *OrderStore) reserveEarlyReturnLeaks(ctx context.Context, sku string, qty int) error {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 91 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tag, err := tx.Exec(ctx, reserveStock, qty, sku)
	if err != nil {
		return fmt.Errorf("reserve %s: %w", sku, err) // <- leaks tx
	}
	if tag.RowsAffected() == 0 {
		_ = tx.Rollback(ctx)
		return errOutOfStock
	}
	return tx.Commit(ctx)
}

func (s *OrderStore) reserveDeferRollback(ctx context.Context, sku string, qty int) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, reserveStock, qty, sku)
	if err != nil {
		return fmt.Errorf("reserve %s: %w", sku, err)
	}
	if tag.RowsAffected() == 0 {
		return errOutOfStock
	}
	return tx.Commit(ctx)
}

// (*pgxpool.Conn).BeginTx -> pgx.Tx.

func (s *OrderStore) auditOnPooledConnTxLeaks(ctx context.Context, event string) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer pc.Release()
	// Not a leak: pgxpool's deferred Release destroys a connection that is still
	// in a transaction or busy with rows, and the server rolls back (measured by
	// the runtime oracle, oracle/cases PooledConnTxAbandoned, PooledConnRowsAbandoned).
	tx, err := pc.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, insertAudit, event); err != nil {
		return fmt.Errorf("insert audit: %w", err) // <- leaks tx
	}
	return tx.Commit(ctx)
}

func (s *OrderStore) auditOnPooledConnTxRollbackOnError(ctx context.Context, event string) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer pc.Release()
	tx, err := pc.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, insertAudit, event); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("insert audit: %w", err)
	}
	return tx.Commit(ctx)
}

// AcquireFunc and the v4 BeginFunc/BeginTxFunc methods create no obligation.

func (s *OrderStore) analyzeAcquireFunc(ctx context.Context) error {
	return s.pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		_, err := c.Exec(ctx, `ANALYZE orders`)
		return err
	})
}

func (s *OrderStore) cancelBeginFunc(ctx context.Context, id int64) error {
	err := s.pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, cancelOrder, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("cancel order %d: %w", id, err)
	}
	return nil
}

func (s *OrderStore) cancelBeginTxFuncOnPooledConn(ctx context.Context, id int64) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer pc.Release()
	return pc.BeginTxFunc(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, cancelOrder, id)
		return err
	})
}
