package analyzer_test

import (
	"fmt"
	"path"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// diagnosticsOnly passes analysistest's complaints to t, except those about
// facts nobody asked for: the suites check diagnostics, and TestFacts checks
// the facts.
type diagnosticsOnly struct{ *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.Helper()
	if format == "%v: unexpected %s: %v" && len(args) == 3 && args[1] == "fact" {
		return
	}
	d.T.Errorf(format, args...)
}

// A batch is one analysistest.Run over the packages of testdata/src that
// several tests check with the same configuration. Each run loads its
// packages and every dependency from source, which costs seconds, many
// times what the analysis costs: the tests share one. run gives each test
// the results and the complaints that concern its own packages.
type batch struct {
	cfg      analyzer.Config
	patterns []string

	once    sync.Once
	results []*analysistest.Result
	errs    []complaint
}

// complaint is one error analysistest reported.
type complaint struct {
	format string
	args   []any
}

// Errorf records a complaint; analysistest.Run calls it, inside once.
func (b *batch) Errorf(format string, args ...any) {
	b.errs = append(b.errs, complaint{format, args})
}

// run checks the packages that pattern (one of b.patterns) matches as
// analysistest.Run(check, analysistest.TestData(), analyzer.New(b.cfg),
// pattern) would, and returns their results. The batch is run by the first
// test that needs it. A complaint analysistest makes about no file of a
// package (loading or analysis failed) goes to every test of the batch.
func (b *batch) run(t *testing.T, check analysistest.Testing, pattern string) []*analysistest.Result {
	t.Helper()
	b.once.Do(func() {
		b.results = analysistest.Run(b, analysistest.TestData(), analyzer.New(b.cfg), b.patterns...)
	})
	for _, c := range b.errs {
		if pkg, ok := complaintPackage(c); !ok || matches(pattern, pkg) {
			check.Errorf(c.format, c.args...)
		}
	}
	var results []*analysistest.Result
	for _, r := range b.results {
		if matches(pattern, r.Action.Package.PkgPath) {
			results = append(results, r)
			if r.Err != nil { // analysistest logs why
				for _, err := range r.Action.Package.Errors {
					t.Log(err)
				}
			}
		}
	}
	if len(results) == 0 {
		t.Fatalf("the batch has no package that %s matches", pattern)
	}
	return results
}

// complaintPackage is the package, as a path under testdata/src, of the
// file a complaint begins with ("sqlbasic/sqlbasic.go:12: …").
func complaintPackage(c complaint) (string, bool) {
	file, _, ok := strings.Cut(fmt.Sprintf(c.format, c.args...), ":")
	if !ok || !strings.HasSuffix(file, ".go") || strings.HasPrefix(file, "/") {
		return "", false
	}
	return path.Dir(file), true
}

// matches reports whether pattern (a path, or a path followed by /...)
// matches the package path pkg.
func matches(pattern, pkg string) bool {
	if dir, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == dir || strings.HasPrefix(pkg, dir+"/")
	}
	return pkg == pattern
}

// The batches of the default configuration, in the lifted and the naive
// SSA form, over the suites and the packages of the tests of facts and of
// the multi-tenant service.
var (
	lifted = &batch{cfg: analyzer.DefaultConfig(), patterns: batchPatterns()}
	naive  = &batch{cfg: analyzer.WithNaiveForm(analyzer.DefaultConfig()), patterns: batchPatterns()}
)

func batchPatterns() []string {
	patterns := []string{"xpkg/...", "pools", "mt/..."}
	for _, s := range suites {
		patterns = append(patterns, s.pkg)
	}
	return patterns
}
