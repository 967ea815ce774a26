package oracle

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer"
)

// casesPattern is what the oracle analyses, from this directory: the cases
// and their helpers, so that the helpers' summaries cross into the cases as
// they do in any run.
const casesPattern = "./cases/..."

// casesPkg is the package path of the cases; verdicts are keyed by the name
// of a function of it.
const casesPkg = "github.com/connrelease/connrelease/oracle/cases"

// diag is one connrelease diagnostic on a function of the cases.
type diag struct {
	category string // analyzer.CategoryLeak or analyzer.CategoryDeferInLoop
	message  string
	pos      token.Position
	// returnLine is the line of the return the message names ("the return at
	// line N leaks it"), or 0 (a loop re-acquisition, a discarded result).
	returnLine int
}

// verdict is connrelease's judgement of one function.
type verdict struct {
	leaks       []diag // category leak
	deferInLoop []diag // category defer-in-loop
}

func (v verdict) leaky() bool { return len(v.leaks) > 0 }

// returnLines are the lines of the returns the leak messages name.
func (v verdict) returnLines() []int {
	var lines []int
	for _, d := range v.leaks {
		if d.returnLine > 0 {
			lines = append(lines, d.returnLine)
		}
	}
	sort.Ints(lines)
	return lines
}

func (v verdict) String() string {
	var parts []string
	for _, d := range v.leaks {
		parts = append(parts, fmt.Sprintf("leak %s:%d: %s", shortFile(d.pos.Filename), d.pos.Line, d.message))
	}
	for _, d := range v.deferInLoop {
		parts = append(parts, fmt.Sprintf("defer-in-loop %s:%d: %s", shortFile(d.pos.Filename), d.pos.Line, d.message))
	}
	if len(parts) == 0 {
		return "clean"
	}
	return strings.Join(parts, "; ")
}

// caseFunc is what the source says about one function of the cases.
type caseFunc struct {
	name  string
	file  string
	paths map[string]int // path label -> line of its return (or closing brace)
}

// static is the result of analysing the cases once: connrelease's verdict
// and the path labels of each function of package cases.
type static struct {
	verdicts map[string]verdict   // by function name; absent: clean
	funcs    map[string]*caseFunc // every top-level function of package cases
	other    []string             // diagnostics outside package cases' functions
}

var (
	staticOnce   sync.Once
	staticResult *static
	staticErr    error
)

// TestCasesAnalysed checks the cases alone, without servers or the build
// tag that compiles the database clients: connrelease reports nothing
// outside the cases' functions (the helpers are clean), every function of
// package cases labels at least one path, and every label is on a return
// statement or the closing brace. TestCasesTable (-tags dbservers) checks
// the case table against them.
func TestCasesAnalysed(t *testing.T) {
	t.Parallel()
	st := analyse(t)
	for _, o := range st.other {
		t.Errorf("diagnostic outside the cases' functions: %s", o)
	}
	for name, cf := range st.funcs {
		if len(cf.paths) == 0 {
			t.Errorf("%s labels no path", name)
		}
		for label, line := range cf.paths {
			if line < 0 {
				t.Errorf("%s: the label %q on line %d is on no return statement nor the closing brace", name, label, -line)
			}
		}
	}
	if n := len(st.funcs); n < 40 {
		t.Errorf("%d cases, want at least 40", n)
	}
}

// analyse runs connrelease, as its command does (analyzer.New with the
// default configuration, facts across packages, go/packages loading syntax
// for every package), on the cases, once per test binary.
func analyse(t *testing.T) *static {
	t.Helper()
	staticOnce.Do(analyseOnce)
	if staticErr != nil {
		t.Fatalf("running connrelease on %s: %v", casesPattern, staticErr)
	}
	return staticResult
}

func analyseOnce() { staticResult, staticErr = runAnalyzer() }

// startAnalysis starts analyse's work in the background.
func startAnalysis() { go staticOnce.Do(analyseOnce) }

var returnAtLine = regexp.MustCompile(`the return at line (\d+) leaks it`)

