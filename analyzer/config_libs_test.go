package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestConfigLibraryResource runs the analysis with testdata/workpool.yml,
// whose in-house acquirer hands out a built-in library's resource
// (puddle's generic *Resource[T]).
func TestConfigLibraryResource(t *testing.T) {
	t.Parallel()
	cfg := analyzer.DefaultConfig()
	cfg.ConfigFile = filepath.Join(analysistest.TestData(), "workpool.yml")
	analysistest.Run(diagnosticsOnly{t}, analysistest.TestData(), analyzer.New(cfg), "workpoolcfg")
}
