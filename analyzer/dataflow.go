package analyzer

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file judges paths: a forward dataflow over the blocks of one
// function, to a fixed point, that tells for each obligation and each return
// whether some path reaches the return still holding the resource. It never
// enumerates paths: the state of an obligation at a point is the set of the
// few states a path can be in for it (held or not; a deferred release armed
// or not), so the cost is linear in blocks × obligations.

// A pathState is what one path knows about one obligation.
type pathState uint8

const (
	held  pathState = 1 << iota // held, and no deferred release covers it yet
	armed                       // a deferred release covers whatever the variable holds at exit
	// lost: the loop acquired it again while an earlier one was held; the
	// earlier one can no longer be given back through this value, and the
	// new acquisition's error branch does not end it.
	lost
	// deferred: a release of it was deferred inside the loop that acquires
	// it, and nothing else gave it back yet. If the loop comes back to the
	// acquisition so, every iteration's resource stays held until the
	// function returns (defer-in-loop).
	deferred
	// guarded: the path acquired it under its guards (obligation.guards)
	// and has not computed their values anew since: a branch on a guard
	// goes the way it went before the acquisition.
	guarded
	// armedIf0, armedIf1: a deferred release covers it when its condition
	// holds at exit: the obligation's first condition, or its second
	// (obligation.conds; condSlot). Each path keeps its own, so that a
	// return is judged by the conditional releases its own paths armed.
	armedIf0
	armedIf1
	armedIf = armedIf0 | armedIf1
)

// A pathSet is the set of the states of all the paths that reach a point:
// bit s is set when some path has state s. The empty set means no path.
type pathSet [2]uint64

func single(s pathState) pathSet {
	var p pathSet
	p[s>>6] = 1 << (s & 63)
	return p
}

// states yields each state of the set.
func (p pathSet) states(yield func(pathState) bool) {
	for w, word := range p {
		for rest := word; rest != 0; rest &= rest - 1 {
			if !yield(pathState(w<<6 | bits.TrailingZeros64(rest))) {
				return
			}
		}
	}
}

func (p pathSet) union(q pathSet) pathSet { return pathSet{p[0] | q[0], p[1] | q[1]} }

func (p pathSet) empty() bool { return p == pathSet{} }

// apply maps every path's state through fn.
func (p pathSet) apply(fn func(pathState) pathState) pathSet {
	var out pathSet
	for s := range p.states {
		out = out.union(single(fn(s)))
	}
	return out
}

// any reports whether some path's state satisfies pred.
func (p pathSet) any(pred func(pathState) bool) bool {
	for s := range p.states {
		if pred(s) {
			return true
		}
	}
	return false
}

// without removes the paths whose state satisfies pred.
func (p pathSet) without(pred func(pathState) bool) pathSet {
	out := p
	for s := range p.states {
		if pred(s) {
			out[s>>6] &^= 1 << (s & 63)
		}
	}
	return out
}

// A state holds, for each obligation some path reaching a point holds or
// has armed, the states of those paths. An obligation absent from it is held
// on no path: its paths are single(0). Keeping only those makes the cost of
// a block proportional to the obligations alive there, not to all of them.
// Its entries are sorted by obligation; most states have one or none, which
// one fits in the state itself. A nil *state stands for no path at all.
type state struct {
	entries []stateEntry
	one     [1]stateEntry
}

type stateEntry struct {
	obl   int
	paths pathSet
}

// newState is a state of the given entries, sorted by obligation.
func newState(entries []stateEntry) *state {
	st := &state{}
	if len(entries) <= len(st.one) {
		st.entries = st.one[:len(entries)]
		copy(st.entries, entries)
	} else {
		st.entries = slices.Clone(entries)
	}
	return st
}

// find is where obligation i is, or would be, among the entries.
func (st *state) find(i int) (int, bool) {
	return slices.BinarySearchFunc(st.entries, i, func(e stateEntry, i int) int { return cmp.Compare(e.obl, i) })
}

