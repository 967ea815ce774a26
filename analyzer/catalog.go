package analyzer

import (
	"go/types"
	"maps"
	"strings"

	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// This file is the catalog: the questions the engine asks of what package
// knowledge (one file per library) and the configuration file know. The
// dataflow never names a library.

// A resourceType is a named type whose values are taken out of a pool or a
// server and must be given back: a knowledge.Resource, a type of the
// configuration file, or an interface of the program (interfaces.go).
type resourceType struct {
	pkg, name string
	// release lists the methods that give the value back.
	release []string
	// verb says in a diagnostic what did not happen: "closed", "released".
	verb string
	// nextCloses, errorReleases, repeatable, endsWithTx: as
	// knowledge.Resource says.
	nextCloses    bool
	errorReleases []string
	repeatable    bool
	endsWithTx    bool
	// viewCloses are the Close methods ("pkg.Type.Close") of the pools
	// that views of a pool stand for (knowledge.Library.PoolViews): the
	// Close of the *sql.DB of a *gorm.DB's DB() closes the gorm DB's pool.
	viewCloses map[string]bool
}

func newResource(r knowledge.Resource) *resourceType {
	return &resourceType{pkg: r.Pkg, name: r.Name(), release: r.Release, verb: r.Verb,
		nextCloses: r.NextCloses, errorReleases: r.ErrorReleases, repeatable: r.Repeatable, endsWithTx: r.EndsWithTx}
}

// A catalog is the resolved form of the libraries the analysis knows (the
// built-in ones of package knowledge and those of the configuration file),
// ready for lookups: the questions the engine asks of them.
type catalog struct {
	resources map[string]*resourceType // "pkg.Name"
	acquirers map[string]bool
	tied      map[string]bool
	// endedWithContext: knowledge.Library.EndedWithContext.
	endedWithContext map[string]bool
	consumers        map[string]int
	noReturn         map[string]bool
	testFailers      map[string]bool
	borrowers        map[string]bool
	pools            map[string]bool
	poolCreators     map[string]bool
	poolViews        map[string]string
	poolChains       map[string]bool
	assertions       map[string]bool
	assertsError     map[string]bool
	errorMatchers    map[string]knowledge.ErrorMatch
	cancelDerivers   map[string]bool
	sharedLookups    map[string]bool
	runsAtMostOnce   map[string]bool
	// packages holds every package path of a resource, an acquirer or a
	// consumer: a package that imports none of them holds no obligation.
	// libraries are those of the built-in entries: analysed themselves,
	// they export no facts and compute none for the catalog's functions
	// (database/sql is not analysed at all; see checker.run). The packages
	// of the configuration file are not among them: they are the user's.
	packages  map[string]bool
	libraries map[string]bool
	// acquirerNames maps a method or function name to the acquirers so
	// named (interfaces.go: the shapes a program interface may mirror).
	acquirerNames map[string][]string
	std           *stdPackages

	// releasedByCalling: knowledge.Library.ReleasedByCalling.
	releasedByCalling map[string]int
}

func newCatalog() *catalog {
	c := &catalog{
		resources:        map[string]*resourceType{},
		acquirers:        map[string]bool{},
		tied:             map[string]bool{},
		endedWithContext: map[string]bool{},
		consumers:        map[string]int{},
		noReturn:         map[string]bool{},
		testFailers:      map[string]bool{},
		borrowers:        map[string]bool{},
		pools:            map[string]bool{},
		poolCreators:     map[string]bool{},
		poolViews:        map[string]string{},
		poolChains:       map[string]bool{},
		assertions:       map[string]bool{},
		assertsError:     map[string]bool{},
		errorMatchers:    map[string]knowledge.ErrorMatch{},
		cancelDerivers:   map[string]bool{},
		sharedLookups:    map[string]bool{},
		runsAtMostOnce:   map[string]bool{},
		packages:         map[string]bool{},
		acquirerNames:    map[string][]string{},
		std:              &stdPackages{},

		releasedByCalling: map[string]int{},
	}
	for _, lib := range knowledge.Builtin() {
		c.add(lib)
	}
	c.libraries = maps.Clone(c.packages)
	return c
}

// add adds what lib knows.
func (c *catalog) add(lib knowledge.Library) {
	for _, r := range lib.Resources {
		c.resources[r.Pkg+"."+r.Name()] = newResource(r)
		c.packages[r.Pkg] = true
	}
	for _, k := range lib.Acquirers {
		c.addAcquirer(k)
		c.packages[pkgOfKey(k)] = true
	}
	for k, p := range lib.Consumers {
		c.consumers[k] = p
		c.packages[pkgOfKey(k)] = true
	}
	maps.Copy(c.releasedByCalling, lib.ReleasedByCalling)
	maps.Copy(c.poolViews, lib.PoolViews)
	set := func(m map[string]bool, keys []string) {
		for _, k := range keys {
			m[k] = true
		}
	}
	set(c.tied, lib.Tied)
	set(c.endedWithContext, lib.EndedWithContext)
	set(c.noReturn, lib.NoReturn)
	set(c.testFailers, lib.FailsTest)
	set(c.borrowers, lib.Borrowing)
	set(c.pools, lib.Pools)
	set(c.poolCreators, lib.PoolCreators)
	set(c.poolChains, lib.PoolChains)
	set(c.assertions, lib.Assertions)
	set(c.assertsError, lib.AssertsError)
	set(c.cancelDerivers, lib.CancelDerivers)
	set(c.sharedLookups, lib.SharedLookups)
	set(c.runsAtMostOnce, lib.RunsAtMostOnce)
	maps.Copy(c.errorMatchers, lib.ErrorMatchers)
}

// addAcquirer adds the acquirer key.
func (c *catalog) addAcquirer(key string) {
	if !c.acquirers[key] {
		c.acquirers[key] = true
		name := key[strings.LastIndex(key, ".")+1:]
		c.acquirerNames[name] = append(c.acquirerNames[name], key)
	}
}

// funcKey names f as the catalog does, or returns "" for a method of an
// unnamed type.
func funcKey(f *types.Func) string {
	f = f.Origin()
	if f.Pkg() == nil {
		return ""
	}
	sig, _ := f.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return f.Pkg().Path() + "." + f.Name()
	}
	named := namedOf(sig.Recv().Type())
	if named == nil {
		return ""
	}
	return f.Pkg().Path() + "." + named.Obj().Name() + "." + f.Name()
}

