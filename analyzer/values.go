package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// This file answers questions about SSA values: which values are a resource
// under another name (aliases), what a load from a local variable reads, and
// whether a value is known to be nil where a block runs.

// An aliasKind says how a value stands for a resource.
type aliasKind uint8

const (
	// direct: the resource itself, or a view of it: a conversion, an
	// interface holding it, an embedded field of it.
	direct aliasKind = iota + 1
	// cell: the address of a local variable that holds it. A closure that
	// captures the variable binds the cell.
	cell
	// container: a local struct or array that holds it in a field or element.
	container
	// closure: a closure or bound method that captured it.
	closure
)

// aliasSet is every value of one function that stands for one resource,
// found flow-insensitively; loads are then resolved flow-sensitively where
// the store they read is known (see resolve).
type aliasSet struct {
	kind map[ssa.Value]aliasKind
	// content: for a cell, what kind of alias it holds.
	content map[ssa.Value]aliasKind
	// field: for a container, the field that holds the resource (-1: any
	// element of an array).
	field map[ssa.Value]int
}

// computeAliases collects the values that stand for root.
func computeAliases(root ssa.Value, rootKind, rootContent aliasKind) *aliasSet {
	s := &aliasSet{kind: map[ssa.Value]aliasKind{}, content: map[ssa.Value]aliasKind{}, field: map[ssa.Value]int{}}
	if rootKind == cell {
		s.content[root] = rootContent
	}
	return computeAliasesFrom(s, root, rootKind)
}

// computeAliasesFrom extends s with root, as kind, and what derives from it.
func computeAliasesFrom(s *aliasSet, root ssa.Value, rootKind aliasKind) *aliasSet {
	var work []ssa.Value
	add := func(v ssa.Value, k aliasKind) {
		if v == nil || s.kind[v] != 0 {
			return
		}
		s.kind[v] = k
		work = append(work, v)
	}
	addCell := func(v ssa.Value, content aliasKind) {
		if s.kind[v] == 0 {
			s.content[v] = content
		}
		add(v, cell)
	}
	add(root, rootKind)
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		k := s.kind[v]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, instr := range *refs {
			switch instr := instr.(type) {
			case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.TypeAssert:
				add(instr.(ssa.Value), k)
			case *ssa.Slice:
				// A slice of a local array that holds it (variadic arguments).
				if k == container {
					add(instr, container)
					s.field[instr] = -1
				}
			case *ssa.Extract:
				if _, ok := instr.Tuple.(*ssa.TypeAssert); ok && instr.Index == 0 {
					add(instr, k)
				}
			case *ssa.UnOp:
				if instr.Op != token.MUL {
					continue
				}
				switch k {
				case cell:
					add(instr, s.content[v])
					if s.content[v] == container {
						s.field[instr] = s.field[v]
					}
				case container:
					add(instr, container) // a copy of the struct
					s.field[instr] = s.field[v]
				case direct:
					// A load through a pointer to an embedded field.
					if _, ok := v.(*ssa.FieldAddr); ok {
						add(instr, direct)
					}
				}
			case *ssa.Store:
				if instr.Val != v {
					continue
				}
				switch addr := instr.Addr.(type) {
				case *ssa.Alloc:
					addCell(addr, k)
					if k == container {
						s.field[addr] = s.field[v]
					}
				case *ssa.FieldAddr, *ssa.IndexAddr:
					base := localBase(addr)
					if base == nil {
						continue // stored in memory that outlives the call: a hand-over
					}
					field := -1
					if fa, ok := addr.(*ssa.FieldAddr); ok && fa.X == base {
						field = fa.Field
					}
					if old, seen := s.field[base]; seen && old != field {
						field = -1
					}
					s.field[base] = field
					add(base, container)
					addCell(addr, k)
				}
			case *ssa.FieldAddr:
				switch {
				case (k == container || k == cell && s.content[v] == container) && (s.field[v] == instr.Field || s.field[v] == -1):
					addCell(instr, direct)
				case k == direct && isEmbedded(instr.X.Type(), instr.Field):
					add(instr, direct)
				}
			case *ssa.Field:
				switch {
				case k == container && s.field[v] == instr.Field:
					add(instr, direct)
				case k == direct && isEmbedded(instr.X.Type(), instr.Field):
					add(instr, direct)
				}
			case *ssa.IndexAddr:
				if k == container || k == cell && s.content[v] == container {
					addCell(instr, direct)
				}
			case *ssa.MakeClosure:
				add(instr, closure)
			}
		}
	}
	return s
}

