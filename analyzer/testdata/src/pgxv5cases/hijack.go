package pgxv5cases

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// dedicatedListenerLeaks takes a connection out of the pool for LISTEN, but does not close it when LISTEN fails.
func (s *Store) dedicatedListenerLeaks(ctx context.Context, channel string) (*pgx.Conn, error) {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack() // want `conn \(\*pgx\.Conn from pc\.Hijack\) is not closed on every path: the return at line 18 leaks it`
	if _, err := conn.Exec(ctx, "listen "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return nil, fmt.Errorf("listen %s: %w", channel, err)
	}
	return conn, nil
}

func (s *Store) dedicatedListenerClosesOnError(ctx context.Context, channel string) (*pgx.Conn, error) {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack()
	if _, err := conn.Exec(ctx, "listen "+pgx.Identifier{channel}.Sanitize()); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("listen %s: %w", channel, err)
	}
	return conn, nil
}

// hijackBeforeCheckLeaks returns early before the hijack, so the pooled connection is never released.
func (s *Store) hijackBeforeCheckLeaks(ctx context.Context, readOnly bool) (*pgx.Conn, error) {
	pc, err := s.pool.Acquire(ctx) // want `pc \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 43 leaks it`
	if err != nil {
		return nil, err
	}
	if readOnly {
		return nil, fmt.Errorf("refusing to detach a read-only connection")
	}
	return pc.Hijack(), nil
}

func (s *Store) hijackEndsPoolObligation(ctx context.Context, stmt string) error {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	conn := pc.Hijack()
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, stmt)
	return err
}
