package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer/knowledge"
	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file finds the acquisitions of a function: the calls that hand out a
// resource (the catalog's acquirers, functions whose fact says they
// acquire), each an obligation, with what is known of it before any path is
// followed: its aliases, the conditions it was acquired under, the
// obligations given back with it.

// An obligation is one acquisition: a resource that must be given back.
type obligation struct {
	call  *ssa.Call // the acquisition; nil for an input judged alone (judgeInput)
	value ssa.Value // the resource; nil when the result is dropped
	errv  ssa.Value // the acquisition's error result, if it has one
	typ   types.Type
	res   *resourceType

	aliases *aliasSet
	// conds are the distinct conditions of its conditional deferred
	// releases (condSlot).
	conds []*condition
	// killOnErr: values that, when not nil, mean the resource was given
	// back (the error of a helper that releases only when it fails).
	killOnErr []ssa.Value
	// killOnOK: values that, when nil, mean the resource was taken over
	// (the error of a constructor that keeps it only when it succeeds).
	killOnOK []ssa.Value
	// releaseFunc is the result of the acquisition that releases it, or -1.
	releaseFunc int
	// children are obligations given back with this one: the statements
	// and rows of a database/sql transaction.
	children []int
	// guards are the conditions under which alone the acquisition runs
	// (`if useTx { tx, err = conn.Begin(ctx) }`): on the paths that
	// acquired it, a later branch on one of them goes the same way until
	// the condition is computed anew (path state guarded), or on every
	// path from the acquisition for a lasting guard. computedAnew: some
	// guard is not lasting.
	guards       []guard
	computedAnew bool
	// corr is a condition tested after the acquisition by branches one of
	// which comes before another on every path (`if !ok { res.Destroy() }`
	// … `if !ok { continue }`): those go the same way. corrReads are the
	// branches that come after another one (findCorrelated).
	corr      ssa.Value
	corrReads map[*ssa.If]bool
	// cancel is the cancel function of the context the resource was
	// acquired with, derived in this function, when cancelling it gives
	// the resource back (endedWithContext): calling it is a release.
	cancel ssa.Value
	// byCalling: a catalog acquirer returned with it the function that
	// gives it back (knowledge.Library.ReleasedByCalling: rueidis's
	// Dedicate and its cancel function), as its result releaseFunc;
	// releaser is that result, nil when the program drops it.
	byCalling bool
	releaser  ssa.Value
}

// A condition is what a deferred closure needs to release: the variable
// cell (of the function that deferred it) holds a value that is non-nil or
// true (want == isTrue), or nil or false (want == isFalse).
type condition struct {
	cell ssa.Value
	want ssaq.Truth
}

// funcAnalysis is the analysis of one function.
type funcAnalysis struct {
	pkg    *pkgAnalysis
	fn     *ssa.Function
	obls   []*obligation
	events [][]event // per block, in order
	// When fn is a closure judged for its effect on an input
	// (computeEffect): assume holds what is supposed of its free variables
	// on entry, depth how deep it is nested; effects are the effects of the
	// closures met so far, shared by the nested judgements.
	assume  map[ssa.Value]ssaq.Truth
	depth   int
	effects map[effectKey]effect
	// recovers: the function defers a closure that calls recover, so its
	// panics return.
	recovers bool
	// index maps each value to the obligations it stands for, built on
	// first use; byCall maps each acquisition to its obligation.
	index  map[ssa.Value][]aliasRef
	byCall map[*ssa.Call]int
	// keepReturned: a return does not hand over what it returns (an input
	// judged for whether it passes through: passThroughResults).
	keepReturned bool
	// fixable: for each obligation, whether a deferred release may be
	// suggested for it (releasedOnlyByItsMethods).
	fixable []bool
	// errMerges memoises errorOnItsPaths.
	errMerges map[valueObligation]bool
	// guardDefs lists, by the index of the block that computes a guard,
	// the obligations guarded by it.
	guardDefs [][]int
}

