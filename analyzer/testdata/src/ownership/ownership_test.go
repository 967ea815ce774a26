package ownership

import (
	"context"
	"database/sql"
	"testing"
)

// Point 5: t.Cleanup takes ownership of what its function closes.

// seedTenantCleanupCloses registers the Close with t.Cleanup.
func seedTenantCleanupCloses(t *testing.T, db *sql.DB, tenant string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatalf("checkout: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(ctx, `INSERT INTO tenants (name) VALUES ($1)`, tenant); err != nil {
		t.Errorf("seed tenant %s: %v", tenant, err)
	}
}

// seedTenantCleanupTooLateLeaks returns before registering the cleanup.
func seedTenantCleanupTooLateLeaks(t *testing.T, db *sql.DB, tenant string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 35 leaks it`
	if err != nil {
		t.Fatalf("checkout: %v", err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO tenants (name) VALUES ($1)`, tenant); err != nil {
		t.Errorf("seed tenant %s: %v", tenant, err)
		return
	}
	t.Cleanup(func() { conn.Close() })
}
