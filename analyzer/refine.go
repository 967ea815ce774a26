package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer/knowledge"
	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file narrows the paths on the edges of a branch: where an
// acquisition failed, where the resource is nil, where rows.Next returned
// false, where a select sent the resource, and the edges a guard or a
// closure effect's assumption rules out.

// branchSubjects returns, for each predecessor of block b, the value that
// b's closing branch compares with nil on the paths through it, when that
// value depends on the path: the edges of a phi of b, or, in naive-form
// SSA (see ssabuild.go), the store that reaches b's load of a local
// variable from each predecessor (nil where none is found). It returns nil
// when the compared value does not depend on the path.
func branchSubjects(q *ssaq.Index, b *ssa.BasicBlock) []ssa.Value {
	ifInstr := ssaq.ClosingBranch(b)
	if ifInstr == nil {
		return nil
	}
	cond, _ := ssaq.StripNot(ifInstr.Cond)
	x, _, ok := q.NilCompare(cond)
	if !ok {
		return nil
	}
	switch x := x.(type) {
	case *ssa.Phi:
		if x.Block() == b {
			return x.Edges
		}
	case *ssa.UnOp:
		if _, local := x.X.(*ssa.Alloc); !local || x.Op != token.MUL || x.Block() != b || len(b.Preds) < 2 {
			return nil
		}
		if _, found, stop := ssaq.ReachingStoreInBlock(x.X, b, ssaq.IndexOf(x)); found || stop {
			return nil
		}
		subjects := make([]ssa.Value, len(b.Preds))
		known := false
		for k, p := range b.Preds {
			if v, found, _ := q.ReachingStore(x.X, p, len(p.Instrs)); found {
				subjects[k], known = v, true
			}
		}
		if known {
			return subjects
		}
	}
	return nil
}

// refineEdge narrows the state on the edge from b to its successor si:
// where the acquisition failed, where the resource is nil, where rows.Next
// returned false (which closes the rows), where a select sent it. It
// reports the edge infeasible where recover() is not nil (no normal return
// passes there) or where an effect's assumption rules it out. subject, when
// set, is the value a phi branched on takes on this path.
func (fa *funcAnalysis) refineEdge(b *ssa.BasicBlock, si int, st *state, subject ssa.Value) (*state, bool) {
	ifInstr := ssaq.ClosingBranch(b)
	if ifInstr == nil || len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return st, true
	}
	cond, negated := ssaq.StripNot(ifInstr.Cond)
	taken := (si == 0) != negated // the edge where cond (without the nots) is true
	x, trueIsNil, isNilCmp := fa.pkg.q.NilCompare(cond)
	if isNilCmp && subject != nil {
		x, _ = fa.pkg.q.Resolve(subject)
	}
	isNilEdge := isNilCmp && taken == trueIsNil
	switch {
	case isNilCmp && ssaq.IsRecover(x) && !isNilEdge:
		return nil, false // recover() is nil on every path that returns normally
	case isNilCmp && isNilEdge && ssaq.NeverNil(x):
		return nil, false // a closure or a method value is never nil
	case isNilCmp:
		if want, ok := fa.assumed(x); ok && (want == ssaq.False) != isNilEdge {
			return nil, false
		}
	default:
		if want, ok := fa.assumed(cond); ok && (want == ssaq.True) != taken {
			return nil, false
		}
	}
	var out *state
	resolved, _ := fa.pkg.q.Resolve(cond)
	for _, e := range st.entries {
		i, paths := e.obl, e.paths
		// The paths that acquired it under the other value of this
		// condition, and have not computed it anew, cannot come this way.
		acquiredUnder := func(s pathState) bool { return s&guarded != 0 }
		contradicted, lasting := fa.obls[i].contradicts(resolved, taken)
		if lasting {
			acquiredUnder = busy
		}
		if contradicted && paths.any(acquiredUnder) {
			if out == nil {
				out = st.clone()
			}
			kept := paths.without(acquiredUnder)
			if kept.empty() {
				kept = single(0)
			}
			out.set(i, kept)
			paths = kept
		}
		if o := fa.obls[i]; o.corr != nil && o.corr == resolved {
			// Its correlated condition: a path that went the other way at
			// the branch before this one cannot come this way; each busy
			// path remembers the way it went here.
			kept := paths
			if o.corrReads[ifInstr] {
				kept = paths.without(func(s pathState) bool { return busy(s) && (s&wentTrue != 0) != taken })
				if kept.empty() {
					kept = single(0)
				}
			}
			kept = kept.apply(func(s pathState) pathState {
				if !busy(s) {
					return s
				}
				if taken {
					return s | wentTrue
				}
				return s &^ wentTrue
			})
			if kept != paths {
				if out == nil {
					out = st.clone()
				}
				out.set(i, kept)
				paths = kept
			}
		}
		if fa.kills(i, cond, taken, x, isNilCmp, isNilEdge) {
			if out == nil {
				out = st.clone()
			}
			out.set(i, paths.apply(func(s pathState) pathState { return s &^ held }))
		}
	}
	if out == nil {
		return st, true
	}
	return out, true
}