// An unjudgedPlace is a place where the analysis could not tell and chose the
// answer that reports nothing.
type unjudgedPlace struct {
	pos    token.Pos
	reason string
}

func (fa *funcAnalysis) couldNotJudge(pos token.Pos, reason string) {
	*fa.pkg.unjudged = append(*fa.pkg.unjudged, unjudgedPlace{pos, reason})
}

// newFuncAnalysis finds the acquisitions of fn, or returns nil if it has
// none.
func newFuncAnalysis(e *pkgAnalysis, fn *ssa.Function) *funcAnalysis {
	if len(fn.Blocks) == 0 {
		return nil
	}
	fa := &funcAnalysis{pkg: e, fn: fn, effects: map[effectKey]effect{}}
	var closes map[ssa.Value][]*ssa.Call
	closesFound := false // the pool closes are looked for at the first acquisition
	for call := range ssaq.Instrs[*ssa.Call](fn) {
		o := fa.acquisition(call)
		if o == nil {
			continue
		}
		if !closesFound {
			closes, closesFound = poolCloses(e, fn), true
		}
		if !fromClosedPool(e.q, call, closes) {
			fa.obls = append(fa.obls, o)
		}
	}
	if len(fa.obls) == 0 {
		return nil
	}
	for _, o := range fa.obls {
		if o.value != nil {
			o.aliases = computeAliases(e, o.value, direct, 0)
		} else {
			o.aliases = computeAliases(e, nil, direct, 0)
		}
		// The function returned with it that releases it (fact
		// ReleaseFunc) stands for it too: calling it gives it back.
		if o.releaseFunc >= 0 {
			for _, ref := range *o.call.Referrers() {
				if ex, ok := ref.(*ssa.Extract); ok && ex.Index == o.releaseFunc {
					computeAliasesFrom(e, o.aliases, ex, closure)
				}
			}
		}
	}
	fa.linkChildren()
	fa.findGuards()
	fa.findCorrelated()
	fa.buildEvents()
	return fa
}

// A guard is a condition and the value it has wherever an acquisition runs.
// A lasting guard keeps that value on every path from the acquisition: the
// block that computes it is in no loop with the acquisition, so no path
// from the acquisition runs it again.
type guard struct {
	cond    ssa.Value
	onTrue  bool
	lasting bool
}

// findGuards finds the guards of each acquisition: the branches whose one
// edge dominates it. The block that computes a guard's condition dominates
// that edge, so when the acquisition runs, the condition still has the
// value it had on the edge; it keeps it on the paths from the acquisition
// until that block runs again.
func (fa *funcAnalysis) findGuards() {
	for i, o := range fa.obls {
		if o.call == nil {
			continue
		}
		steps := 0
		for branch, onTrue := range ssaq.DominatingBranches(o.call.Block()) {
			if steps++; steps > 32 {
				break
			}
			cond, negated := fa.pkg.q.BranchCond(branch)
			onTrue = onTrue != negated
			if _, constant := cond.(*ssa.Const); constant {
				continue
			}
			if !fa.testedAgain(branch, cond) {
				continue
			}
			def, computed := cond.(ssa.Instruction)
			lasting := !computed || !fa.loopsOf().Together(def.Block(), o.call.Block())
			o.guards = append(o.guards, guard{cond: cond, onTrue: onTrue, lasting: lasting})
			if !lasting {
				o.computedAnew = true
				if fa.guardDefs == nil {
					fa.guardDefs = make([][]int, len(fa.fn.Blocks))
				}
				k := def.Block().Index
				fa.guardDefs[k] = append(fa.guardDefs[k], i)
			}
		}
	}
}

// maxCorrelated bounds the branches findCorrelated pairs.
const maxCorrelated = 64

