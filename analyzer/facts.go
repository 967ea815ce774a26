package analyzer

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file holds the summaries that cross function and package boundaries,
// as analysis facts, so that no annotation is needed:
//
//   - a function that returns a fresh resource is an acquirer to its callers
//     (getTenantConn(ctx, key) is Acquire);
//   - a function that releases or takes a parameter on every path is a
//     releaser (closeQuietly(c io.Closer));
//   - a function that only uses a resource parameter is a borrower: passing
//     the resource to it discharges nothing;
//   - a struct that holds a resource in a field and has a method that
//     releases it is itself a resource type (an owning struct).

// funcFact is what a function does with resources. Indexes are SSA
// parameter indexes (the receiver of a method is parameter 0) and result
// indexes.
type funcFact struct {
	Acquires []int // results that hold a fresh resource the caller must give back
	// ReleaseFunc: a result that is a function releasing Acquires[0] when
	// called (`return c, func() { c.Close() }, nil`).
	ReleaseFunc []int
	Releases    []int // parameters given back or taken over on every path
	Borrows     []int // resource parameters only used
	// ReleasesOnError: parameters given back exactly when the call's error
	// result is not nil (a check that closes what fails it).
	ReleasesOnError []int
	// TakesOnSuccess: parameters taken over exactly when the call's error
	// result is nil (a constructor that keeps the connection it is given
	// only when it succeeds).
	TakesOnSuccess []int
	SharedPools    []int // results that are pools someone else owns
	FreshPools     []int // results that are pools the call created
	// PassThrough: resource and pool parameters returned as they are, as a
	// result, and otherwise only used (`func TxStmt(tx *sql.Tx, s
	// *sql.Stmt) *sql.Stmt`): the caller still holds them, also through
	// that result.
	PassThrough []PassThrough
}

// A PassThrough is a parameter that a function returns as a result. With
// OnSuccess, it returns it exactly where its error result is nil, and nil
// (or something else) where the error is not (`if err := db.Ping(); err !=
// nil { return nil, err }; return db, nil`): a caller that returns both
// results as they are hands the parameter on only where the call succeeds.
type PassThrough struct {
	Param, Result int
	OnSuccess     bool
}

// passesThrough reports whether parameter i passes through.
func (f *funcFact) passesThrough(i int) bool {
	for _, pt := range f.PassThrough {
		if pt.Param == i {
			return true
		}
	}
	return false
}

// describes reports whether the fact says what the function does with
// parameter i.
func (f *funcFact) describes(i int) bool {
	return has(f.Releases, i) || has(f.Borrows, i) || has(f.ReleasesOnError, i) || has(f.TakesOnSuccess, i) || f.passesThrough(i)
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	add := func(name string, xs []int) {
		if len(xs) > 0 {
			parts = append(parts, fmt.Sprintf("%s%v", name, xs))
		}
	}
	add("acquires", f.Acquires)
	add("releasefunc", f.ReleaseFunc)
	add("releases", f.Releases)
	add("borrows", f.Borrows)
	add("releasesonerror", f.ReleasesOnError)
	add("takesonsuccess", f.TakesOnSuccess)
	add("sharedpools", f.SharedPools)
	add("freshpools", f.FreshPools)
	for _, pt := range f.PassThrough {
		if pt.OnSuccess {
			parts = append(parts, fmt.Sprintf("passesonsuccess[%d→%d]", pt.Param, pt.Result))
		} else {
			parts = append(parts, fmt.Sprintf("passes[%d→%d]", pt.Param, pt.Result))
		}
	}
	return strings.Join(parts, " ")
}

func (f *funcFact) empty() bool {
	return len(f.Acquires)+len(f.Releases)+len(f.Borrows)+len(f.ReleasesOnError)+len(f.TakesOnSuccess)+len(f.SharedPools)+len(f.FreshPools)+len(f.PassThrough) == 0
}

func has(xs []int, i int) bool {
	for _, x := range xs {
		if x == i {
			return true
		}
	}
	return false
}

// ownerFact marks a type that owns a resource: its methods Release give it
// back.
type ownerFact struct {
	Release []string
}

func (*ownerFact) AFact() {}

func (f *ownerFact) String() string { return "owner(" + strings.Join(f.Release, ",") + ")" }

// pkgFact marks a package that exports ownership facts: its importers may
// hold obligations through it.
type pkgFact struct{}

func (*pkgFact) AFact()         {}
func (*pkgFact) String() string { return "ownership facts" }

// factOf returns what f does with resources, or nil if nothing is known.
func (e *pkgAnalysis) factOf(f *types.Func) *funcFact {
	f = f.Origin()
	if fact, ok := e.facts[f]; ok {
		return fact
	}
	if f.Pkg() == nil || e.cat.packages[f.Pkg().Path()] {
		return nil
	}
	var fact *funcFact
	if f.Pkg() == e.pass.Pkg {
		fn := e.src[f]
		if fn == nil || e.computing[f] {
			return nil // recursion: nothing known yet
		}
		e.computing[f] = true
		fact = e.computeFact(fn)
		delete(e.computing, f)
	} else if e.crossPackage {
		var imported funcFact
		if e.pass.ImportObjectFact(f, &imported) {
			fact = &imported
		}
	}
	e.facts[f] = fact
	return fact
}

