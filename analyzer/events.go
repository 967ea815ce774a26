package analyzer

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file turns a function's instructions into the events the dataflow
// (dataflow.go) runs over: an acquisition, a release, a hand-over, a
// deferred release, a return, a path that ends without returning. A call is
// classified by the kind of its callee (callEvents).

type evKind uint8

const (
	evAcquire  evKind = iota + 1
	evRelease         // given back now
	evHandOver        // handed to someone who owns it now (a callee, a goroutine, memory that outlives the call)
	evDefer           // a deferred release or hand-over
	evNoReturn        // the path ends here without returning
	evReturn          // the function returns
)

type event struct {
	kind   evKind
	obl    int
	instr  ssa.Instruction
	byCell bool       // evDefer: releases whatever the variable holds at exit
	cond   *condition // evDefer: only when cond holds at exit
	// method names the release method or releaser, for messages ("" for a
	// hand-over, and for a release by a closure).
	method string
	// inherited: the release of a parent (the transaction) that gives this
	// obligation back too.
	inherited bool
}

func (fa *funcAnalysis) buildEvents() {
	fa.recovers = ssaq.DefersRecover(fa.fn)
	fa.events = make([][]event, len(fa.fn.Blocks))
	for _, b := range fa.fn.Blocks {
		var evs []event
		var emit func(e event)
		emit = func(e event) {
			evs = append(evs, e)
			if e.kind == evDefer && e.cond != nil {
				fa.obls[e.obl].addCond(e.cond)
			}
			if e.kind != evRelease && e.kind != evHandOver && e.kind != evDefer || e.obl < 0 {
				return
			}
			for _, child := range fa.obls[e.obl].children {
				c := e
				c.obl, c.inherited = child, true
				if c.kind == evDefer {
					c.byCell = true // covers the child whenever it is acquired
				}
				emit(c)
			}
		}
		for _, instr := range b.Instrs {
			fa.instrEvents(instr, emit)
		}
		fa.events[b.Index] = evs
	}
}

// handOver emits a release for every obligation that one of vals stands
// for.
func (fa *funcAnalysis) handOver(instr ssa.Instruction, emit func(event), vals ...ssa.Value) {
	for _, v := range vals {
		for _, r := range fa.aliasesOf(v) {
			emit(event{kind: evHandOver, obl: r.obl, instr: instr})
		}
	}
}

func (fa *funcAnalysis) instrEvents(instr ssa.Instruction, emit func(event)) {
	switch instr := instr.(type) {
	case *ssa.Call:
		fa.callEvents(instr, instr.Common(), nil, emit)
		if fa.byCall == nil {
			fa.byCall = map[*ssa.Call]int{}
			for i, o := range fa.obls {
				if o.call != nil {
					fa.byCall[o.call] = i
				}
			}
		}
		if i, ok := fa.byCall[instr]; ok {
			emit(event{kind: evAcquire, obl: i, instr: instr})
		}
	case *ssa.Defer:
		fa.callEvents(instr, instr.Common(), instr, emit)
	case *ssa.Go:
		fa.goEvents(instr, emit)
	case *ssa.Return:
		if !fa.keepReturned {
			for k, v := range instr.Results {
				// Returned with the error of a call that passed it on only
				// where it succeeded (`return prep(db)`): where it failed,
				// this function still holds the resource, and the return
				// leaks it (unless the error is known nil here).
				if fa.pkg.passedOnSuccess(instr, k) && fa.pkg.q.ValueAt(instr.Results[len(instr.Results)-1], instr.Block()) != ssaq.False {
					continue
				}
				fa.handOver(instr, emit, v)
			}
		}
		emit(event{kind: evReturn, obl: -1, instr: instr})
	case *ssa.Store:
		if fa.pkg.q.LocalBase(instr.Addr) == nil {
			fa.handOver(instr, emit, instr.Val) // a global, a field of a parameter, …
		}
	case *ssa.MapUpdate:
		fa.handOver(instr, emit, instr.Key, instr.Value)
	case *ssa.Send:
		fa.handOver(instr, emit, instr.X)
	case *ssa.Select:
		// A send in a select happens only on its own branch: see refine.
	case *ssa.Panic:
		if fa.recovers {
			// The function's own deferred recover turns the panic into a
			// return at its end.
			emit(event{kind: evReturn, obl: -1, instr: instr})
		} else {
			emit(event{kind: evNoReturn, obl: -1, instr: instr})
		}
	}
}

