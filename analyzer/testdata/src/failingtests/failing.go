// Package failingtests holds tests that expect a call to fail: on the path
// where it unexpectedly succeeds the test is marked failed (t.Error,
// t.Errorf, t.Fail, testify's assert), and the result they discarded, or
// asserted the failure of, is not reported there (issue 11; the shape is
// everywhere in lib/pq's and go-sql-driver/mysql's tests). A resource the
// test keeps is still reported on a failing path (paths, ownership).
package failingtests

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

// testSyntaxError expects the query to fail.
func testSyntaxError(t *testing.T, db *sql.DB) {
	_, err := db.Query("parse_error $1", 1)
	if err == nil {
		t.Error("expected a syntax error")
	}
}

// testCanceled expects the cancelled context to stop the query.
func testCanceled(t *testing.T, db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.QueryContext(ctx, "SELECT 1"); !errors.Is(err, context.Canceled) {
		t.Errorf("expected context.Canceled, got %v", err)
	}
}

// testAssertError expects the transaction not to begin.
func testAssertError(t *testing.T, db *sql.DB) {
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{Isolation: sql.LevelLinearizable})
	if !assert.Error(t, err) {
		t.Log(tx)
	}
}

// testFailedLeaks keeps the rows and returns on a failing path: the rows
// still leak there, and are reported.
func testFailedLeaks(t *testing.T, db *sql.DB) {
	rows, err := db.Query("SELECT 1") // want `rows \(\*sql\.Rows from db\.Query\) is not closed on every path: the return at line 52 leaks it`
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fail()
		return
	}
	rows.Close()
}

// testLeaks leaks on a path where the test passes: reported.
func testLeaks(t *testing.T, db *sql.DB) {
	rows, err := db.Query("SELECT 1") // want `rows \(\*sql\.Rows from db\.Query\) is not closed on every path: the return at line 66 leaks it`
	if err != nil {
		t.Error(err)
		return
	}
	if rows.Next() {
		t.Log("one row")
		return
	}
}

// testPassingPathLeaks returns quietly when the query fails, and leaves
// the rows open when it succeeds: that path passes, and leaks.
func testPassingPathLeaks(t *testing.T, db *sql.DB) {
	rows, err := db.Query("SELECT 1") // want `rows \(\*sql\.Rows from db\.Query\) is not closed on every path: the return at line 78 leaks it`
	if err != nil {
		return
	}
	t.Log(rows.Next())
}

// testSentinel expects the cancelled context's error, a sentinel: where
// err equals it, err is not nil and nothing was acquired.
func testSentinel(t testing.TB, db *sql.DB, ctx context.Context) {
	if _, err := db.QueryContext(ctx, "SELECT 1"); err != context.Canceled {
		t.Errorf("expected context.Canceled, got %v", err)
	}
}

// sentinelLeaks returns the rows' error but, where it is not the
// sentinel, leaves them open.
func sentinelLeaks(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 98 leaks it`
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return rows.Err()
}

// pgconn's TestConnectReadOnly (pgx v5.12.0, pgconn_test.go:882) closes the
// connection where the assertion that the connect failed does not hold.
func testNotNilClosesOtherwise(t *testing.T, db *sql.DB) {
	conn, err := db.Conn(context.Background())
	if !assert.NotNil(t, err) {
		conn.Close()
	}
}

// Its twin leaves it open where the assertion does not hold.
func testNotNilLeaks(t *testing.T, db *sql.DB) {
	conn, err := db.Conn(context.Background()) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path`
	if !assert.NotNil(t, err) {
		_ = conn
		t.Log("connected")
	}
}
