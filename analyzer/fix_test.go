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
