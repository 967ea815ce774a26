package ownership

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 5: a closure that captures the value and escapes takes it along.

type event struct {
	ID   int64
	Kind string
}

// shutdownHooks run when the process stops.
var shutdownHooks []func()

func onShutdown(hook func()) {
	shutdownHooks = append(shutdownHooks, hook)
}

// eventCursorReturnsClosures returns an iterator and its stop function; both
// capture the rows.
func (r *sessionRepo) eventCursorReturnsClosures(ctx context.Context, since int64) (func(*event) bool, func() error, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, kind FROM events WHERE id > $1 ORDER BY id`, since)
	if err != nil {
		return nil, nil, fmt.Errorf("query events: %w", err)
	}
	next := func(e *event) bool {
		return rows.Next() && rows.Scan(&e.ID, &e.Kind) == nil
	}
	stop := func() error {
		return rows.Close()
	}
	return next, stop, nil
}

// eventCursorColumnsLeaks returns before the closures exist.
func (r *sessionRepo) eventCursorColumnsLeaks(ctx context.Context, since int64) (func(*event) bool, func() error, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, kind FROM events WHERE id > $1 ORDER BY id`, since) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 47 leaks it`
	if err != nil {
		return nil, nil, fmt.Errorf("query events: %w", err)
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, fmt.Errorf("event columns: %w", err)
	}
	if len(cols) != 2 {
		return nil, nil, fmt.Errorf("event columns: got %d", len(cols))
	}
	next := func(e *event) bool {
		return rows.Next() && rows.Scan(&e.ID, &e.Kind) == nil
	}
	stop := func() error {
		return rows.Close()
	}
	return next, stop, nil
}

// keepMaintenanceConnUntilShutdown passes a closing closure to a function
// that keeps it.
func keepMaintenanceConnUntilShutdown(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("maintenance conn: %w", err)
	}
	onShutdown(func() { conn.Close() })
	return nil
}

// keepMaintenanceConnPingLeaks returns before registering the hook.
func keepMaintenanceConnPingLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 79 leaks it`
	if err != nil {
		return fmt.Errorf("maintenance conn: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("maintenance ping: %w", err)
	}
	onShutdown(func() { conn.Close() })
	return nil
}

// janitor collects cleanup functions.
type janitor struct {
	cleanups []func() error
}

// holdTempTableStoresClosure stores a closure capturing the connection in a
// field of the receiver; the temp table lives as long as the connection.
func (j *janitor) holdTempTableStoresClosure(ctx context.Context, db *sql.DB, table string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "CREATE TEMP TABLE "+table+" (id bigint)"); err != nil {
		conn.Close()
		return fmt.Errorf("create %s: %w", table, err)
	}
	j.cleanups = append(j.cleanups, func() error { return conn.Close() })
	return nil
}
