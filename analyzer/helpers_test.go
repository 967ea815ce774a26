package analyzer_test

import (
	"fmt"
	"go/token"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

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
	// base, when set, is the batch whose packages this one analyses again
	// with its own configuration: see compare.
	base *batch

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
	b.analyse()
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

// analyse runs the batch, once.
func (b *batch) analyse() {
	b.once.Do(func() {
		if b.base != nil {
			b.base.analyse()
			b.compare()
			return
		}
		b.results = analysistest.Run(b, analysistest.TestData(), analyzer.New(b.cfg), b.patterns...)
	})
}

// compare analyses the packages that b.base loaded with b's configuration,
// rather than loading them again (a load costs seconds, many times what
// the analysis costs), and complains of every diagnostic and every fact of
// theirs that is not one of b.base, which analysistest checked against the
// expectations: the same expectations are met. Facts are complained of as
// analysistest does ("unexpected fact"), so that tests of diagnostics only
// leave them aside. b's results are b.base's.
func (b *batch) compare() {
	b.results = b.base.results
	var pkgs []*packages.Package
	base := map[*packages.Package]*checker.Action{}
	for _, r := range b.base.results {
		if base[r.Action.Package] == nil {
			base[r.Action.Package] = r.Action
			pkgs = append(pkgs, r.Action.Package)
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(b.cfg)}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		b.Errorf("analysis: %v", err)
		return
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			b.Errorf("error analyzing %s: %v", act, act.Err)
			continue
		}
		want, got := reports(base[act.Package]), reports(act)
		complain := func(r report, how string) {
			if r.fact {
				b.Errorf("%v: unexpected %s: %v", r.pos, "fact", how+r.what)
			} else {
				b.Errorf("%s: %s%s", r.pos, how, r.what)
			}
		}
		for r, n := range got {
			if n > want[r] {
				complain(r, "not in the lifted form: ")
			}
		}
		for r, n := range want {
			if n > got[r] {
				complain(r, "missing here, in the lifted form: ")
			}
		}
	}
}

// report is a diagnostic or a fact of one package, its position as
// analysistest prints it (relative to testdata/src).
type report struct {
	pos, what string
	fact      bool
}

// reports counts the diagnostics and facts of act's package.
func reports(act *checker.Action) map[report]int {
	fset := act.Package.Fset
	pos := func(p token.Pos) string {
		posn := fset.Position(p)
		posn.Filename = filepath.ToSlash(strings.TrimPrefix(posn.Filename, filepath.Join(analysistest.TestData(), "src")+string(filepath.Separator)))
		return posn.String()
	}
	out := map[report]int{}
	for _, d := range act.Diagnostics {
		out[report{pos(d.Pos), "diagnostic " + d.Message, false}]++
	}
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() == act.Package.Types {
			out[report{pos(f.Object.Pos()), fmt.Sprintf("fact %s: %v", f.Object.Name(), f.Fact), true}]++
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types {
			out[report{act.Package.PkgPath, fmt.Sprintf("package fact %v", f.Fact), true}]++
		}
	}
	return out
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
// matches the package path pkg. As the go command's wildcard, /... leaves
// out testdata directories and those whose name starts with _ .
func matches(pattern, pkg string) bool {
	dir, ok := strings.CutSuffix(pattern, "/...")
	if !ok || pkg == dir {
		return pkg == pattern || pkg == dir
	}
	rest, ok := strings.CutPrefix(pkg, dir+"/")
	if !ok {
		return false
	}
	for elem := range strings.SplitSeq(rest, "/") {
		if elem == "testdata" || strings.HasPrefix(elem, "_") {
			return false
		}
	}
	return true
}

// The batches of the default configuration, in the lifted and the naive
// SSA form, over the suites and the packages of the tests of facts, of
// the multi-tenant service and of the suggested fixes. The naive batch analyses the packages the
// lifted one loaded, and must report what it reports (see compare).
var (
	lifted = &batch{cfg: analyzer.DefaultConfig(), patterns: batchPatterns()}
	naive  = &batch{cfg: analyzer.WithNaiveForm(analyzer.DefaultConfig()), patterns: batchPatterns(), base: lifted}
)

func batchPatterns() []string {
	patterns := []string{"xpkg/...", "pools", "mt/...", "fixes", "fixespg"}
	for _, s := range suites {
		patterns = append(patterns, s.pkg)
	}
	return patterns
}
