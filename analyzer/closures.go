package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file finds the effect of a function literal (or bound method) on a
// resource it captured or was passed: releases it on every path that
// returns, never, or only when one of its captured variables is nil or
// non-nil (true or false) — the `defer func() { if err != nil {
// conn.Close() } }()` shape.

type effectKind uint8

const (
	never effectKind = iota
	always
	conditional
)

type effect struct {
	kind    effectKind
	freeVar int        // conditional: the captured variable the release depends on
	want    ssaq.Truth // conditional: the value it must have
	method  string
}

type effectKey struct {
	fn      *ssa.Function
	input   ssa.Value
	kind    aliasKind
	content aliasKind
}

// maxDepth bounds the nesting of closures whose effects are looked into. Deeper
// closures are supposed to release what they are given.
const maxDepth = 4

// effectOf computes the effect of fn on input, a free variable or a
// parameter of fn that stands for resource o as kind (content: what a cell
// holds).
func (fa *funcAnalysis) effectOf(fn *ssa.Function, input ssa.Value, kind, content aliasKind, o *obligation) effect {
	key := effectKey{fn, input, kind, content}
	if s, ok := fa.effects[key]; ok {
		return s
	}
	fa.effects[key] = effect{kind: always} // a recursive closure: suppose the best
	s := fa.computeEffect(fn, input, kind, content, o)
	fa.effects[key] = s
	return s
}

func (fa *funcAnalysis) computeEffect(fn *ssa.Function, input ssa.Value, kind, content aliasKind, o *obligation) effect {
	if len(fn.Blocks) == 0 || fa.depth >= maxDepth {
		fa.couldNotJudge(fn.Pos(), "closures nested too deep to follow; supposing this one releases the resource")
		return effect{kind: always}
	}
	run := func(assume map[ssa.Value]ssaq.Truth) (*funcAnalysis, *judgment) {
		return fa.judgeNested(fn, input, kind, content, o, assume)
	}
	sub, j := run(nil)
	released := !j.verdicts[0].heldAtExit
	method := releaseName(sub)
	if released {
		return effect{kind: always, method: method}
	}
	for _, fv := range conditionVars(fa.pkg.q, fn) {
		for _, want := range []ssaq.Truth{ssaq.True, ssaq.False} {
			if _, j := run(map[ssa.Value]ssaq.Truth{fv: want}); !j.verdicts[0].heldAtExit {
				for i, v := range fn.FreeVars {
					if v == fv {
						return effect{kind: conditional, freeVar: i, want: want, method: method}
					}
				}
			}
		}
	}
	if releasesSomewhere(sub) || releasedAtSomeExit(j) {
		// It releases on some paths, under a condition we cannot read. We
		// would rather miss a leak than invent one.
		fa.couldNotJudge(fn.Pos(), "releases the resource only under a condition connrelease cannot read; supposing it always does")
		return effect{kind: always, method: method}
	}
	return effect{kind: never}
}

// effectWhereNil is fn's effect on input where its parameter errp, the
// error of the acquisition of o, is nil: where it is not, there is nothing
// to give back. Never or always, for a call that runs now.
func (fa *funcAnalysis) effectWhereNil(fn *ssa.Function, input ssa.Value, kind, content aliasKind, o *obligation, errp ssa.Value) effect {
	if len(fn.Blocks) == 0 || fa.depth >= maxDepth {
		return effect{kind: always}
	}
	sub, j := fa.judgeNested(fn, input, kind, content, o, map[ssa.Value]ssaq.Truth{errp: ssaq.False})
	if j.verdicts[0].heldAtExit {
		return effect{kind: never}
	}
	return effect{kind: always, method: releaseName(sub)}
}

// judgeNested judges fn, a closure or function fa meets, over input
// standing for o as kind (content: what a cell holds), one level deeper,
// under assume.
func (fa *funcAnalysis) judgeNested(fn *ssa.Function, input ssa.Value, kind, content aliasKind, o *obligation, assume map[ssa.Value]ssaq.Truth) (*funcAnalysis, *judgment) {
	in := &obligation{typ: o.typ, res: o.res, aliases: computeAliases(fa.pkg, input, kind, content)}
	return fa.pkg.judgeInput(fn, in, assume, fa.depth+1, fa.effects)
}

// judgeInput runs the dataflow of fn over one input that is held on entry —
// a parameter, a captured variable, a field of the receiver — under
// assumptions about fn's free variables, and returns the analysis and its
// judgment: its one verdict, and for each exit whether it still holds the
// input.
func (e *pkgAnalysis) judgeInput(fn *ssa.Function, in *obligation, assume map[ssa.Value]ssaq.Truth, depth int, effects map[effectKey]effect) (*funcAnalysis, *judgment) {
	sub := &funcAnalysis{pkg: e, fn: fn, obls: []*obligation{in}, assume: assume, depth: depth, effects: effects}
	sub.buildEvents()
	return sub, sub.judge(sub.solve(single(held)))
}

// releaseName returns the release method the closure calls, for messages.
func releaseName(sub *funcAnalysis) string {
	for _, evs := range sub.events {
		for _, ev := range evs {
			if ev.kind == evRelease || ev.kind == evHandOver {
				if c, ok := ev.instr.(*ssa.Call); ok {
					if f := ssaq.CalleeFunc(c.Common()); f != nil && releaseMethod(sub.obls[0].res, f.Name()) {
						return f.Name()
					}
				}
			}
		}
	}
	return ""
}

// knownRelease reports whether some event of a judged input's function gives it
// back through a release method, a consumer or a known releaser — not
// merely by handing it to a function we cannot see.
func knownRelease(sub *funcAnalysis) bool {
	for _, evs := range sub.events {
		for _, ev := range evs {
			if (ev.kind == evRelease || ev.kind == evDefer) && ev.method != "" {
				return true
			}
		}
	}
	return false
}

// releasedAtSomeExit reports whether some exit of a judged input's function no longer
// holds its input: given back on an edge (rows read to their end) rather
// than by an event.
func releasedAtSomeExit(j *judgment) bool {
	for _, stillHeld := range j.heldAt {
		if !stillHeld {
			return true
		}
	}
	return false
}

// releasesSomewhere reports whether some reachable block of a judged input's function
// releases its input.
func releasesSomewhere(sub *funcAnalysis) bool {
	for _, evs := range sub.events {
		for _, ev := range evs {
			if ev.kind == evRelease || ev.kind == evHandOver || ev.kind == evDefer {
				return true
			}
		}
	}
	return false
}

// conditionVars returns the free variables of fn whose value on entry a
// branch of fn tests: `if err != nil`, `if !committed`.
func conditionVars(q *ssaq.Index, fn *ssa.Function) []ssa.Value {
	var out []ssa.Value
	seen := map[ssa.Value]bool{}
	for _, b := range fn.Blocks {
		ifInstr := ssaq.ClosingBranch(b)
		if ifInstr == nil {
			continue
		}
		cond, _ := ssaq.StripNot(ifInstr.Cond)
		if x, _, ok := q.NilCompare(cond); ok {
			cond = x
		}
		load, ok := cond.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		fv, ok := load.X.(*ssa.FreeVar)
		if !ok || seen[fv] {
			continue
		}
		seen[fv] = true
		out = append(out, fv)
	}
	return out
}