// goEvents: a goroutine that gets the resource owns it now, unless its
// body only uses it (a function literal whose effect on it is never, a
// function whose fact borrows it): then it is borrowed, and whoever started
// the goroutine still holds it (a *redis.PubSub handed to a goroutine that
// only reads from it).
func (fa *funcAnalysis) goEvents(instr *ssa.Go, emit func(event)) {
	c := instr.Common()
	callee, _ := fa.pkg.q.Resolve(c.Value)
	fn, bindings := ssaq.ClosureOf(callee)
	var fact *funcFact
	if f := ssaq.CalleeFunc(c); fn == nil && f != nil && !c.IsInvoke() {
		fact = fa.pkg.factOf(f)
	}
	borrowed := func(v ssa.Value, r aliasRef, input ssa.Value, param int) bool {
		switch {
		case fn != nil && input != nil:
			o := fa.obls[r.obl]
			return fa.effectOf(fn, input, r.kind, cellContent(o, r, v), o).kind == never
		case fact != nil && param >= 0:
			return has(fact.Borrows, param) && r.kind == direct
		}
		return false
	}
	give := func(vs []ssa.Value, input func(i int) ssa.Value, param func(i int) int) {
		for i, v := range vs {
			for _, r := range fa.aliasesOf(v) {
				if !borrowed(v, r, input(i), param(i)) {
					emit(event{kind: evHandOver, obl: r.obl, instr: instr})
				}
			}
		}
	}
	noInput := func(int) ssa.Value { return nil }
	noParam := func(int) int { return -1 }
	if fn != nil {
		give(bindings, func(i int) ssa.Value { return valueAt(fn.FreeVars, i) }, noParam)
		give(c.Args, func(i int) ssa.Value { return valueAt(fn.Params, i) }, noParam)
		return
	}
	give([]ssa.Value{c.Value}, noInput, noParam)
	give(c.Args, noInput, func(i int) int { return i })
}

// cellContent is what the variable cell v holds of o, when r, an alias of
// v, says v is a cell.
func cellContent(o *obligation, r aliasRef, v ssa.Value) aliasKind {
	if r.kind != cell {
		return 0
	}
	return o.aliases.content[v]
}

// valueAt returns vs[i] as a value, or nil past its end.
func valueAt[V ssa.Value](vs []V, i int) ssa.Value {
	if i < len(vs) {
		return vs[i]
	}
	return nil
}

// A giver emits the events of one call that gives resources back, now or
// deferred.
type giver struct {
	instr    ssa.Instruction
	deferred bool
	emit     func(event)
}

// release gives obligation obl back by method ("" for a closure, or where
// the call shows that nothing is held on the paths that go on).
func (g giver) release(obl int, method string) {
	kind := evRelease
	if g.deferred {
		kind = evDefer
	}
	g.emit(event{kind: kind, obl: obl, instr: g.instr, method: method})
}

// handOver hands obligation obl to someone who owns it now.
func (g giver) handOver(obl int) {
	kind := evHandOver
	if g.deferred {
		kind = evDefer
	}
	g.emit(event{kind: kind, obl: obl, instr: g.instr})
}

// callEvents classifies a call or deferred call (def != nil) by the kind
// of its callee: which obligations it releases or takes over, and whether
// it returns at all.
func (fa *funcAnalysis) callEvents(instr ssa.Instruction, c *ssa.CallCommon, def *ssa.Defer, emit func(event)) {
	g := giver{instr: instr, deferred: def != nil, emit: emit}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		fa.builtinCallEvents(b, c, g)
		return
	}
	// A function literal or a bound method: judge what its body does.
	// In naive form, a local variable holds it.
	callee, _ := fa.pkg.q.Resolve(c.Value)
	if fn, bindings := ssaq.ClosureOf(callee); fn != nil {
		fa.closureCallEvents(instr, fn, bindings, c.Args, def, emit)
		return
	}
	if !c.IsInvoke() && fa.releaseMethodEvents(c, g) {
		return
	}
	// A function with a fact: of this package or another.
	f := ssaq.CalleeFunc(c)
	if f != nil && !c.IsInvoke() {
		if fact := fa.pkg.factOf(f); fact != nil && !fa.undescribedArg(c, fact) {
			fa.factCallEvents(instr, c, f.Name(), fact, def, g)
			return
		}
	}
	// A function of this package without a fact, or whose fact does not
	// say what it does with a resource it is given (a parameter of an
	// interface type that cannot give it back, `p preparer`): judge what
	// its body does with what it is given.
	if callee := c.StaticCallee(); callee != nil && len(callee.Blocks) > 0 && callee.Pkg == fa.fn.Pkg && !c.IsInvoke() {
		fa.closureCallEvents(instr, callee, nil, c.Args, def, emit)
		return
	}
	switch {
	case f == nil && fa.cancelEvents(c, g):
	case f == nil:
		fa.funcValueCallEvents(c, g)
	case def == nil && fa.pkg.cat.isNoReturn(f):
		emit(event{kind: evNoReturn, obl: -1, instr: instr})
	case def == nil && fa.pkg.cat.failsTest(f):
		for i, o := range fa.obls {
			if fa.discarded(o) {
				g.release(i, "") // a discarded result on a failing test's path
			}
		}
	default:
		fa.opaqueCallEvents(c, f, g)
	}
}

