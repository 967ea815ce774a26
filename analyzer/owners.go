package analyzer

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// This file finds owning structs: a named struct type of the package that
// holds a resource in a field and has a method that gives that field back on
// every path (Close, Release, Shutdown, …). Such a type is a resource type
// itself, and a function that returns a fresh one is an acquirer.

// computeOwners records the package's owning structs in e.owners. Owners of
// owners are found by iterating until nothing changes.
func (e *pkgAnalysis) computeOwners(funcs []*ssa.Function) {
	methods := map[*types.TypeName][]*ssa.Function{}
	for _, fn := range funcs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Parent() != nil || len(fn.Params) == 0 {
			continue
		}
		if n := namedOf(recv.Type()); n != nil && n.Obj().Pkg() == e.pass.Pkg {
			methods[n.Origin().Obj()] = append(methods[n.Origin().Obj()], fn)
		}
	}
	found := false
	for round := 0; round < 3; round++ {
		changed := false
		for obj, ms := range methods {
			if r, ok := e.owners[obj]; ok && r != nil {
				continue
			}
			st, ok := obj.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			var release []string
			for _, m := range ms {
				if e.releasesAField(m, st) {
					release = append(release, m.Name())
				}
			}
			if len(release) == 0 {
				continue
			}
			sort.Strings(release)
			e.owners[obj] = ownerResource(obj, release)
			changed = true
		}
		if !changed {
			break
		}
		found = true
	}
	if found {
		// The facts computed on the way were computed before every owner
		// was known: a method's receiver of an owning type was no resource
		// then. They are computed again when asked.
		clear(e.facts)
		clear(e.ifaceAcquirers)
	}
}

// releasesAField reports whether method m gives back, on every path, a
// field of its receiver that holds a resource.
func (e *pkgAnalysis) releasesAField(m *ssa.Function, st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		ft := st.Field(i).Type()
		r := e.resourceOf(ft)
		if r == nil {
			continue
		}
		recv := m.Params[0]
		in := &obligation{typ: ft, res: r, aliases: computeFieldAliases(e, recv, i)}
		sub, j := e.judgeInput(m, in, nil, 1, map[effectKey]effect{})
		// Released on every path, by a release method of the field or a
		// known releaser (not merely handed to a function we cannot see).
		if !j.verdicts[0].heldAtExit && knownRelease(sub) {
			return true
		}
	}
	return false
}