// kills reports whether the edge (cond being taken) ends obligation i.
func (fa *funcAnalysis) kills(i int, cond ssa.Value, taken bool, x ssa.Value, isNilCmp, isNilEdge bool) bool {
	o := fa.obls[i]
	if taken && fa.selectSends(cond, i) {
		return true
	}
	if isNilCmp {
		switch {
		case (x == o.errv || containsValue(o.killOnErr, x) || fa.errorOnItsPaths(x, i) || fa.forwardsError(x, o.errv)) && !isNilEdge:
			return true
		case isNilEdge && containsValue(o.killOnOK, x):
			return true
		case isNilEdge && (o.aliases.kind[x] == direct || o.aliases.kind[x] == closure):
			// Nil where the resource, or a closure that captured it (a
			// method value `cf := conn.Close`), would be: not acquired here.
			return true
		}
		return false
	}
	if o.errv != nil && fa.pkg.impliesNonNil(cond, o.errv, taken) {
		return true
	}
	if !taken && o.res.nextCloses {
		if call, ok := cond.(*ssa.Call); ok && fa.isNextCall(o, call.Common()) {
			return true
		}
	}
	return fa.equalsKept(o, cond, taken)
}

// equalsKept reports whether the edge (cond being taken) is one where the
// resource of o is the value a field or a package-level variable holds
// (`if cli != c.sentinel { cli.Close() }`): there, that variable keeps it,
// as a store of it would.
func (fa *funcAnalysis) equalsKept(o *obligation, cond ssa.Value, taken bool) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL && bin.Op != token.NEQ || (bin.Op == token.EQL) != taken {
		return false
	}
	for _, pair := range [][2]ssa.Value{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if r, _ := fa.pkg.q.Resolve(pair[0]); o.aliases.kind[r] == direct && keptValue(pair[1]) {
			return true
		}
	}
	return false
}

// keptValue reports whether v is read from a field or a package-level
// variable.
func keptValue(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			switch v.X.(type) {
			case *ssa.FieldAddr, *ssa.Global:
				return true
			}
		}
	case *ssa.Field:
		return true
	}
	return false
}

// forwardsError reports whether x is the error result of a call given the
// acquisition's error errv as its only error argument (gorm's
// `db.AddError(err) == nil`, a `wrap(err)`): such a call is taken to fail
// exactly where errv is not nil.
func (fa *funcAnalysis) forwardsError(x, errv ssa.Value) bool {
	call, ok := x.(*ssa.Call)
	if !ok || errv == nil || !types.Identical(call.Type(), errorType) {
		return false
	}
	forwards := false
	for _, a := range call.Call.Args {
		if !types.Identical(a.Type(), errorType) {
			continue
		}
		if v, _ := fa.pkg.q.Resolve(a); v != errv {
			return false
		}
		forwards = true
	}
	return forwards
}

var errorType = types.Universe.Lookup("error").Type()