// errorParam returns the parameter of fn that args pass o's error to, if
// one does.
func (fa *funcAnalysis) errorParam(fn *ssa.Function, args []ssa.Value, o *obligation) ssa.Value {
	if o.errv == nil {
		return nil
	}
	for j, a := range args {
		if v, _ := fa.pkg.q.Resolve(a); v == o.errv && j < len(fn.Params) {
			return fn.Params[j]
		}
	}
	return nil
}

// discarded reports whether the program discards o's resource where it
// acquires it (`_, err := db.Query(…)`, a call statement).
func (fa *funcAnalysis) discarded(o *obligation) bool {
	if o.call == nil || fa.pkg.syn == nil {
		return false
	}
	site := fa.pkg.syn.calls[o.call.Pos()]
	return site != nil && site.discards()
}

// undescribedArg reports whether the call of a function of this package
// passes a resource to a parameter that fact does not describe: its type
// is no resource type, so the fact holds nothing of it.
func (fa *funcAnalysis) undescribedArg(c *ssa.CallCommon, fact *funcFact) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg != fa.fn.Pkg || len(callee.Blocks) == 0 {
		return false
	}
	for i, a := range c.Args {
		if len(fa.aliasesOf(a)) == 0 || fact.describes(i) {
			continue
		}
		if i < len(callee.Params) && fa.pkg.paramResource(callee.Params[i].Type()) == nil {
			return true
		}
	}
	return false
}

// cancelEvents judges a call of the cancel function of a context that
// resources were acquired with (obligation.cancel): database/sql gives them
// back once it is done; and of the function an acquirer returned to give
// its resource back (obligation.releaser). Deferred, it covers them whenever they are
// acquired, as a deferred closure over their variable does. It reports
// whether c called such a function.
func (fa *funcAnalysis) cancelEvents(c *ssa.CallCommon, g giver) bool {
	fn, _ := fa.pkg.q.Resolve(c.Value)
	found := false
	for i, o := range fa.obls {
		if o.releaser != nil && o.releaser == fn {
			// The function its acquirer returned to give it back: a
			// release like a method's, deferred in a loop included.
			found = true
			g.release(i, "cancel")
			continue
		}
		if o.cancel == nil || o.cancel != fn {
			continue
		}
		found = true
		if g.deferred {
			g.emit(event{kind: evDefer, obl: i, instr: g.instr, byCell: true, method: "cancel"})
		} else {
			g.release(i, "cancel")
		}
	}
	return found
}

// builtinCallEvents: append and copy store what they are given in memory
// we do not follow.
func (fa *funcAnalysis) builtinCallEvents(b *ssa.Builtin, c *ssa.CallCommon, g giver) {
	switch b.Name() {
	case "append", "copy":
		for _, a := range c.Args {
			for _, r := range fa.aliasesOf(a) {
				g.handOver(r.obl)
			}
		}
	}
}

// releaseMethodEvents judges a release method called on the resource (also
// an owning struct's), statically. It reports whether that is all the call
// does: a release method with no argument but its receiver.
func (fa *funcAnalysis) releaseMethodEvents(c *ssa.CallCommon, g giver) bool {
	f := ssaq.CalleeFunc(c)
	if f == nil || f.Type().(*types.Signature).Recv() == nil || len(c.Args) == 0 {
		return false
	}
	released := false
	for _, r := range fa.aliasesOf(c.Args[0]) {
		o := fa.obls[r.obl]
		if r.kind == direct && releasedBy(o.res, o.typ, f) {
			g.release(r.obl, f.Name())
			released = true
		}
	}
	return released && len(c.Args) == 1
}

