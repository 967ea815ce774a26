package analyzer_test

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer"
)

// The real-module suites check the catalog against the real APIs of the
// libraries it knows, at the versions testdata/realmod/go.mod pins, not
// stubs. testdata/realmod is a module of its own whose dependencies are
// vendored, so it loads on a cold machine without network or module cache.
//
// Loading it costs many times what the analysis costs (every library and
// the standard library from source, seconds each time), so the suites that
// check diagnostics share one load, realmod, and run the analyzer over it
// once per configuration; checkWants then checks the // want comments and
// checkFixes the suggested fixes against golden files, as analysistest
// does.

// realmodDir is testdata/realmod.
var realmodDir = filepath.Join(analysistest.TestData(), "realmod")

// realmod is the shared load: ./... (which leaves out vendor/, testdata/
// and _mongo/), and the packages under testdata/ and _mongo/, analysed
// with a configuration file or checked for their fixes.
var realmod struct {
	once sync.Once
	pkgs []*packages.Package
	err  error
}

func loadRealmod(t *testing.T) []*packages.Package {
	t.Helper()
	realmod.once.Do(func() {
		cfg := &packages.Config{
			Mode:  packages.LoadAllSyntax | packages.NeedModule,
			Dir:   realmodDir,
			Tests: true,
			// Without cgo: the go command need not run it on net and
			// os/user for their file lists (seconds on a cold cache).
			Env: append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off", "GOFLAGS="+vendorFlags(), "CGO_ENABLED=0"),
		}
		realmod.pkgs, realmod.err = packages.Load(cfg, "./...", "./_mongo/mongoconfig", "./_mongo/mongofix", "./testdata/kafkaconfig", "./testdata/fixes")
		if realmod.err != nil {
			return
		}
		packages.Visit(realmod.pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				realmod.err = errors.Join(realmod.err, e)
			}
		})
	})
	if realmod.err != nil {
		t.Fatalf("loading testdata/realmod: %v", realmod.err)
	}
	return realmod.pkgs
}

// runRealmod runs connrelease with cfg over the loaded packages whose path
// matches one of paths (see matches), checks their // want comments and,
// in a file that has a golden file beside it, the suggested fixes; it
// returns the number of files whose fixes it checked.
func runRealmod(t *testing.T, cfg analyzer.Config, paths ...string) (fixed int) {
	t.Helper()
	var roots []*packages.Package
	for _, p := range loadRealmod(t) {
		if slices.ContainsFunc(paths, func(path string) bool { return matches(path, p.PkgPath) }) {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 {
		t.Fatalf("no package of testdata/realmod matches %v", paths)
	}
	for _, act := range analyse(t, cfg, roots) {
		checkWants(t, act.Package, act.Diagnostics)
		fixed += checkFixes(t, act.Package.Fset, act.Package.Syntax, act.Diagnostics)
	}
	return fixed
}

// TestRealModules runs every suite under testdata/realmod with the default
// configuration.
func TestRealModules(t *testing.T) {
	t.Parallel()
	runRealmod(t, analyzer.DefaultConfig(), "realmod/...")
}

// TestRealModulesNaiveForm runs the suites of redigo and rueidis on
// naive-form SSA, where the cancel function of rueidis's Dedicate stays in
// a variable: the same diagnostics must come out as in TestRealModules.
func TestRealModulesNaiveForm(t *testing.T) {
	t.Parallel()
	runRealmod(t, analyzer.WithNaiveForm(analyzer.DefaultConfig()), "realmod/redigoreal/...", "realmod/rueidisreal")
}

// TestRealModulesConfig checks that a configuration file may name the types
// and methods of a library: kafka-go's *Reader, which connrelease does not
// know by itself (testdata/kafkaconfig/kafka.yml), and, for a built-in
// library, the mongo driver's GridFS download stream as a resource and
// Database.ListCollections as an acquirer of the built-in *mongo.Cursor
// (_mongo/mongo.yml).
func TestRealModulesConfig(t *testing.T) {
	t.Parallel()
	for pkg, file := range map[string]string{
		"realmod/testdata/kafkaconfig": "testdata/kafkaconfig/kafka.yml",
		"realmod/_mongo/mongoconfig":   "_mongo/mongo.yml",
	} {
		cfg := analyzer.DefaultConfig()
		cfg.ConfigFile = filepath.Join(realmodDir, file)
		runRealmod(t, cfg, pkg)
	}
}

// TestRealModulesFixes checks the suggested fixes on the real APIs against
// their golden files: clickhouse-go and kafka-go (testdata/fixes), redigo
// and rueidis (redisfix), and the mongo driver's resources, whose release
// methods take a context (_mongo/mongofix).
func TestRealModulesFixes(t *testing.T) {
	t.Parallel()
	fixed := runRealmod(t, analyzer.DefaultConfig(), "realmod/testdata/fixes", "realmod/redisfix", "realmod/_mongo/mongofix")
	if fixed != 3 {
		t.Errorf("fixes checked against %d golden files, want 3", fixed)
	}
}

// vendorFlags is GOFLAGS with -mod=vendor: vendor mode is already the
// default for a module with a vendor directory and go >= 1.14; it is forced
// anyway so an ambient GOFLAGS=-mod=mod cannot send the go command to the
// (disabled) proxy.
func vendorFlags() string {
	var flags []string
	for _, f := range strings.Fields(os.Getenv("GOFLAGS")) {
		if !strings.HasPrefix(f, "-mod=") && !strings.HasPrefix(f, "--mod=") {
			flags = append(flags, f)
		}
	}
	return strings.Join(append(flags, "-mod=vendor"), " ")
}

// checkWants checks diagnostics against the // want comments of pkg's
// files as analysistest does: each comment holds one or more Go string
// literals, each a regular expression that one diagnostic on that line
// must match; a diagnostic that no expectation of its line matches, and an
// expectation that no diagnostic matched, are errors.
func checkWants(t *testing.T, pkg *packages.Package, diags []analysis.Diagnostic) {
	t.Helper()
	type line struct {
		file string
		line int
	}
	want := map[line][]*regexp.Regexp{}
	for _, f := range pkg.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				res, err := parseWant(c)
				if err != nil {
					t.Errorf("%s: %v", pkg.Fset.Position(c.Pos()), err)
				}
				if len(res) > 0 {
					pos := pkg.Fset.Position(c.Pos())
					k := line{pos.Filename, pos.Line}
					want[k] = append(want[k], res...)
				}
			}
		}
	}
	for _, d := range diags {
		pos := pkg.Fset.Position(d.Pos)
		k := line{pos.Filename, pos.Line}
		i := slices.IndexFunc(want[k], func(re *regexp.Regexp) bool { return re.MatchString(d.Message) })
		if i < 0 {
			t.Errorf("%s: unexpected diagnostic: %s", pos, d.Message)
			continue
		}
		want[k] = slices.Delete(want[k], i, i+1)
	}
	for k, res := range want {
		for _, re := range res {
			t.Errorf("%s:%d: no diagnostic was reported matching %#q", k.file, k.line, re)
		}
	}
}

