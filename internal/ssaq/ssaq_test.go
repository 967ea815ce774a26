package ssaq

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// The tests build testdata/p.go in both SSA forms and ask about the values
// and blocks its functions mark with calls to sink, sinkErr and sinkBool.

const srcFile = "testdata/p.go"

var (
	fset  = token.NewFileSet()
	built = map[ssa.BuilderMode]*ssa.Package{}
)

// forms are the two forms a package is built in: lifted (the default) and
// naive, where local variables stay in memory.
var forms = []struct {
	name  string
	mode  ssa.BuilderMode
	naive bool
}{{"lifted", 0, false}, {"naive", ssa.NaiveForm, true}}

// build returns testdata/p.go built in mode, built at the first call.
func build(t *testing.T, mode ssa.BuilderMode) *ssa.Package {
	t.Helper()
	if pkg := built[mode]; pkg != nil {
		return pkg
	}
	f, err := parser.ParseFile(fset, srcFile, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: importer.Default()}
	pkg, _, err := ssautil.BuildPackage(conf, fset, types.NewPackage("p", "p"), []*ast.File{f}, mode)
	if err != nil {
		t.Fatal(err)
	}
	built[mode] = pkg
	return pkg
}

// fnOf returns the function called name (a literal: "f$1") built in mode.
func fnOf(t *testing.T, mode ssa.BuilderMode, name string) *ssa.Function {
	t.Helper()
	base, _, _ := strings.Cut(name, "$")
	var find func(fn *ssa.Function) *ssa.Function
	find = func(fn *ssa.Function) *ssa.Function {
		if fn.Name() == name {
			return fn
		}
		for _, anon := range fn.AnonFuncs {
			if f := find(anon); f != nil {
				return f
			}
		}
		return nil
	}
	if fn := build(t, mode).Func(base); fn != nil {
		if f := find(fn); f != nil {
			return f
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

// instrs returns the instructions of type T of fn, in block order.
func instrs[T ssa.Instruction](fn *ssa.Function) []T {
	var out []T
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if x, ok := instr.(T); ok {
				out = append(out, x)
			}
		}
	}
	return out
}

// calleeName names what a call calls, without the code under test.
func calleeName(c *ssa.CallCommon) string {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return b.Name()
	}
	if c.IsInvoke() {
		return c.Method.Name()
	}
	if f := c.StaticCallee(); f != nil {
		return f.Name()
	}
	return ""
}

// calls returns the calls written in fn, in source order.
func calls(fn *ssa.Function) []*ssa.Call {
	out := slices.DeleteFunc(instrs[*ssa.Call](fn), func(c *ssa.Call) bool { return !c.Pos().IsValid() })
	slices.SortFunc(out, func(a, b *ssa.Call) int { return int(a.Pos() - b.Pos()) })
	return out
}

// callTo returns the n-th call of fn, in source order, to the function
// called name.
func callTo(t *testing.T, fn *ssa.Function, name string, n int) *ssa.Call {
	t.Helper()
	for _, c := range calls(fn) {
		if calleeName(c.Common()) == name {
			if n == 0 {
				return c
			}
			n--
		}
	}
	t.Fatalf("%s: no such call to %s", fn.Name(), name)
	return nil
}

// mark is the n-th call to a sink of fn: the value it is given is asked
// about where the call is.
type mark struct {
	sink string
	n    int
}

func (m mark) arg(t *testing.T, fn *ssa.Function) (ssa.Value, *ssa.BasicBlock) {
	t.Helper()
	c := callTo(t, fn, m.sink, m.n)
	return c.Call.Args[0], c.Block()
}

func (m mark) block(t *testing.T, fn *ssa.Function) *ssa.BasicBlock {
	t.Helper()
	_, b := m.arg(t, fn)
	return b
}

// sinks are the n-th calls to sink.
func sinkN(n int) mark { return mark{"sink", n} }

// branch returns the n-th If of fn in block order.
func branch(t *testing.T, fn *ssa.Function, n int) *ssa.If {
	t.Helper()
	ifs := instrs[*ssa.If](fn)
	if n >= len(ifs) {
		t.Fatalf("%s has %d branches", fn.Name(), len(ifs))
	}
	return ifs[n]
}

// storeOf returns the store of the integer constant val in fn.
func storeOf(t *testing.T, fn *ssa.Function, val int64) *ssa.Store {
	t.Helper()
	for _, s := range instrs[*ssa.Store](fn) {
		if c, ok := s.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int && c.Int64() == val {
			return s
		}
	}
	t.Fatalf("%s stores no %d", fn.Name(), val)
	return nil
}

// show describes v for a comparison: a constant by its value, the value
// asked about as "self", others by their name.
func show(v, self ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok {
		if c.Value == nil {
			return "nil"
		}
		return c.Value.String()
	}
	switch v {
	case nil:
		return "<nil>"
	case self:
		return "self"
	}
	return v.Name()
}