// funcValueCallEvents judges a call of a function value we cannot see. If
// the value is a closure holding the resource, suppose it releases it. An
// argument passed as a resource type, its own or an interface that is one
// (a callback `func(*sql.Tx) error`, `func(pgx.Tx) error`, the program's
// `func(Tx) error`) or as an interface that cannot give it back, is supposed
// borrowed: such callbacks use the resource, and its owner gives it back —
// unless the call is deferred: one defers a cleanup (`defer
// r.CloseConn(ctx, conn)`). One passed as an interface that can (an
// io.Closer) or as any is supposed handed over.
func (fa *funcAnalysis) funcValueCallEvents(c *ssa.CallCommon, g giver) {
	for _, r := range fa.aliasesOf(c.Value) {
		fa.couldNotJudge(g.instr.Pos(), "calls a function value that holds the resource; supposing it releases it")
		g.release(r.obl, "")
	}
	params := c.Signature().Params()
	for i, a := range c.Args {
		for _, r := range fa.aliasesOf(a) {
			if g.deferred || i >= params.Len() || !fa.borrowedAs(r, params.At(i).Type()) {
				g.handOver(r.obl)
			}
		}
	}
}

// borrowedAs reports whether a callback is supposed to borrow what r
// stands for when it is passed as a parameter of type t: t is not an
// interface; or it is the resource's own type or a resource type itself;
// or an interface with methods, none of which gives the resource back
// (`fn func(sqlx.ExecerContext) error` given a transaction).
func (fa *funcAnalysis) borrowedAs(r aliasRef, t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return true
	}
	if r.kind != direct {
		return false
	}
	o := fa.obls[r.obl]
	if types.Identical(t, o.typ) || fa.pkg.resourceOf(t) != nil {
		return true
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if releaseMethod(o.res, iface.Method(i).Name()) {
			return false
		}
	}
	return iface.NumMethods() > 0
}

// opaqueCallEvents judges a call of a function or method whose body we do
// not look into (a library's, an interface method): by the catalog, and
// otherwise by supposing it takes what it is given.
func (fa *funcAnalysis) opaqueCallEvents(c *ssa.CallCommon, f *types.Func, g giver) {
	if !g.deferred {
		// testify's require: what the test goes on with.
		if fa.pkg.cat.isAssertion(f) {
			fa.requireEvents(c, f, g.release)
		}
		fa.errorReleaseEvents(c, f, g.instr)
	}
	args := c.Args
	recv := ssaq.ReceiverOf(c)
	if recv != nil && !c.IsInvoke() {
		args = args[1:]
	}
	if recv != nil {
		fa.receiverEvents(c, f, recv, g)
	}
	key := ""
	if f.Pkg() != nil && fa.pkg.cat.packages[f.Pkg().Path()] {
		key = funcKey(f)
	}
	consumed, isConsumer := fa.pkg.cat.consumers[key]
	for i, a := range args {
		for _, r := range fa.aliasesOf(a) {
			switch {
			case isConsumer && i == consumed:
				g.release(r.obl, f.Name())
			case f.Pkg() != nil && fa.pkg.cat.borrowers[f.Pkg().Path()]:
				// Only looks at it.
			case r.kind == closure && !fa.closureMayRelease(a, r.obl):
				// A callback that only uses it: calling it releases nothing.
			case r.kind == closure && fa.mayNotRun(c, f, g.instr, r.obl):
				// sync.Once.Do of a goroutine racing others: where another
				// one ran its function first, what this one would have
				// handed over stays here.
			default:
				// An unknown callee: suppose it takes the resource over.
				g.handOver(r.obl)
			}
		}
	}
}

// errorReleaseEvents: a method of a resource whose error result, where it
// is not nil, says the resource holds nothing any more
// (knowledge.Resource.ErrorReleases: a failed Scan of pgx rows, a failed
// Append of a clickhouse-go batch, the Err of a *sql.Row whose query
// failed): it is released where the call's error is not nil.
func (fa *funcAnalysis) errorReleaseEvents(c *ssa.CallCommon, f *types.Func, instr ssa.Instruction) {
	recv := ssaq.ReceiverOf(c)
	if recv == nil {
		return
	}
	for _, r := range fa.aliasesOf(recv) {
		o := fa.obls[r.obl]
		if r.kind != direct || !slices.Contains(o.res.errorReleases, f.Name()) || methodOf(o.typ, f.Name()) == nil {
			continue
		}
		if errv := ssaq.CallError(instr); errv != nil {
			o.killOnErr = append(o.killOnErr, errv)
		}
	}
}

