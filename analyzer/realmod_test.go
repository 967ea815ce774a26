package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestRealModules checks the catalog against the real APIs of pgx v5
// (v5.12.0), pgx v4 (v4.18.3), sqlx (v1.4.0) and go-redis v9 (v9.23.0), not
// stubs. testdata/realmod is a module of its own (analysistest treats a dir
// holding go.mod as a module root and sets GOPROXY=off) whose dependencies
// are vendored, so it loads on a cold machine without network or module
// cache. The pattern ./... does not match vendor/, so no expectations are
// read there.
func TestRealModules(t *testing.T) {
	vendorMode(t)
	analysistest.Run(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"), analyzer.Analyzer, "./...")
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