// eachForm runs f as a subtest for each SSA form.
func eachForm(t *testing.T, f func(t *testing.T, mode ssa.BuilderMode, naive bool)) {
	for _, form := range forms {
		t.Run(form.name, func(t *testing.T) { f(t, form.mode, form.naive) })
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		fn        string
		at        mark
		naiveOnly bool // only naive form keeps the variable in memory
		sole      bool // NewIndex(sole): resolve variables stored once
		want      string
		atEntry   bool
	}{
		{fn: "sameBlock", at: sinkN(0), want: "2"},
		{fn: "chain", at: sinkN(0), naiveOnly: true, want: "1"},
		{fn: "throughPreds", at: sinkN(0), naiveOnly: true, want: "2"},
		{fn: "acrossMerge", at: sinkN(0), sole: true, want: "self"},
		{fn: "storedOnce", at: sinkN(0), naiveOnly: true, want: "self"},
		{fn: "storedOnce", at: sinkN(0), naiveOnly: true, sole: true, want: "1"},
		// Stored twice: the second store dominates the load, but only
		// variables stored once are resolved across a merge.
		{fn: "storedTwice", at: sinkN(0), naiveOnly: true, sole: true, want: "self"},
		{fn: "addrPassed", at: sinkN(0), sole: true, want: "self"},
		{fn: "capturedCalled", at: sinkN(0), sole: true, want: "self"},
		{fn: "freeVar$1", at: sinkN(0), sole: true, want: "self", atEntry: true},
		{fn: "freeVar$1", at: sinkN(1), sole: true, want: "3"},
		{fn: "freeVar", at: sinkN(0), sole: true, want: "self"},
		{fn: "global", at: sinkN(0), sole: true, want: "self"},
	} {
		for _, form := range forms {
			if tc.naiveOnly && !form.naive {
				continue
			}
			fn := fnOf(t, form.mode, tc.fn)
			v, _ := tc.at.arg(t, fn)
			got, atEntry := NewIndex(tc.sole).Resolve(v)
			if show(got, v) != tc.want || atEntry != tc.atEntry {
				t.Errorf("%s %s, NewIndex(%v): Resolve(%s) = %s, %v; want %s, %v",
					form.name, tc.fn, tc.sole, v, show(got, v), atEntry, tc.want, tc.atEntry)
			}
		}
	}
}

func TestReachingStore(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// x := 1; setp(&x); sink(x): the call may write x.
		fn := fnOf(t, mode, "addrPassed")
		load, _ := sinkN(0).arg(t, fn)
		addr := load.(*ssa.UnOp).X
		setp := callTo(t, fn, "setp", 0)
		b := setp.Block()
		if v, found, stop := ReachingStoreInBlock(addr, b, IndexOf(load.(*ssa.UnOp))); v != nil || found || !stop {
			t.Errorf("after setp(&x): ReachingStoreInBlock = %v, %v, %v; want a stop", v, found, stop)
		}
		if v, found, stop := ReachingStoreInBlock(addr, b, IndexOf(setp)); show(v, nil) != "1" || !found || stop {
			t.Errorf("before setp(&x): ReachingStoreInBlock = %v, %v, %v; want 1 found", v, found, stop)
		}
		if v, found, atEntry := NewIndex(naive).ReachingStore(addr, b, IndexOf(load.(*ssa.UnOp))); v != nil || found || atEntry {
			t.Errorf("after setp(&x): ReachingStore = %v, %v, %v; want nothing, not at entry", v, found, atEntry)
		}

		// A free variable read before the literal stores to it.
		lit := fnOf(t, mode, "freeVar$1")
		x := lit.FreeVars[0]
		if v, found, atEntry := NewIndex(naive).ReachingStore(x, lit.Blocks[0], 0); v != nil || found || !atEntry {
			t.Errorf("free variable at entry: ReachingStore = %v, %v, %v; want at entry", v, found, atEntry)
		}
	})
}

func TestLocalBase(t *testing.T) {
	// The stores of 1 to 5 in bases write through s.f, a[i], sc.f, p.f and
	// q.f; "" is no local base.
	want := map[int64]string{1: "s", 2: "a", 3: "complit", 4: "", 5: ""}
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "bases")
		for val, w := range want {
			store := storeOf(t, fn, val)
			got := NewIndex(naive).LocalBase(store.Addr)
			name := ""
			if got != nil {
				name = got.Comment
			}
			if name != w {
				t.Errorf("LocalBase of the store of %d = %v (%q); want %q", val, got, name, w)
			}
			// &S{} is the base of sc.f, not sc.
			if w == "complit" && got != nil && !types.Identical(got.Type(), types.NewPointer(build(t, mode).Pkg.Scope().Lookup("S").Type())) {
				t.Errorf("LocalBase of sc.f has type %s, want *S", got.Type())
			}
		}
	})
}