// receiverEvents judges what a method we do not look into does with its
// receiver recv: a release method releases it; a method of a struct or
// closure that holds the resource takes it.
func (fa *funcAnalysis) receiverEvents(c *ssa.CallCommon, f *types.Func, recv ssa.Value, g giver) {
	for _, r := range fa.aliasesOf(recv) {
		o := fa.obls[r.obl]
		switch {
		case r.kind != direct:
			g.handOver(r.obl)
		case c.IsInvoke() && releaseMethod(o.res, f.Name()) && methodOf(o.typ, f.Name()) != nil,
			!c.IsInvoke() && releasedBy(o.res, o.typ, f):
			g.release(r.obl, f.Name())
		}
	}
}

// factCallEvents judges a call by its callee's fact: a parameter it
// releases is given back; one it borrows is not; one it releases only when
// it fails is given back on the branch where the call's error is non-nil.
func (fa *funcAnalysis) factCallEvents(instr ssa.Instruction, c *ssa.CallCommon, name string, fact *funcFact, def *ssa.Defer, g giver) {
	release, handOver := g.release, g.handOver
	for i, a := range c.Args {
		for _, r := range fa.aliasesOf(a) {
			switch {
			case fact.passesThrough(i) && r.kind == direct:
				// Returned as it is, otherwise only used: the caller still
				// holds it, also through the result (aliases.go).
			case has(fact.Releases, i):
				release(r.obl, name)
			case has(fact.Borrows, i) && (r.kind == direct || r.kind == container):
				// Only uses it (or the struct that holds it: a method of an
				// owning struct that does not give it back).
			case has(fact.ReleasesOnError, i) && r.kind == direct && def == nil:
				if errv := ssaq.CallError(instr); errv != nil {
					o := fa.obls[r.obl]
					o.killOnErr = append(o.killOnErr, errv)
				}
			case has(fact.TakesOnSuccess, i) && r.kind == direct && def == nil:
				if errv := ssaq.CallError(instr); errv != nil {
					o := fa.obls[r.obl]
					o.killOnOK = append(o.killOnOK, errv)
				} else {
					handOver(r.obl) // its error is not looked at: suppose success
				}
			case r.kind == closure && def == nil && !fa.closureMayRelease(a, r.obl):
				// A callback that only uses it: calling it releases nothing.
			default:
				handOver(r.obl)
			}
		}
	}
}

// closureMayRelease reports whether the closure v, passed as a callback,
// could give obligation obl back when called: unless its body only uses
// what it captured, or it is not a closure we can see, suppose it does.
func (fa *funcAnalysis) closureMayRelease(v ssa.Value, obl int) bool {
	fn, bindings := ssaq.ClosureOf(v)
	if fn == nil {
		return true
	}
	o := fa.obls[obl]
	for j, b := range bindings {
		for _, r := range fa.aliasesOf(b) {
			if r.obl != obl || j >= len(fn.FreeVars) {
				continue
			}
			if fa.effectOf(fn, fn.FreeVars[j], r.kind, cellContent(o, r, b), o).kind != never {
				return true
			}
		}
	}
	return false
}

// requireEvents judges an assertion of testify's require, which stops the
// test when it fails: require.Error(t, err) on an acquisition's error means
// the acquisition failed on every path that goes on; require.False(t,
// rows.Next()) means the rows were read to their end.
func (fa *funcAnalysis) requireEvents(c *ssa.CallCommon, f *types.Func, release func(int, string)) {
	args := c.Args
	if !c.IsInvoke() && f.Type().(*types.Signature).Recv() == nil && len(args) > 0 {
		args = args[1:] // the testing.TB
	} else if f.Type().(*types.Signature).Recv() != nil && !c.IsInvoke() && len(args) > 0 {
		args = args[1:] // the *require.Assertions
	}
	if len(args) == 0 {
		return
	}
	v, _ := fa.pkg.q.Resolve(args[0])
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v, _ = fa.pkg.q.Resolve(mi.X)
	}
	switch {
	case fa.pkg.cat.assertsError[f.Name()]:
		for i, o := range fa.obls {
			if o.errv != nil && o.errv == v {
				release(i, "")
			}
		}
	case f.Name() == "False" || f.Name() == "Falsef":
		if call, ok := v.(*ssa.Call); ok {
			for i, o := range fa.obls {
				if o.res.nextCloses && fa.isNextCall(o, call.Common()) {
					release(i, "")
				}
			}
		}
	}
}