func (st *state) get(i int) pathSet {
	if k, ok := st.find(i); ok {
		return st.entries[k].paths
	}
	return single(0)
}

func (st *state) holds(i int) bool {
	_, ok := st.find(i)
	return ok
}

func (st *state) set(i int, p pathSet) {
	p = p.apply(unguardIdle)
	k, ok := st.find(i)
	switch {
	case p == single(0) && ok:
		st.entries = slices.Delete(st.entries, k, k+1)
	case p == single(0):
	case ok:
		st.entries[k].paths = p
	default:
		st.entries = slices.Insert(st.entries, k, stateEntry{i, p})
	}
}

// unguardIdle drops the guarded mark of a path that no longer holds the
// resource: nothing is left for a guard to rule out, and an obligation
// whose paths hold nothing then leaves the state.
func unguardIdle(s pathState) pathState {
	if !busy(s) {
		return s &^ guarded
	}
	return s
}

// busy reports whether a path in state s holds the resource or has lost it.
func busy(s pathState) bool { return s&(held|lost|deferred) != 0 }

func (st *state) update(i int, fn func(pathState) pathState) { st.set(i, st.get(i).apply(fn)) }

func (st *state) clone() *state { return newState(st.entries) }

// A solution is the fixed point of the dataflow: in[b][k] is the state on
// the edge from block b's k-th predecessor (k == len(Preds) for the
// entry), nil while no path comes that way. Keeping edges apart lets a
// branch on a phi be judged edge by edge: after `if x { c, err = a() } else
// { c, err = b() }`, `err != nil` says on each edge which acquisition
// failed. The dataflow writes nothing else; judge (verdicts.go) reads the
// findings off the solution.
type solution struct {
	in [][]*state
}

// solve runs the dataflow to its fixed point, every obligation starting as
// entry on the function's entry (single(0): held on no path; single(held)
// for the input of a summary).
func (fa *funcAnalysis) solve(entry pathSet) *solution {
	blocks := fa.fn.Blocks
	in := make([][]*state, len(blocks))
	entryState := &state{}
	if entry != single(0) {
		for i := range fa.obls {
			entryState.entries = append(entryState.entries, stateEntry{i, entry})
		}
	}
	in[0] = make([]*state, len(blocks[0].Preds)+1)
	in[0][len(blocks[0].Preds)] = entryState
	work := []*ssa.BasicBlock{blocks[0]}
	queued := make([]bool, len(blocks))
	queued[0] = true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b.Index] = false
		for _, run := range fa.runsThrough(b, in[b.Index]) {
			if !fa.transfer(b, run.st, nil) {
				continue // the path ends without returning
			}
			for si, succ := range b.Succs {
				out, feasible := fa.refineEdge(b, si, run.st, run.subject)
				if !feasible {
					continue
				}
				k := ssaq.PredIndex(succ, b)
				if in[succ.Index] == nil {
					in[succ.Index] = make([]*state, len(succ.Preds)+1)
				}
				changed := false
				if in[succ.Index][k] == nil {
					// The first paths this way: exactly theirs. (An
					// empty state would add a path holding nothing.)
					in[succ.Index][k] = out.clone()
					changed = true
				} else if mergeInto(in[succ.Index][k], out) {
					changed = true
				}
				if changed && !queued[succ.Index] {
					queued[succ.Index] = true
					work = append(work, succ)
				}
			}
		}
	}
	return &solution{in: in}
}

// A run is a state to run through a block, with the value the block's
// branch compares with nil on its paths (branchSubjects), if that depends
// on the edge it came by.
type run struct {
	st      *state
	subject ssa.Value
}

