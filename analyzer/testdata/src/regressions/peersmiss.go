package regressions

import (
	"context"
	"fmt"
)

// True leaks that peer linters miss because a Close call or a deferred Close
// exists somewhere in the function. Each has its clean twin beside it.

// closeOnlyWhenErrNilLeaks closes only when no scan failed; the break on a
// scan error leaves the rows open.
func (s *userStore) closeOnlyWhenErrNilLeaks(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name`) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 29 leaks it`
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err = rows.Scan(&n); err != nil {
			break
		}
		names = append(names, n)
	}
	if err == nil {
		err = rows.Close()
	}
	return names, err
}

// closeRegardlessOfErr closes on both outcomes and keeps the first error.
func (s *userStore) closeRegardlessOfErr(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err = rows.Scan(&n); err != nil {
			break
		}
		names = append(names, n)
	}
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return names, err
}

// deferCloseAfterValidationLeaks has a deferred Close, but registers it after
// a return.
func (s *userStore) deferCloseAfterValidationLeaks(ctx context.Context, ids []int64) error {
	stmt, err := s.db.PrepareContext(ctx, `UPDATE users SET verified = true WHERE id = $1`) // want `stmt \(\*sql\.Stmt from s\.db\.PrepareContext\) is not closed on every path: the return at line 60 leaks it`
	if err != nil {
		return fmt.Errorf("prepare verify: %w", err)
	}
	if len(ids) == 0 {
		return nil
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("verify %d: %w", id, err)
		}
	}
	return nil
}

// deferCloseBeforeValidation registers the Close first.
func (s *userStore) deferCloseBeforeValidation(ctx context.Context, ids []int64) error {
	stmt, err := s.db.PrepareContext(ctx, `UPDATE users SET verified = true WHERE id = $1`)
	if err != nil {
		return fmt.Errorf("prepare verify: %w", err)
	}
	defer stmt.Close()
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("verify %d: %w", id, err)
		}
	}
	return nil
}

// cleanupClosureSkippedOnEarlyExitLeaks builds a cleanup closure but takes an
// exit that never calls it.
func (s *userStore) cleanupClosureSkippedOnEarlyExitLeaks(ctx context.Context) error {
	conn, err := s.db.Conn(ctx) // want `conn \(\*sql\.Conn from s\.db\.Conn\) is not closed on every path: the return at line 98 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	cleanup := func() { _ = conn.Close() }
	if _, err := conn.ExecContext(ctx, `SET lock_timeout = '2s'`); err != nil {
		return fmt.Errorf("lock timeout: %w", err)
	}
	defer cleanup()
	_, err = conn.ExecContext(ctx, `LOCK TABLE users IN SHARE MODE`)
	return err
}

// cleanupClosureDeferredImmediately defers the cleanup closure right away.
func (s *userStore) cleanupClosureDeferredImmediately(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	cleanup := func() { _ = conn.Close() }
	defer cleanup()
	if _, err := conn.ExecContext(ctx, `SET lock_timeout = '2s'`); err != nil {
		return fmt.Errorf("lock timeout: %w", err)
	}
	_, err = conn.ExecContext(ctx, `LOCK TABLE users IN SHARE MODE`)
	return err
}