// computeFact summarises fn for its callers.
func (e *pkgAnalysis) computeFact(fn *ssa.Function) *funcFact {
	if len(fn.Blocks) == 0 {
		return nil
	}
	fact := &funcFact{}
	sig := fn.Signature
	results := sig.Results()
	var withResource []int
	for i := 0; i < results.Len(); i++ {
		if e.resourceOf(results.At(i).Type()) != nil {
			withResource = append(withResource, i)
		}
	}
	if len(withResource) > 0 {
		if fa := newFuncAnalysis(e, fn); fa != nil {
			fact.Acquires, fact.ReleaseFunc = fa.freshResults(withResource)
		}
	}
	for i, p := range fn.Params {
		r := e.paramResource(p.Type())
		if r == nil && e.isPool(p.Type()) && !samePackage(fn, p.Type()) {
			// A pool passed in: whether the function closes it, keeps it,
			// only uses it or returns it tells a caller that opened it
			// whether it still holds it. The pool's own package (gorm's
			// methods of *gorm.DB) is what the catalog says it is.
			r = e.cat.poolResource(p.Type())
		}
		if r == nil {
			continue
		}
		if i == 0 && sig.Recv() != nil && releaseMethod(r, fn.Name()) {
			fact.Releases = append(fact.Releases, i) // an owning struct's release method
			continue
		}
		// One run of the dataflow over the parameter decides: never given
		// back (a borrower), or given back exactly when the call fails or
		// succeeds, or otherwise (a releaser: we would rather miss a leak
		// than invent one). A recursive call of fn is supposed to release.
		in := &obligation{typ: p.Type(), res: r, aliases: computeAliases(e, p, direct, 0)}
		effects := map[effectKey]effect{{fn, p, direct, 0}: {kind: always}}
		sub, j := e.judgeInput(fn, in, nil, 1, effects)
		heldAtExit := j.verdicts[0].heldAtExit
		// Returned (also as the result of a call that passes it on only on
		// success, which is no hand-over: hence before the borrow), and
		// otherwise only used.
		if pts := e.passThroughResults(fn, i, in, effects); len(pts) > 0 {
			fact.PassThrough = append(fact.PassThrough, pts...)
			continue
		}
		if heldAtExit && !releasesSomewhere(sub) && !releasedAtSomeExit(j) {
			fact.Borrows = append(fact.Borrows, i)
			continue
		}
		if heldAtExit {
			sub.couldNotJudge(fn.Pos(), "releases the resource only under a condition connrelease cannot read; supposing it always does")
		}
		switch onError, onSuccess := errorCorrelated(e.q, fn, j.heldAt); {
		case onError:
			fact.ReleasesOnError = append(fact.ReleasesOnError, i)
		case onSuccess:
			fact.TakesOnSuccess = append(fact.TakesOnSuccess, i)
		default:
			fact.Releases = append(fact.Releases, i)
		}
	}
	fact.SharedPools, fact.FreshPools = e.poolResults(fn)
	if fact.empty() {
		return nil
	}
	return fact
}

// samePackage reports whether fn belongs to the package that declares the
// named type t.
func samePackage(fn *ssa.Function, t types.Type) bool {
	n := namedOf(t)
	return n != nil && fn.Pkg != nil && n.Obj().Pkg() == fn.Pkg.Pkg
}

// passThroughResults returns the results as which fn returns its input in
// (parameter param) as it is, when it does so at some return and otherwise
// only uses it: no event gives it back or hands it over but the returns,
// and every exit still holds it once the returns are not counted as
// hand-overs. Each is OnSuccess when every return with that result says
// whether it failed (its error result is known nil or not nil there) and
// returns the input exactly where it succeeded, or returns both results of
// a call that passes it on only on success.
func (e *pkgAnalysis) passThroughResults(fn *ssa.Function, param int, in *obligation, effects map[effectKey]effect) []PassThrough {
	var results []int
	for ret := range ssaq.Instrs[*ssa.Return](fn) {
		for k, v := range ret.Results {
			if v, _ := e.q.Resolve(v); in.aliases.kind[v] == direct && !has(results, k) {
				results = append(results, k)
			}
		}
	}
	if len(results) == 0 {
		return nil
	}
	sub := &funcAnalysis{pkg: e, fn: fn, obls: []*obligation{in}, depth: 1, effects: effects, keepReturned: true}
	sub.buildEvents()
	j := sub.judge(sub.solve(single(held)))
	if releasesSomewhere(sub) {
		return nil
	}
	for _, stillHeld := range j.heldAt {
		if !stillHeld {
			return nil
		}
	}
	pts := make([]PassThrough, 0, len(results))
	for _, k := range results {
		pts = append(pts, PassThrough{Param: param, Result: k, OnSuccess: e.passesOnSuccess(fn, in, k)})
	}
	return pts
}

