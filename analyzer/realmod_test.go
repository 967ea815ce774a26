package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestRealModules checks the catalog against the real APIs of the libraries
// it knows, at the versions testdata/realmod/go.mod pins, not stubs.
// testdata/realmod is a module of its own (analysistest treats a dir
// holding go.mod as a module root and sets GOPROXY=off) whose dependencies
// are vendored, so it loads on a cold machine without network or module
// cache. The pattern ./... does not match vendor/, so no expectations are
// read there.
func TestRealModules(t *testing.T) {
	vendorMode(t)
	analysistest.Run(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), analyzer.Analyzer, "./...")

	// A configuration file may name a library's type too (kafka-go's
	// *Reader); its package is under realmod/testdata, out of ./... .
	cfg := analyzer.DefaultConfig()
	cfg.ConfigFile = filepath.Join(analysistest.TestData(), "realmod", "testdata", "kafkaconfig", "kafka.yml")
	analysistest.Run(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), analyzer.New(cfg), "./testdata/kafkaconfig")

	// The suggested fixes on the real APIs of clickhouse-go and kafka-go.
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), analyzer.Analyzer, "./testdata/fixes")
}

// vendorMode makes the go command load testdata/realmod from its vendor
// directory. Vendor mode is already the default for a module with a vendor
// dir and go >= 1.14; force it anyway so an ambient GOFLAGS=-mod=mod cannot
// send the go command to the (disabled) proxy.
func vendorMode(t *testing.T) {
	var flags []string
	for _, f := range strings.Fields(os.Getenv("GOFLAGS")) {
		if !strings.HasPrefix(f, "-mod=") && !strings.HasPrefix(f, "--mod=") {
			flags = append(flags, f)
		}
	}
	t.Setenv("GOFLAGS", strings.Join(append(flags, "-mod=vendor"), " "))
}