// findCorrelated finds, for each acquisition, the first condition tested
// by two branches below it where one of them dominates the other
// (obligation.corr). Where the acquisition's block dominates branch B1 and
// B1 dominates B2, every path to B2 runs B1 after the acquisition and
// after the last computation of the condition (which dominates B1): B2
// goes the way B1 went last. The dataflow marks each busy path with the
// way the latest branch on it went (wentTrue), and rules out at B2 the
// paths that went the other way (refineEdge). Only the first
// maxCorrelated branches on a condition tested more than once are looked
// at: the pairs cost their square.
func (fa *funcAnalysis) findCorrelated() {
	var branches []*ssa.If
	for _, b := range fa.fn.Blocks {
		if len(branches) == maxCorrelated {
			break
		}
		if br := ssaq.ClosingBranch(b); br != nil && b.Succs[0] != b.Succs[1] {
			if cond, _ := fa.pkg.q.BranchCond(br); fa.pkg.q.BranchesOn(fa.fn, cond) > 1 {
				branches = append(branches, br)
			}
		}
	}
	if len(branches) < 2 {
		return
	}
	for _, o := range fa.obls {
		if o.call == nil {
			continue
		}
		at := o.call.Block()
		for _, b2 := range branches {
			cond, _ := fa.pkg.q.BranchCond(b2)
			if o.corr != nil && cond != o.corr {
				continue
			}
			for _, b1 := range branches {
				if b1 == b2 || !at.Dominates(b1.Block()) || !b1.Block().Dominates(b2.Block()) {
					continue
				}
				if c1, _ := fa.pkg.q.BranchCond(b1); c1 == cond {
					if o.corr == nil {
						o.corr, o.corrReads = cond, map[*ssa.If]bool{}
					}
					o.corrReads[b2] = true
					break
				}
			}
		}
	}
}

// testedAgain reports whether a path from branch can test cond (its
// BranchCond) again with the value it had at branch: at another branch on
// it, or at branch itself in a loop that does not compute cond anew.
func (fa *funcAnalysis) testedAgain(branch *ssa.If, cond ssa.Value) bool {
	if fa.pkg.q.BranchesOn(fa.fn, cond) > 1 {
		return true
	}
	loops := fa.loopsOf()
	if def, ok := cond.(ssa.Instruction); ok && loops.Together(def.Block(), branch.Block()) {
		return false
	}
	return loops.InLoop(branch.Block())
}

// loopsOf is the function's loops, found at the first call.
func (fa *funcAnalysis) loopsOf() *ssaq.Loops { return fa.pkg.q.Loops(fa.fn) }

// contradicts reports whether cond being taken (true) goes against one of
// o's guards, and whether against a lasting one.
func (o *obligation) contradicts(cond ssa.Value, taken bool) (contradicted, lasting bool) {
	for _, g := range o.guards {
		if g.cond == cond && g.onTrue != taken {
			contradicted = true
			lasting = lasting || g.lasting
		}
	}
	return contradicted, lasting
}

// linkChildren ties each obligation acquired from a transaction's statement
// or query to the transaction's own obligation.
func (fa *funcAnalysis) linkChildren() {
	for i, o := range fa.obls {
		c := o.call.Common()
		f := ssaq.CalleeFunc(c)
		if !fa.pkg.cat.tied[funcKey(f)] && !fa.pkg.tiedThroughInterface(c) {
			continue
		}
		recv := c.Value
		if !c.IsInvoke() {
			if len(c.Args) == 0 {
				continue
			}
			recv = c.Args[0]
		}
		for _, r := range fa.aliasesOf(recv) {
			if r.kind == direct && r.obl != i {
				fa.obls[r.obl].children = append(fa.obls[r.obl].children, i)
			}
		}
	}
}