func TestValueAt(t *testing.T) {
	for _, tc := range []struct {
		fn         string
		at         mark
		want       Truth
		liftedOnly bool // in naive form, nok := !ok is a variable: its load tells nothing of ok
	}{
		{"errCheck", mark{"sinkErr", 0}, Unknown, false},
		{"errCheck", mark{"sinkErr", 1}, True, false},
		{"errCheck", mark{"sinkErr", 2}, False, false},
		{"errEq", mark{"sinkErr", 0}, False, false},
		{"errEq", mark{"sinkErr", 1}, True, false},
		{"errEq", mark{"sinkErr", 2}, Unknown, false},
		{"nearest", mark{"sinkErr", 0}, False, false},
		{"untold", mark{"sinkErr", 0}, Unknown, false},
		{"untold", mark{"sinkErr", 1}, Unknown, false},
		{"nots", mark{"sinkBool", 0}, False, true},
		{"nots", mark{"sinkBool", 1}, True, true},
		{"nots", mark{"sinkBool", 2}, True, false},
		{"notNil", mark{"sinkErr", 0}, False, true},
		{"notNil", mark{"sinkErr", 1}, True, true},
		{"consts", mark{"sinkErr", 0}, False, false},
		{"consts", mark{"sinkBool", 0}, True, false},
		{"consts", mark{"sinkBool", 1}, False, false},
		{"consts", sinkN(0), Unknown, false},
		{"nonNil", mark{"sinkErr", 0}, True, false},
		{"nonNil", mark{"sinkErr", 1}, True, false},
		{"nonNil", mark{"sinkErr", 2}, True, false},
		{"nonNil", mark{"sinkErr", 3}, True, false},
		{"nonNil", mark{"sinkErr", 4}, Unknown, false},
	} {
		for _, form := range forms {
			if tc.liftedOnly && form.naive {
				continue
			}
			fn := fnOf(t, form.mode, tc.fn)
			v, b := tc.at.arg(t, fn)
			if got := NewIndex(form.naive).ValueAt(v, b); got != tc.want {
				t.Errorf("%s %s: ValueAt(%s) at %s#%d = %v; want %v", form.name, tc.fn, v, tc.at.sink, tc.at.n, got, tc.want)
			}
		}
	}
}

// call returns the first call to name in fn, param the i-th parameter.
func call(name string) func(*testing.T, *ssa.Function) ssa.Value {
	return func(t *testing.T, fn *ssa.Function) ssa.Value { return callTo(t, fn, name, 0) }
}

func param(i int) func(*testing.T, *ssa.Function) ssa.Value {
	return func(_ *testing.T, fn *ssa.Function) ssa.Value { return fn.Params[i] }
}

func TestCondImplies(t *testing.T) {
	for _, tc := range []struct {
		fn         string
		branch     int // the n-th If, in block order
		onTrue     bool
		v          func(*testing.T, *ssa.Function) ssa.Value
		want       Truth
		liftedOnly bool
	}{
		{"errCheck", 0, true, call("mayFail"), True, false},
		{"errCheck", 0, false, call("mayFail"), False, false},
		{"errCheck", 0, true, call("sinkErr"), Unknown, false},
		{"errEq", 0, true, call("mayFail"), False, false},
		{"errEq", 0, false, call("mayFail"), True, false},
		{"nots", 0, true, param(0), False, true},
		{"nots", 0, false, param(0), True, true},
		{"nots", 1, true, param(0), True, true},
		{"nots", 1, false, param(0), False, true},
		{"doms", 0, true, param(1), Unknown, true},
	} {
		for _, form := range forms {
			if tc.liftedOnly && form.naive {
				continue
			}
			fn := fnOf(t, form.mode, tc.fn)
			cond := branch(t, fn, tc.branch).Cond
			v := tc.v(t, fn)
			if got := NewIndex(form.naive).CondImplies(cond, tc.onTrue, v); got != tc.want {
				t.Errorf("%s %s: CondImplies(%s, %v, %s) = %v; want %v", form.name, tc.fn, cond, tc.onTrue, v, got, tc.want)
			}
		}
	}
}

func TestNilCompare(t *testing.T) {
	for _, tc := range []struct {
		fn        string
		branch    int
		ok        bool
		trueIsNil bool
	}{
		{"errCheck", 0, true, false}, // err != nil
		{"errEq", 0, true, true},     // nil == err
		{"eqNoNil", 0, false, false}, // a == b
		{"forLoop", 0, false, false}, // i < n
	} {
		eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
			fn := fnOf(t, mode, tc.fn)
			x, trueIsNil, ok := NewIndex(naive).NilCompare(branch(t, fn, tc.branch).Cond)
			if ok != tc.ok || trueIsNil != tc.trueIsNil {
				t.Errorf("%s: NilCompare = %v, %v, %v; want %v, %v", tc.fn, x, trueIsNil, ok, tc.trueIsNil, tc.ok)
			}
			// x is resolved to the value compared: the error mayFail returns.
			if ok && x != callTo(t, fn, "mayFail", 0) {
				t.Errorf("%s: NilCompare compares %v, not the result of mayFail", tc.fn, x)
			}
		})
	}
}

