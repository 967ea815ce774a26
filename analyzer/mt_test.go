package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestMT runs the multi-tenant service of testdata/src/mt: a platform
// package of pools, getters, acquirers, borrowers, releasers and owning
// structs (mt/db), repositories wrapping it (mt/repo), and the handlers and
// jobs that use both (mt/handlers). Only diagnostics are checked.
func TestMT(t *testing.T) {
	analysistest.Run(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(analyzer.DefaultConfig()), "mt/...")
}
