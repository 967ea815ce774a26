package pgxv5cases

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func (s *Store) touchUserEarlyReturnLeaks(ctx context.Context, userID int64) error {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 18 leaks it`
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if _, err := conn.Exec(ctx, "set application_name = 'billing'"); err != nil {
		return fmt.Errorf("set application_name: %w", err)
	}
	_, err = conn.Exec(ctx, "update users set last_seen = now() where id = $1", userID)
	conn.Release()
	return err
}

func (s *Store) touchUserDeferRelease(ctx context.Context, userID int64) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "set application_name = 'billing'"); err != nil {
		return fmt.Errorf("set application_name: %w", err)
	}
	_, err = conn.Exec(ctx, "update users set last_seen = now() where id = $1", userID)
	return err
}

func (s *Store) lockUserMissingReleaseOnNotFoundLeaks(ctx context.Context, userID int64) (string, error) {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 46 leaks it`
	if err != nil {
		return "", err
	}
	var email string
	err = conn.QueryRow(ctx, "select email from users where id = $1 for update skip locked", userID).Scan(&email)
	if err == pgx.ErrNoRows {
		return "", errNotFound
	}
	if err != nil {
		conn.Release()
		return "", err
	}
	conn.Release()
	return email, nil
}

func (s *Store) lockUserReleaseOnEveryPath(ctx context.Context, userID int64) (string, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return "", err
	}
	var email string
	err = conn.QueryRow(ctx, "select email from users where id = $1 for update skip locked", userID).Scan(&email)
	if err == pgx.ErrNoRows {
		conn.Release()
		return "", errNotFound
	}
	if err != nil {
		conn.Release()
		return "", err
	}
	conn.Release()
	return email, nil
}

// checkoutPingFailureLeaks hands the connection to the caller, but forgets it when the ping fails.
func (s *Store) checkoutPingFailureLeaks(ctx context.Context) (*pgxpool.Conn, error) {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 82 leaks it`
	if err != nil {
		return nil, err
	}
	if err := conn.Ping(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	return conn, nil
}

func (s *Store) checkoutReturnsConnToCaller(ctx context.Context) (*pgxpool.Conn, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Release()
		return nil, fmt.Errorf("ping: %w", err)
	}
	return conn, nil
}

func (s *Store) releaseThroughMethodValue(ctx context.Context) (int32, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	release := conn.Release
	defer release()
	var backends int32
	err = conn.QueryRow(ctx, "select count(*) from pg_stat_activity").Scan(&backends)
	return backends, err
}

func (s *Store) releaseInDeferredClosure(ctx context.Context, userID int64) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer func() {
		s.log.Debug("releasing connection", "user", userID)
		conn.Release()
	}()
	_, err = conn.Exec(ctx, "delete from sessions where user_id = $1", userID)
	return err
}

func (s *Store) nilConnCheckDeferRelease(ctx context.Context) error {
	conn, _ := s.pool.Acquire(ctx)
	if conn == nil {
		return errNoConn
	}
	defer conn.Release()
	return conn.Ping(ctx)
}

// logArgumentOnlyBorrowsLeaks passes the connection to slog, which does not take ownership.
func (s *Store) logArgumentOnlyBorrowsLeaks(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 141 leaks it`
	if err != nil {
		return err
	}
	if err := conn.Ping(ctx); err != nil {
		slog.Error("ping failed", "conn", conn, "err", err)
		return err
	}
	conn.Release()
	return nil
}

func (s *Store) connHandedToKeepAliveGoroutine(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	go s.keepAlive(ctx, conn)
	return nil
}

func (s *Store) keepAlive(ctx context.Context, conn *pgxpool.Conn) {
	defer conn.Release()
	<-ctx.Done()
}

func (s *Store) pingOrPanicDeferRelease(ctx context.Context) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		panic(fmt.Sprintf("database unavailable: %v", err))
	}
	if err := conn.Ping(ctx); err != nil {
		panic(fmt.Sprintf("database unhealthy: %v", err))
	}
	conn.Release()
}

func (s *Store) acquireFuncHasNoObligation(ctx context.Context, userID int64) error {
	return s.pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		_, err := conn.Exec(ctx, "update users set last_seen = now() where id = $1", userID)
		return err
	})
}

// beginFuncOnPooledConnLeaks: pgx.BeginFunc only borrows the pooled connection.
func (s *Store) beginFuncOnPooledConnLeaks(ctx context.Context, userID int64) error {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 190 leaks it`
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "delete from sessions where user_id = $1", userID)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge sessions: %w", err)
	}
	conn.Release()
	return nil
}

func (s *Store) beginFuncOnPooledConnDeferRelease(ctx context.Context, userID int64) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "delete from sessions where user_id = $1", userID)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge sessions: %w", err)
	}
	return nil
}

// connWithReleaseFunc returns the connection together with a closure that releases it.
func (s *Store) connWithReleaseFunc(ctx context.Context) (*pgx.Conn, func(), error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, nil, err
	}
	return conn.Conn(), func() { conn.Release() }, nil
}