// computeFieldAliases collects the values that stand for field i of the
// struct that recv points to (or is).
func computeFieldAliases(recv ssa.Value, i int) *aliasSet {
	s := computeAliases(nil, direct, 0)
	s.field[recv] = i
	full := computeAliasesFrom(s, recv, container)
	return full
}

// localBase returns the Alloc that addr points into when addr is a local
// variable or a field or element of one, or nil. A pointer read from a
// variable counts when the store it reads is known (naive-form SSA keeps
// `sc := &scope{}` in memory).
func localBase(addr ssa.Value) *ssa.Alloc {
	for {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return a
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.UnOp:
			r, _ := resolve(a)
			if r == a {
				return nil
			}
			addr = r
		default:
			return nil
		}
	}
}

// isEmbedded reports whether field i of the struct t (or *t) is embedded.
func isEmbedded(t types.Type, i int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return ok && i < st.NumFields() && st.Field(i).Embedded()
}

// resolve follows a load from a local variable to the value last stored
// there, when that store is found in the same block or in the chain of
// blocks above it that each have a single predecessor. Otherwise it returns
// v itself. atEntry reports that a load was followed back to the function's
// entry without meeting a store: it reads what the variable held on entry.
func resolve(v ssa.Value) (_ ssa.Value, atEntry bool) {
	for i := 0; i < 16; i++ {
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return v, false
		}
		if _, local := load.X.(*ssa.Alloc); !local {
			if _, free := load.X.(*ssa.FreeVar); !free {
				return v, false
			}
		}
		stored, found, entry := reachingStore(load.X, load.Block(), indexOf(load))
		if !found {
			return v, entry
		}
		v = stored
	}
	return v, false
}

// reachingStore looks for the last store to addr before instruction index
// end of block b, walking up through blocks with a single predecessor.
func reachingStore(addr ssa.Value, b *ssa.BasicBlock, end int) (val ssa.Value, found, atEntry bool) {
	seen := 0
	for b != nil && seen < 64 {
		seen++
		if val, found, stop := reachingStoreInBlock(addr, b, end); found || stop {
			return val, found, false
		}
		if len(b.Preds) != 1 {
			if v, ok := soleStore(addr, b, end); ok {
				return v, true, false
			}
			return nil, false, b.Index == 0 && len(b.Preds) == 0
		}
		b = b.Preds[0]
		end = len(b.Instrs)
	}
	if v, ok := soleStore(addr, b, end); ok {
		return v, true, false
	}
	return nil, false, false
}

// reachingStoreInBlock looks for the last store to addr before instruction
// index end of block b; stop reports a call that may write it instead.
func reachingStoreInBlock(addr ssa.Value, b *ssa.BasicBlock, end int) (val ssa.Value, found, stop bool) {
	for i := end - 1; i >= 0; i-- {
		switch instr := b.Instrs[i].(type) {
		case *ssa.Store:
			if instr.Addr == addr {
				return instr.Val, true, false
			}
		case *ssa.Call, *ssa.Go:
			// (A deferred call runs at exit: it writes nothing now.)
			// A callee could store through the variable only if its
			// address escaped; local cells whose address is taken by a
			// closure are written by that closure only when it runs.
			if callMayWrite(instr.(ssa.CallInstruction).Common(), addr) {
				return nil, false, true
			}
		}
	}
	return nil, false, false
}

