// Package wrap wraps tenant: acquirers of acquirers, in the middle of the // want package:`ownership facts`
// chain. It does not import database/sql's acquisition methods itself.
package wrap

import (
	"context"
	"database/sql"
	"fmt"

	"xpkg/tenant"
)

// Repo reaches the tenant pools.
type Repo struct {
	pools *tenant.Pools
}

func (r *Repo) conn(ctx context.Context, key string) (*sql.Conn, error) { // want conn:`acquires\[0\]`
	c, err := r.pools.Conn(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("tenant %s: %w", key, err)
	}
	return c, nil
}

// TenantConn is a wrapper of a wrapper: still an acquirer.
func (r *Repo) TenantConn(ctx context.Context, key string) (*sql.Conn, error) { // want TenantConn:`acquires\[0\]`
	return r.conn(ctx, key)
}

// CountLeaks leaks on the error path: the helper only borrows.
func (r *Repo) CountLeaks(ctx context.Context, key string) (int, error) {
	c, err := r.conn(ctx, key) // want `c \(\*sql\.Conn from r\.conn\) is not closed on every path: the return at line 38 leaks it`
	if err != nil {
		return 0, err
	}
	if err := tenant.Ping(ctx, c); err != nil {
		return 0, err
	}
	var n int
	err = c.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n)
	tenant.CloseQuietly(c)
	return n, err
}

// CountCloses releases through the other package's releaser on every path.
func (r *Repo) CountCloses(ctx context.Context, key string) (int, error) {
	c, err := r.conn(ctx, key)
	if err != nil {
		return 0, err
	}
	defer tenant.CloseQuietly(c)
	if err := tenant.Ping(ctx, c); err != nil {
		return 0, err
	}
	var n int
	err = c.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n)
	return n, err
}
