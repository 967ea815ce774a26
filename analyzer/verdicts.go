package analyzer

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file judges: it reads, off the dataflow's solution, what becomes of
// each obligation — leaked at a return, lost when its loop acquires it
// again, released by a defer inside its loop, held at some exit — by
// running each reachable block once more over its final states. Nothing is
// judged while the fixed point is still being computed, so a verdict does
// not depend on the order the blocks were visited in.

// A verdict is what the paths of a function do with one obligation.
type verdict struct {
	leakPos    token.Pos       // the earliest return that leaks it
	leakExit   ssa.Instruction // that return
	leakEnd    bool            // that return is the end of the function
	loopLeak   bool            // the loop acquires it again while it is held
	heldAtExit bool            // some exit still holds it
	// deferInLoop: a release deferred in the loop that acquires it, with
	// the release's name.
	deferInLoop *ssa.Defer
	deferMethod string
}

// A judgment holds the verdicts of a function's obligations, and for each
// exit whether it still holds one (an input judged alone: errorCorrelated).
type judgment struct {
	verdicts []verdict
	heldAt   map[ssa.Instruction]bool
	// inLoopDefers: the releases deferred in the loop that acquires each
	// obligation, by obligation; pending: those that count only if the
	// loop comes back to the acquisition with nothing else having given
	// it back, and whether it did (fired).
	inLoopDefers [][]event
	pending      [][]event
	fired        []bool
}

// judge reads the verdicts off sol, whose states it uses up.
func (fa *funcAnalysis) judge(sol *solution) *judgment {
	n := len(fa.obls)
	j := &judgment{verdicts: make([]verdict, n)} // the rest made on first use
	for _, b := range fa.fn.Blocks {
		if sol.in[b.Index] == nil {
			continue // no path reaches it
		}
		fa.runsThrough(b, sol.in[b.Index], true, func(st *state, _ ssa.Value) {
			fa.transfer(b, st, j)
		})
	}
	for i := range j.inLoopDefers {
		defers := j.inLoopDefers[i]
		if j.fired[i] {
			defers = append(defers, j.pending[i]...)
		}
		if len(defers) == 0 {
			continue
		}
		// The earliest, when several: the order the blocks ran in must not
		// choose.
		first := slices.MinFunc(defers, func(a, b event) int { return int(a.instr.Pos() - b.instr.Pos()) })
		j.verdicts[i].deferInLoop, j.verdicts[i].deferMethod = first.instr.(*ssa.Defer), first.method
	}
	return j
}

// atAcquire watches obligation i acquired again where its earlier paths
// are in states paths.
func (j *judgment) atAcquire(i int, paths pathSet) {
	if paths.any(func(s pathState) bool { return s&held != 0 && s&(armed|armedIf) == 0 }) {
		j.verdicts[i].loopLeak = true
	}
	if paths.any(func(s pathState) bool { return s&deferred != 0 }) {
		j.makeDeferTables()
		j.fired[i] = true
	}
}

// makeDeferTables makes the tables of releases deferred in loops, at the
// first one.
func (j *judgment) makeDeferTables() {
	if j.inLoopDefers == nil {
		n := len(j.verdicts)
		j.inLoopDefers, j.pending, j.fired = make([][]event, n), make([][]event, n), make([]bool, n)
	}
}

// deferredInLoop watches a release deferred in the loop that acquires its
// obligation: pending if it counts only when the loop comes back to the
// acquisition (atAcquire).
func (j *judgment) deferredInLoop(ev event, pending bool) {
	j.makeDeferTables()
	if pending {
		j.pending[ev.obl] = append(j.pending[ev.obl], ev)
	} else {
		j.inLoopDefers[ev.obl] = append(j.inLoopDefers[ev.obl], ev)
	}
}

// atExit judges an exit of fa reached in state st: a return, or a panic
// that the function's own deferred recover turns into a return.
func (j *judgment) atExit(fa *funcAnalysis, exit ssa.Instruction, st *state) {
	var pos token.Pos
	end := true
	if ret, ok := exit.(*ssa.Return); ok {
		pos, end = ssaq.ReturnPos(fa.fn, ret)
	} else {
		pos = ssaq.EndPos(fa.fn)
	}
	if j.heldAt == nil {
		j.heldAt = map[ssa.Instruction]bool{}
	}
	heldHere := j.heldAt[exit]
	for _, e := range st.entries {
		o := fa.obls[e.obl]
		var holds [2]ssaq.Truth // whether each condition slot's release runs here, once asked
		condHolds := func(slot int) bool {
			if holds[slot] == ssaq.Unknown {
				holds[slot] = ssaq.False
				if fa.condAtExit(o, slot, exit) {
					holds[slot] = ssaq.True
				}
			}
			return holds[slot] == ssaq.True
		}
		leaks := e.paths.any(func(s pathState) bool {
			return s&(held|lost) != 0 && s&armed == 0 &&
				!(s&armedIf0 != 0 && condHolds(0)) && !(s&armedIf1 != 0 && condHolds(1))
		})
		if !leaks {
			continue
		}
		heldHere = true
		v := &j.verdicts[e.obl]
		v.heldAtExit = true
		if !v.leakPos.IsValid() || pos < v.leakPos {
			v.leakPos, v.leakExit, v.leakEnd = pos, exit, end
		}
	}
	j.heldAt[exit] = heldHere
}

// condAtExit reports whether the deferred release of o that slot stands
// for runs at exit: its condition holds there. With one or two conditions,
// each in its slot, it must be known to hold: where its value cannot be
// told (`return c.Ping(ctx)` into a named err), some run may take the
// other way and keep the resource. Slot 0 of three or more conditions
// stands for all of them, and one that may hold counts (we would rather
// miss a leak than invent one).
func (fa *funcAnalysis) condAtExit(o *obligation, slot int, exit ssa.Instruction) bool {
	conds := o.conds
	merged := len(conds) > 2
	switch {
	case merged:
	case slot < len(conds):
		conds = conds[slot : slot+1]
	default:
		return false
	}
	for _, c := range conds {
		t := ssaq.Unknown
		if val, found, _ := fa.pkg.q.ReachingStore(c.cell, exit.Block(), ssaq.IndexOf(exit)); found {
			t = fa.pkg.q.ValueAt(val, exit.Block())
		}
		switch {
		case t == c.want:
			return true
		case t == ssaq.Unknown && merged:
			fa.couldNotJudge(exit.Pos(), "cannot tell the value a deferred release depends on at this return; supposing it releases")
			return true
		}
	}
	return false
}
