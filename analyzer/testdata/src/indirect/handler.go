// Package indirect acquires connections without importing database/sql: the
// *sql.DB comes from another package.
package indirect

import (
	"context"

	"indirect/deps"
)

func pingLeaks(ctx context.Context, d *deps.Deps) error {
	conn, err := d.DB.Conn(ctx) // want `conn \(\*sql\.Conn from d\.DB\.Conn\) is not closed on every path: the return at line 16 leaks it`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func pingCloses(ctx context.Context, d *deps.Deps) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}
