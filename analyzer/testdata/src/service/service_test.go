package service

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

// testDB opens the integration database and closes it at cleanup.
func testDB(tb testing.TB) *sql.DB {
	tb.Helper()
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		tb.Skip("TEST_DATABASE_URL not set")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

var reportQueryCases = []struct {
	name  string
	query string
	cols  int
	min   int
}{
	{"open orders", `SELECT id, status FROM orders WHERE status = 'open'`, 2, 1},
	{"paid invoices", `SELECT id, customer_id, cents FROM invoices WHERE status = 'paid'`, 3, 1},
}

// TestReportQueriesColumnMismatchLeaks reports a column mismatch with
// t.Errorf and returns from the subtest with the rows open.
func TestReportQueriesColumnMismatchLeaks(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	for _, tc := range reportQueryCases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := db.QueryContext(ctx, tc.query) // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 53 leaks it`
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				t.Fatalf("columns: %v", err)
			}
			if len(cols) != tc.cols {
				t.Errorf("got %d columns, expected %d", len(cols), tc.cols)
				return
			}
			n := 0
			for rows.Next() {
				n++
			}
			if n < tc.min {
				t.Errorf("got %d rows, expected at least %d", n, tc.min)
			}
		})
	}
}

// TestReportQueriesColumnMismatchFatal stops the subtest with t.Fatalf, which
// is not a leak.
func TestReportQueriesColumnMismatchFatal(t *testing.T) {
	db := testDB(t)
	ctx := context.Background()
	for _, tc := range reportQueryCases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := db.QueryContext(ctx, tc.query)
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				t.Fatalf("columns: %v", err)
			}
			if len(cols) != tc.cols {
				t.Fatalf("got %d columns, expected %d", len(cols), tc.cols)
			}
			n := 0
			for rows.Next() {
				n++
			}
			if n < tc.min {
				t.Errorf("got %d rows, expected at least %d", n, tc.min)
			}
		})
	}
}

// beginTestTx gives a test a transaction rolled back at cleanup, and skips
// the test when the test schema is missing.
func beginTestTx(tb testing.TB, db *sql.DB) *sql.Tx {
	tb.Helper()
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		tb.Fatalf("begin: %v", err)
	}
	var ok bool
	if err := tx.QueryRow(`SELECT to_regnamespace('test') IS NOT NULL`).Scan(&ok); err != nil {
		_ = tx.Rollback()
		tb.Fatalf("look up test schema: %v", err)
	}
	if !ok {
		tb.Skip("no test schema")
	}
	tb.Cleanup(func() { _ = tx.Rollback() })
	return tx
}

// beginTestTxOptionalLeaks returns nil when the test schema is missing, before
// the cleanup is registered, with the transaction open.
func beginTestTxOptionalLeaks(tb testing.TB, db *sql.DB) *sql.Tx {
	tb.Helper()
	tx, err := db.BeginTx(context.Background(), nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 131 leaks it`
	if err != nil {
		tb.Fatalf("begin: %v", err)
	}
	var ok bool
	if err := tx.QueryRow(`SELECT to_regnamespace('test') IS NOT NULL`).Scan(&ok); err != nil {
		_ = tx.Rollback()
		tb.Fatalf("look up test schema: %v", err)
	}
	if !ok {
		tb.Log("no test schema; callers fall back to the public schema")
		return nil
	}
	tb.Cleanup(func() { _ = tx.Rollback() })
	return tx
}

// BenchmarkOrderLookupDeferInLoop defers Close inside the b.N loop: every
// iteration's rows stay open until the benchmark function returns.
func BenchmarkOrderLookupDeferInLoop(b *testing.B) {
	db := testDB(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := db.QueryContext(ctx, `SELECT id, status FROM orders WHERE id = $1`, i%1000+1) // want `rows\.Close is deferred inside a loop: every iteration's \*sql\.Rows from db\.QueryContext stays held until the function returns`
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		if !rows.Next() {
			b.Fatalf("order %d missing", i%1000+1)
		}
		var id int64
		var status string
		if err := rows.Scan(&id, &status); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOrderLookupClosePerIteration closes at the end of each iteration.
func BenchmarkOrderLookupClosePerIteration(b *testing.B) {
	db := testDB(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := db.QueryContext(ctx, `SELECT id, status FROM orders WHERE id = $1`, i%1000+1)
		if err != nil {
			b.Fatal(err)
		}
		if !rows.Next() {
			b.Fatalf("order %d missing", i%1000+1)
		}
		var id int64
		var status string
		err = rows.Scan(&id, &status)
		rows.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
