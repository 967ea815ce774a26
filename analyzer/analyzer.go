package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"runtime/debug"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Config selects the checks and their options. The zero Config is not the
// default: use DefaultConfig.
type Config struct {
	// DeferInLoop enables the defer-in-loop check.
	DeferInLoop bool
	// Debug reports, as diagnostics of category "debug", the functions the
	// analysis gave up on and why.
	Debug bool
}

// DefaultConfig is the configuration of Analyzer.
func DefaultConfig() Config {
	return Config{DeferInLoop: true}
}

// Analyzer is connrelease with the default configuration.
var Analyzer = New(DefaultConfig())

// Diagnostic categories, one per check.
const (
	CategoryLeak        = "leak"
	CategoryDeferInLoop = "defer-in-loop"
	CategoryDebug       = "debug"
)

// New returns a fresh analyzer for cfg. Its flags start from cfg, so
// command-line flags override it.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg, cat: newCatalog()}
	a := &analysis.Analyzer{
		Name:       "connrelease",
		Doc:        doc,
		URL:        "https://github.com/connrelease/connrelease",
		Run:        c.run,
		ResultType: reflect.TypeFor[struct{}](),
	}
	a.Flags.Init("connrelease", flag.ContinueOnError)
	a.Flags.BoolVar(&c.cfg.DeferInLoop, "defer-in-loop", cfg.DeferInLoop, "report a release deferred inside the loop that acquires the resource")
	a.Flags.BoolVar(&c.cfg.Debug, "verbose", cfg.Debug, "report functions the analysis could not judge")
	return a
}

type checker struct {
	cfg Config
	cat *catalog
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	funcs := buildSSA(pass, c.cat)
	if len(funcs) == 0 {
		return struct{}{}, nil
	}
	syn := indexSyntax(pass.Files)
	var failed []string
	for _, fn := range funcs {
		if err := c.checkFunc(pass, syn, fn); err != nil {
			failed = append(failed, err.Error())
		}
	}
	if len(failed) > 0 {
		sort.Strings(failed)
		return nil, fmt.Errorf("connrelease could not analyse %d function(s):\n%s", len(failed), joinLines(failed))
	}
	return struct{}{}, nil
}

// checkFunc analyses one function; a panic inside it becomes an error for
// that function, and the run goes on with the others.
func (c *checker) checkFunc(pass *analysis.Pass, syn *syntaxIndex, fn *ssa.Function) (err error) {
	defer func() {
		if r := recover(); r != nil {
			pos := pass.Fset.Position(fn.Pos())
			err = fmt.Errorf("%s: %s: internal error: %v\n%s", pos, fn.Name(), r, firstFrames(debug.Stack()))
		}
	}()
	fa := newFuncAnalysis(c.cat, fn)
	if fa == nil {
		return nil
	}
	c.report(pass, syn, fa.solve())
	return nil
}

// syntaxIndex finds, for an acquisition call, the call expression and the
// left-hand side it was assigned to.
type syntaxIndex struct {
	calls map[token.Pos]*callSite // by the call's Lparen, which is ssa.Call.Pos
}

type callSite struct {
	call *ast.CallExpr
	lhs  []ast.Expr // nil if the call is not the whole right-hand side
	stmt bool       // the call is an expression statement: its results are dropped
}

func indexSyntax(files []*ast.File) *syntaxIndex {
	idx := &syntaxIndex{calls: map[token.Pos]*callSite{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 {
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						idx.calls[call.Lparen] = &callSite{call: call, lhs: n.Lhs}
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 1 {
					if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
						lhs := make([]ast.Expr, len(n.Names))
						for i, id := range n.Names {
							lhs[i] = id
						}
						idx.calls[call.Lparen] = &callSite{call: call, lhs: lhs}
					}
				}
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					idx.calls[call.Lparen] = &callSite{call: call, stmt: true}
				}
			case *ast.CallExpr:
				if _, ok := idx.calls[n.Lparen]; !ok {
					idx.calls[n.Lparen] = &callSite{call: n}
				}
			}
			return true
		})
	}
	return idx
}

func joinLines(lines []string) string {
	s := ""
	for i, l := range lines {
		if i > 0 {
			s += "\n"
		}
		s += l
	}
	return s
}

// firstFrames keeps the top of a stack trace: enough to file a bug.
func firstFrames(stack []byte) string {
	const max = 2000
	if len(stack) > max {
		stack = stack[:max]
	}
	return string(stack)
}
