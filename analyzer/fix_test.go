package analyzer_test

import (
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuggestedFixes checks the deferred releases connrelease suggests
// against fixes.go.golden.
func TestSuggestedFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(analyzer.DefaultConfig()), "fixes")
}

// TestSuggestedFixesPgconnPuddle checks them for pgconn's readers (a second
// Close does nothing) and puddle's resources (a second Release panics)
// against fixespg.go.golden.
func TestSuggestedFixesPgconnPuddle(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(analyzer.DefaultConfig()), "fixespg")
}
