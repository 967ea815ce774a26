package bench

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer"
)

// target is a type-checked package ready for analysis.
type target struct {
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
	sizes types.Sizes
}

// result is what one analysis of a target reported.
type result struct {
	diags    int
	internal []string // internal-error diagnostics
}

// analyze runs a's Run on t once, as a driver would for a package whose
// imports export no facts.
func analyze(a *analysis.Analyzer, t *target) (result, error) {
	var r result
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       t.fset,
		Files:      t.files,
		Pkg:        t.pkg,
		TypesInfo:  t.info,
		TypesSizes: t.sizes,
		ResultOf:   map[*analysis.Analyzer]any{},
		ReadFile:   os.ReadFile,
		Report: func(d analysis.Diagnostic) {
			r.diags++
			if d.Category == analyzer.CategoryInternal {
				r.internal = append(r.internal, t.fset.Position(d.Pos).String()+": "+d.Message)
			}
		},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	_, err := a.Run(pass)
	return r, err
}

// buildSSAOnly builds the target's SSA as the analyzer does (its imports
// created from types, the package from syntax, in the analyzer's mode) and
// nothing else: the part of the analysis that belongs to go/ssa.
func buildSSAOnly(t *target) {
	prog := ssa.NewProgram(t.fset, analyzer.BuilderMode(t.files, t.info))
	for _, p := range t.pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	prog.CreatePackage(t.pkg, t.files, t.info, false).Build()
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
}

// checkSource parses and type-checks a generated package that imports only
// the standard library (read from export data, as a driver without facts
// would).
func checkSource(tb testing.TB, src string) *target {
	tb.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		tb.Fatal(err)
	}
	info := newInfo()
	sizes := types.SizesFor("gc", runtime.GOARCH)
	conf := types.Config{Importer: importer.Default(), Sizes: sizes}
	pkg, err := conf.Check("example.com/gen", fset, []*ast.File{f}, info)
	if err != nil {
		tb.Fatal(err)
	}
	return &target{fset: fset, files: []*ast.File{f}, pkg: pkg, info: info, sizes: sizes}
}

const genHeader = `package gen

import (
	"context"
	"database/sql"
	"errors"
)

var errStop = errors.New("stop")

`

// leaky says whether generated unit i leaks (one in ten does), so that the
// analysis has something to report and a run that gave up shows.
func leaky(i int) bool { return i%10 == 9 }

// branchySource is one function with n acquisitions, one after the other,
// each with a branch that returns early: a query whose rows are closed on
// the early return (except on one block in ten), drained, then closed.
func branchySource(n int) string {
	var b strings.Builder
	b.WriteString(genHeader)
	b.WriteString("func Big(ctx context.Context, db *sql.DB, flags []bool) (int, error) {\n\ttotal := 0\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\trows%d, err := db.QueryContext(ctx, \"SELECT %d\")\n", i, i)
		b.WriteString("\tif err != nil {\n\t\treturn total, err\n\t}\n")
		fmt.Fprintf(&b, "\tif flags[%d] {\n", i)
		if !leaky(i) {
			fmt.Fprintf(&b, "\t\trows%d.Close()\n", i)
		}
		b.WriteString("\t\treturn total, errStop\n\t}\n")
		fmt.Fprintf(&b, "\tfor rows%d.Next() {\n\t\ttotal++\n\t}\n", i)
		fmt.Fprintf(&b, "\tif err := rows%d.Close(); err != nil {\n\t\treturn total, err\n\t}\n", i)
	}
	b.WriteString("\treturn total, nil\n}\n")
	return b.String()
}

// functionsSource is a package of n small functions: a query with a
// deferred Close, a transaction with a deferred Rollback and a Commit, or a
// connection with a deferred Close, in turn; one in ten forgets its defer.
func functionsSource(n int) string {
	var b strings.Builder
	b.WriteString(genHeader)
	for i := 0; i < n; i++ {
		skip := ""
		if leaky(i) {
			skip = "// "
		}
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `func Name%d(ctx context.Context, db *sql.DB, id int) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM t%d WHERE id = $1", id)
	if err != nil {
		return "", err
	}
	%sdefer rows.Close()
	var name string
	for rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
	}
	return name, rows.Err()
}

`, i, i, skip)
		case 1:
			fmt.Fprintf(&b, `func Move%d(ctx context.Context, db *sql.DB, id int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	%sdefer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE t%d SET n = n + 1 WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit()
}

`, i, skip, i)
		case 2:
			fmt.Fprintf(&b, `func Ping%d(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	%sdefer conn.Close()
	if err := conn.PingContext(ctx); err != nil {
		return errors.Join(errStop, err)
	}
	return nil
}

`, i, skip)
		}
	}
	return b.String()
}

