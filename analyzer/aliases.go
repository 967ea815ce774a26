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
func computeAliases(q *ssaq.Index, root ssa.Value, rootKind, rootContent aliasKind) *aliasSet {
	s := &aliasSet{kind: map[ssa.Value]aliasKind{}, content: map[ssa.Value]aliasKind{}, field: map[ssa.Value]int{}}
	if rootKind == cell {
		s.content[root] = rootContent
	}
	return computeAliasesFrom(q, s, root, rootKind)
}

// computeAliasesFrom extends s with root, as kind, and what derives from it.
func computeAliasesFrom(q *ssaq.Index, s *aliasSet, root ssa.Value, rootKind aliasKind) *aliasSet {
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
					base := q.LocalBase(addr)
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
func computeFieldAliases(q *ssaq.Index, recv ssa.Value, i int) *aliasSet {
	s := computeAliases(q, nil, direct, 0)
	s.field[recv] = i
	full := computeAliasesFrom(q, s, recv, container)
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
