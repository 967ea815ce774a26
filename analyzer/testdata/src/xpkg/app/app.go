// Package app is the top of the chain: it imports neither database/sql's // want package:`ownership facts`
// acquisitions nor pgx, only the wrappers, and still holds obligations.
package app

import (
	"context"
	"database/sql"

	"xpkg/tenant"
	"xpkg/wrap"
)

// dashboardLeaks hands the connection to a borrower and drops it.
func dashboardLeaks(ctx context.Context, r *wrap.Repo) error {
	conn, err := r.TenantConn(ctx, "acme") // want `conn \(\*sql\.Conn from r\.TenantConn\) is not closed on every path: the return at line 19 leaks it`
	if err != nil {
		return err
	}
	return tenant.Ping(ctx, conn)
}

// dashboardReleases gives it back through a releaser of another package.
func dashboardReleases(ctx context.Context, r *wrap.Repo) error {
	conn, err := r.TenantConn(ctx, "acme")
	if err != nil {
		return err
	}
	err = tenant.Ping(ctx, conn)
	return tenant.Finish(conn, err)
}

// sessionLeaks forgets the owning struct on the error path.
func sessionLeaks(ctx context.Context, db *sql.DB) error { // want sessionLeaks:`borrows\[1\]`
	s, err := tenant.NewSession(ctx, db) // want `s \(\*tenant\.Session from tenant\.NewSession\) is not closed on every path: the return at line 39 leaks it`
	if err != nil {
		return err
	}
	if err := s.Exec(ctx, "SELECT 1"); err != nil {
		return err
	}
	return s.Close()
}

// sessionDeferClose closes the owning struct on every path.
func sessionDeferClose(ctx context.Context, db *sql.DB) error { // want sessionDeferClose:`borrows\[1\]`
	s, err := tenant.NewSession(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Exec(ctx, "SELECT 1")
}
