package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer/knowledge"
	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file judges the closing of pools. A pool (*sql.DB, *sqlx.DB,
// *pgxpool.Pool, *redis.Client) that a function did not create — it came
// from a package-level variable, a cache, a struct field, or a getter that
// hands out a shared pool — must not be closed there: every other request
// that uses it breaks. A pool the function created may be closed; so may a
// parameter (shutdown helpers), and a struct's own Close may close its
// fields.

// isShutdown reports whether a function or method of this name shuts
// something down (Close, Shutdown, ClosePools, StopAll, …): a method may
// close the pools its receiver holds, a function those of its package.
func isShutdown(name string) bool {
	for _, p := range knowledge.Shutdown {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func (e *pkgAnalysis) isPool(t types.Type) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return e.cat.pools[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// exported returns name with its first letter upper-cased.
func exported(name string) string {
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// An origin says where a pool value came from.
type origin struct {
	kind originKind
	what string // for messages: "the package-level variable db", …
}

type originKind uint8

const (
	originUnknown originKind = iota
	originFresh              // created here, or by a function that creates one
	originParam              // a parameter, or a field of one
	originOwner              // a field of the receiver of its own Close
	originShared             // someone else owns it
)

// poolOrigin finds where the pool v of function fn came from.
func (e *pkgAnalysis) poolOrigin(fn *ssa.Function, v ssa.Value, depth int) origin {
	if depth > 8 {
		return origin{}
	}
	v, _ = e.q.Resolve(v)
	switch v := v.(type) {
	case *ssa.Call:
		return e.callOrigin(v, 0)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			return e.callOrigin(t, v.Index)
		case *ssa.Lookup:
			return e.cacheOrigin(fn, t.X, depth)
		case *ssa.Next:
			// A pool ranged over: where the map came from says who owns it.
			if rng, ok := t.Iter.(*ssa.Range); ok && v.Index == 2 {
				return e.cacheOrigin(fn, rng.X, depth)
			}
		}
	case *ssa.Lookup:
		return e.cacheOrigin(fn, v.X, depth)
	case *ssa.Parameter:
		return origin{kind: originParam}
	case *ssa.ChangeType:
		return e.poolOrigin(fn, v.X, depth+1)
	case *ssa.MakeInterface:
		return e.poolOrigin(fn, v.X, depth+1)
	case *ssa.ChangeInterface:
		return e.poolOrigin(fn, v.X, depth+1)
	case *ssa.TypeAssert:
		return e.poolOrigin(fn, v.X, depth+1)
	case *ssa.Phi:
		best := origin{}
		for _, edge := range v.Edges {
			o := e.poolOrigin(fn, edge, depth+1)
			if o.kind == originShared {
				return o
			}
			if best.kind == originUnknown {
				best = o
			}
		}
		return best
	case *ssa.Field:
		if e.isPool(v.X.Type()) && isEmbedded(v.X.Type(), v.Field) {
			return e.poolOrigin(fn, v.X, depth+1) // sqlx.DB's embedded *sql.DB
		}
		return e.fieldOrigin(fn, v.X, fieldName(v.X.Type(), v.Field), depth)
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.Global:
			if isShutdown(fn.Name()) && fn.Signature.Recv() == nil && x.Pkg == fn.Pkg {
				return origin{kind: originOwner} // the package's own shutdown
			}
			if e.storedFresh(x, v, depth) {
				return origin{kind: originFresh} // main, TestMain, run: it opened it
			}
			return origin{originShared, "the package-level variable " + x.Name()}
		case *ssa.FieldAddr:
			if e.isPool(x.X.Type()) && isEmbedded(x.X.Type(), x.Field) {
				return e.poolOrigin(fn, x.X, depth+1) // sqlx.DB's embedded *sql.DB
			}
			return e.fieldOrigin(fn, x.X, fieldName(x.X.Type(), x.Field), depth)
		case *ssa.IndexAddr:
			o := e.cacheOrigin(fn, x.X, depth)
			if o.kind == originShared {
				o.what = "an element of " + exprName(x.X)
			}
			return o
		case *ssa.FreeVar:
			return e.freeVarOrigin(fn, x, depth)
		}
	case *ssa.FreeVar:
		return e.freeVarOrigin(fn, v, depth)
	}
	return origin{}
}

// storedFresh reports whether the function of load, a load of the
// package-level variable g, or a function enclosing it, stored in g a pool
// it created, before load (or before making the closure that leads to
// load): main, TestMain and the run functions they call open the package's
// pools, keep them in package-level variables, and close them, also from a
// deferred closure.
func (e *pkgAnalysis) storedFresh(g *ssa.Global, load ssa.Instruction, depth int) bool {
	at := load
	for fn := load.Parent(); fn != nil; fn = fn.Parent() {
		for st := range ssaq.Instrs[*ssa.Store](fn) {
			if st.Addr == g && ssaq.Before(st, at.Block(), ssaq.IndexOf(at)) && e.poolOrigin(fn, st.Val, depth+1).kind == originFresh {
				return true
			}
		}
		if at = ssaq.MadeAt(fn); at == nil {
			return false
		}
	}
	return false
}

// cacheOrigin judges a pool taken out of the map or slice m: a cache of
// pools is shared unless it is a parameter, a local, or the receiver's own
// in its shutdown method.
func (e *pkgAnalysis) cacheOrigin(fn *ssa.Function, m ssa.Value, depth int) origin {
	root, _ := e.q.Resolve(m)
	for i := 0; i < 4; i++ {
		sl, ok := root.(*ssa.Slice)
		if !ok {
			break
		}
		root, _ = e.q.Resolve(sl.X)
	}
	var o origin
	switch r := root.(type) {
	case *ssa.Parameter, *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		return origin{kind: originParam}
	case *ssa.UnOp:
		switch x := r.X.(type) {
		case *ssa.Global:
			o = e.poolOrigin(fn, r, depth+1) // the global's own rules
		case *ssa.FieldAddr:
			o = e.fieldOrigin(fn, x.X, fieldName(x.X.Type(), x.Field), depth)
		case *ssa.FreeVar:
			o = e.freeVarOrigin(fn, x, depth)
		default:
			return origin{}
		}
	case *ssa.Field:
		o = e.fieldOrigin(fn, r.X, fieldName(r.X.Type(), r.Field), depth)
	default:
		return origin{}
	}
	if o.kind == originShared {
		o.what = "the cache " + exprName(m)
	}
	return o
}

// freeVarOrigin follows a variable a closure captured to where its parent
// set it.
func (e *pkgAnalysis) freeVarOrigin(fn *ssa.Function, fv *ssa.FreeVar, depth int) origin {
	parent := fn.Parent()
	if parent == nil {
		return origin{}
	}
	index := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			index = i
		}
	}
	for instr := range ssaq.Instrs[ssa.Instruction](parent) {
		mc, ok := instr.(*ssa.MakeClosure)
		if !ok || mc.Fn != fn || index < 0 || index >= len(mc.Bindings) {
			continue
		}
		binding := mc.Bindings[index]
		cell, ok := binding.(*ssa.Alloc)
		if !ok {
			return e.poolOrigin(parent, binding, depth+1)
		}
		var stored []ssa.Value
		for _, ref := range *cell.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == cell {
				stored = append(stored, st.Val)
			}
		}
		if len(stored) == 1 {
			return e.poolOrigin(parent, stored[0], depth+1)
		}
		return origin{}
	}
	return origin{}
}

