// Package pgxv5real exercises the connrelease catalog against the real
// github.com/jackc/pgx/v5 and pgxpool APIs (vendored).
package pgxv5real

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	insertAudit    = `INSERT INTO audit (event) VALUES ($1)`
	updateEmail    = `UPDATE users SET email = $1 WHERE id = $2`
	listenUsers    = `LISTEN user_events`
	deactivateUser = `UPDATE users SET active = false WHERE id = $1`
)

var errNotFound = errors.New("user not found")

// UserStore is a typical repository holding a pool.
type UserStore struct {
	pool *pgxpool.Pool
}

// (*pgxpool.Pool).Acquire -> *pgxpool.Conn, released with Release.

func (s *UserStore) pingConnEarlyReturnLeaks(ctx context.Context) error {
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

func (s *UserStore) pingConnDeferRelease(ctx context.Context) error {
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

func (s *UserStore) listenHijackedNotClosedLeaks(ctx context.Context) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	conn := pc.Hijack() // want `conn \(\*pgx\.Conn from pc\.Hijack\) is not closed on every path: the return at line 63 leaks it`
	if _, err := conn.Exec(ctx, listenUsers); err != nil {
		return fmt.Errorf("listen: %w", err) // <- leaks conn
	}
	return conn.Close(ctx)
}

func (s *UserStore) listenHijackedHandedToCaller(ctx context.Context) (*pgx.Conn, error) {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("acquire: %w", err)
	}
	conn := pc.Hijack()
	if _, err := conn.Exec(ctx, listenUsers); err != nil {
		_ = conn.Close(ctx)
		return nil, fmt.Errorf("listen: %w", err)
	}
	return conn, nil
}

// (*pgxpool.Pool).Begin -> pgx.Tx, committed or rolled back.

func (s *UserStore) changeEmailEarlyReturnLeaks(ctx context.Context, id int64, email string) error {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 90 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tag, err := tx.Exec(ctx, updateEmail, email, id)
	if err != nil {
		return fmt.Errorf("update email: %w", err) // <- leaks tx
	}
	if tag.RowsAffected() != 1 {
		_ = tx.Rollback(ctx)
		return errNotFound
	}
	return tx.Commit(ctx)
}

func (s *UserStore) changeEmailDeferRollback(ctx context.Context, id int64, email string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, updateEmail, email, id)
	if err != nil {
		return fmt.Errorf("update email: %w", err)
	}
	if tag.RowsAffected() != 1 {
		return errNotFound
	}
	return tx.Commit(ctx)
}

// (*pgxpool.Conn).BeginTx -> pgx.Tx.

func (s *UserStore) auditOnPooledConnTxLeaks(ctx context.Context, event string) error {
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

func (s *UserStore) auditOnPooledConnTxRollbackOnError(ctx context.Context, event string) error {
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

// AcquireFunc and BeginFunc/BeginTxFunc manage the resource themselves: no obligation.

func (s *UserStore) vacuumAcquireFunc(ctx context.Context) error {
	return s.pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		_, err := c.Exec(ctx, `VACUUM users`)
		return err
	})
}

func (s *UserStore) deactivateBeginFunc(ctx context.Context, id int64) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, deactivateUser, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("deactivate %d: %w", id, err)
	}
	return nil
}

func (s *UserStore) deactivateBeginTxFunc(ctx context.Context, id int64) error {
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead}
	return pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, deactivateUser, id)
		return err
	})
}