// soleStore returns the value of the only store to the local variable addr
// when that store comes before instruction end of block b on every path
// (it dominates) and nothing else can write the variable: each of its uses
// is a load or that store. A variable assigned once holds that value
// wherever the assignment dominates; this is how a load is resolved in
// naive-form SSA (see ssabuild.go), where variables, parameters included,
// stay in memory.
func soleStore(addr ssa.Value, b *ssa.BasicBlock, end int) (ssa.Value, bool) {
	alloc, ok := addr.(*ssa.Alloc)
	if !ok || b == nil {
		return nil, false
	}
	stores, ok := soleStores.Load(alloc.Parent())
	if !ok {
		return nil, false
	}
	store := stores.(map[*ssa.Alloc]*ssa.Store)[alloc]
	if store == nil {
		return nil, false
	}
	if !before(store, b, end) {
		return nil, false
	}
	return store.Val, true
}

// before reports whether instruction x runs, on every path, before
// instruction index end of block b: earlier in b, or in a block that
// dominates b.
func before(x ssa.Instruction, b *ssa.BasicBlock, end int) bool {
	if x.Block() == b {
		i := indexOf(x)
		return i >= 0 && i < end
	}
	return x.Block().Dominates(b)
}

// soleStores maps each function of a package built in naive form, while
// the package is analysed, to its variables that are stored exactly once
// and otherwise only loaded, with that store: found once per function
// rather than by scanning a variable's uses at every load.
var soleStores sync.Map // *ssa.Function → map[*ssa.Alloc]*ssa.Store

// recordSoleStores fills soleStores for fns; forgetFunctions empties it.
func recordSoleStores(fns []*ssa.Function) {
	for _, fn := range fns {
		stores := map[*ssa.Alloc]*ssa.Store{}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if alloc, ok := instr.(*ssa.Alloc); ok {
					if store := onlyStore(alloc); store != nil {
						stores[alloc] = store
					}
				}
			}
		}
		soleStores.Store(fn, stores)
	}
}

// forgetFunctions empties soleStores and tellers of fns.
func forgetFunctions(fns []*ssa.Function) {
	for _, fn := range fns {
		soleStores.Delete(fn)
		tellers.Delete(fn)
	}
}

// onlyStore returns the store to alloc when there is one and every other
// use of alloc loads it.
func onlyStore(alloc *ssa.Alloc) *ssa.Store {
	var store *ssa.Store
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if store != nil || ref.Addr != alloc || ref.Val == alloc {
				return nil
			}
			store = ref
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return store
}

// callMayWrite reports whether the call may store through addr: addr is
// passed to it, or captured by the closure it calls.
func callMayWrite(c *ssa.CallCommon, addr ssa.Value) bool {
	if c.Value == addr {
		return true
	}
	for _, a := range c.Args {
		if a == addr {
			return true
		}
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for _, b := range mc.Bindings {
			if b == addr {
				return true
			}
		}
	}
	return false
}