// deferredSource is one function with a transaction whose Rollback is
// deferred in a closure, run when the named error result is not nil, and n
// early returns, each of which the analysis judges by the error it
// returns: one that the analysis cannot tell (supposed to roll back), one
// after its own error check (rolls back), and in one block in ten a nil
// error (does not). A leak the first of those returns reports, so n ≥ 10
// gives one diagnostic.
func deferredSource(n int) string {
	var b strings.Builder
	b.WriteString(genHeader)
	b.WriteString("func Big(ctx context.Context, db *sql.DB, flags []bool) (err error) {\n")
	b.WriteString("\ttx, err := db.BeginTx(ctx, nil)\n\tif err != nil {\n\t\treturn err\n\t}\n")
	b.WriteString("\tdefer func() {\n\t\tif err != nil {\n\t\t\ttx.Rollback()\n\t\t}\n\t}()\n")
	for i := 0; i < n; i++ {
		result := "errors.Join(ctx.Err())"
		if leaky(i) {
			result = "nil"
		}
		fmt.Fprintf(&b, "\tif flags[%d] {\n\t\treturn %s\n\t}\n", i, result)
		fmt.Fprintf(&b, "\tif _, err := tx.ExecContext(ctx, \"UPDATE t SET n = %d\"); err != nil {\n\t\treturn err\n\t}\n", i)
	}
	b.WriteString("\treturn tx.Commit()\n}\n")
	return b.String()
}

// expectedLeaks is how many diagnostics n generated units must give.
func expectedLeaks(n int) int { return n / 10 }

// oneLeak: the one function of deferredSource reports at most once.
func oneLeak(n int) int { return min(n/10, 1) }

var (
	branchSizes = []int{10, 100, 1000, 10000}
	// The benchmarks add a size twice the largest: past the caches of the
	// machine, its cost per branch should be that of n=10 000.
	benchBranchSizes = append(branchSizes[:len(branchSizes):len(branchSizes)], 20000)
	functionSizes    = []int{50, 500, 5000}
	deferredSizes    = []int{100, 1000, 10000}
)

func checkResult(tb testing.TB, r result, err error, want int) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
	if len(r.internal) > 0 {
		tb.Fatalf("internal errors: %s", strings.Join(r.internal, "; "))
	}
	if r.diags != want {
		tb.Fatalf("%d diagnostics, want %d", r.diags, want)
	}
}

// benchGenerated benchmarks the analysis of src(n) for each of sizes, as
// sub-benchmarks n=…, after checking that it gives want(n) diagnostics.
func benchGenerated(b *testing.B, sizes []int, src func(int) string, want func(int) int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			t := checkSource(b, src(n))
			a := analyzer.New(analyzer.DefaultConfig())
			r, err := analyze(a, t) // warm-up, and the check that it analysed
			checkResult(b, r, err, want(n))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := analyze(a, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBranches: one function with n acquisitions and early returns.
func BenchmarkBranches(b *testing.B) {
	benchGenerated(b, benchBranchSizes, branchySource, expectedLeaks)
}

// BenchmarkBranchesSSA: building the SSA of BenchmarkBranches' function
// alone, the share of go/ssa in it.
func BenchmarkBranchesSSA(b *testing.B) {
	for _, n := range benchBranchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			t := checkSource(b, branchySource(n))
			b.ReportAllocs()
			for b.Loop() {
				buildSSAOnly(t)
			}
		})
	}
}

// BenchmarkFunctions: a package of n small functions.
func BenchmarkFunctions(b *testing.B) {
	benchGenerated(b, functionSizes, functionsSource, expectedLeaks)
}

// BenchmarkDeferredReturns: one function with n returns judged by a
// deferred conditional release.
func BenchmarkDeferredReturns(b *testing.B) {
	benchGenerated(b, deferredSizes, deferredSource, oneLeak)
}

// servicePackage loads analyzer/testdata/src/service, with its test file,
// from the test suites' GOPATH (stubs of pgx, sqlx and go-redis).
func servicePackage(tb testing.TB) *target {
	tb.Helper()
	gopath, err := filepath.Abs(filepath.Join("..", "analyzer", "testdata"))
	if err != nil {
		tb.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedImports,
		Dir:   filepath.Join(gopath, "src", "service"),
		Env:   append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, "service")
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range pkgs {
		if p.ID != "service [service.test]" {
			continue
		}
		if len(p.Errors) > 0 {
			tb.Fatalf("loading service: %v", p.Errors)
		}
		return &target{fset: p.Fset, files: p.Syntax, pkg: p.Types, info: p.TypesInfo, sizes: p.TypesSizes}
	}
	tb.Fatalf("no package service [service.test] among %d loaded", len(pkgs))
	return nil
}