// namedOf returns the named type of t or *t, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// resourceOf returns the resource type of values of type t, or nil.
func (c *catalog) resourceOf(t types.Type) *resourceType {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	return c.resources[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

func (c *catalog) isNoReturn(f *types.Func) bool { return c.noReturn[funcKey(f)] }

// failsTest reports whether calling f marks a test failed and goes on
// (t.Error, t.Errorf, t.Fail). A discarded result is not reported on such a
// path (docs/design.md, Why the limitations); a resource the test keeps is.
func (c *catalog) failsTest(f *types.Func) bool { return c.testFailers[funcKey(f)] }

// poolResource returns the pool type of t as a resource: a pool a
// function creates is given back by its Close, or handed over (returned,
// stored where it outlives the call). The pool types are no resources
// otherwise: a *sql.DB parameter or field is the pool of someone else.
func (c *catalog) poolResource(t types.Type) *resourceType {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	pkg, name := n.Obj().Pkg().Path(), n.Obj().Name()
	if !c.pools[pkg+"."+name] {
		return nil
	}
	r := &resourceType{pkg: pkg, name: name, release: []string{knowledge.PoolClose}, verb: knowledge.VerbClose,
		repeatable: c.libraries[pkg]}
	// Its views: where their error is not nil it holds no pool to close
	// (as knowledge.Resource.ErrorReleases), and their pool's Close
	// closes it.
	for key, view := range c.poolViews {
		if p, rest := knowledge.SplitKey(key); p == pkg && strings.HasPrefix(rest, name+".") {
			r.errorReleases = append(r.errorReleases, strings.TrimPrefix(rest, name+"."))
			if r.viewCloses == nil {
				r.viewCloses = map[string]bool{}
			}
			r.viewCloses[view+"."+knowledge.PoolClose] = true
		}
	}
	return r
}

// poolView reports whether the call of f, a method, on a value of a pool
// type returns, as its first result, a value that stands for the pool
// that value holds: a view of the catalog (knowledge.Library.PoolViews),
// or a method of a chaining pool type that returns that type
// (knowledge.Library.PoolChains).
func (c *catalog) poolView(f *types.Func) bool {
	key := funcKey(f)
	if _, ok := c.poolViews[key]; ok {
		return true
	}
	sig, _ := f.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Results().Len() == 0 {
		return false
	}
	n := namedOf(sig.Recv().Type())
	return n != nil && c.poolChains[f.Pkg().Path()+"."+n.Obj().Name()] &&
		types.Identical(sig.Results().At(0).Type(), sig.Recv().Type())
}

// releasedBy reports whether calling callee on an alias of a resource of
// type t, r, gives it back: a release method of t itself (isReleaseCall),
// or the Close of a pool that a view of it stands for.
func releasedBy(r *resourceType, t types.Type, callee *types.Func) bool {
	return isReleaseCall(r, t, callee) || r.viewCloses[funcKey(callee)]
}

// isAssertion reports whether f is a test assertion (testify's require and
// assert).
func (c *catalog) isAssertion(f *types.Func) bool {
	return f.Pkg() != nil && c.assertions[f.Pkg().Path()]
}

// releaseMethod reports whether calling method name on a value of type t
// gives a value of resource r back.
func releaseMethod(r *resourceType, name string) bool {
	for _, m := range r.release {
		if m == name {
			return true
		}
	}
	return false
}

// methodOf returns the method named name of type t, promoted or not.
func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	f, _ := obj.(*types.Func)
	return f
}

// isReleaseCall reports whether calling callee on a value of type t (the
// resource's own type, r) gives it back: callee must be the very method that
// t's method set resolves the release name to, so that a promoted
// (*sql.Tx).Commit counts for *sqlx.Tx and an unrelated Close does not.
func isReleaseCall(r *resourceType, t types.Type, callee *types.Func) bool {
	if !releaseMethod(r, callee.Name()) {
		return false
	}
	m := methodOf(t, callee.Name())
	return m != nil && m.Origin() == callee.Origin()
}
