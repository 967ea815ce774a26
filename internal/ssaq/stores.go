package ssaq

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Loads and the stores they read: a local variable's value where it is read.

// Resolve follows a load from a local variable to the value last stored
// there, when that store is found in the same block or in the chain of
// blocks above it that each have a single predecessor. Otherwise it returns
// v itself. atEntry reports that a load was followed back to the function's
// entry without meeting a store: it reads what the variable held on entry.
func (q *Index) Resolve(v ssa.Value) (_ ssa.Value, atEntry bool) {
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
		stored, found, entry := q.ReachingStore(load.X, load.Block(), IndexOf(load))
		if !found {
			return v, entry
		}
		v = stored
	}
	return v, false
}

// ReachingStore looks for the last store to addr before instruction index
// end of block b, walking up through blocks with a single predecessor.
func (q *Index) ReachingStore(addr ssa.Value, b *ssa.BasicBlock, end int) (val ssa.Value, found, atEntry bool) {
	seen := 0
	for b != nil && seen < 64 {
		seen++
		if val, found, stop := ReachingStoreInBlock(addr, b, end); found || stop {
			return val, found, false
		}
		if len(b.Preds) != 1 {
			if v, ok := q.soleStore(addr, b, end); ok {
				return v, true, false
			}
			return nil, false, b.Index == 0 && len(b.Preds) == 0
		}
		b = b.Preds[0]
		end = len(b.Instrs)
	}
	if v, ok := q.soleStore(addr, b, end); ok {
		return v, true, false
	}
	return nil, false, false
}

// ReachingStoreInBlock looks for the last store to addr before instruction
// index end of block b; stop reports a call that may write it instead.
func ReachingStoreInBlock(addr ssa.Value, b *ssa.BasicBlock, end int) (val ssa.Value, found, stop bool) {
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
			if CallMayWrite(instr.(ssa.CallInstruction).Common(), addr) {
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
// naive-form SSA, where variables, parameters included,
// stay in memory.
func (q *Index) soleStore(addr ssa.Value, b *ssa.BasicBlock, end int) (ssa.Value, bool) {
	alloc, ok := addr.(*ssa.Alloc)
	if !ok || b == nil {
		return nil, false
	}
	store := q.soleStoresOf(alloc.Parent())[alloc]
	if store == nil {
		return nil, false
	}
	if !Before(store, b, end) {
		return nil, false
	}
	return store.Val, true
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

// before reports whether instruction x runs, on every path, before
// instruction index end of block b: earlier in b, or in a block that
// dominates b.
func Before(x ssa.Instruction, b *ssa.BasicBlock, end int) bool {
	if x.Block() == b {
		i := IndexOf(x)
		return i >= 0 && i < end
	}
	return x.Block().Dominates(b)
}

// CallMayWrite reports whether the call may store through addr: addr is
// passed to it, or captured by a closure it calls or is given — the
// closure itself, or a variable that holds it (naive form keeps `f :=
// func() { x = 2 }` in memory).
func CallMayWrite(c *ssa.CallCommon, addr ssa.Value) bool {
	if c.Value == addr || captures(c.Value, addr) {
		return true
	}
	for _, a := range c.Args {
		if a == addr || captures(a, addr) {
			return true
		}
	}
	return false
}

// captures reports whether v is a closure that captured addr, or a load of
// a local variable that such a closure was stored in.
func captures(v, addr ssa.Value) bool {
	binds := func(v ssa.Value) bool {
		mc, ok := v.(*ssa.MakeClosure)
		return ok && slices.Contains(mc.Bindings, addr)
	}
	if binds(v) {
		return true
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *cell.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == cell && binds(st.Val) {
			return true
		}
	}
	return false
}

// LocalBase returns the Alloc that addr points into when addr is a local
// variable or a field or element of one, or nil. A pointer read from a
// variable counts when the store it reads is known (naive-form SSA keeps
// `sc := &scope{}` in memory).
func (q *Index) LocalBase(addr ssa.Value) *ssa.Alloc {
	for {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return a
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.UnOp:
			r, _ := q.Resolve(a)
			if r == a {
				return nil
			}
			addr = r
		default:
			return nil
		}
	}
}
