package sqlbasic

import (
	"context"
	"database/sql"
	"fmt"
)

// (*sql.DB).Conn -> *sql.Conn, released by Close.

// connEarlyReturnLeaks pins a connection for a session setting and forgets to
// hand it back to the pool when the setting fails.
func connEarlyReturnLeaks(ctx context.Context, db *sql.DB, tz string) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 19 leaks it`
	if err != nil {
		return fmt.Errorf("checkout connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SET TIME ZONE "+tz); err != nil {
		return fmt.Errorf("set time zone %q: %w", tz, err)
	}
	var now string
	if err := conn.QueryRowContext(ctx, "SELECT now()::text").Scan(&now); err != nil {
		_ = conn.Close()
		return fmt.Errorf("read clock: %w", err)
	}
	return conn.Close()
}

// connEarlyReturnDeferClose is the same work with the release deferred.
func connEarlyReturnDeferClose(ctx context.Context, db *sql.DB, tz string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout connection: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET TIME ZONE "+tz); err != nil {
		return fmt.Errorf("set time zone %q: %w", tz, err)
	}
	var now string
	if err := conn.QueryRowContext(ctx, "SELECT now()::text").Scan(&now); err != nil {
		return fmt.Errorf("read clock: %w", err)
	}
	return nil
}

// connExplicitCloseOnEveryPath releases with an explicit Close on each path.
func (r *userRepo) connExplicitCloseOnEveryPath(ctx context.Context, id int64) (string, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("checkout connection: %w", err)
	}
	var email string
	err = conn.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, id).Scan(&email)
	if err != nil {
		conn.Close()
		return "", fmt.Errorf("load email of %d: %w", id, err)
	}
	if cerr := conn.Close(); cerr != nil {
		return "", fmt.Errorf("release connection: %w", cerr)
	}
	return email, nil
}