// fieldOrigin judges a pool read from field name of base.
func (e *pkgAnalysis) fieldOrigin(fn *ssa.Function, base ssa.Value, name string, depth int) origin {
	root := base
	for i := 0; i < 8; i++ {
		r, _ := e.q.Resolve(root)
		root = r
		switch x := root.(type) {
		case *ssa.FieldAddr:
			root = x.X
			continue
		case *ssa.Field:
			root = x.X
			continue
		case *ssa.UnOp:
			if _, ok := x.X.(*ssa.FieldAddr); ok {
				root = x.X
				continue
			}
			if g, ok := x.X.(*ssa.Global); ok {
				return origin{originShared, "the field " + name + " of the package-level variable " + g.Name()}
			}
		}
		break
	}
	switch root := root.(type) {
	case *ssa.Parameter:
		if fn.Signature.Recv() != nil && len(fn.Params) > 0 && root == fn.Params[0] {
			if isShutdown(exported(fn.Name())) {
				// Also an unexported one: go-redis's closeSentinel,
				// which its Close calls. (A function of the package so
				// named may be a handler: closeMasterInHandler.)
				return origin{kind: originOwner}
			}
			return origin{originShared, "the field " + name + " of the receiver"}
		}
		return origin{kind: originParam}
	case *ssa.Alloc:
		return origin{kind: originFresh}
	case *ssa.FreeVar:
		return e.freeVarOrigin(fn, root, depth)
	case *ssa.Global:
		return origin{originShared, "the field " + name + " of the package-level variable " + root.Name()}
	}
	return origin{}
}