func indexOf(instr ssa.Instruction) int {
	for i, x := range instr.Block().Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// nilCompare matches cond against "x == nil" or "x != nil" and returns x
// (resolved) and whether the true edge means x is nil.
func nilCompare(cond ssa.Value) (x ssa.Value, trueIsNil, ok bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, false, false
	}
	switch {
	case isNil(bin.Y):
		x = bin.X
	case isNil(bin.X):
		x = bin.Y
	default:
		return nil, false, false
	}
	x, _ = resolve(x)
	return x, bin.Op == token.EQL, true
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// truth is what is known of a value at a point: nothing, nil/false, or
// non-nil/true.
type truth uint8

const (
	unknown truth = iota
	isFalse       // nil, or false
	isTrue        // non-nil, or true
)

// valueAt tells whether v is nil (or false) where block b runs, from
// constants and from the conditions of the branches that dominate b.
func valueAt(v ssa.Value, b *ssa.BasicBlock) truth {
	v, _ = resolve(v)
	if c, ok := v.(*ssa.Const); ok {
		switch {
		case c.IsNil():
			return isFalse
		case c.Value != nil && c.Value.Kind() == constant.Bool:
			if constant.BoolVal(c.Value) {
				return isTrue
			}
			return isFalse
		}
		return unknown
	}
	if knownNonNil(v) {
		return isTrue
	}
	// The nearest branch that tells v on an edge dominating b. Only the
	// branches that can tell v are looked at (tellersOf): walking every
	// dominator of b instead costs the depth of b for each question.
	t, nearest := unknown, (*ssa.BasicBlock)(nil)
	for _, branch := range tellersOf(b.Parent())[v] {
		p := branch.Block()
		for k, x := range p.Succs {
			if len(x.Preds) != 1 || !x.Dominates(b) || nearest != nil && !nearest.Dominates(x) {
				continue
			}
			if tx := condImplies(branch.Cond, k == 0, v); tx != unknown {
				t, nearest = tx, x
			}
		}
	}
	return t
}

// tellers maps each function valueAt has asked about, while its package is
// analysed, to the branches that can tell each value (toldBy): found in one
// pass over the function.
var tellers sync.Map // *ssa.Function → map[ssa.Value][]*ssa.If

func tellersOf(fn *ssa.Function) map[ssa.Value][]*ssa.If {
	if t, ok := tellers.Load(fn); ok {
		return t.(map[ssa.Value][]*ssa.If)
	}
	t := map[ssa.Value][]*ssa.If{}
	for _, b := range fn.Blocks {
		if branch := closingBranch(b); branch != nil && b.Succs[0] != b.Succs[1] {
			for _, v := range toldBy(branch.Cond) {
				t[v] = append(t[v], branch)
			}
		}
	}
	actual, _ := tellers.LoadOrStore(fn, t)
	return actual.(map[ssa.Value][]*ssa.If)
}

// closingBranch returns the If that ends block b, or nil.
func closingBranch(b *ssa.BasicBlock) *ssa.If {
	if n := len(b.Instrs); n > 0 {
		if branch, ok := b.Instrs[n-1].(*ssa.If); ok {
			return branch
		}
	}
	return nil
}

// toldBy lists the values that cond tells something of (condImplies): the
// value it compares with nil, and through its nots, the value it resolves
// to.
func toldBy(cond ssa.Value) []ssa.Value {
	var out []ssa.Value
	for {
		if x, _, ok := nilCompare(cond); ok {
			out = append(out, x)
		}
		not, ok := cond.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			c, _ := resolve(cond)
			return append(out, c)
		}
		cond = not.X
	}
}

// dominatingBranches yields, nearest first, each branch one of whose edges
// dominates b, and whether that edge is the true one: wherever b runs, the
// condition had that value when it was tested.
func dominatingBranches(b *ssa.BasicBlock) iter.Seq2[*ssa.If, bool] {
	return func(yield func(*ssa.If, bool) bool) {
		for x := b; x != nil; x = x.Idom() {
			if len(x.Preds) != 1 {
				continue
			}
			p := x.Preds[0]
			ifInstr := closingBranch(p)
			if ifInstr == nil || p.Succs[0] == p.Succs[1] {
				continue
			}
			if !yield(ifInstr, p.Succs[0] == x) {
				return
			}
		}
	}
}

// condImplies tells what cond being onTrue says of v.
func condImplies(cond ssa.Value, onTrue bool, v ssa.Value) truth {
	if x, trueIsNil, ok := nilCompare(cond); ok && x == v {
		if onTrue == trueIsNil {
			return isFalse
		}
		return isTrue
	}
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		return condImplies(not.X, !onTrue, v)
	}
	if c, _ := resolve(cond); c == v {
		if onTrue {
			return isTrue
		}
		return isFalse
	}
	return unknown
}

// knownNonNil reports values that cannot be nil: an interface made from a
// concrete value, the error of fmt.Errorf or errors.New, and a sentinel
// error held in a package-level variable.
func knownNonNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		if f := calleeFunc(v.Common()); f != nil && f.Pkg() != nil {
			switch f.Pkg().Path() + "." + f.Name() {
			case "fmt.Errorf", "errors.New":
				return true
			}
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return types.Identical(g.Type().(*types.Pointer).Elem(), errorType)
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()
