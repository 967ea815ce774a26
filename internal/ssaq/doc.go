// Package ssaq answers questions about a function's SSA form that any
// analysis over go/ssa may ask: what a load from a local variable reads,
// what a branch tells of a value where a block runs, which blocks are in a
// loop together, what a call calls. It knows nothing of resources or
// obligations.
//
// The answers that need a pass over a whole function (the branches that
// tell each value, the variables stored exactly once, the loops) are kept
// in an Index, one per package analysed: made when the package's SSA is
// built and dropped with it. Nothing is kept in package-level state.
package ssaq

import (
	"golang.org/x/tools/go/ssa"
)

// An Index answers the questions that need a pass over a whole function,
// making that pass once per function. Its zero value is not ready: use
// NewIndex. It is not safe for concurrent use.
type Index struct {
	naive      bool
	soleStores map[*ssa.Function]map[*ssa.Alloc]*ssa.Store
	tellers    map[*ssa.Function]map[ssa.Value][]*ssa.If
	loops      map[*ssa.Function]*Loops
	branches   map[*ssa.Function]map[ssa.Value]int
}

// NewIndex returns an empty Index for functions built in naive form
// (ssa.NaiveForm) or not. In naive form, local variables stay in memory,
// and a load from a variable stored exactly once is resolved to that store
// (Resolve); in the lifted form such variables are registers already.
func NewIndex(naive bool) *Index {
	return &Index{
		naive:      naive,
		soleStores: map[*ssa.Function]map[*ssa.Alloc]*ssa.Store{},
		tellers:    map[*ssa.Function]map[ssa.Value][]*ssa.If{},
		loops:      map[*ssa.Function]*Loops{},
		branches:   map[*ssa.Function]map[ssa.Value]int{},
	}
}

// Loops returns the loops of fn, found at the first call.
func (q *Index) Loops(fn *ssa.Function) *Loops {
	l, ok := q.loops[fn]
	if !ok {
		l = FindLoops(fn)
		q.loops[fn] = l
	}
	return l
}

// soleStoresOf maps the variables of fn stored exactly once, and otherwise
// only loaded, to that store, in naive form; found once per function
// rather than by scanning a variable's uses at every load.
func (q *Index) soleStoresOf(fn *ssa.Function) map[*ssa.Alloc]*ssa.Store {
	if !q.naive || fn == nil {
		return nil
	}
	stores, ok := q.soleStores[fn]
	if ok {
		return stores
	}
	stores = map[*ssa.Alloc]*ssa.Store{}
	for instr := range Instrs[ssa.Instruction](fn) {
		if alloc, ok := instr.(*ssa.Alloc); ok {
			if store := onlyStore(alloc); store != nil {
				stores[alloc] = store
			}
		}
	}
	q.soleStores[fn] = stores
	return stores
}