func TestKnownNonNil(t *testing.T) {
	// fmt.Errorf, errors.New, a sentinel, &myErr{} as an error; mayFail()
	// and the int global gInt.
	want := []bool{true, true, true, true, false}
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "nonNil")
		for n, w := range want {
			if v, _ := (mark{"sinkErr", n}).arg(t, fn); KnownNonNil(v) != w {
				t.Errorf("KnownNonNil(%s) = %v", v, !w)
			}
		}
		if v, _ := sinkN(0).arg(t, fn); KnownNonNil(v) {
			t.Errorf("KnownNonNil(%s) for a global int", v)
		}
	})
}

func TestStripNot(t *testing.T) {
	fn := fnOf(t, 0, "nots")
	ok := fn.Params[0]
	notNot, _ := (mark{"sinkBool", 3}).arg(t, fn)
	for _, tc := range []struct {
		v       ssa.Value
		negated bool
	}{
		{branch(t, fn, 0).Cond, true}, // !ok
		{notNot, false},               // !!ok
		{ok, false},
	} {
		if got, negated := StripNot(tc.v); got != ok || negated != tc.negated {
			t.Errorf("StripNot(%s) = %s, %v; want ok, %v", tc.v, got, negated, tc.negated)
		}
	}
}

func TestIsNil(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "consts")
		for _, tc := range []struct {
			at   mark
			want bool
		}{{mark{"sinkErr", 0}, true}, {mark{"sinkBool", 1}, false}, {sinkN(0), false}} {
			if v, _ := tc.at.arg(t, fn); IsNil(v) != tc.want {
				t.Errorf("IsNil(%s) = %v", v, !tc.want)
			}
		}
	})
	if IsNil(fnOf(t, 0, "notNil").Params[0]) {
		t.Error("IsNil of a parameter")
	}
}

func TestClosingBranch(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "errCheck")
		entry := fn.Blocks[0]
		if got := ClosingBranch(entry); got == nil || got != entry.Instrs[len(entry.Instrs)-1] {
			t.Errorf("ClosingBranch(entry of errCheck) = %v; want its If", got)
		}
		if got := ClosingBranch((mark{"sinkErr", 1}).block(t, fn)); got != nil {
			t.Errorf("ClosingBranch of a block that returns = %v", got)
		}
		if got := ClosingBranch(fnOf(t, mode, "forLoop").Blocks[0]); got != nil {
			t.Errorf("ClosingBranch of a block that jumps = %v", got)
		}
	})
}

func TestDominatingBranches(t *testing.T) {
	// if a { if c {…}; if b {…} else { sink(3) } }
	fn := fnOf(t, 0, "doms")
	a, b := fn.Params[0], fn.Params[1]
	type edge struct {
		cond   ssa.Value
		onTrue bool
	}
	var got []edge
	for branch, onTrue := range DominatingBranches(sinkN(0).block(t, fn)) {
		got = append(got, edge{branch.Cond, onTrue})
	}
	if want := []edge{{b, false}, {a, true}}; !slices.Equal(got, want) {
		t.Errorf("DominatingBranches(sink) = %v; want %v", got, want)
	}
	for branch := range DominatingBranches(sinkN(0).block(t, fn)) {
		if branch.Cond != b {
			t.Errorf("first dominating branch tests %s, want b", branch.Cond)
		}
		break
	}
	for branch := range DominatingBranches(fn.Blocks[0]) {
		t.Errorf("the entry block is dominated by %s", branch)
	}
}

func TestLoops(t *testing.T) {
	type pair struct {
		a, b     int // sinks
		together bool
	}
	for _, tc := range []struct {
		fn       string
		inLoop   []bool // of each sink
		together []pair
	}{
		{"straight", []bool{false}, []pair{{0, 0, false}}},
		{"forLoop", []bool{false, true, false}, []pair{{1, 1, true}, {0, 2, false}, {0, 0, false}}},
		{"nestedLoops", []bool{true, true, false}, []pair{{0, 1, true}, {1, 2, false}}},
		{"twoLoops", []bool{true, true}, []pair{{0, 1, false}, {0, 0, true}}},
		{"selfLoop", []bool{false}, nil},
	} {
		eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
			fn := fnOf(t, mode, tc.fn)
			l := FindLoops(fn)
			for n, want := range tc.inLoop {
				if got := l.InLoop(sinkN(n).block(t, fn)); got != want {
					t.Errorf("%s: InLoop(sink %d) = %v", tc.fn, n, got)
				}
			}
			for _, p := range tc.together {
				if got := l.Together(sinkN(p.a).block(t, fn), sinkN(p.b).block(t, fn)); got != p.together {
					t.Errorf("%s: Together(sink %d, sink %d) = %v", tc.fn, p.a, p.b, got)
				}
			}
		})
	}
	// for !done() {}: the block that calls done jumps to itself.
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "selfLoop")
		b := callTo(t, fn, "done", 0).Block()
		if !slices.Contains(b.Succs, b) {
			t.Fatalf("selfLoop: %s is no self-loop", b)
		}
		l := FindLoops(fn)
		if !l.InLoop(b) || !l.Together(b, b) || l.Together(b, fn.Blocks[0]) {
			t.Errorf("selfLoop: InLoop = %v, Together with itself = %v, with the entry = %v",
				l.InLoop(b), l.Together(b, b), l.Together(b, fn.Blocks[0]))
		}
	})
}