// closureCallEvents judges a call of a closure by the effect of its body
// for each captured value or argument that stands for a resource.
func (fa *funcAnalysis) closureCallEvents(instr ssa.Instruction, fn *ssa.Function, bindings, args []ssa.Value, def *ssa.Defer, emit func(event)) {
	inputs := func(outer []ssa.Value, inner func(i int) ssa.Value) {
		for i, v := range outer {
			for _, r := range fa.aliasesOf(v) {
				o := fa.obls[r.obl]
				content := aliasKind(0)
				if r.kind == cell {
					if rv, _ := fa.pkg.q.Resolve(v); rv == v {
						content = o.aliases.content[v]
					}
				}
				in := inner(i)
				if in == nil {
					continue
				}
				s := fa.effectOf(fn, in, r.kind, content, o)
				if errp := fa.errorParam(fn, args, o); errp != nil && def == nil && s.kind == always && in != nil {
					// Called now with the acquisition's results (`h(tx.QueryContext(ctx,
					// q))`): what it does where their error is nil.
					s = fa.effectWhereNil(fn, in, r.kind, content, o, errp)
				}
				switch {
				case s.kind == never:
				case def == nil:
					// Called now: conditional releases count as releases;
					// we would rather miss a leak than invent one.
					emit(event{kind: evRelease, obl: r.obl, instr: instr})
				case s.kind == always:
					emit(event{kind: evDefer, obl: r.obl, instr: instr, byCell: r.kind == cell, method: s.method})
				default:
					mc := instr.(*ssa.Defer).Call.Value.(*ssa.MakeClosure)
					cond := &condition{cell: mc.Bindings[s.freeVar], want: s.want}
					emit(event{kind: evDefer, obl: r.obl, instr: instr, byCell: r.kind == cell, cond: cond, method: s.method})
				}
			}
		}
	}
	inputs(bindings, func(i int) ssa.Value {
		if i < len(fn.FreeVars) {
			return fn.FreeVars[i]
		}
		return nil
	})
	inputs(args, func(i int) ssa.Value {
		if i < len(fn.Params) {
			return fn.Params[i]
		}
		return nil
	})
}

// mayNotRun reports whether the function argument of the call c of f may
// not run at all, so that what it would do with the resource of
// obligation obl does not count: f runs its function at most once per
// value (knowledge.Library.RunsAtMostOnce, sync.Once.Do), the value is one
// the goroutine calling it shares with the others its starter starts in a
// loop (captured from the function that starts it), and the resource was
// acquired in that goroutine. The goroutines race to run the function
// first (go-redis v9.19.0's sentinelFailover.MasterAddr, fixed in
// v9.20.0: each goroutine's sentinel client was kept only by the
// winner's). A Once of the function itself or of a struct, or one a
// single goroutine uses, is left alone: its first call runs the function.
func (fa *funcAnalysis) mayNotRun(c *ssa.CallCommon, f *types.Func, instr ssa.Instruction, obl int) bool {
	if !fa.pkg.cat.runsAtMostOnce[funcKey(f)] || instr == nil {
		return false
	}
	fn := instr.Parent()
	o := fa.obls[obl]
	if o.call == nil || o.call.Parent() != fn || !fa.startedInLoop(fn) {
		return false
	}
	recv, _ := fa.pkg.q.Resolve(ssaq.ReceiverOf(c))
	_, shared := recv.(*ssa.FreeVar)
	return shared
}

// startedInLoop reports whether fn is a function literal that the
// function declaring it starts with a go statement inside a loop: more
// than one goroutine runs it.
func (fa *funcAnalysis) startedInLoop(fn *ssa.Function) bool {
	parent := fn.Parent()
	if parent == nil {
		return false
	}
	for g := range ssaq.Instrs[*ssa.Go](parent) {
		if started, _ := ssaq.ClosureOf(g.Call.Value); started == fn && fa.pkg.q.Loops(parent).InLoop(g.Block()) {
			return true
		}
	}
	return false
}
