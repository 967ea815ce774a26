package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// The mongo driver's packages under testdata/realmod/_mongo, which
// TestRealModules' ./... does not match: a directory whose name starts
// with _ is left out of a wildcard.

// TestRealModulesMongoFixes checks the deferred releases suggested for the
// mongo driver's resources, whose release methods take a context, against
// the real module: _mongo/mongofix/fix.go.golden.
func TestRealModulesMongoFixes(t *testing.T) {
	vendorMode(t)
	analysistest.RunWithSuggestedFixes(diagnosticsOnly{t}, filepath.Join(analysistest.TestData(), "realmod"),
		analyzer.New(analyzer.DefaultConfig()), "./_mongo/mongofix")
}

// TestRealModulesMongoConfig checks that a configuration file may name the
// types and methods of a built-in library: _mongo/mongo.yml declares the
// driver's GridFS download stream a resource, and Database.ListCollections
// an acquirer of the built-in *mongo.Cursor.
func TestRealModulesMongoConfig(t *testing.T) {
	vendorMode(t)
	dir := filepath.Join(analysistest.TestData(), "realmod")
	cfg := analyzer.DefaultConfig()
	cfg.ConfigFile = filepath.Join(dir, "_mongo", "mongo.yml")
	analysistest.Run(diagnosticsOnly{t}, dir, analyzer.New(cfg), "./_mongo/mongoconfig")
}
