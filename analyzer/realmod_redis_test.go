package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestRealModulesNaiveForm runs the suites of redigo and rueidis on
// naive-form SSA, where the cancel function of rueidis's Dedicate stays in
// a variable: the same diagnostics must come out as in TestRealModules.
func TestRealModulesNaiveForm(t *testing.T) {
	vendorMode(t)
	a := analyzer.New(analyzer.WithNaiveForm(analyzer.DefaultConfig()))
	analysistest.Run(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), a, "./redigoreal/...", "./rueidisreal")
}

// TestRealModulesFixes checks the fixes suggested for redigo and rueidis
// leaks against redisfix.go.golden.
func TestRealModulesFixes(t *testing.T) {
	vendorMode(t)
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), analyzer.Analyzer, "./redisfix")
}
