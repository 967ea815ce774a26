package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file finds the values of a function that stand for a resource under
// another name (aliases): conversions, interfaces, variables that hold it,
// structs and closures that captured it.

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
func computeAliases(e *pkgAnalysis, root ssa.Value, rootKind, rootContent aliasKind) *aliasSet {
	s := &aliasSet{kind: map[ssa.Value]aliasKind{}, content: map[ssa.Value]aliasKind{}, field: map[ssa.Value]int{}}
	if rootKind == cell {
		s.content[root] = rootContent
	}
	return computeAliasesFrom(e, s, root, rootKind)
}

// computeAliasesFrom extends s with root, as kind, and what derives from it.
func computeAliasesFrom(e *pkgAnalysis, s *aliasSet, root ssa.Value, rootKind aliasKind) *aliasSet {
	w := &aliasWalk{e: e, s: s}
	w.add(root, rootKind)
	for len(w.work) > 0 {
		v := w.work[len(w.work)-1]
		w.work = w.work[:len(w.work)-1]
		if refs := v.Referrers(); refs != nil {
			for _, instr := range *refs {
				w.follow(v, instr)
			}
		}
	}
	return s
}

// An aliasWalk extends an aliasSet from each value added to it through the
// instructions that use it.
type aliasWalk struct {
	e    *pkgAnalysis
	s    *aliasSet
	work []ssa.Value
}

func (w *aliasWalk) add(v ssa.Value, k aliasKind) {
	if v == nil || w.s.kind[v] != 0 {
		return
	}
	w.s.kind[v] = k
	w.work = append(w.work, v)
}

// addCell adds the variable cell v, which holds an alias of kind content.
func (w *aliasWalk) addCell(v ssa.Value, content aliasKind) {
	if w.s.kind[v] == 0 {
		w.s.content[v] = content
	}
	w.add(v, cell)
}

// follow adds what instr, a use of v, makes of it.
func (w *aliasWalk) follow(v ssa.Value, instr ssa.Instruction) {
	s, k := w.s, w.s.kind[v]
	switch instr := instr.(type) {
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.TypeAssert:
		w.add(instr.(ssa.Value), k)
	case *ssa.Slice:
		// A slice of a local array that holds it (variadic arguments).
		if k == container {
			w.add(instr, container)
			s.field[instr] = -1
		}
	case *ssa.Extract:
		if _, ok := instr.Tuple.(*ssa.TypeAssert); ok && instr.Index == 0 {
			w.add(instr, k)
		}
	case *ssa.UnOp:
		if instr.Op == token.MUL {
			w.load(v, instr)
		}
	case *ssa.Store:
		if instr.Val == v {
			w.store(v, instr)
		}
	case *ssa.FieldAddr:
		switch {
		case w.holdsContainer(v) && (s.field[v] == instr.Field || s.field[v] == -1):
			w.addCell(instr, direct)
		case k == direct && isEmbedded(instr.X.Type(), instr.Field):
			w.add(instr, direct)
		}
	case *ssa.Field:
		switch {
		case k == container && s.field[v] == instr.Field:
			w.add(instr, direct)
		case k == direct && isEmbedded(instr.X.Type(), instr.Field):
			w.add(instr, direct)
		}
	case *ssa.IndexAddr:
		if w.holdsContainer(v) {
			w.addCell(instr, direct)
		}
	case *ssa.MakeClosure:
		w.add(instr, closure)
	case *ssa.Call:
		if k == direct {
			w.passedThrough(v, instr)
			w.poolView(v, instr)
		}
	}
}

// passedThrough adds the results of call that are v passed through: its
// callee's fact says it returns that argument as it is (`func id(s
// *sql.Stmt) *sql.Stmt { return s }`).
func (w *aliasWalk) passedThrough(v ssa.Value, call *ssa.Call) {
	c := call.Common()
	f := ssaq.CalleeFunc(c)
	if f == nil || c.IsInvoke() {
		return
	}
	fact := w.e.factOf(f)
	if fact == nil {
		return
	}
	for _, pt := range fact.PassThrough {
		if pt.Param >= len(c.Args) || c.Args[pt.Param] != v {
			continue
		}
		w.addResult(call, pt.Result)
	}
}

