package analyzer

import (
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// This file follows resources through the program's own interfaces, where
// most services meet the libraries: sqlc's DBTX, repositories, adapters,
// their own Tx and Rows.
//
// A program interface is a resource type when its method set gives a value
// back: Close; Commit and Rollback; Release. A call of an interface method
// of the program is an acquisition when the method hands a resource out:
//
//   - its first result is a catalog resource and the method has the name and
//     shape of one of the catalog's acquirers (DBTX.QueryContext returns
//     *sql.Rows as (*sql.DB).QueryContext does; Begin(ctx) (pgx.Tx, error)
//     as (*pgx.Conn).Begin);
//   - or its first result is a resource (of the catalog, a program interface
//     or an owning struct) and its name says it hands one out: Begin…,
//     Query…, Prepare…, Acquire…, Connect…, or an acquirer's name of the
//     catalog (Conn, Subscribe, SendBatch…);
//   - or its first result is a resource and every implementation of the
//     method among the named types of the package and its imports acquires
//     (its fact), one at least.
//
// A getter is none of these (CurrentTx() *sql.Tx, TxFromContext(ctx), Conn()
// *pgx.Conn): its name hands nothing out. The interfaces of the standard
// library (io.Closer, driver.Tx) and of the catalog's libraries are not
// program interfaces: the catalog lists the libraries' acquirers itself.

// handsOutByName reports whether a method named name hands a resource out,
// by its name alone.
func (c *catalog) handsOutByName(name string) bool {
	for _, p := range knowledge.HandingOut {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return len(c.acquirerNames[name]) > 0 && !knowledge.IsGetterName(name)
}

// programInterface returns the named interface type t if it is declared by
// the program: not by the standard library, not by a catalog library.
func (c *catalog) programInterface(t types.Type) (*types.Named, *types.Interface) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil, nil
	}
	iface, ok := n.Underlying().(*types.Interface)
	if !ok || !c.programPackage(n.Obj().Pkg()) {
		return nil, nil
	}
	return n, iface
}

// programPackage reports whether pkg is the program's: neither the standard
// library nor a library of the catalog.
func (c *catalog) programPackage(pkg *types.Package) bool {
	return pkg != nil && !c.libraries[pkg.Path()] && !c.std.has(pkg.Path())
}

// interfaceResource returns the resource type of a program interface whose
// method set gives its values back, or nil.
func (c *catalog) interfaceResource(t types.Type) *resourceType {
	n, iface := c.programInterface(t)
	if n == nil {
		return nil
	}
	has := map[string]bool{}
	for i := 0; i < iface.NumMethods(); i++ {
		has[iface.Method(i).Name()] = true
	}
	var release []string
	verb := ""
	switch {
	case has[knowledge.Commit] && has[knowledge.Rollback]:
		release, verb = append(release, knowledge.TxRelease...), knowledge.VerbTx
		if has[knowledge.Close] {
			release = append(release, knowledge.Close)
		}
	case has[knowledge.Close]:
		release = append(release, knowledge.Close)
		if has[knowledge.Release] {
			release = append(release, knowledge.Release)
		}
	case has[knowledge.Release]:
		release = append(release, knowledge.Release)
	default:
		return nil
	}
	if verb == "" {
		verb = knowledge.VerbFor(release)
	}
	return &resourceType{pkg: n.Obj().Pkg().Path(), name: n.Obj().Name(), release: release, verb: verb, nextCloses: nextCloses(t)}
}

