package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer/knowledge"
	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file holds what the analysis of one package knows beyond one
// function: its resource types (the catalog's and its owning structs), the
// facts of the functions it calls, and the SSA queries of its functions.

// pkgAnalysis is what the analysis of one package knows beyond one function.
type pkgAnalysis struct {
	pass      *analysis.Pass
	cat       *catalog
	owners    map[*types.TypeName]*resourceType
	facts     map[*types.Func]*funcFact
	computing map[*types.Func]bool
	src       map[*types.Func]*ssa.Function
	unjudged  *[]unjudgedPlace
	// crossPackage: facts of other packages are read (Config.CrossPackage).
	crossPackage bool
	syn          *syntaxIndex
	// q answers the package's SSA queries, once per function.
	q *ssaq.Index
	// ifaces memoises the program interfaces' resource types,
	// ifaceAcquirers the interface methods' verdicts (interfaces.go); deps
	// are the packages the package depends on, by path.
	ifaces         map[*types.TypeName]*resourceType
	ifaceAcquirers map[*types.Func]bool
	deps           map[string]*types.Package
}

func newPkgAnalysis(pass *analysis.Pass, cat *catalog, funcs []*ssa.Function, q *ssaq.Index) *pkgAnalysis {
	e := &pkgAnalysis{
		q:         q,
		pass:      pass,
		cat:       cat,
		owners:    map[*types.TypeName]*resourceType{},
		facts:     map[*types.Func]*funcFact{},
		computing: map[*types.Func]bool{},
		src:       map[*types.Func]*ssa.Function{},
		unjudged:  new([]unjudgedPlace),

		ifaces:         map[*types.TypeName]*resourceType{},
		ifaceAcquirers: map[*types.Func]bool{},
	}
	for _, fn := range funcs {
		if f, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			e.src[f] = fn
		}
	}
	return e
}

// resourceOf returns the resource type of values of type t: from the
// catalog, a program interface that gives its values back, or an owning
// struct of this package or (by fact) another.
func (e *pkgAnalysis) resourceOf(t types.Type) *resourceType {
	if r := e.cat.resourceOf(t); r != nil {
		return r
	}
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	obj := n.Origin().Obj()
	if types.IsInterface(n) {
		r, ok := e.ifaces[obj]
		if !ok {
			r = e.cat.interfaceResource(t)
			e.ifaces[obj] = r
		}
		return r
	}
	if r, ok := e.owners[obj]; ok {
		return r
	}
	var r *resourceType
	var f ownerFact
	if obj.Pkg() != e.pass.Pkg && e.crossPackage && e.pass.ImportObjectFact(obj, &f) {
		r = ownerResource(obj, f.Release)
	}
	e.owners[obj] = r
	return r
}

func ownerResource(obj *types.TypeName, release []string) *resourceType {
	return &resourceType{pkg: obj.Pkg().Path(), name: obj.Name(), release: release, verb: knowledge.VerbFor(release)}
}

// paramResource returns how a parameter of type t can be given back: as a
// resource, or as an interface with a release method (io.Closer).
func (e *pkgAnalysis) paramResource(t types.Type) *resourceType {
	if r := e.resourceOf(t); r != nil {
		return r
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var names []string
	for i := 0; i < iface.NumMethods(); i++ {
		switch name := iface.Method(i).Name(); name {
		case knowledge.Close, knowledge.Release, knowledge.Commit, knowledge.Rollback:
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	// Rows behind an interface (ent's ColumnScanner): reading them to the
	// end closes them too.
	return &resourceType{name: "interface", release: names, verb: knowledge.VerbClose, nextCloses: nextCloses(t)}
}