// runsThrough returns the states to run through block b from its incoming
// edges in: one per edge when b branches on a value that depends on the
// edge, else their merge. The states are copies, for transfer to change.
func (fa *funcAnalysis) runsThrough(b *ssa.BasicBlock, in []*state) []run {
	if subjects := branchSubjects(fa.env.q, b); subjects != nil {
		var runs []run
		for k, st := range in {
			if st != nil {
				var subject ssa.Value
				if k < len(subjects) {
					subject = subjects[k]
				}
				runs = append(runs, run{st.clone(), subject})
			}
		}
		return runs
	}
	var merged *state
	for _, st := range in {
		switch {
		case st == nil:
		case merged == nil:
			merged = st.clone()
		default:
			mergeInto(merged, st)
		}
	}
	if merged == nil {
		merged = &state{}
	}
	return []run{{st: merged}}
}

// mergeInto adds the paths of src to dst and reports whether dst grew.
// dst must already stand for some path (absent means single(0)).
func mergeInto(dst, src *state) bool {
	var merged []stateEntry
	changed, kept := false, 0 // kept: the entries of dst unchanged so far
	d, s := dst.entries, src.entries
	for len(d) > 0 || len(s) > 0 {
		var e stateEntry
		switch {
		case len(s) == 0 || len(d) > 0 && d[0].obl < s[0].obl:
			e = stateEntry{d[0].obl, d[0].paths.union(single(0))}
			d = d[1:]
		case len(d) == 0 || s[0].obl < d[0].obl:
			e = stateEntry{s[0].obl, s[0].paths.union(single(0))}
			s = s[1:]
		default:
			e = stateEntry{d[0].obl, d[0].paths.union(s[0].paths)}
			d, s = d[1:], s[1:]
		}
		e.paths = e.paths.apply(unguardIdle)
		if !changed {
			if kept < len(dst.entries) && dst.entries[kept] == e {
				kept++
				continue
			}
			changed = true
			merged = make([]stateEntry, kept, len(dst.entries)+len(s)+1)
			copy(merged, dst.entries[:kept])
		}
		merged = append(merged, e)
	}
	if changed {
		dst.entries = merged
	}
	return changed
}

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

// transfer runs the events of block b over state. It returns false if the
// block ends the path without a return (panic, os.Exit, t.Fatal, …). It
// changes nothing but st; j, when set, watches the events that the
// verdicts are read from (judge), on the final states.
func (fa *funcAnalysis) transfer(b *ssa.BasicBlock, st *state, j *judgment) bool {
	if fa.guardDefs != nil {
		for _, i := range fa.guardDefs[b.Index] {
			if st.holds(i) {
				st.update(i, func(s pathState) pathState { return s &^ guarded }) // a guard computed anew
			}
		}
	}
	loops := fa.loopsOf()
	for _, ev := range fa.events[b.Index] {
		switch ev.kind {
		case evNoReturn:
			return false
		case evAcquire:
			o := fa.obls[ev.obl]
			if j != nil {
				j.atAcquire(ev.obl, st.get(ev.obl))
			}
			st.update(ev.obl, func(s pathState) pathState {
				if s&held != 0 && s&(armed|armedIf) == 0 {
					s |= lost
				}
				if o.computedAnew {
					s |= guarded
				}
				return (s | held) &^ deferred
			})
		case evRelease, evHandOver:
			st.update(ev.obl, func(s pathState) pathState { return s &^ (held | lost | deferred) })
		case evDefer:
			o := fa.obls[ev.obl]
			inLoop := o.call != nil && !ev.inherited && loops.Together(ev.instr.Block(), o.call.Block())
			if inLoop && !ev.byCell && ev.cond == nil {
				// A release deferred in the loop that acquires it: a
				// diagnostic only if the loop comes back to the acquisition
				// with nothing else having given it back (a Commit later in
				// the iteration ends the transaction the deferred Rollback
				// would).
				if j != nil {
					j.deferredInLoop(ev, true)
				}
				st.update(ev.obl, func(s pathState) pathState { return (s &^ held) | deferred })
				continue
			}
			if inLoop && j != nil {
				j.deferredInLoop(ev, false)
			}
			switch {
			case ev.cond != nil:
				slot := o.condSlot(ev.cond)
				st.update(ev.obl, func(s pathState) pathState { return s | slot })
			case ev.byCell:
				st.update(ev.obl, func(s pathState) pathState { return s | armed })
			default:
				st.update(ev.obl, func(s pathState) pathState { return s &^ held })
			}
		case evReturn:
			if j != nil {
				j.atExit(fa, ev.instr, st)
			}
			if _, ok := ev.instr.(*ssa.Panic); ok {
				return false
			}
		}
	}
	return true
}