func containsValue(vs []ssa.Value, v ssa.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// impliesNonNil reports whether cond being taken (true) or not implies
// that err is not nil: errors.Is(err, target) with a non-nil target or
// errors.As(err, &t) taken; err equal to a package-level error variable
// (equalsSentinel).
func (e *pkgAnalysis) impliesNonNil(cond, err ssa.Value, taken bool) bool {
	q := e.q
	if equalsSentinel(q, cond, err, taken) {
		return true
	}
	call, ok := cond.(*ssa.Call)
	if !taken || !ok {
		return false
	}
	f := ssaq.CalleeFunc(call.Common())
	if f == nil {
		return false
	}
	if e.assertsNonNil(call.Common(), f, err) {
		return true
	}
	if len(call.Common().Args) != 2 {
		return false
	}
	match := e.cat.errorMatchers[funcKey(f)]
	if match == 0 {
		return false
	}
	if x, _ := q.Resolve(call.Common().Args[0]); x != err {
		return false
	}
	return match == knowledge.ErrorAs || !ssaq.IsNil(call.Common().Args[1])
}

// assertsNonNil reports whether c, a call of f, is a test assertion that
// returns true only where err is not nil (`if !assert.NotNil(t, err) {
// conn.Close(ctx) }`, `if assert.Error(t, err)`).
func (e *pkgAnalysis) assertsNonNil(c *ssa.CallCommon, f *types.Func, err ssa.Value) bool {
	if !e.cat.isAssertion(f) || !e.cat.assertsError[f.Name()] || len(c.Args) < 2 {
		return false
	}
	arg := c.Args[1]
	switch conv := arg.(type) {
	case *ssa.MakeInterface:
		arg = conv.X
	case *ssa.ChangeInterface:
		arg = conv.X
	}
	x, _ := e.q.Resolve(arg)
	return x == err
}

// equalsSentinel reports whether, on the edge where cond is taken, err
// equals a package-level error variable (`err == context.Canceled`, `err
// != io.EOF` not taken): such sentinels are not nil, so neither is err.
func equalsSentinel(q *ssaq.Index, cond, err ssa.Value, taken bool) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) || taken != (bin.Op == token.EQL) {
		return false
	}
	x, _ := q.Resolve(bin.X)
	y, _ := q.Resolve(bin.Y)
	if y == err {
		x, y = y, x
	}
	if x != err {
		return false
	}
	if mi, ok := y.(*ssa.MakeInterface); ok {
		y = mi.X
	}
	load, ok := y.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	_, global := load.X.(*ssa.Global)
	return global
}

// selectSends reports whether cond is the test `chosen == k` of a select
// whose case k sends obligation i: on that branch the resource was sent.
func (fa *funcAnalysis) selectSends(cond ssa.Value, i int) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op != token.EQL {
		return false
	}
	ex, ok := bin.X.(*ssa.Extract)
	k, ok2 := bin.Y.(*ssa.Const)
	if !ok || !ok2 || ex.Index != 0 || k.Value == nil {
		return false
	}
	sel, ok := ex.Tuple.(*ssa.Select)
	if !ok {
		return false
	}
	idx, exact := constant.Int64Val(k.Value)
	if !exact || idx < 0 || int(idx) >= len(sel.States) || sel.States[idx].Dir != types.SendOnly {
		return false
	}
	for _, r := range fa.aliasesOf(sel.States[idx].Send) {
		if r.obl == i {
			return true
		}
	}
	return false
}

// assumed returns what the effect being computed supposes of v, when v
// reads a free variable as it was on entry, or is a parameter (read from
// its variable, in naive form).
func (fa *funcAnalysis) assumed(v ssa.Value) (ssaq.Truth, bool) {
	if len(fa.assume) == 0 {
		return ssaq.Unknown, false
	}
	if p, _ := fa.pkg.q.Resolve(v); p != nil {
		if _, isParam := p.(*ssa.Parameter); isParam {
			want, ok := fa.assume[p]
			return want, ok
		}
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return ssaq.Unknown, false
	}
	want, ok := fa.assume[load.X]
	if !ok {
		return ssaq.Unknown, false
	}
	if _, atEntry := fa.pkg.q.Resolve(load); !atEntry {
		return ssaq.Unknown, false
	}
	return want, true
}

