package knowledge_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// TestBuiltinAgainstRealModules looks every built-in entry up in the real
// libraries (vendored in analyzer/testdata/realmod, at the versions its
// go.mod pins): each resource type with its release methods, each function
// or method key, and what they return. A name that is not there would
// silently turn a check off.
func TestBuiltinAgainstRealModules(t *testing.T) {
	libs := knowledge.Builtin()
	pkgs := loadMentioned(t, libs)
	lookupType := func(pkg, name string) *types.TypeName {
		p := pkgs[pkg]
		if p == nil {
			t.Errorf("package %s is not in analyzer/testdata/realmod (add it to realmod/libs)", pkg)
			return nil
		}
		tn, _ := p.Scope().Lookup(name).(*types.TypeName)
		if tn == nil {
			t.Errorf("%s has no type %s", pkg, name)
		}
		return tn
	}
	lookupFunc := func(key string) *types.Func {
		pkg, rest := knowledge.SplitKey(key)
		p := pkgs[pkg]
		if p == nil {
			t.Errorf("%s: package %s is not in analyzer/testdata/realmod", key, pkg)
			return nil
		}
		typeName, method, isMethod := strings.Cut(rest, ".")
		if !isMethod {
			f, _ := p.Scope().Lookup(rest).(*types.Func)
			if f == nil {
				t.Errorf("%s: no such function", key)
			}
			return f
		}
		tn, _ := p.Scope().Lookup(typeName).(*types.TypeName)
		if tn == nil {
			t.Errorf("%s: no type %s", key, typeName)
			return nil
		}
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, p, method)
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			obj, _, _ = types.LookupFieldOrMethod(tn.Type(), true, p, method)
		}
		f, _ := obj.(*types.Func)
		if f == nil {
			t.Errorf("%s: no such method", key)
			return nil
		}
		// The key names the type that declares the method (a promoted
		// method is named by its own type, as the analyzer's funcKey does).
		if recv := f.Type().(*types.Signature).Recv(); recv != nil {
			if n := named(recv.Type()); n != nil && n.Obj() != tn {
				t.Errorf("%s: the method is declared by %s, name it so", key, n.Obj().Name())
			}
		}
		return f
	}

	resources := map[string]knowledge.Resource{}
	pools := map[string]bool{}
	for _, lib := range libs {
		for _, r := range lib.Resources {
			resources[r.Pkg+"."+r.Name()] = r
			tn := lookupType(r.Pkg, r.Name())
			if tn == nil {
				continue
			}
			_, isIface := tn.Type().Underlying().(*types.Interface)
			if ptr := strings.HasPrefix(r.Type, "*"); ptr == isIface {
				t.Errorf("%s: Type %q: a pointer to a struct is written *%s, an interface without *", r.Shown(), r.Type, r.Name())
			}
			t2 := types.Type(types.NewPointer(tn.Type()))
			if isIface {
				t2 = tn.Type()
			}
			for _, m := range r.Release {
				if obj, _, _ := types.LookupFieldOrMethod(t2, true, tn.Pkg(), m); obj == nil {
					t.Errorf("%s has no method %s", r.Shown(), m)
				}
			}
			if r.Verb == "" || len(r.Release) == 0 {
				t.Errorf("%s: no verb or no release method", r.Shown())
			}
		}
		for _, p := range lib.Pools {
			pools[p] = true
			pkg, name := knowledge.SplitKey(p)
			lookupType(pkg, name)
		}
	}
	isResource := func(typ types.Type) bool {
		n := named(typ)
		if n == nil || n.Obj().Pkg() == nil {
			return false
		}
		r, ok := resources[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
		return ok && strings.HasPrefix(r.Type, "*") == isPointer(typ)
	}
	for _, lib := range libs {
		acquirers := map[string]bool{}
		for _, k := range lib.Acquirers {
			acquirers[k] = true
			if f := lookupFunc(k); f != nil {
				if res := f.Type().(*types.Signature).Results(); res.Len() == 0 || !isResource(res.At(0).Type()) {
					t.Errorf("acquirer %s: its first result is not a resource of the catalog", k)
				}
			}
		}
		for _, k := range lib.Tied {
			if !acquirers[k] {
				t.Errorf("tied %s is not an acquirer of %s", k, lib.Name)
			}
		}
		for _, k := range lib.EndedWithContext {
			if !acquirers[k] {
				t.Errorf("ended with context %s is not an acquirer of %s", k, lib.Name)
			}
			if f := lookupFunc(k); f != nil {
				if p := f.Type().(*types.Signature).Params(); p.Len() == 0 || types.TypeString(p.At(0).Type(), nil) != "context.Context" {
					t.Errorf("ended with context %s: its first parameter is not a context.Context", k)
				}
			}
		}
		for k, i := range lib.ReleasedByCalling {
			if !acquirers[k] {
				t.Errorf("released by calling %s is not an acquirer of %s", k, lib.Name)
			}
			if f := lookupFunc(k); f != nil {
				if res := f.Type().(*types.Signature).Results(); i >= res.Len() || !isFunc(res.At(i).Type()) {
					t.Errorf("released by calling %s: result %d is not a function", k, i)
				}
			}
		}
		for k, i := range lib.Consumers {
			if f := lookupFunc(k); f != nil {
				if p := f.Type().(*types.Signature).Params(); i >= p.Len() || !isResource(p.At(i).Type()) {
					t.Errorf("consumer %s: parameter %d is not a resource of the catalog", k, i)
				}
			}
		}
		for _, k := range lib.PoolCreators {
			if f := lookupFunc(k); f != nil {
				res := f.Type().(*types.Signature).Results()
				if n := named(firstOf(res)); n == nil || !pools[n.Obj().Pkg().Path()+"."+n.Obj().Name()] {
					t.Errorf("pool creator %s: its first result is not a pool", k)
				}
			}
		}
		for k, view := range lib.PoolViews {
			f := lookupFunc(k)
			if f == nil {
				continue
			}
			sig := f.Type().(*types.Signature)
			if n := named(sig.Recv().Type()); n == nil || !pools[n.Obj().Pkg().Path()+"."+n.Obj().Name()] {
				t.Errorf("pool view %s: not a method of a pool", k)
			}
			if n := named(firstOf(sig.Results())); n == nil || n.Obj().Pkg().Path()+"."+n.Obj().Name() != view || !pools[view] {
				t.Errorf("pool view %s: its first result is not the pool %s", k, view)
			}
			if r := sig.Results(); types.TypeString(r.At(r.Len()-1).Type(), nil) != "error" {
				t.Errorf("pool view %s: its last result is not an error", k)
			}
		}
		for _, p := range lib.PoolChains {
			if !pools[p] {
				t.Errorf("pool chain %s is not a pool", p)
			}
		}
		for _, keys := range [][]string{lib.NoReturn, lib.FailsTest, lib.CancelDerivers, lib.SharedLookups} {
			for _, k := range keys {
				lookupFunc(k)
			}
		}
		for _, k := range lib.RunsAtMostOnce {
			if f := lookupFunc(k); f != nil {
				if p := f.Type().(*types.Signature).Params(); p.Len() != 1 || !isFunc(p.At(0).Type()) {
					t.Errorf("%s runs at most once: its parameter is not a function", k)
				}
			}
		}
		for k := range lib.ErrorMatchers {
			lookupFunc(k)
		}
		for _, p := range append(slices.Clone(lib.Borrowing), lib.Assertions...) {
			if pkgs[p] == nil {
				t.Errorf("package %s is not in analyzer/testdata/realmod", p)
			}
		}
		for _, a := range lib.Assertions {
			for _, name := range lib.AssertsError {
				lookupFunc(a + "." + name)
			}
		}
	}
}

