package analyzer

import (
	"cmp"
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
	// wentTrue: the path's latest branch on the obligation's correlated
	// condition (obligation.corr) went the way where it is true; set and
	// read only while the path is busy.
	wentTrue
	armedIf = armedIf0 | armedIf1
)

// A pathSet is the set of the states of all the paths that reach a point:
// bit s is set when some path has state s. The empty set means no path.
type pathSet [4]uint64

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

func (p pathSet) union(q pathSet) pathSet {
	return pathSet{p[0] | q[0], p[1] | q[1], p[2] | q[2], p[3] | q[3]}
}

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

// unguardIdle drops the guarded and wentTrue marks of a path that no
// longer holds the resource: nothing is left for a branch to rule out, and
// an obligation whose paths hold nothing then leaves the state.
func unguardIdle(s pathState) pathState {
	if !busy(s) {
		return s &^ (guarded | wentTrue)
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
// for an input judged alone).
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
		fa.runsThrough(b, in[b.Index], false, func(st *state, subject ssa.Value) {
			if !fa.transfer(b, st, nil) {
				return // the path ends without returning
			}
			for si, succ := range b.Succs {
				out, feasible := fa.refineEdge(b, si, st, subject)
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
		})
	}
	return &solution{in: in}
}

// runsThrough calls run with each state to run through block b from its
// incoming edges in: one per edge when b branches on a value that depends
// on the edge (branchSubjects; subject is then the value on that edge),
// else their merge. The states are copies, for run to change, unless own
// is set: the caller no longer needs in (judge).
func (fa *funcAnalysis) runsThrough(b *ssa.BasicBlock, in []*state, own bool, run func(st *state, subject ssa.Value)) {
	mine := func(st *state) *state {
		if own {
			return st
		}
		return st.clone()
	}
	if subjects := branchSubjects(fa.pkg.q, b); subjects != nil {
		for k, st := range in {
			if st != nil {
				var subject ssa.Value
				if k < len(subjects) {
					subject = subjects[k]
				}
				run(mine(st), subject)
			}
		}
		return
	}
	var merged *state
	for _, st := range in {
		switch {
		case st == nil:
		case merged == nil:
			merged = mine(st)
		default:
			mergeInto(merged, st)
		}
	}
	if merged == nil {
		merged = &state{}
	}
	run(merged, nil)
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
				return (s | held) &^ (deferred | wentTrue)
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