// nextCloses reports whether values of type t have a method Next() bool,
// which for rows behind an interface closes them when it returns false
// (ent's ColumnScanner, a program's Rows).
func nextCloses(t types.Type) bool {
	next := methodOf(t, "Next")
	if next == nil {
		return false
	}
	sig := next.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
		types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

// mayHandOut reports, from its types alone, whether calling the interface
// method f may be an acquisition through a program interface: f is a
// method of a program interface named as one that hands resources out, and
// its first result is a resource of the catalog or a program interface.
// The gate of buildSSA asks it of every method a package calls.
func (c *catalog) mayHandOut(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() == 0 || !types.IsInterface(sig.Recv().Type()) {
		return false
	}
	if !c.programPackage(f.Pkg()) || !c.handsOutByName(f.Name()) {
		return false
	}
	r0 := sig.Results().At(0).Type()
	return c.resourceOf(r0) != nil || c.interfaceResource(r0) != nil
}

// interfaceAcquires reports whether a call of the interface method f
// hands out a resource as its first result (the rules at the top of this
// file).
func (e *pkgAnalysis) interfaceAcquires(f *types.Func) bool {
	if known, ok := e.ifaceAcquirers[f]; ok {
		return known
	}
	acquires := false
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil && sig.Results().Len() > 0 && e.cat.programPackage(f.Pkg()) {
		r0 := sig.Results().At(0).Type()
		switch {
		case e.resourceOf(r0) == nil:
		case e.cat.handsOutByName(f.Name()) && e.cat.resourceOf(r0) == nil:
			acquires = true // a program interface or an owning struct
		default:
			acquires = e.hasLibraryShape(f.Name(), sig) ||
				e.cat.handsOutByName(f.Name()) && len(e.cat.acquirerNames[f.Name()]) == 0 && returnsError(sig)
		}
		if !acquires && e.resourceOf(r0) != nil {
			acquires = e.implementationsAcquire(f, sig.Recv().Type())
		}
	}
	e.ifaceAcquirers[f] = acquires
	return acquires
}

// implementationsAcquire reports whether the interface method f, of the
// interface iface, has implementations among the named types of this
// package and the packages it imports, and each of them acquires (its
// fact: the first result is fresh). A repository whose every
// implementation in sight begins a transaction begins one, whatever its
// method is named (`Tx(ctx) (*sql.Tx, error)`).
func (e *pkgAnalysis) implementationsAcquire(f *types.Func, iface types.Type) bool {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	found := false
	for _, pkg := range append([]*types.Package{e.pass.Pkg}, e.pass.Pkg.Imports()...) {
		if !e.cat.programPackage(pkg) {
			continue
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			t := tn.Type()
			if !types.Implements(t, it) {
				if t = types.NewPointer(t); !types.Implements(t, it) {
					continue
				}
			}
			m := methodOf(t, f.Name())
			if m == nil {
				return false
			}
			fact := e.factOf(m)
			if fact == nil || !has(fact.Acquires, 0) {
				return false
			}
			found = true
		}
	}
	return found
}

func returnsError(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() > 1 && types.Identical(res.At(res.Len()-1).Type(), errorType)
}

// hasLibraryShape reports whether a catalog acquirer named name has the
// results of sig: as many, the same resource first.
func (e *pkgAnalysis) hasLibraryShape(name string, sig *types.Signature) bool {
	for _, key := range e.cat.acquirerNames[name] {
		lib := e.lookupKey(key)
		if lib == nil {
			continue
		}
		ls := lib.Type().(*types.Signature)
		if ls.Results().Len() == sig.Results().Len() && types.Identical(ls.Results().At(0).Type(), sig.Results().At(0).Type()) {
			return true
		}
	}
	return false
}

// lookupKey returns the function or method that a catalog key names, if
// its package is among the package's dependencies.
func (e *pkgAnalysis) lookupKey(key string) *types.Func {
	if e.deps == nil {
		e.deps = map[string]*types.Package{}
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			if _, seen := e.deps[p.Path()]; seen {
				return
			}
			e.deps[p.Path()] = p
			for _, q := range p.Imports() {
				walk(q)
			}
		}
		walk(e.pass.Pkg)
	}
	pkgPath := pkgOfKey(key)
	pkg := e.deps[pkgPath]
	if pkg == nil {
		return nil
	}
	typeName, method, isMethod := strings.Cut(strings.TrimPrefix(key, pkgPath+"."), ".")
	obj := pkg.Scope().Lookup(typeName)
	if !isMethod {
		f, _ := obj.(*types.Func)
		return f
	}
	if obj == nil {
		return nil
	}
	return methodOf(types.NewPointer(obj.Type()), method)
}

// tiedThroughInterface reports whether call, a call of an interface method
// on a transaction of the program, returns a resource that ends with the
// transaction it was made in (knowledge.Resource.EndsWithTx: database/sql's
// and sqlx's rows and statements, as the library's Tied says of *sql.Tx's
// own).
func (e *pkgAnalysis) tiedThroughInterface(call *ssa.CallCommon) bool {
	if !call.IsInvoke() {
		return false
	}
	recv := e.cat.interfaceResource(call.Value.Type())
	if recv == nil || recv.verb != knowledge.VerbTx {
		return false
	}
	res := call.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	r := e.cat.resourceOf(res.At(0).Type())
	return r != nil && r.endsWithTx
}

// stdPackages tells the packages of the standard library by whether
// GOROOT/src holds their directory, remembered per path.
type stdPackages struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (s *stdPackages) has(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if std, ok := s.paths[path]; ok {
		return std
	}
	std := false
	if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") && build.Default.GOROOT != "" {
		st, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(path)))
		std = err == nil && st.IsDir()
	}
	if s.paths == nil {
		s.paths = map[string]bool{}
	}
	s.paths[path] = std
	return std
}