// isNextCall reports whether c is o's Next method (rows.Next()).
func (fa *funcAnalysis) isNextCall(o *obligation, c *ssa.CallCommon) bool {
	f := ssaq.CalleeFunc(c)
	if f == nil || f.Name() != "Next" {
		return false
	}
	recv := c.Value
	if !c.IsInvoke() {
		if len(c.Args) == 0 {
			return false
		}
		recv = c.Args[0]
	}
	for _, r := range fa.aliasesOf(recv) {
		if fa.obls[r.obl] == o && r.kind == direct {
			m := methodOf(o.typ, "Next")
			return m != nil && (c.IsInvoke() || m.Origin() == f)
		}
	}
	return false
}

// errorOnItsPaths reports whether x, a merge of values, is obligation i's
// error on every path that can hold i: after `if y { c, err = a() } else
// { c, err = b() }; log(…)`, err merged again with a third acquisition's
// error is a()'s on every path that acquired through a(). x is a phi, or,
// in naive-form SSA, a load of a variable that blocks above merge. Each
// edge of the merge (and of the merges it takes from) either carries the
// error, or comes from a block that the acquisition cannot reach before
// the merge. An acquisition in a loop, which may run again, is never
// judged so.
func (fa *funcAnalysis) errorOnItsPaths(x ssa.Value, i int) bool {
	switch x := x.(type) {
	case *ssa.Phi:
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
	default:
		return false
	}
	o := fa.obls[i]
	if o.errv == nil || o.call == nil || fa.loopsOf().InLoop(o.call.Block()) {
		return false
	}
	key := valueObligation{x, i}
	if v, ok := fa.errMerges[key]; ok {
		return v
	}
	v := false
	switch x := x.(type) {
	case *ssa.Phi:
		v = fa.phiCarriesError(x, o, 0)
	case *ssa.UnOp: // a load (checked above)
		if _, local := x.X.(*ssa.Alloc); local {
			if m := ssaq.MergeAbove(x.X, x.Block(), ssaq.IndexOf(x)); m != nil {
				v = fa.cellCarriesError(x.X, m, o, 0)
			}
		}
	}
	if fa.errMerges == nil {
		fa.errMerges = map[valueObligation]bool{}
	}
	fa.errMerges[key] = v
	return v
}

type valueObligation struct {
	v   ssa.Value
	obl int
}

// mergeCarriesError reports whether, at the merge block m, each edge k
// either carries o's error (carries) or cannot hold o.
func (fa *funcAnalysis) mergeCarriesError(m *ssa.BasicBlock, o *obligation, depth int, carries func(k, depth int) bool) bool {
	if depth > 8 {
		return false
	}
	for k, p := range m.Preds {
		if !carries(k, depth+1) && ssaq.ReachesAvoiding(o.call.Block(), p, m) {
			return false
		}
	}
	return true
}

func (fa *funcAnalysis) phiCarriesError(phi *ssa.Phi, o *obligation, depth int) bool {
	return fa.mergeCarriesError(phi.Block(), o, depth, func(k, depth int) bool {
		return fa.valueCarriesError(phi.Edges[k], o, depth)
	})
}

// cellCarriesError is phiCarriesError for the variable cell, merged at m.
func (fa *funcAnalysis) cellCarriesError(cell ssa.Value, m *ssa.BasicBlock, o *obligation, depth int) bool {
	return fa.mergeCarriesError(m, o, depth, func(k, depth int) bool {
		p := m.Preds[k]
		if v, found, _ := fa.pkg.q.ReachingStore(cell, p, len(p.Instrs)); found {
			return fa.valueCarriesError(v, o, depth)
		}
		inner := ssaq.MergeAbove(cell, p, len(p.Instrs))
		return inner != nil && fa.cellCarriesError(cell, inner, o, depth)
	})
}

func (fa *funcAnalysis) valueCarriesError(v ssa.Value, o *obligation, depth int) bool {
	v, _ = fa.pkg.q.Resolve(v)
	if phi, ok := v.(*ssa.Phi); ok {
		return fa.phiCarriesError(phi, o, depth)
	}
	return v == o.errv
}