// TestNoKeyTwice: a key in two libraries, or twice in one, is a sign of a
// copy left behind.
func TestNoKeyTwice(t *testing.T) {
	seen := map[string]string{}
	for _, lib := range knowledge.Builtin() {
		var keys []string
		for _, r := range lib.Resources {
			keys = append(keys, "resource "+r.Pkg+"."+r.Name())
		}
		for _, k := range lib.Acquirers {
			keys = append(keys, "acquirer "+k)
		}
		for _, k := range lib.Pools {
			keys = append(keys, "pool "+k)
		}
		for _, k := range lib.PoolCreators {
			keys = append(keys, "pool creator "+k)
		}
		for _, k := range keys {
			if prev, dup := seen[k]; dup {
				t.Errorf("%s: in %s and %s", k, prev, lib.Name)
			}
			seen[k] = lib.Name
		}
	}
}

func TestPackageName(t *testing.T) {
	for path, want := range map[string]string{
		"database/sql":                           "sql",
		"github.com/jackc/pgx/v5/pgxpool":        "pgxpool",
		"github.com/jackc/pgx/v5":                "pgx",
		"github.com/redis/go-redis/v9":           "redis",
		"github.com/go-redis/redis/v8":           "redis",
		"github.com/gomodule/redigo/redis":       "redis",
		"go.mongodb.org/mongo-driver/v2/mongo":   "mongo",
		"github.com/ClickHouse/clickhouse-go/v2": "clickhouse",
		"github.com/jackc/puddle/v2":             "puddle",
	} {
		if got := knowledge.PackageName(path); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", path, got, want)
		}
	}
}

