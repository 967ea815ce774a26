package analyzer_test

import (
	"testing"
)

// suites are the analysistest packages under testdata/src: each case is a
// small function, a leak beside its clean twin.
var suites = []struct{ pkg, covers string }{
	{"sqlbasic", "every database/sql acquisition, released on every path and leaked on an early return"},
	{"paths", "err/nil edges, aliases, deferred conditional closures, loops, rows.Next, defer-in-loop, discarded results, paths that never return, function literals"},
	{"ownership", "hand-overs: returns, stores, channels, goroutines, escaping closures, t.Cleanup, helpers"},
	{"regressions", "the false-positive shapes of peer linters, and true leaks they miss"},
	{"pgxv5cases", "pgx v5 and pgxpool, against stubs of their API"},
	{"pgxv4cases", "pgx v4 and pgxpool, against stubs of their API"},
	{"passthrough", "helpers that return the resource they are given: the caller still holds it, also through the result"},
	{"conddefer", "releases deferred under a condition on the error: where its value at a return cannot be told, the release may not run"},
	{"queryrow", "a *sql.Row holds its connection until Scan; Err tells the query failed; QueryRow(...).Scan holds nothing"},
	{"droppedpools", "a pool a function opens and neither closes, returns nor stores: each call leaves its connections open; main and init are exempt"},
	{"droppedpools/main", "main and init may leave the pool they open to the exit"},
	{"cancel", "transactions and rows given back by the cancellation of a context the function derives, and what that does not give back (Conn, Stmt, Begin(), pgx)"},
	{"failingtests", "tests that expect a call to fail: the paths where the test is marked failed (t.Error, t.Fail, testify's assert) are not reported; a passing path still is"},
	{"globalpools", "pools in package-level variables, stored and closed by main, TestMain or run; closed elsewhere"},
	{"ifaces", "database/sql reached through the program's own interfaces: sqlc's DBTX, repositories, its own Tx, Rows and pool; getters; a package that imports no database library (ifaces/service)"},
	{"ifaces/service", "store's interfaces used by a package that imports no database library"},
	{"sqlxcases", "sqlx, releases through embedded database/sql types"},
	{"rediscases", "go-redis v9 connections and subscriptions"},
	{"suppress", "the connrelease:ignore directive: reason mandatory, stale directives reported"},
	{"migrate", "golang-migrate v4.20.1's WithInstance leak (upstream issue 1366): a constructor that keeps the connection only when it succeeds"},
	{"corpusfp", "false positives found by the corpus triage (bench/results/triage-*.md), named after their source, with leak twins"},
	{"indirect", "a package that acquires through a *sql.DB of another package without importing database/sql"},
	{"service", "production-shaped handlers, repositories, workers and migrations over all four libraries"},
	{"pathsteps", "leaks whose paths (-path) TestPathSteps checks step by step"},
	{"github.com/jackc/pgx/v4/pgxpool", "a package of the catalog analysed itself (the stub of pgxpool v4): v4.5.0's Pool.BeginTx leaks its connection where BeginTx fails (jackc/pgx#712), v4.8.1's releases it"},
}

func TestSuites(t *testing.T) {
	for _, s := range suites {
		t.Run(s.pkg, func(t *testing.T) {
			t.Parallel()
			lifted.run(t, diagnosticsOnly{t}, s.pkg)
		})
	}
}

// TestSuitesNaiveForm runs the suites on naive-form SSA, where local
// variables stay in memory: the form a package with a function too large
// to lift is analysed in. The same diagnostics must come out.
func TestSuitesNaiveForm(t *testing.T) {
	for _, s := range suites {
		t.Run(s.pkg, func(t *testing.T) {
			t.Parallel()
			naive.run(t, diagnosticsOnly{t}, s.pkg)
		})
	}
}