// refineEdge narrows the state on the edge from b to its successor si:
// where the acquisition failed, where the resource is nil, where rows.Next
// returned false (which closes the rows), where a select sent it. It
// reports the edge infeasible where recover() is not nil (no normal return
// passes there) or where a summary's assumption rules it out. subject, when
// set, is the value a phi branched on takes on this path.
func (fa *funcAnalysis) refineEdge(b *ssa.BasicBlock, si int, st *state, subject ssa.Value) (*state, bool) {
	ifInstr := ssaq.ClosingBranch(b)
	if ifInstr == nil || len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return st, true
	}
	cond, negated := ssaq.StripNot(ifInstr.Cond)
	taken := (si == 0) != negated // the edge where cond (without the nots) is true
	x, trueIsNil, isNilCmp := fa.env.q.NilCompare(cond)
	if isNilCmp && subject != nil {
		x, _ = fa.env.q.Resolve(subject)
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
	resolved, _ := fa.env.q.Resolve(cond)
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
		case (x == o.errv || containsValue(o.killOnErr, x) || fa.errorOnItsPaths(x, i)) && !isNilEdge:
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
	if taken && o.errv != nil && impliesNonNil(fa.env.q, cond, o.errv) {
		return true
	}
	if !taken && o.res.nextCloses {
		if call, ok := cond.(*ssa.Call); ok && fa.isNextCall(o, call.Common()) {
			return true
		}
	}
	return false
}

func containsValue(vs []ssa.Value, v ssa.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// impliesNonNil reports whether cond being true implies that err is not
// nil: errors.Is(err, target) with a non-nil target, errors.As(err, &t).
func impliesNonNil(q *ssaq.Index, cond, err ssa.Value) bool {
	call, ok := cond.(*ssa.Call)
	if !ok || len(call.Common().Args) != 2 {
		return false
	}
	f := ssaq.CalleeFunc(call.Common())
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "errors" || (f.Name() != "Is" && f.Name() != "As") {
		return false
	}
	if x, _ := q.Resolve(call.Common().Args[0]); x != err {
		return false
	}
	return f.Name() == "As" || !ssaq.IsNil(call.Common().Args[1])
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

// assumed returns what the summary being computed supposes of v, when v
// reads a free variable as it was on entry.
func (fa *funcAnalysis) assumed(v ssa.Value) (ssaq.Truth, bool) {
	if len(fa.assume) == 0 {
		return ssaq.Unknown, false
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return ssaq.Unknown, false
	}
	want, ok := fa.assume[load.X]
	if !ok {
		return ssaq.Unknown, false
	}
	if _, atEntry := fa.env.q.Resolve(load); !atEntry {
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
		if v, found, _ := fa.env.q.ReachingStore(cell, p, len(p.Instrs)); found {
			return fa.valueCarriesError(v, o, depth)
		}
		inner := ssaq.MergeAbove(cell, p, len(p.Instrs))
		return inner != nil && fa.cellCarriesError(cell, inner, o, depth)
	})
}

func (fa *funcAnalysis) valueCarriesError(v ssa.Value, o *obligation, depth int) bool {
	v, _ = fa.env.q.Resolve(v)
	if phi, ok := v.(*ssa.Phi); ok {
		return fa.phiCarriesError(phi, o, depth)
	}
	return v == o.errv
}