// loadMentioned loads, from analyzer/testdata/realmod's vendor directory,
// every package the libraries mention.
func loadMentioned(t *testing.T, libs []knowledge.Library) map[string]*types.Package {
	t.Helper()
	set := map[string]bool{}
	add := func(keys ...string) {
		for _, k := range keys {
			pkg, _ := knowledge.SplitKey(k)
			set[pkg] = true
		}
	}
	for _, lib := range libs {
		for _, r := range lib.Resources {
			set[r.Pkg] = true
		}
		add(lib.Acquirers...)
		add(lib.Pools...)
		add(lib.PoolCreators...)
		for k := range lib.PoolViews {
			add(k)
		}
		add(lib.NoReturn...)
		add(lib.FailsTest...)
		add(lib.CancelDerivers...)
		add(lib.SharedLookups...)
		add(lib.RunsAtMostOnce...)
		for k := range lib.Consumers {
			add(k)
		}
		for k := range lib.ErrorMatchers {
			add(k)
		}
		for _, p := range append(slices.Clone(lib.Borrowing), lib.Assertions...) {
			set[p] = true
		}
	}
	var patterns []string
	for p := range set {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "realmod"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		// From source, as analysistest loads realmod: export data would
		// compile every vendored library first (minutes on a cold cache).
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedImports | packages.NeedDeps,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=0"),
		// Only declarations are looked up: without the bodies of the
		// functions, type-checking costs a fraction.
		ParseFile: parseDeclarations,
	}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	for _, p := range loaded {
		for _, e := range p.Errors {
			// Without the bodies, an import used only in them is unused.
			if !unusedImport.MatchString(e.Msg) {
				t.Errorf("%s: %v", p.PkgPath, e)
			}
		}
		if p.Types != nil {
			out[p.PkgPath] = p.Types
		}
	}
	return out
}

func named(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

func firstOf(t *types.Tuple) types.Type {
	if t.Len() == 0 {
		return types.Typ[types.Invalid]
	}
	return t.At(0).Type()
}

// isFunc reports whether t is a function type.
func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

var unusedImport = regexp.MustCompile(`imported (as \w+ )?and not used$`)

// parseDeclarations parses a file without the bodies of its functions and
// methods, except generic ones, which must have one, as init must (it
// keeps an empty one).
func parseDeclarations(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if f == nil {
		return f, err
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		switch {
		case !ok || fd.Body == nil || fd.Type.TypeParams != nil || fd.Recv != nil && genericReceiver(fd.Recv.List[0].Type):
		case fd.Recv == nil && fd.Name.Name == "init":
			fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
		default:
			fd.Body = nil
		}
	}
	return f, err
}

// genericReceiver reports whether a method's receiver type has type
// parameters: T[P] or *T[P, Q].
func genericReceiver(recv ast.Expr) bool {
	if star, ok := recv.(*ast.StarExpr); ok {
		recv = star.X
	}
	switch recv.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}
