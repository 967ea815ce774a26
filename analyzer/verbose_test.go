package analyzer_test

import (
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestVerbose checks that -verbose says where the analysis guessed.
func TestVerbose(t *testing.T) {
	cfg := analyzer.DefaultConfig()
	cfg.Debug = true
	analysistest.Run(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(cfg), "verbose")
}
