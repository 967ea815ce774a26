package analyzer

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// This file judges paths: a forward dataflow over the blocks of one
// function, to a fixed point, that tells for each obligation and each return
// whether some path reaches the return still holding the resource. It never
// enumerates paths: the state of an obligation at a point is the set of the
// few facts a path can have about it (held or not; a deferred release armed
// or not), so the cost is linear in blocks × obligations.

// A fact is what one path knows about one obligation.
type fact uint8

const (
	held      fact = 1 << iota // held, and no deferred release covers it yet
	armed                      // a deferred release covers whatever the variable holds at exit
	armedCond                  // likewise, when a condition holds at exit
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
)

// A factSet is the set of facts of all the paths that reach a point: bit f
// is set when some path has fact f. The empty set means no path.
type factSet uint64

func single(f fact) factSet { return 1 << f }

// apply maps every path's fact through fn.
func (s factSet) apply(fn func(fact) fact) factSet {
	var out factSet
	for rest := s; rest != 0; rest &= rest - 1 {
		out |= 1 << fn(fact(bits.TrailingZeros64(uint64(rest))))
	}
	return out
}

// any reports whether some path's fact satisfies pred.
func (s factSet) any(pred func(fact) bool) bool {
	for rest := s; rest != 0; rest &= rest - 1 {
		if pred(fact(bits.TrailingZeros64(uint64(rest)))) {
			return true
		}
	}
	return false
}

// without removes the paths whose fact satisfies pred.
func (s factSet) without(pred func(fact) bool) factSet {
	out := s
	for rest := s; rest != 0; rest &= rest - 1 {
		if f := fact(bits.TrailingZeros64(uint64(rest))); pred(f) {
			out &^= 1 << f
		}
	}
	return out
}

// A state holds, for each obligation some path reaching a point holds or
// has armed, the facts of those paths. An obligation absent from it is held
// on no path: its facts are single(0). Keeping only those makes the cost of
// a block proportional to the obligations alive there, not to all of them.
// Its entries are sorted by obligation; most states have one or none, which
// one fits in the state itself. A nil *state stands for no path at all.
type state struct {
	entries []stateEntry
	one     [1]stateEntry
}