func TestIndexLoops(t *testing.T) {
	q := NewIndex(false)
	fn := fnOf(t, 0, "forLoop")
	l := q.Loops(fn)
	if l == nil || q.Loops(fn) != l {
		t.Errorf("Index.Loops found the loops again")
	}
	if !l.InLoop(sinkN(1).block(t, fn)) {
		t.Errorf("Index.Loops: the loop body is not in a loop")
	}
	if q.Loops(fnOf(t, 0, "straight")) == l {
		t.Errorf("Index.Loops gave forLoop's loops for another function")
	}
}

func TestPredIndexAndIndexOf(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "diamond")
		then, els, done := sinkN(0).block(t, fn), sinkN(1).block(t, fn), sinkN(2).block(t, fn)
		kt, ke := PredIndex(done, then), PredIndex(done, els)
		if kt == ke || kt >= len(done.Preds) || ke >= len(done.Preds) || done.Preds[kt] != then || done.Preds[ke] != els {
			t.Errorf("PredIndex(done, then) = %d, PredIndex(done, else) = %d; preds %v", kt, ke, done.Preds)
		}
		if got := PredIndex(done, fn.Blocks[0]); got != len(done.Preds) {
			t.Errorf("PredIndex of a block that is no predecessor = %d; want %d", got, len(done.Preds))
		}
		for _, b := range fn.Blocks {
			for i, instr := range b.Instrs {
				if got := IndexOf(instr); got != i {
					t.Errorf("IndexOf(%s) = %d; want %d", instr, got, i)
				}
			}
		}
	})
}

func TestBefore(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// other(); if c { sink(1) } else { sink(2) }; sink(3)
		fn := fnOf(t, mode, "diamond")
		other := callTo(t, fn, "other", 0)
		then, done := callTo(t, fn, "sink", 0), callTo(t, fn, "sink", 2)
		for _, tc := range []struct {
			x    ssa.Instruction
			at   ssa.Instruction
			plus int // end is the index of at plus this
			want bool
		}{
			{other, done, 0, true},   // in a dominating block
			{then, done, 0, false},   // on one path only
			{done, other, 0, false},  // below
			{other, other, 0, false}, // not before itself
			{other, other, 1, true},  // earlier in the block
			{done, done, 1, true},    // the same, in another block
			{then, then, -IndexOf(then), false},
		} {
			if got := Before(tc.x, tc.at.Block(), IndexOf(tc.at)+tc.plus); got != tc.want {
				t.Errorf("Before(%s, %s+%d) = %v", tc.x, tc.at, tc.plus, got)
			}
		}
	})
}

func TestMergeAbove(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// x := 1; if c { x = 2 }; sink(x); if d { sink(x) }; x = 3; sink(x);
		// setp(&x); sink(x)
		fn := fnOf(t, mode, "merges")
		merge := sinkN(0).block(t, fn)
		for n, want := range []*ssa.BasicBlock{merge, merge, nil, nil} {
			load, b := sinkN(n).arg(t, fn)
			ld := load.(*ssa.UnOp)
			if got := MergeAbove(ld.X, b, IndexOf(ld)); got != want {
				t.Errorf("MergeAbove(x) at sink %d = %v; want %v", n, got, want)
			}
		}
		// A free variable read in the literal's entry block: no merge.
		lit := fnOf(t, mode, "freeVar$1")
		if got := MergeAbove(lit.FreeVars[0], lit.Blocks[0], 0); got != nil {
			t.Errorf("MergeAbove at the entry = %v; want nil", got)
		}
	})
}

func TestReachesAvoiding(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// if c { if d { sink(1) } }; sink(2)
		fn := fnOf(t, mode, "deep")
		entry, inner, after := fn.Blocks[0], sinkN(0).block(t, fn), sinkN(1).block(t, fn)
		outer := inner.Preds[0] // the block of if d
		loop := fnOf(t, mode, "forLoop")
		body, exit := sinkN(1).block(t, loop), sinkN(2).block(t, loop)
		for _, tc := range []struct {
			from, to, avoid *ssa.BasicBlock
			want            bool
		}{
			{entry, inner, nil, true},
			{entry, inner, outer, false},
			{entry, inner, inner, false},
			{entry, after, outer, true},
			{inner, outer, nil, false},
			{outer, outer, entry, true},
			{body, body.Preds[0], nil, true}, // around the loop
			{body, exit, body.Preds[0], false},
			{exit, body, nil, false},
		} {
			if got := ReachesAvoiding(tc.from, tc.to, tc.avoid); got != tc.want {
				t.Errorf("ReachesAvoiding(%v, %v, %v) = %v", tc.from, tc.to, tc.avoid, got)
			}
		}
	})
}