// passesOnSuccess reports whether every return of fn fills result k with
// the input in exactly where its error result is nil: known nil there
// (`return db, nil`), or the error of a call that passes in on as that
// result only on success (`return prep(db)`); and with something else
// where it is known not nil.
func (e *pkgAnalysis) passesOnSuccess(fn *ssa.Function, in *obligation, k int) bool {
	results := fn.Signature.Results()
	last := results.Len() - 1
	if last <= 0 || k == last || !types.Identical(results.At(last).Type(), ssaq.ErrorType) {
		return false
	}
	for ret := range ssaq.Instrs[*ssa.Return](fn) {
		v, _ := e.q.Resolve(ret.Results[k])
		passes := in.aliases.kind[v] == direct
		switch e.q.ValueAt(ret.Results[last], ret.Block()) {
		case ssaq.False: // succeeded
		case ssaq.True: // failed
			if passes {
				return false
			}
		default:
			if passes && !e.passedOnSuccess(ret, k) {
				return false
			}
		}
	}
	return true
}

// passedOnSuccess reports whether ret returns, as its result k and its
// error, the results of one call whose fact passes a parameter on as that
// result only where the call succeeds (PassThrough.OnSuccess): the value
// of result k is that parameter only where the error is nil.
func (e *pkgAnalysis) passedOnSuccess(ret *ssa.Return, k int) bool {
	last := len(ret.Results) - 1
	v, _ := e.q.Resolve(ret.Results[k])
	errv, _ := e.q.Resolve(ret.Results[last])
	ex, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || ssaq.CallError(call) != errv || errv == nil {
		return false
	}
	f := ssaq.CalleeFunc(call.Common())
	if f == nil || call.Common().IsInvoke() {
		return false
	}
	fact := e.factOf(f)
	if fact == nil {
		return false
	}
	for _, pt := range fact.PassThrough {
		if pt.Result == ex.Index && pt.OnSuccess {
			return true
		}
	}
	return false
}

// errorCorrelated reports whether fn gives an input back (or takes it over)
// on exactly the returns whose error result is not nil (onError), or on
// exactly those whose error is nil (onSuccess), from whether each exit
// still held it (judgeInput).
func errorCorrelated(q *ssaq.Index, fn *ssa.Function, heldAt map[ssa.Instruction]bool) (onError, onSuccess bool) {
	results := fn.Signature.Results()
	last := results.Len() - 1
	if last < 0 || !types.Identical(results.At(last).Type(), ssaq.ErrorType) || len(heldAt) == 0 {
		return false, false
	}
	onError, onSuccess = true, true
	for exit, stillHeld := range heldAt {
		ret, ok := exit.(*ssa.Return)
		if !ok {
			return false, false
		}
		switch q.ValueAt(ret.Results[last], ret.Block()) {
		case ssaq.True: // failed
			onError = onError && !stillHeld
			onSuccess = onSuccess && stillHeld
		case ssaq.False: // succeeded
			onError = onError && stillHeld
			onSuccess = onSuccess && !stillHeld
		default:
			return false, false
		}
	}
	return onError, onSuccess
}

// freshResults returns the results among candidates that every return fills
// with a resource acquired here (or nil), and at least one return does.
func (fa *funcAnalysis) freshResults(candidates []int) (out, releaseFunc []int) {
	for _, i := range candidates {
		fresh, other := false, false
		for _, b := range fa.fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || i >= len(ret.Results) {
				continue
			}
			v, _ := fa.pkg.q.Resolve(ret.Results[i])
			refs := fa.aliasesOf(v)
			switch {
			case ssaq.IsNil(v):
			case len(refs) > 0:
				fresh = true
				// Returned with a closure that releases it (`return c,
				// func() { c.Close() }, nil`): the caller holds the release
				// function, not the obligation.
				for j, w := range ret.Results {
					for _, rj := range fa.aliasesOf(w) {
						if j != i && rj.kind == closure && refs[0].obl == rj.obl && !has(releaseFunc, j) {
							releaseFunc = append(releaseFunc, j)
						}
					}
				}
			default:
				other = true
			}
		}
		if fresh && !other {
			out = append(out, i)
		}
	}
	if len(out) != 1 || len(releaseFunc) > 1 {
		releaseFunc = nil
	}
	return out, releaseFunc
}

// exportFacts records the facts of the package's functions and owning
// types for its importers.
func (e *pkgAnalysis) exportFacts(funcs []*ssa.Function) {
	exported := false
	for obj, r := range e.owners {
		if r != nil && obj.Pkg() == e.pass.Pkg {
			e.pass.ExportObjectFact(obj, &ownerFact{Release: r.release})
			exported = true
		}
	}
	for _, fn := range funcs {
		f, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || f.Pkg() != e.pass.Pkg {
			continue
		}
		if fact := e.factOf(f); fact != nil {
			e.pass.ExportObjectFact(f, fact)
			exported = true
		}
	}
	if exported {
		e.pass.ExportPackageFact(&pkgFact{})
	}
}
