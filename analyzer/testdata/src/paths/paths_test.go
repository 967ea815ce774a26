package paths

import (
	"context"
	"database/sql"
	"testing"
)

// Point 7 for test helpers: t.Fatal*, t.FailNow, t.Skip*, t.SkipNow and
// their testing.TB / testing.B forms end the path.

// loadFixtureFatal stops the test with the connection checked out.
func loadFixtureFatal(t *testing.T, db *sql.DB, fixture string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatalf("checkout: %v", err)
	}
	if _, err := conn.ExecContext(ctx, fixture); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
}

// loadFixtureErrorfLeaks reports with t.Errorf, which does not stop the
// test, and returns.
func loadFixtureErrorfLeaks(t *testing.T, db *sql.DB, fixture string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 40 leaks it`
	if err != nil {
		t.Errorf("checkout: %v", err)
		return
	}
	if _, err := conn.ExecContext(ctx, fixture); err != nil {
		t.Errorf("load fixture: %v", err)
		return
	}
	conn.Close()
}

// requirePgcryptoSkip skips the test with the transaction open.
func requirePgcryptoSkip(t *testing.T, db *sql.DB) {
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Skipf("database not available: %v", err)
	}
	var installed bool
	if err := tx.QueryRowContext(ctx, `SELECT count(*) > 0 FROM pg_extension WHERE extname = 'pgcrypto'`).Scan(&installed); err != nil {
		t.Skip("cannot inspect extensions:", err)
	}
	if !installed {
		t.SkipNow()
	}
	tx.Rollback()
}

// truncateOrFailNow fails the test with FailNow while the statement is open.
func truncateOrFailNow(t *testing.T, db *sql.DB, tables []string) {
	ctx := context.Background()
	stmt, err := db.PrepareContext(ctx, `SELECT truncate_table($1)`)
	if err != nil {
		t.Log("prepare truncate:", err)
		t.FailNow()
	}
	for _, table := range tables {
		if _, err := stmt.ExecContext(ctx, table); err != nil {
			t.Logf("truncate %s: %v", table, err)
			t.FailNow()
		}
	}
	stmt.Close()
}

// countRowsTBFatal uses the testing.TB interface.
func countRowsTBFatal(tb testing.TB, db *sql.DB, table string) int {
	tb.Helper()
	rows, err := db.QueryContext(context.Background(), "SELECT 1 FROM "+table)
	if err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	n := 0
	for rows.Next() {
		n++
		if n > 1000000 {
			tb.Fatalf("count %s: table too large for a fixture", table)
		}
	}
	return n
}

// benchSetupFatal uses *testing.B.
func benchSetupFatal(b *testing.B, db *sql.DB) {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE bench_items (id bigint)`); err != nil {
		b.Fatal(err)
	}
	conn.Close()
}