// callOrigin judges a pool returned by a call as result i.
func (e *pkgAnalysis) callOrigin(call *ssa.Call, i int) origin {
	f := ssaq.CalleeFunc(call.Common())
	if f == nil {
		return origin{}
	}
	if e.cat.poolCreators[funcKey(f)] {
		return origin{kind: originFresh}
	}
	if e.cat.sharedLookups[funcKey(f)] {
		if len(call.Call.Args) > 0 {
			return origin{originShared, "the cache " + exprName(call.Call.Args[0])}
		}
	}
	if fact := e.factOf(f); fact != nil {
		switch {
		case has(fact.SharedPools, i):
			what := f.Name()
			if e.syn != nil {
				if site := e.syn.calls[call.Pos()]; site != nil {
					what = types.ExprString(site.call.Fun)
				}
			}
			return origin{originShared, what}
		case has(fact.FreshPools, i):
			return origin{kind: originFresh}
		}
	}
	return origin{}
}

// poolResults classifies the pool-typed results of fn for its fact: shared
// when some return hands out a pool someone else owns, fresh when every
// return hands out one it created (or nil).
func (e *pkgAnalysis) poolResults(fn *ssa.Function) (shared, fresh []int) {
	results := fn.Signature.Results()
	for i := 0; i < results.Len(); i++ {
		if !e.isPool(results.At(i).Type()) {
			continue
		}
		sawFresh, sawShared, sawOther := false, false, false
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || i >= len(ret.Results) {
				continue
			}
			if v, _ := e.q.Resolve(ret.Results[i]); ssaq.IsNil(v) {
				continue
			}
			switch e.poolOrigin(fn, ret.Results[i], 0).kind {
			case originFresh:
				sawFresh = true
			case originShared:
				sawShared = true
			default:
				sawOther = true
			}
		}
		switch {
		case sawShared:
			shared = append(shared, i)
		case sawFresh && !sawOther:
			fresh = append(fresh, i)
		}
	}
	return shared, fresh
}

// checkPoolCloses reports each Close of a shared pool in fn.
func (c *checker) checkPoolCloses(pass *analysis.Pass, e *pkgAnalysis, syn *syntaxIndex, fn *ssa.Function) {
	if !c.cfg.SharedPoolClose {
		return
	}
	for ci := range ssaq.Instrs[ssa.CallInstruction](fn) {
		if _, isGo := ci.(*ssa.Go); isGo {
			continue
		}
		cc := ci.Common()
		f := ssaq.CalleeFunc(cc)
		if f == nil || f.Name() != knowledge.PoolClose {
			continue
		}
		var recv ssa.Value
		switch {
		case cc.IsInvoke():
			recv = cc.Value
		case f.Type().(*types.Signature).Recv() != nil && len(cc.Args) > 0:
			recv = cc.Args[0]
		default:
			continue
		}
		rt := recv.Type()
		if mi, ok := recv.(*ssa.MakeInterface); ok {
			rt = mi.X.Type()
		}
		// Close promoted from an embedded pool (sqlx.DB embeds *sql.DB):
		// the pool closed is the embedding one.
		switch r := recv.(type) {
		case *ssa.UnOp:
			if fa, ok := r.X.(*ssa.FieldAddr); ok && e.isPool(fa.X.Type()) && isEmbedded(fa.X.Type(), fa.Field) {
				rt = fa.X.Type()
			}
		case *ssa.Field:
			if e.isPool(r.X.Type()) && isEmbedded(r.X.Type(), r.Field) {
				rt = r.X.Type()
			}
		}
		if !e.isPool(rt) {
			continue
		}
		o := e.poolOrigin(fn, recv, 0)
		if o.kind != originShared {
			continue
		}
		name := "pool"
		pos := ci.Pos()
		if site := syn.calls[cc.Pos()]; site != nil {
			if sel, ok := site.call.Fun.(*ast.SelectorExpr); ok {
				name = types.ExprString(sel.X)
			}
			pos = site.call.Pos()
		}
		pass.Report(analysis.Diagnostic{
			Pos:      pos,
			Category: CategorySharedPool,
			Message: fmt.Sprintf("closing the shared pool %s (%s from %s) breaks every other user of it",
				name, types.TypeString(rt, qualifier(pass)), o.what),
		})
	}
}

func qualifier(pass *analysis.Pass) types.Qualifier {
	return func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		return p.Name()
	}
}

// fieldName returns the name of field i of the struct t or *t.
func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return "?"
}

// exprName names a value for a message: a global or a field by its name.
func exprName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.UnOp:
		return exprName(v.X)
	case *ssa.Global:
		return v.Name()
	case *ssa.FieldAddr:
		return fieldName(v.X.Type(), v.Field)
	case *ssa.Field:
		return fieldName(v.X.Type(), v.Field)
	}
	return v.Name()
}
