package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts checks the summaries that cross packages — acquirers, releasers,
// borrowers and owning structs — as facts, and the diagnostics they make
// possible over a chain of three packages (app wraps wrap wraps tenant).
func TestFacts(t *testing.T) {
	t.Parallel()
	lifted.run(t, t, "xpkg/...")
}

// TestPoolFacts checks the facts that tell a getter of a shared pool from a
// function that creates one.
func TestPoolFacts(t *testing.T) {
	t.Parallel()
	lifted.run(t, t, "pools")
}

// TestConfigFile runs the analysis with the in-house resources of
// testdata/inhouse.yml.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	inhouse.run(t, diagnosticsOnly{t}, "inhouse")
}

// The batches of package inhouse with testdata/inhouse.yml, in the lifted
// and the naive SSA form (TestNaiveForm).
var (
	inhouse      = &batch{cfg: inhouseConfig(), patterns: []string{"inhouse"}}
	inhouseNaive = &batch{cfg: analyzer.WithNaiveForm(inhouseConfig()), patterns: []string{"inhouse"}, base: inhouse}
)

func inhouseConfig() analyzer.Config {
	cfg := analyzer.DefaultConfig()
	cfg.ConfigFile = filepath.Join(analysistest.TestData(), "inhouse.yml")
	return cfg
}
