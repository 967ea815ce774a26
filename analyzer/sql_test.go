package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestSQLBasic covers every database/sql acquisition in the catalog: each one
// released on every path, and leaked on an early return.
func TestSQLBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "sqlbasic")
}

// TestSQLPaths covers err/nil edges, aliases, deferred conditional closures,
// loops, rows.Next exhaustion, defer-in-loop, discarded results, paths that
// never return and function literals.
func TestSQLPaths(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "paths")
}

// TestSQLOwnership covers hand-overs: returns, stores, channels, goroutines,
// escaping closures, t.Cleanup and calls to unknown functions.
func TestSQLOwnership(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "ownership")
}

// TestSQLRegressions covers the false-positive shapes of peer linters (no
// diagnostics) and true leaks they miss.
func TestSQLRegressions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "regressions")
}