// addResult adds result k of call, as direct: the call itself when it has
// one result, else the Extract of it.
func (w *aliasWalk) addResult(call *ssa.Call, k int) {
	if call.Common().Signature().Results().Len() == 1 {
		w.add(call, direct)
		return
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == k {
			w.add(ex, direct)
		}
	}
}

// poolView adds the result of call that stands for the pool v holds: a
// method of v's pool type that returns a view of it (catalog.poolView: the
// *sql.DB of a *gorm.DB's DB(), the *gorm.DB of db.Where(…)). Not an
// obligation of its own: the pool's obligation is given back by closing
// the view, handed over by returning or storing it.
func (w *aliasWalk) poolView(v ssa.Value, call *ssa.Call) {
	c := call.Common()
	f := ssaq.CalleeFunc(c)
	if f == nil || c.IsInvoke() || len(c.Args) == 0 || c.Args[0] != v || !w.e.isPool(v.Type()) || !w.e.cat.poolView(f) {
		return
	}
	w.addResult(call, 0)
}

// holdsContainer reports whether v is a container, or the cell of one.
func (w *aliasWalk) holdsContainer(v ssa.Value) bool {
	k := w.s.kind[v]
	return k == container || k == cell && w.s.content[v] == container
}

// load adds the load instr through v.
func (w *aliasWalk) load(v ssa.Value, instr *ssa.UnOp) {
	s := w.s
	switch s.kind[v] {
	case cell:
		w.add(instr, s.content[v])
		if s.content[v] == container {
			s.field[instr] = s.field[v]
		}
	case container:
		w.add(instr, container) // a copy of the struct
		s.field[instr] = s.field[v]
	case direct:
		// A load through a pointer to an embedded field.
		if _, ok := v.(*ssa.FieldAddr); ok {
			w.add(instr, direct)
		}
	}
}

// store adds where instr stores v: a local variable, or a field or element
// of a local struct or array. Memory that outlives the call is not added:
// storing there hands the resource over.
func (w *aliasWalk) store(v ssa.Value, instr *ssa.Store) {
	s, k := w.s, w.s.kind[v]
	switch addr := instr.Addr.(type) {
	case *ssa.Alloc:
		w.addCell(addr, k)
		if k == container {
			s.field[addr] = s.field[v]
		}
	case *ssa.FieldAddr, *ssa.IndexAddr:
		base := w.e.q.LocalBase(addr)
		if base == nil {
			return
		}
		field := -1
		if fa, ok := addr.(*ssa.FieldAddr); ok && fa.X == base {
			field = fa.Field
		}
		if old, seen := s.field[base]; seen && old != field {
			field = -1
		}
		s.field[base] = field
		w.add(base, container)
		w.addCell(addr, k)
	}
}

// computeFieldAliases collects the values that stand for field i of the
// struct that recv points to (or is).
func computeFieldAliases(e *pkgAnalysis, recv ssa.Value, i int) *aliasSet {
	s := computeAliases(e, nil, direct, 0)
	s.field[recv] = i
	full := computeAliasesFrom(e, s, recv, container)
	return full
}

// isEmbedded reports whether field i of the struct t (or *t) is embedded.
func isEmbedded(t types.Type, i int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return ok && i < st.NumFields() && st.Field(i).Embedded()
}

// aliasRef says that a value stands for obligation obl, as kind.
type aliasRef struct {
	obl  int
	kind aliasKind
}

// aliasesOf returns the obligations that v stands for. A load from a local
// variable is first resolved to the value stored there, when known: after
// `conn = nil`, a load of conn is no longer the connection.
func (fa *funcAnalysis) aliasesOf(v ssa.Value) []aliasRef {
	if v == nil {
		return nil
	}
	if r, _ := fa.pkg.q.Resolve(v); r != v {
		v = r
	}
	if fa.index == nil {
		fa.index = map[ssa.Value][]aliasRef{}
		for i, o := range fa.obls {
			for w, k := range o.aliases.kind {
				fa.index[w] = append(fa.index[w], aliasRef{i, k})
			}
		}
	}
	return fa.index[v]
}