// BenchmarkAnalyzeFixedPackage analyses analyzer/testdata/src/service with
// its test file (about 3 000 lines of handlers, repositories and jobs over
// database/sql, pgx, sqlx and go-redis): a regression in the analysis of
// ordinary code shows here.
func BenchmarkAnalyzeFixedPackage(b *testing.B) {
	t := servicePackage(b)
	a := analyzer.New(analyzer.DefaultConfig())
	if r, err := analyze(a, t); err != nil || len(r.internal) > 0 || r.diags == 0 {
		b.Fatalf("analysing service: %d diagnostics, internal errors %v, error %v", r.diags, r.internal, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := analyze(a, t); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the CPU time (user and system) the test process has used so
// far: unlike the wall clock, it does not count the time other processes
// on a busy machine take, and it does count the garbage collector's.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestScaling prints, as a diagnostic, how the time of the analysis alone
// grows with the size of one function and with the number of functions in
// a package; the goal, at most 12x for ten times the size, is that of the
// whole command as a user runs it, in BenchmarkCommand. Each size is timed
// in process CPU time (the garbage collector's included, after a
// collection that leaves only its input live), next to building its SSA
// alone. A sample of a size repeats it to do the work of one run of the
// largest size (ten runs of n=1 000 against one of n=10 000), and is
// divided by its repetitions; the sizes take turns, five rounds, each
// type-checked afresh, so that a busy moment of the machine does not land
// on one size only. Each size's median and fastest sample are logged (go
// test -v shows them), and the ratio of each to the size ten times
// smaller, by medians and by fastest samples, with the SSA form the
// analyzer chose. It checks the diagnostics of each size, so a run that
// gave up cannot look fast, but it never fails on timing. It takes about
// a minute, so it runs only when asked:
//
//	CONNRELEASE_SCALING=1 go test -count=1 ./bench -run TestScaling -v
func TestScaling(t *testing.T) {
	if os.Getenv("CONNRELEASE_SCALING") == "" {
		t.Skip("timing test: set CONNRELEASE_SCALING=1 to run it")
	}
	const rounds = 5
	for _, c := range []struct {
		name  string
		sizes []int
		src   func(int) string
		want  func(int) int
	}{
		{"branches and acquisitions in one function", branchSizes, branchySource, expectedLeaks},
		{"small functions in one package", functionSizes, functionsSource, expectedLeaks},
		{"returns judged by a deferred conditional release", deferredSizes, deferredSource, oneLeak},
	} {
		a := analyzer.New(analyzer.DefaultConfig())
		samples := make([][]time.Duration, len(c.sizes))
		samplesSSA := make([][]time.Duration, len(c.sizes))
		forms := make([]string, len(c.sizes))
		for range rounds {
			for i, n := range c.sizes {
				// Type-checked afresh, so that only this input is live
				// while it is timed.
				tg := checkSource(t, c.src(n))
				forms[i] = "lifted"
				if analyzer.BuilderMode(tg.files, tg.info)&ssa.NaiveForm != 0 {
					forms[i] = "naive form"
				}
				// A sample repeats the smaller sizes so that each does the
				// work of one run of the largest: the garbage collector then
				// sees the same volume in every sample.
				reps := c.sizes[len(c.sizes)-1] / n
				runtime.GC()
				start := cpuTime(t)
				for range reps {
					r, err := analyze(a, tg)
					checkResult(t, r, err, c.want(n))
				}
				samples[i] = append(samples[i], (cpuTime(t)-start)/time.Duration(reps))
				runtime.GC()
				start = cpuTime(t)
				for range reps {
					buildSSAOnly(tg)
				}
				samplesSSA[i] = append(samplesSSA[i], (cpuTime(t)-start)/time.Duration(reps))
			}
		}
		for i, n := range c.sizes {
			med, fast := summarize(samples[i])
			medSSA, fastSSA := summarize(samplesSSA[i])
			line := fmt.Sprintf("%s, n=%d (%s): median %v, fastest %v; building SSA alone: median %v, fastest %v",
				c.name, n, forms[i], med, fast, medSSA, fastSSA)
			if i > 0 {
				prevMed, prevFast := summarize(samples[i-1])
				prevMedSSA, prevFastSSA := summarize(samplesSSA[i-1])
				byMed, byFast := float64(med)/float64(prevMed), float64(fast)/float64(prevFast)
				line += fmt.Sprintf("; over n=%d: %.1fx by medians, %.1fx by fastest", c.sizes[i-1], byMed, byFast)
				line += fmt.Sprintf(", SSA alone %.1fx and %.1fx", float64(medSSA)/float64(prevMedSSA), float64(fastSSA)/float64(prevFastSSA))
			}
			t.Log(line)
		}
	}
}

// summarize gives the median and the fastest of samples, to the
// microsecond.
func summarize(samples []time.Duration) (median, fastest time.Duration) {
	sorted := slices.Clone(samples)
	slices.Sort(sorted)
	return sorted[len(sorted)/2].Round(time.Microsecond), sorted[0].Round(time.Microsecond)
}