// parseWant returns the expectations of one comment: none unless its text
// starts with "want".
func parseWant(c *ast.Comment) ([]*regexp.Regexp, error) {
	text := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/"), "//")
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
	if !ok {
		return nil, nil
	}
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("want", -1, len(rest)), []byte(rest), nil, 0)
	var res []*regexp.Regexp
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF, token.SEMICOLON:
			if len(res) == 0 {
				return nil, fmt.Errorf("want comment without expectations")
			}
			return res, nil
		case token.STRING:
			pattern, err := strconv.Unquote(lit)
			if err != nil {
				return nil, err
			}
			re, err := regexp.Compile(pattern)
			if err != nil {
				return nil, err
			}
			res = append(res, re)
		default:
			return nil, fmt.Errorf("want comment: expected a string literal, got %s %q (facts are not expected here)", tok, lit)
		}
	}
}

// checkFixes applies every fix suggested for one of files that has a
// golden file beside it (file.go.golden), as
// analysistest.RunWithSuggestedFixes does with all its fixes at once, and
// compares the gofmt-ed result with the golden file. It returns the number
// of files checked.
func checkFixes(t *testing.T, fset *token.FileSet, files []*ast.File, diags []analysis.Diagnostic) (checked int) {
	t.Helper()
	edits := map[*token.File][]analysis.TextEdit{}
	for _, d := range diags {
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if !e.End.IsValid() {
					e.End = e.Pos
				}
				f := fset.File(e.Pos)
				if !slices.ContainsFunc(edits[f], func(o analysis.TextEdit) bool {
					return o.Pos == e.Pos && o.End == e.End && bytes.Equal(o.NewText, e.NewText)
				}) {
					edits[f] = append(edits[f], e)
				}
			}
		}
	}
	for _, f := range files {
		tf := fset.File(f.FileStart)
		golden, err := os.ReadFile(tf.Name() + ".golden")
		if err != nil {
			if es := edits[tf]; len(es) > 0 && !os.IsNotExist(err) {
				t.Error(err)
			}
			continue
		}
		checked++
		src, err := os.ReadFile(tf.Name())
		if err != nil {
			t.Fatal(err)
		}
		es := edits[tf]
		slices.SortFunc(es, func(a, b analysis.TextEdit) int { return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.End, b.End)) })
		var out []byte
		last := 0
		for i, e := range es {
			start, end := tf.Offset(e.Pos), tf.Offset(e.End)
			if start < last {
				t.Errorf("%s: the fix at %s overlaps the one before it", tf.Name(), fset.Position(es[i].Pos))
				break
			}
			out = append(append(out, src[last:start]...), e.NewText...)
			last = end
		}
		out = append(out, src[last:]...)
		formatted, err := format.Source(out)
		if err != nil {
			t.Errorf("%s: the fixed file does not parse: %v\n%s", tf.Name(), err, out)
			continue
		}
		if !bytes.Equal(formatted, golden) {
			t.Errorf("%s: the fixed file is not its golden file; got\n%s", tf.Name(), formatted)
		}
	}
	return checked
}