// poolCloses maps each pool that fn closes (not deferred) to those calls.
func poolCloses(e *pkgAnalysis, fn *ssa.Function) map[ssa.Value][]*ssa.Call {
	var closes map[ssa.Value][]*ssa.Call
	for call := range ssaq.Instrs[*ssa.Call](fn) {
		if f := ssaq.CalleeFunc(call.Common()); f == nil || f.Name() != knowledge.PoolClose {
			continue
		}
		if recv := ssaq.ReceiverOf(call.Common()); recv != nil && e.isPool(recv.Type()) {
			if closes == nil {
				closes = map[ssa.Value][]*ssa.Call{}
			}
			pool, _ := e.q.Resolve(recv)
			closes[pool] = append(closes[pool], call)
		}
	}
	return closes
}

// fromClosedPool reports whether call acquires from a pool that a Close
// call of closes has closed on every path to it (pool.Close() dominates
// it). A closed pool gives nothing out: database/sql answers "sql:
// database is closed", pgxpool an error or results that hold nothing.
func fromClosedPool(q *ssaq.Index, call *ssa.Call, closes map[ssa.Value][]*ssa.Call) bool {
	recv := ssaq.ReceiverOf(call.Common())
	if recv == nil || closes == nil {
		return false
	}
	pool, _ := q.Resolve(recv)
	for _, c := range closes[pool] {
		if ssaq.Before(c, call.Block(), ssaq.IndexOf(call)) {
			return true
		}
	}
	return false
}

// acquisition returns the obligation that call creates, or nil: a call of
// the catalog, of an interface method that hands a resource out
// (interfaces.go), or of a function whose fact says it acquires.
func (fa *funcAnalysis) acquisition(call *ssa.Call) *obligation {
	f := ssaq.CalleeFunc(call.Common())
	if f == nil || f.Pkg() == nil {
		return nil
	}
	index, releaseFunc := 0, -1
	createsPool, byCalling := false, false
	switch {
	case fa.pkg.cat.poolCreators[funcKey(f)]:
		if fa.processLifetime() || fa.wrapsOthersPool(call) {
			return nil
		}
		createsPool = true
	case fa.pkg.cat.packages[f.Pkg().Path()] && fa.pkg.cat.acquirers[funcKey(f)]:
		if i, ok := fa.pkg.cat.releasedByCalling[funcKey(f)]; ok {
			releaseFunc, byCalling = i, true
		}
	case call.Common().IsInvoke():
		if !fa.pkg.interfaceAcquires(f) {
			return nil
		}
	default:
		fact := fa.pkg.factOf(f)
		if fact == nil || len(fact.Acquires) == 0 {
			return nil
		}
		index = fact.Acquires[0]
		if len(fact.ReleaseFunc) == 1 {
			releaseFunc = fact.ReleaseFunc[0]
		}
	}
	results := call.Common().Signature().Results()
	if results.Len() <= index {
		return nil
	}
	o := &obligation{call: call, typ: results.At(index).Type(), releaseFunc: releaseFunc, byCalling: byCalling}
	if createsPool {
		o.res = fa.pkg.cat.poolResource(o.typ)
	} else {
		o.res = fa.pkg.resourceOf(o.typ)
	}
	if o.res == nil {
		return nil
	}
	if fa.pkg.cat.endedWithContext[funcKey(f)] && !call.Common().IsInvoke() {
		o.cancel = fa.cancelOfContext(call.Common())
	}
	if results.Len() == 1 {
		if refs := call.Referrers(); refs != nil && len(*refs) > 0 {
			o.value = call
		}
		return o
	}
	errIndex := -1
	if last := results.At(results.Len() - 1).Type(); types.Identical(last, errorType) {
		errIndex = results.Len() - 1
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok {
			switch ex.Index {
			case index:
				o.value = ex
			case errIndex:
				o.errv = ex
			case releaseFunc:
				if byCalling {
					o.releaser = ex
				}
			}
		}
	}
	return o
}