func TestReturnsAtOnce(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// if c { return }; other()
		fn := fnOf(t, mode, "early")
		then := fn.Blocks[0].Succs[0]
		if !ReturnsAtOnce(then) {
			t.Errorf("%s does not return at once: %v", then, then.Instrs)
		}
		if b := callTo(t, fn, "other", 0).Block(); ReturnsAtOnce(b) {
			t.Errorf("%s, which calls other, returns at once", b)
		}
		if ReturnsAtOnce(fn.Blocks[0]) {
			t.Errorf("the entry block, which branches, returns at once")
		}
	})
}

// offsetOf returns the offset of text in testdata/p.go.
func offsetOf(t *testing.T, text string) int {
	t.Helper()
	src, err := os.ReadFile(srcFile)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), text)
	if i < 0 || strings.Count(string(src), text) != 1 {
		t.Fatalf("%q is not once in %s", text, srcFile)
	}
	return i
}

func TestReturnPosAndEndPos(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		for _, tc := range []struct {
			fn       string
			ret      int // the n-th Return in block order
			at       string
			implicit bool
		}{
			{"implicitReturn", 0, "} // implicitReturn ends", true},
			{"explicitReturn", 0, "return 1", false},
		} {
			fn := fnOf(t, mode, tc.fn)
			var ret *ssa.Return
			for _, r := range instrs[*ssa.Return](fn) {
				if r.Block() != fn.Recover {
					ret = r
					break
				}
			}
			pos, implicit := ReturnPos(fn, ret)
			if fset.Position(pos).Offset != offsetOf(t, tc.at) || implicit != tc.implicit {
				t.Errorf("%s: ReturnPos = %s, %v; want at %q, %v", tc.fn, fset.Position(pos), implicit, tc.at, tc.implicit)
			}
		}
		lit := fnOf(t, mode, "explicitReturn$1")
		if pos := EndPos(lit); fset.Position(pos).Offset != offsetOf(t, "} // literal ends") {
			t.Errorf("EndPos of a literal = %s", fset.Position(pos))
		}
		// A synthetic function has no body: its position.
		bound := instrs[*ssa.MakeClosure](fnOf(t, mode, "closures"))[1].Fn.(*ssa.Function)
		if bound.Syntax() != nil || EndPos(bound) != bound.Pos() {
			t.Errorf("EndPos(%s) = %v; want %v", bound, EndPos(bound), bound.Pos())
		}
	})
}

func TestCalleeFuncAndReceiverOf(t *testing.T) {
	// callees(e error, s S, p *S, f func()): other(); e.Error(); s.M();
	// p.PM(); f(); func() {}(); gen(1); println(1); bx.Get()
	callees := []string{"p.other", "(error).Error", "(p.S).M", "(*p.S).PM", "", "", "p.gen", "", "(*p.Box[T]).Get"}
	receivers := []string{"", "e", "s", "p", "", "", "", "", "bx"}
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "callees")
		cs := calls(fn)
		if len(cs) != len(callees) {
			t.Fatalf("callees makes %d calls: %v", len(cs), cs)
		}
		for i, c := range cs {
			name := ""
			if f := CalleeFunc(c.Common()); f != nil {
				name = f.FullName()
				if f.Origin() != f {
					t.Errorf("CalleeFunc(%s) is an instance, not the generic function", c)
				}
			}
			if name != callees[i] {
				t.Errorf("CalleeFunc(%s) = %q; want %q", c, name, callees[i])
			}
			// In naive form the receiver is loaded from the parameter's
			// variable: resolve it.
			recv, _ := NewIndex(naive).Resolve(ReceiverOf(c.Common()))
			got := ""
			switch recv := recv.(type) {
			case *ssa.Parameter:
				got = recv.Name()
			case *ssa.Alloc:
				got = recv.Comment
			case nil:
			default:
				got = recv.String()
			}
			if got != receivers[i] {
				t.Errorf("ReceiverOf(%s) = %q; want %q", c, got, receivers[i])
			}
		}
	})
}

