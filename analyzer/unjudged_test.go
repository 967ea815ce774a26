package analyzer_test

import (
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestUnjudged checks that -unjudged says where the analysis could not judge.
func TestUnjudged(t *testing.T) {
	t.Parallel()
	cfg := analyzer.DefaultConfig()
	cfg.Unjudged = true
	analysistest.Run(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(cfg), "unjudged")
}
