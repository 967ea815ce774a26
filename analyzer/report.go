package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file turns what the dataflow found into diagnostics: one per leaking
// acquisition, at the acquisition, with the leaking return as related
// information (under -path, the whole path that leaks it: path.go).

func (c *checker) report(pass *analysis.Pass, syn *syntaxIndex, fa *funcAnalysis, j *judgment) {
	if fa.pkg.cat.expectedToPanic(fa.fn) {
		return // a function literal a test asserts panics: it never returns
	}
	var paths *pathFinder // made at the first leak, under -path
	pathOf := func(i int, site *callSite, exit ssa.Instruction, end analysis.RelatedInformation) []analysis.RelatedInformation {
		if !c.cfg.Path {
			return []analysis.RelatedInformation{end}
		}
		if paths == nil {
			paths = fa.newPathFinder()
		}
		first := analysis.RelatedInformation{Pos: site.call.Pos(), End: site.call.End(), Message: PathStart}
		return paths.steps(i, first, exit, end)
	}
	for i, o := range fa.obls {
		if o.call == nil {
			continue
		}
		site := syn.calls[o.call.Pos()]
		if site == nil {
			continue // generated code without syntax: nothing to point at
		}
		d := describe(pass, site, o)
		v := j.verdicts[i]
		switch {
		case v.deferInLoop != nil && !fa.scopedByLiteral(v.deferInLoop):
			if !c.cfg.DeferInLoop {
				continue
			}
			method := v.deferMethod
			if method == "" {
				method = o.res.release[0]
			}
			pass.Report(analysis.Diagnostic{
				Pos:      site.call.Pos(),
				End:      site.call.End(),
				Category: CategoryDeferInLoop,
				Message: fmt.Sprintf("%s.%s is deferred inside a loop: every iteration's %s from %s stays held until the function returns",
					d.name, method, d.typ, d.src),
				Related: []analysis.RelatedInformation{{Pos: v.deferInLoop.Pos(), Message: "deferred here"}},
			})
		case v.leakPos.IsValid():
			pos := v.leakPos
			line := pass.Fset.Position(pos).Line
			msg := d.leak(o.res.verb, fmt.Sprintf("the return at line %d leaks it", line))
			related := "this return leaks it"
			if v.leakEnd {
				related = "the end of the function leaks it"
			}
			var fixes []analysis.SuggestedFix
			if !d.discarded {
				fixes = c.suggestFix(pass, fa, i, site, d.name)
			}
			pass.Report(analysis.Diagnostic{
				Pos:            site.call.Pos(),
				End:            site.call.End(),
				Category:       CategoryLeak,
				Message:        msg,
				Related:        pathOf(i, site, v.leakExit, analysis.RelatedInformation{Pos: pos, Message: related}),
				SuggestedFixes: fixes,
			})
		case v.loopLeak:
			msg := d.leak(o.res.verb, "the next loop iteration acquires it again while it is still held")
			var related []analysis.RelatedInformation
			if c.cfg.Path {
				related = pathOf(i, site, nil, analysis.RelatedInformation{Pos: site.call.Pos(), End: site.call.End(), Message: AcquiredAgain})
			}
			pass.Report(analysis.Diagnostic{
				Pos:      site.call.Pos(),
				End:      site.call.End(),
				Category: CategoryLeak,
				Message:  msg,
				Related:  related,
			})
		}
	}
}

// expectedToPanic reports whether fn is a function literal passed to
// testify's Panics assertions (assert or require): the test says it panics.
func (c *catalog) expectedToPanic(fn *ssa.Function) bool {
	parent := fn.Parent()
	if parent == nil {
		return false
	}
	for call := range ssaq.Instrs[*ssa.Call](parent) {
		f := ssaq.CalleeFunc(call.Common())
		if f == nil || f.Pkg() == nil || !strings.HasPrefix(f.Name(), "Panics") {
			continue
		}
		if !c.isAssertion(f) {
			continue
		}
		for _, a := range call.Common().Args {
			for {
				ct, ok := a.(*ssa.ChangeType) // func() to PanicTestFunc
				if !ok {
					break
				}
				a = ct.X
			}
			if v, _ := ssaq.ClosureOf(a); v == fn {
				return true
			}
		}
	}
	return false
}

// reportUnjudged reports, for -unjudged, each place of the package where the
// analysis supposed a release rather than knew of one, once.
func (c *checker) reportUnjudged(pass *analysis.Pass, e *pkgAnalysis) {
	if !c.cfg.Unjudged {
		return
	}
	seen := map[unjudgedPlace]bool{}
	for _, g := range *e.unjudged {
		if seen[g] || !g.pos.IsValid() {
			continue
		}
		seen[g] = true
		pass.Report(analysis.Diagnostic{Pos: g.pos, Category: CategoryUnjudged, Message: "connrelease: " + g.reason})
	}
}

// description is how a message names a resource.
type description struct {
	name      string // the variable it was assigned to
	typ       string // its type, qualified by package name
	src       string // the call that acquired it, as written
	discarded bool
}

// leak is the message of a leak: which path leaks it (why), or that the
// result was discarded.
func (d description) leak(verb, why string) string {
	if d.discarded {
		return fmt.Sprintf("the %s from %s is discarded and never %s", d.typ, d.src, verb)
	}
	return fmt.Sprintf("%s (%s from %s) is not %s on every path: %s", d.name, d.typ, d.src, verb, why)
}

func describe(pass *analysis.Pass, site *callSite, o *obligation) description {
	d := description{
		typ: types.TypeString(o.typ, qualifier(pass)),
		src: types.ExprString(site.call.Fun),
	}
	if ix, ok := site.call.Fun.(*ast.IndexExpr); ok {
		d.src = types.ExprString(ix.X)
	}
	switch {
	case site.stmt:
	case len(site.lhs) > 0:
		d.name = types.ExprString(site.lhs[0])
	default:
		d.name = "the result of " + d.src
	}
	d.discarded = site.discards() || o.value == nil
	return d
}

// scopedByLiteral reports whether the loop that defers d is all that the
// function does, and the function a literal called where it is made:
// `func() { for range 4 { c := acquire(); defer c.Release() } }()`. The
// literal exists to hold the loop's resources together and give them all
// back when the loop ends, which is when its defers run.
func (fa *funcAnalysis) scopedByLiteral(d *ssa.Defer) bool {
	fn := fa.fn
	if fn.Parent() == nil || !ssaq.CalledWhereMade(fn) {
		return false
	}
	loops := fa.loopsOf()
	for _, b := range fn.Blocks {
		if !loops.Together(b, d.Block()) {
			continue
		}
		for _, succ := range b.Succs {
			if !loops.Together(succ, d.Block()) && !ssaq.ReturnsAtOnce(succ) {
				return false
			}
		}
	}
	return true
}