func TestCallError(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "results")
		// n, err := two(): the second result.
		two := callTo(t, fn, "two", 0)
		if ex, ok := CallError(two).(*ssa.Extract); !ok || ex.Tuple != two || ex.Index != 1 {
			t.Errorf("CallError(%s) = %v; want its extract #1", two, CallError(two))
		}
		// err = mayFail(): the call itself.
		if may := callTo(t, fn, "mayFail", 0); CallError(may) != may {
			t.Errorf("CallError(%s) = %v; want the call", may, CallError(may))
		}
		// No error: a result of type *myErr, no result at all, a go
		// statement.
		for _, instr := range []ssa.Instruction{callTo(t, fn, "concrete", 0), callTo(t, fn, "other", 0), instrs[*ssa.Go](fn)[0]} {
			if got := CallError(instr); got != nil {
				t.Errorf("CallError(%s) = %v; want nil", instr, got)
			}
		}
	})
}

func TestClosureOf(t *testing.T) {
	// closures(s S): f := func() { x = 2 }; g := s.M; h := func() {};
	// k := other; f(); g(); h(); k()
	fn := fnOf(t, 0, "closures")
	s := fn.Params[0]
	x := instrs[*ssa.Alloc](fn)[0]
	for _, tc := range []struct {
		callee   string // the function called
		fn       string // ClosureOf's function, "" for none
		bindings []ssa.Value
	}{
		{"closures$1", "closures$1", []ssa.Value{x}},
		{"M$bound", "M$bound", []ssa.Value{s}},
		{"closures$2", "closures$2", nil},
		{"other", "", nil},
	} {
		v := callTo(t, fn, tc.callee, 0).Call.Value
		got, bindings := ClosureOf(v)
		name := ""
		if got != nil {
			name = got.Name()
		}
		if name != tc.fn || !slices.Equal(bindings, tc.bindings) {
			t.Errorf("ClosureOf(%s) = %s, %v; want %s, %v", v, name, bindings, tc.fn, tc.bindings)
		}
	}
	// A closure or bound method called names no function; a function value
	// that is a declared function does.
	for callee, want := range map[string]string{"closures$1": "", "M$bound": "", "closures$2": "", "other": "p.other"} {
		name := ""
		if f := CalleeFunc(callTo(t, fn, callee, 0).Common()); f != nil {
			name = f.FullName()
		}
		if name != want {
			t.Errorf("CalleeFunc(call of %s) = %q; want %q", callee, name, want)
		}
	}
	if got, bindings := ClosureOf(s); got != nil || bindings != nil {
		t.Errorf("ClosureOf(a parameter) = %v, %v", got, bindings)
	}
}

func TestCalledWhereMade(t *testing.T) {
	for _, tc := range []struct {
		fn            string
		lifted, naive bool
	}{
		{"made$1", true, true},   // func() {…}()
		{"made$2", false, false}, // f := func() {…}; f(); f()
		{"made$3", false, false}, // run(func() {…})
		{"made$4", false, false}, // defer func() {…}()
		{"made$5", true, true},   // func() { x = 2 }(), a closure
		{"made$6", true, false},  // g := func() {…}; g(): through a variable in naive form
	} {
		for _, form := range forms {
			want := tc.lifted
			if form.naive {
				want = tc.naive
			}
			if got := CalledWhereMade(fnOf(t, form.mode, tc.fn)); got != want {
				t.Errorf("%s: CalledWhereMade(%s) = %v", form.name, tc.fn, got)
			}
		}
	}
}

func TestDefersRecover(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		for fn, want := range map[string]bool{
			"recovers":        true,
			"defersNoRecover": false,
			"defersHelper":    false, // a declared function, not a literal
			"straight":        false,
		} {
			if got := DefersRecover(fnOf(t, mode, fn)); got != want {
				t.Errorf("DefersRecover(%s) = %v", fn, got)
			}
		}
		lit := fnOf(t, mode, "recovers$1")
		if rec := callTo(t, lit, "recover", 0); !IsRecover(rec) {
			t.Errorf("IsRecover(%s) = false", rec)
		}
		for _, v := range []ssa.Value{
			callTo(t, fnOf(t, mode, "defersNoRecover$1"), "other", 0),
			callTo(t, fnOf(t, mode, "callees"), "println", 0),
			fnOf(t, mode, "nots").Params[0],
		} {
			if IsRecover(v) {
				t.Errorf("IsRecover(%s) = true", v)
			}
		}
	})
}

func TestNeverNil(t *testing.T) {
	fn := fnOf(t, 0, "closures")
	// f, g (bound), h (a literal without captures), k (a declared function).
	for _, callee := range []string{"closures$1", "M$bound", "closures$2", "other"} {
		if v := callTo(t, fn, callee, 0).Call.Value; !NeverNil(v) {
			t.Errorf("NeverNil(%s) = false", v)
		}
	}
	nilErr, _ := (mark{"sinkErr", 0}).arg(t, fnOf(t, 0, "consts"))
	for _, v := range []ssa.Value{fn.Params[0], nilErr} {
		if NeverNil(v) {
			t.Errorf("NeverNil(%s) = true", v)
		}
	}
}