// wrapsOthersPool reports whether call, of a pool creator, wraps a pool it
// is given that this function did not create (sqlx.NewDb(db.DB, …) of a
// test harness's pool): closing the wrapper would close that pool, so the
// wrapper is no fresh pool either. A pool given inside another argument
// (gorm.Open(postgres.New(postgres.Config{Conn: sqlDB})): a gorm DB over a
// *sql.DB of the program's) is the wrapper's pool, whoever created it: the
// wrapper is no new obligation; that pool's own, if it has one, stands.
func (fa *funcAnalysis) wrapsOthersPool(call *ssa.Call) bool {
	seen := map[ssa.Value]bool{}
	for _, a := range call.Call.Args {
		if fa.pkg.isPool(a.Type()) {
			if fa.pkg.poolOrigin(fa.fn, a, 0).kind != originFresh {
				return true
			}
			continue
		}
		if fa.builtOnPool(a, 0, seen) {
			return true
		}
	}
	return false
}

// builtOnPool reports whether v was built from a pool: a value of a pool
// type found going back from v through the operands of the instructions
// that made it, a few steps deep, and the stores into a local struct
// (the Config literal of a dialector).
func (fa *funcAnalysis) builtOnPool(v ssa.Value, depth int, seen map[ssa.Value]bool) bool {
	if v == nil || depth > 6 || seen[v] {
		return false
	}
	seen[v] = true
	if fa.pkg.isPool(v.Type()) {
		return true
	}
	switch v := v.(type) {
	case *ssa.Alloc:
		for _, ref := range *v.Referrers() {
			addr := ssa.Value(v)
			if field, ok := ref.(*ssa.FieldAddr); ok {
				addr = field
			}
			for _, use := range referrers(addr) {
				if st, ok := use.(*ssa.Store); ok && st.Addr == addr && fa.builtOnPool(st.Val, depth+1, seen) {
					return true
				}
			}
		}
	case *ssa.Function, *ssa.Global, *ssa.Const, *ssa.Parameter, *ssa.FreeVar:
	case ssa.Instruction:
		for _, op := range v.Operands(nil) {
			if *op != nil && fa.builtOnPool(*op, depth+1, seen) {
				return true
			}
		}
	}
	return false
}

// referrers returns the instructions that use v.
func referrers(v ssa.Value) []ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}

// processLifetime reports whether fn runs for the whole process: main.main
// and init, and their closures. A pool they open and leave open is closed
// by the exit.
func (fa *funcAnalysis) processLifetime() bool {
	fn := fa.fn
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Pkg == nil || fn.Signature.Recv() != nil {
		return false
	}
	return fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#") ||
		fn.Pkg.Pkg.Name() == "main" && fn.Name() == "main"
}

// cancelOfContext returns the cancel function of the context that c, a
// static method call, passes first (after its receiver), when this
// function derived that context (context.WithCancel, WithTimeout,
// WithDeadline and their …Cause forms), or nil.
func (fa *funcAnalysis) cancelOfContext(c *ssa.CallCommon) ssa.Value {
	if len(c.Args) < 2 {
		return nil
	}
	ctx, _ := fa.pkg.q.Resolve(c.Args[1])
	ex, ok := ctx.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	derive, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil
	}
	if f := ssaq.CalleeFunc(derive.Common()); f == nil || !fa.pkg.cat.cancelDerivers[funcKey(f)] {
		return nil
	}
	for _, ref := range *derive.Referrers() {
		if cancel, ok := ref.(*ssa.Extract); ok && cancel.Index == 1 {
			return cancel
		}
	}
	return nil
}

// addCond adds c to the conditions of o's deferred releases, once.
func (o *obligation) addCond(c *condition) {
	for _, x := range o.conds {
		if *x == *c {
			return
		}
	}
	o.conds = append(o.conds, c)
}

// condSlot is the path state that a deferred release of o under cond arms.
// With one or two conditions each has its slot; with more, slot 0 stands
// for all of them (condAtExit).
func (o *obligation) condSlot(cond *condition) pathState {
	if len(o.conds) <= 2 && len(o.conds) > 1 && *o.conds[1] == *cond {
		return armedIf1
	}
	return armedIf0
}