func runAnalyzer() (*static, error) {
	a := analyzer.New(analyzer.DefaultConfig())
	// The cases, like the tests that run them, build only with the tag
	// dbservers; loading them from source compiles nothing.
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: false, BuildFlags: []string{"-tags=dbservers"}}
	pkgs, err := packages.Load(cfg, casesPattern)
	if err != nil {
		return nil, err
	}
	var loadErrs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			loadErrs = append(loadErrs, e.Error())
		}
	})
	if len(loadErrs) > 0 {
		return nil, fmt.Errorf("loading: %s", strings.Join(loadErrs, "; "))
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	s := &static{verdicts: map[string]verdict{}, funcs: map[string]*caseFunc{}}
	var casesSyntax *packages.Package
	for _, p := range pkgs {
		if p.PkgPath == casesPkg {
			casesSyntax = p
		}
	}
	if casesSyntax == nil {
		return nil, fmt.Errorf("%s not among the packages of %s", casesPkg, casesPattern)
	}
	fset := casesSyntax.Fset
	for _, f := range casesSyntax.Syntax {
		collectFuncs(fset, f, s.funcs)
	}
	for act := range graph.All() {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %w", act.Package.ID, act.Err)
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			name := ""
			if act.Package.PkgPath == casesPkg {
				name = enclosingFunc(act.Package, d.Pos)
			}
			if name == "" {
				s.other = append(s.other, fmt.Sprintf("%s: [%s] %s", pos, d.Category, d.Message))
				continue
			}
			dg := diag{category: d.Category, message: d.Message, pos: pos}
			if m := returnAtLine.FindStringSubmatch(d.Message); m != nil {
				dg.returnLine, _ = strconv.Atoi(m[1])
			}
			v := s.verdicts[name]
			switch d.Category {
			case analyzer.CategoryLeak:
				v.leaks = append(v.leaks, dg)
			case analyzer.CategoryDeferInLoop:
				v.deferInLoop = append(v.deferInLoop, dg)
			default:
				s.other = append(s.other, fmt.Sprintf("%s: [%s] %s", pos, d.Category, d.Message))
				continue
			}
			s.verdicts[name] = v
		}
	}
	return s, nil
}

// enclosingFunc names the top-level function of p whose body holds pos.
func enclosingFunc(p *packages.Package, pos token.Pos) string {
	for _, f := range p.Syntax {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Pos() <= pos && pos <= fd.End() {
				return fd.Name.Name
			}
		}
	}
	return ""
}

var pathLabel = regexp.MustCompile(`^//\s*path:\s*(\S+)\s*$`)

// collectFuncs records f's top-level functions and their path labels. A
// label comment names the return statement that spans its line (the
// smallest one, so a closure's return inside a returned call does not take
// it), or, on the closing brace, the implicit return at the function's end.
func collectFuncs(fset *token.FileSet, f *ast.File, out map[string]*caseFunc) {
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Body == nil {
			continue
		}
		cf := &caseFunc{name: fd.Name.Name, file: fset.Position(fd.Pos()).Filename, paths: map[string]int{}}
		out[cf.name] = cf
		type span struct{ from, to int }
		var returns []span
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if r, ok := n.(*ast.ReturnStmt); ok {
				returns = append(returns, span{fset.Position(r.Pos()).Line, fset.Position(r.End()).Line})
			}
			return true
		})
		closing := fset.Position(fd.Body.Rbrace).Line
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Pos() < fd.Pos() || c.Pos() > fd.End() {
					continue
				}
				m := pathLabel.FindStringSubmatch(c.Text)
				if m == nil {
					continue
				}
				line := fset.Position(c.Pos()).Line
				best := span{-1, -1}
				for _, r := range returns {
					if r.from <= line && line <= r.to && (best.from < 0 || r.to-r.from < best.to-best.from) {
						best = r
					}
				}
				switch {
				case best.from >= 0:
					cf.paths[m[1]] = best.from
				case line == closing:
					cf.paths[m[1]] = closing
				default:
					cf.paths[m[1]] = -line // a label on no return: reported by TestCasesAnalysed
				}
			}
		}
	}
}

func shortFile(name string) string {
	if i := strings.LastIndex(name, "/oracle/"); i >= 0 {
		return name[i+1:]
	}
	return name
}