func TestCallMayWrite(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		// x := 1; setp(&x); sink(x)
		fn := fnOf(t, mode, "addrPassed")
		load, _ := sinkN(0).arg(t, fn)
		x := load.(*ssa.UnOp).X
		if !CallMayWrite(callTo(t, fn, "setp", 0).Common(), x) {
			t.Error("setp(&x) may not write x")
		}
		if CallMayWrite(callTo(t, fn, "sink", 0).Common(), x) {
			t.Error("sink(x) may write x")
		}
		// x := 1; func() { x = 2 }(); sink(x)
		fn = fnOf(t, mode, "capturedCalled")
		load, _ = sinkN(0).arg(t, fn)
		x = load.(*ssa.UnOp).X
		lit := callTo(t, fn, "capturedCalled$1", 0).Common()
		if !CallMayWrite(lit, x) {
			t.Error("a literal that captures x may not write it")
		}
		if CallMayWrite(lit, instrs[*ssa.Alloc](fnOf(t, mode, "addrPassed"))[0]) {
			t.Error("a literal may write a variable it does not capture")
		}
		if !CallMayWrite(&ssa.CallCommon{Value: x}, x) {
			t.Error("a call of the value at x may not write x")
		}
	})
}

func TestInstrs(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "made")
		if got, want := slices.Collect(Instrs[*ssa.Call](fn)), instrs[*ssa.Call](fn); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("Instrs[*ssa.Call](made) = %v, want %v", got, want)
		}
		if got, want := slices.Collect(Instrs[ssa.Instruction](fn)), instrs[ssa.Instruction](fn); !slices.Equal(got, want) {
			t.Errorf("Instrs[ssa.Instruction](made): %d instructions, want %d", len(got), len(want))
		}
		n := 0
		for range Instrs[*ssa.Call](fn) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("Instrs went on after break: %d", n)
		}
	})
}

func TestMadeAt(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		for _, name := range []string{"made$1", "made$2", "made$3", "made$4", "made$5", "made$6"} {
			lit := fnOf(t, mode, name)
			at := MadeAt(lit)
			if at == nil || at.Parent() != lit.Parent() {
				t.Errorf("MadeAt(%s) = %v, want an instruction of %s", name, at, lit.Parent())
				continue
			}
			uses := false
			if mc, ok := at.(*ssa.MakeClosure); ok {
				uses = mc.Fn == lit
			}
			for _, op := range at.Operands(nil) {
				uses = uses || *op == lit
			}
			if !uses {
				t.Errorf("MadeAt(%s) = %v, which neither makes nor uses it", name, at)
			}
		}
		if at := MadeAt(fnOf(t, mode, "made")); at != nil {
			t.Errorf("MadeAt of a declared function = %v, want nil", at)
		}
	})
}

// TestResolveAfterAClosureWrites: a closure that captured x and is passed
// to a call, or kept in a variable and called through it, may write x: a
// load after the call is not the value stored before it.
func TestResolveAfterAClosureWrites(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		for _, name := range []string{"closurePassed", "closureInVariable"} {
			load, _ := sinkN(0).arg(t, fnOf(t, mode, name))
			if got, _ := NewIndex(naive).Resolve(load); got != load {
				t.Errorf("%s: Resolve(%s) = %s, want the load itself", name, load, got)
			}
		}
	})
}

func TestBranchCondAndBranchesOn(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "sameCond")
		q := NewIndex(naive)
		// (go/ssa compiles `if !b` to a branch on b with its edges swapped:
		// no not is left to strip; TestStripNot covers the parity.)
		first, _ := q.BranchCond(branch(t, fn, 0))
		second, _ := q.BranchCond(branch(t, fn, 1))
		third, _ := q.BranchCond(branch(t, fn, 2))
		if first != fn.Params[0] || second != fn.Params[0] {
			t.Errorf("BranchCond: %s and %s, want the parameter b twice", first, second)
		}
		if n := q.BranchesOn(fn, first); n != 2 {
			t.Errorf("BranchesOn(b) = %d, want 2", n)
		}
		if n := q.BranchesOn(fn, third); n != 1 {
			t.Errorf("BranchesOn(n > 0) = %d, want 1", n)
		}
	})
}

// TestValueAtWrappedError: an error returned by a call given a non-nil
// error is non-nil (a wrapper); given nil, nothing is known.
func TestValueAtWrappedError(t *testing.T) {
	eachForm(t, func(t *testing.T, mode ssa.BuilderMode, naive bool) {
		fn := fnOf(t, mode, "wraps")
		q := NewIndex(naive)
		wrapped, b := (mark{"sinkErr", 0}).arg(t, fn)
		if got := q.ValueAt(wrapped, b); got != True {
			t.Errorf("ValueAt(wrap(errors.New(…))) = %v, want True", got)
		}
		none, b := (mark{"sinkErr", 1}).arg(t, fn)
		if got := q.ValueAt(none, b); got != Unknown {
			t.Errorf("ValueAt(wrap(nil)) = %v, want Unknown", got)
		}
	})
}