type stateEntry struct {
	obl   int
	facts factSet
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

func (st *state) get(i int) factSet {
	if k, ok := st.find(i); ok {
		return st.entries[k].facts
	}
	return single(0)
}

func (st *state) holds(i int) bool {
	_, ok := st.find(i)
	return ok
}

func (st *state) set(i int, f factSet) {
	f = f.apply(unguardIdle)
	k, ok := st.find(i)
	switch {
	case f == single(0) && ok:
		st.entries = slices.Delete(st.entries, k, k+1)
	case f == single(0):
	case ok:
		st.entries[k].facts = f
	default:
		st.entries = slices.Insert(st.entries, k, stateEntry{i, f})
	}
}

// unguardIdle drops the guarded mark of a path that no longer holds the
// resource: nothing is left for a guard to rule out, and an obligation
// whose paths hold nothing then leaves the state.
func unguardIdle(f fact) fact {
	if !busy(f) {
		return f &^ guarded
	}
	return f
}

// busy reports whether a path with fact f holds the resource or has lost it.
func busy(f fact) bool { return f&(held|lost|deferred) != 0 }

func (st *state) update(i int, fn func(fact) fact) { st.set(i, st.get(i).apply(fn)) }

func (st *state) clone() *state { return newState(st.entries) }

// solve runs the dataflow and records what it finds on the obligations.
func (fa *funcAnalysis) solve() *funcAnalysis {
	fa.solveFrom(single(0))
	return fa
}

func (fa *funcAnalysis) solveFrom(entry factSet) {
	blocks := fa.fn.Blocks
	// in[b][k] is the state on the edge from b's k-th predecessor (k ==
	// len(Preds) for the entry); nil while no path has come that way.
	// Keeping edges apart lets a branch on a phi be judged edge by edge:
	// after `if x { c, err = a() } else { c, err = b() }`, `err != nil`
	// says on each edge which acquisition failed.
	in := make([][]*state, len(blocks))
	entryState := &state{}
	if entry != single(0) {
		for i := range fa.obls {
			entryState.entries = append(entryState.entries, stateEntry{i, entry})
		}
	}
	in[0] = make([]*state, len(blocks[0].Preds)+1)
	in[0][len(blocks[0].Preds)] = entryState
	loops := fa.loopsOf()
	work := []*ssa.BasicBlock{blocks[0]}
	queued := make([]bool, len(blocks))
	queued[0] = true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b.Index] = false
		subjects := branchSubjects(b)
		var edges []*state // the states to run through b, with their edge
		var edgeIdx []int
		if subjects != nil {
			for k, st := range in[b.Index] {
				if st != nil {
					edges = append(edges, st.clone())
					edgeIdx = append(edgeIdx, k)
				}
			}
		} else {
			var merged *state
			for _, st := range in[b.Index] {
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
			edges, edgeIdx = []*state{merged}, []int{-1}
		}
		for e, st := range edges {
			if !fa.transfer(b, st, loops) {
				continue // the path ends without returning
			}
			var subject ssa.Value
			if subjects != nil && edgeIdx[e] < len(subjects) {
				subject = subjects[edgeIdx[e]]
			}
			for si, succ := range b.Succs {
				out, feasible := fa.refineEdge(b, si, st, subject)
				if !feasible {
					continue
				}
				k := predIndex(succ, b)
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
			e = stateEntry{d[0].obl, d[0].facts | single(0)}
			d = d[1:]
		case len(d) == 0 || s[0].obl < d[0].obl:
			e = stateEntry{s[0].obl, s[0].facts | single(0)}
			s = s[1:]
		default:
			e = stateEntry{d[0].obl, d[0].facts | s[0].facts}
			d, s = d[1:], s[1:]
		}
		e.facts = e.facts.apply(unguardIdle)
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

func predIndex(b, pred *ssa.BasicBlock) int {
	for k, p := range b.Preds {
		if p == pred {
			return k
		}
	}
	return len(b.Preds)
}

// branchSubjects returns, for each predecessor of block b, the value that
// b's closing branch compares with nil on the paths through it, when that
// value depends on the path: the edges of a phi of b, or, in naive-form
// SSA (see ssabuild.go), the store that reaches b's load of a local
// variable from each predecessor (nil where none is found). It returns nil
// when the compared value does not depend on the path.
func branchSubjects(b *ssa.BasicBlock) []ssa.Value {
	ifInstr := closingBranch(b)
	if ifInstr == nil {
		return nil
	}
	cond, _ := stripNot(ifInstr.Cond)
	x, _, ok := nilCompare(cond)
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
		if _, found, stop := reachingStoreInBlock(x.X, b, indexOf(x)); found || stop {
			return nil
		}
		subjects := make([]ssa.Value, len(b.Preds))
		known := false
		for k, p := range b.Preds {
			if v, found, _ := reachingStore(x.X, p, len(p.Instrs)); found {
				subjects[k], known = v, true
			}
		}
		if known {
			return subjects
		}
	}
	return nil
}

// stripNot returns v without its leading nots, and whether there was an
// odd number of them.
func stripNot(v ssa.Value) (_ ssa.Value, negated bool) {
	for {
		not, ok := v.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			return v, negated
		}
		v, negated = not.X, !negated
	}
}

// transfer runs the events of block b over state. It returns false if the
// block ends the path without a return (panic, os.Exit, t.Fatal, …).
func (fa *funcAnalysis) transfer(b *ssa.BasicBlock, st *state, loops *loopInfo) bool {
	if fa.guardDefs != nil {
		for _, i := range fa.guardDefs[b.Index] {
			if st.holds(i) {
				st.update(i, func(f fact) fact { return f &^ guarded }) // a guard computed anew
			}
		}
	}
	for _, ev := range fa.events[b.Index] {
		switch ev.kind {
		case evNoReturn:
			return false
		case evAcquire:
			o := fa.obls[ev.obl]
			if st.get(ev.obl).any(func(f fact) bool { return f&held != 0 && f&(armed|armedCond) == 0 }) {
				o.loopLeak = true
			}
			if o.deferInLoop == nil && o.deferCandidate != nil && st.get(ev.obl).any(func(f fact) bool { return f&deferred != 0 }) {
				o.deferInLoop, o.deferMethod = o.deferCandidate, o.deferCandidateMethod
			}
			st.update(ev.obl, func(f fact) fact {
				if f&held != 0 && f&(armed|armedCond) == 0 {
					f |= lost
				}
				if o.computedAnew {
					f |= guarded
				}
				return (f | held) &^ deferred
			})
		case evRelease:
			st.update(ev.obl, func(f fact) fact { return f &^ (held | lost | deferred) })
		case evDefer:
			o := fa.obls[ev.obl]
			if o.call != nil && !ev.inherited && !ev.byCell && ev.cond == nil && loops.together(ev.instr.Block(), o.call.Block()) {
				// A release deferred in the loop that acquires it: a
				// diagnostic only if the loop comes back to the acquisition
				// with nothing else having given it back (a Commit later in
				// the iteration ends the transaction the deferred Rollback
				// would).
				if o.deferCandidate == nil {
					o.deferCandidate, o.deferCandidateMethod = ev.instr.(*ssa.Defer), ev.method
				}
				st.update(ev.obl, func(f fact) fact { return (f &^ held) | deferred })
				continue
			}
			if o.call != nil && !ev.inherited && o.deferInLoop == nil && loops.together(ev.instr.Block(), o.call.Block()) {
				o.deferInLoop, o.deferMethod = ev.instr.(*ssa.Defer), ev.method
			}
			switch {
			case ev.cond != nil:
				o.addCond(ev.cond)
				st.update(ev.obl, func(f fact) fact { return f | armedCond })
			case ev.byCell:
				st.update(ev.obl, func(f fact) fact { return f | armed })
			default:
				st.update(ev.obl, func(f fact) fact { return f &^ held })
			}
		case evReturn:
			fa.atReturn(ev.instr, st)
			if _, ok := ev.instr.(*ssa.Panic); ok {
				return false
			}
		}
	}
	return true
}

func (o *obligation) addCond(c *condition) {
	for _, x := range o.conds {
		if *x == *c {
			return
		}
	}
	o.conds = append(o.conds, c)
}

// atReturn records the obligations that an exit leaks: a return, or a
// panic that the function's own deferred recover turns into a return.
func (fa *funcAnalysis) atReturn(exit ssa.Instruction, st *state) {
	var pos token.Pos
	end := true
	if ret, ok := exit.(*ssa.Return); ok {
		pos, end = returnPos(fa.fn, ret)
	} else {
		pos = endPos(fa.fn)
	}
	if fa.heldAt != nil {
		if _, ok := fa.heldAt[exit]; !ok {
			fa.heldAt[exit] = false
		}
	}
	for _, e := range st.entries {
		i, facts := e.obl, e.facts
		o := fa.obls[i]
		leaks := facts.any(func(f fact) bool {
			return f&(held|lost) != 0 && f&armed == 0 && !(f&armedCond != 0 && fa.condAtReturn(o, exit))
		})
		if fa.heldAt != nil {
			fa.heldAt[exit] = fa.heldAt[exit] || leaks
		}
		if !leaks {
			continue
		}
		o.heldAtExit = true
		if !o.leakPos.IsValid() || pos < o.leakPos {
			o.leakPos, o.leakEnd = pos, end
		}
	}
}

// condAtReturn reports whether one of the conditions of o's deferred
// releases may hold at ret. What cannot be told counts as holding: we would
// rather miss a leak than invent one.
func (fa *funcAnalysis) condAtReturn(o *obligation, ret ssa.Instruction) bool {
	for _, c := range o.conds {
		val, found, _ := reachingStore(c.cell, ret.Block(), indexOf(ret))
		if !found {
			fa.guess(ret.Pos(), "cannot tell the value a deferred release depends on at this return; supposing it releases")
			return true
		}
		t := valueAt(val, ret.Block())
		if t == unknown {
			fa.guess(ret.Pos(), "cannot tell the value a deferred release depends on at this return; supposing it releases")
		}
		if t == unknown || t == c.want {
			return true
		}
	}
	return false
}

// refineEdge narrows the state on the edge from b to its successor si:
// where the acquisition failed, where the resource is nil, where rows.Next
// returned false (which closes the rows), where a select sent it. It
// reports the edge infeasible where recover() is not nil (no normal return
// passes there) or where a summary's assumption rules it out. subject, when
// set, is the value a phi branched on takes on this path.
func (fa *funcAnalysis) refineEdge(b *ssa.BasicBlock, si int, st *state, subject ssa.Value) (*state, bool) {
	ifInstr := closingBranch(b)
	if ifInstr == nil || len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return st, true
	}
	cond, negated := stripNot(ifInstr.Cond)
	taken := (si == 0) != negated // the edge where cond (without the nots) is true
	x, trueIsNil, isNilCmp := nilCompare(cond)
	if isNilCmp && subject != nil {
		x, _ = resolve(subject)
	}
	isNilEdge := isNilCmp && taken == trueIsNil
	switch {
	case isNilCmp && isRecover(x) && !isNilEdge:
		return nil, false // recover() is nil on every path that returns normally
	case isNilCmp && isNilEdge && neverNil(x):
		return nil, false // a closure or a method value is never nil
	case isNilCmp:
		if want, ok := fa.assumed(x); ok && (want == isFalse) != isNilEdge {
			return nil, false
		}
	default:
		if want, ok := fa.assumed(cond); ok && (want == isTrue) != taken {
			return nil, false
		}
	}
	var out *state
	resolved, _ := resolve(cond)
	for _, e := range st.entries {
		i, facts := e.obl, e.facts
		// The paths that acquired it under the other value of this
		// condition, and have not computed it anew, cannot come this way.
		acquiredUnder := func(f fact) bool { return f&guarded != 0 }
		contradicted, lasting := fa.obls[i].contradicts(resolved, taken)
		if lasting {
			acquiredUnder = busy
		}
		if contradicted && facts.any(acquiredUnder) {
			if out == nil {
				out = st.clone()
			}
			kept := facts.without(acquiredUnder)
			if kept == 0 {
				kept = single(0)
			}
			out.set(i, kept)
			facts = kept
		}
		if fa.kills(i, cond, taken, x, isNilCmp, isNilEdge) {
			if out == nil {
				out = st.clone()
			}
			out.set(i, facts.apply(func(f fact) fact { return f &^ held }))
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
	if taken && o.errv != nil && impliesNonNil(cond, o.errv) {
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
func impliesNonNil(cond, err ssa.Value) bool {
	call, ok := cond.(*ssa.Call)
	if !ok || len(call.Common().Args) != 2 {
		return false
	}
	f := calleeFunc(call.Common())
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "errors" || (f.Name() != "Is" && f.Name() != "As") {
		return false
	}
	if x, _ := resolve(call.Common().Args[0]); x != err {
		return false
	}
	return f.Name() == "As" || !isNil(call.Common().Args[1])
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
func (fa *funcAnalysis) assumed(v ssa.Value) (truth, bool) {
	if len(fa.assume) == 0 {
		return unknown, false
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return unknown, false
	}
	want, ok := fa.assume[load.X]
	if !ok {
		return unknown, false
	}
	if _, atEntry := resolve(load); !atEntry {
		return unknown, false
	}
	return want, true
}

// neverNil reports values that cannot be nil: closures and bound methods.
func neverNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return true
	case *ssa.Function:
		return v != nil
	}
	return false
}

func isRecover(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Common().Value.(*ssa.Builtin)
	return ok && b.Name() == "recover"
}

// isNextCall reports whether c is o's Next method (rows.Next()).
func (fa *funcAnalysis) isNextCall(o *obligation, c *ssa.CallCommon) bool {
	f := calleeFunc(c)
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

// loopInfo knows which blocks are on a cycle together.
type loopInfo struct {
	scc  []int // block index -> strongly connected component
	loop []bool
}

// inLoop reports whether b is in a loop.
func (l *loopInfo) inLoop(b *ssa.BasicBlock) bool { return l.loop[l.scc[b.Index]] }

// together reports whether a and b are in the same loop.
func (l *loopInfo) together(a, b *ssa.BasicBlock) bool {
	return l.scc[a.Index] == l.scc[b.Index] && l.loop[l.scc[a.Index]]
}

// loopsOf computes the strongly connected components of fn's blocks
// (Tarjan's algorithm, iterative).
func loopsOf(fn *ssa.Function) *loopInfo {
	n := len(fn.Blocks)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	l := &loopInfo{scc: make([]int, n)}
	var stack []int
	next := 0
	type frame struct{ b, succ int }
	for root := 0; root < n; root++ {
		if index[root] != -1 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			b := fn.Blocks[top.b]
			if top.succ < len(b.Succs) {
				w := b.Succs[top.succ].Index
				top.succ++
				if index[w] == -1 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] && index[w] < low[top.b] {
					low[top.b] = index[w]
				}
				continue
			}
			v := top.b
			call = call[:len(call)-1]
			if len(call) > 0 && low[v] < low[call[len(call)-1].b] {
				low[call[len(call)-1].b] = low[v]
			}
			if low[v] == index[v] {
				id := len(l.loop)
				size := 0
				selfLoop := false
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					l.scc[w] = id
					size++
					for _, s := range fn.Blocks[w].Succs {
						if s.Index == w {
							selfLoop = true
						}
					}
					if w == v {
						break
					}
				}
				l.loop = append(l.loop, size > 1 || selfLoop)
			}
		}
	}
	return l
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
	if o.errv == nil || o.call == nil || fa.loopsOf().inLoop(o.call.Block()) {
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
			if m := mergeAbove(x.X, x.Block(), indexOf(x)); m != nil {
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
		if !carries(k, depth+1) && reachesAvoiding(o.call.Block(), p, m) {
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
		if v, found, _ := reachingStore(cell, p, len(p.Instrs)); found {
			return fa.valueCarriesError(v, o, depth)
		}
		inner := mergeAbove(cell, p, len(p.Instrs))
		return inner != nil && fa.cellCarriesError(cell, inner, o, depth)
	})
}

func (fa *funcAnalysis) valueCarriesError(v ssa.Value, o *obligation, depth int) bool {
	v, _ = resolve(v)
	if phi, ok := v.(*ssa.Phi); ok {
		return fa.phiCarriesError(phi, o, depth)
	}
	return v == o.errv
}

// mergeAbove returns the block where the values of the variable cell that
// reach instruction end of block b merge: b or the first block above it,
// through single predecessors, that has several, when none of them stores
// to cell first. It returns nil otherwise.
func mergeAbove(cell ssa.Value, b *ssa.BasicBlock, end int) *ssa.BasicBlock {
	for steps := 0; b != nil && steps < 64; steps++ {
		if _, found, stop := reachingStoreInBlock(cell, b, end); found || stop {
			return nil
		}
		if len(b.Preds) != 1 {
			if len(b.Preds) == 0 {
				return nil
			}
			return b
		}
		b = b.Preds[0]
		end = len(b.Instrs)
	}
	return nil
}

// reachesAvoiding reports whether block to can be reached from block from
// without passing through block avoid. It gives up, answering yes, after
// 512 blocks.
func reachesAvoiding(from, to, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{from: true}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if len(seen) > 512 {
			return true
		}
		for _, s := range b.Succs {
			if s != avoid && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}
