package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds SSA for the package and returns its source functions,
// function literals included, in source order — or nothing when the package
// imports no package of the catalog, which then cannot hold an obligation.
// Building SSA here rather than requiring buildssa spares every other
// package the cost.
func buildSSA(pass *analysis.Pass, cat *catalog, facts bool) []*ssa.Function {
	if !importsCatalog(pass.Pkg, cat) && !usesCatalog(pass.TypesInfo, cat) && !(facts && importsFacts(pass)) {
		return nil
	}
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	created := map[*types.Package]bool{pass.Pkg: true}
	create := func(p *types.Package) {
		if created[p] {
			return
		}
		created[p] = true
		prog.CreatePackage(p, nil, nil, true)
	}
	for _, p := range pass.Pkg.Imports() {
		create(p)
	}
	// Catalog packages reached only indirectly: their methods must have
	// SSA functions with their objects for the catalog to recognise calls.
	visited := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if visited[p] {
			return
		}
		visited[p] = true
		if cat.packages[p.Path()] {
			create(p)
		}
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(pass.Pkg)
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	// Function literals in package-level variable initialisers belong to init.
	if init := pkg.Func("init"); init != nil {
		for _, anon := range init.AnonFuncs {
			add(anon)
		}
	}
	return funcs
}

func importsCatalog(pkg *types.Package, cat *catalog) bool {
	if cat.packages[pkg.Path()] {
		return true
	}
	for _, p := range pkg.Imports() {
		if cat.packages[p.Path()] {
			return true
		}
	}
	return false
}

// usesCatalog reports whether the package calls a method of a catalog type
// without importing its package (`deps.DB.QueryContext(…)` where deps comes
// from another package of the module).
func usesCatalog(info *types.Info, cat *catalog) bool {
	for _, sel := range info.Selections {
		if pkg := sel.Obj().Pkg(); pkg != nil && cat.packages[pkg.Path()] {
			return true
		}
	}
	return false
}

// importsFacts reports whether a direct import exports ownership facts.
func importsFacts(pass *analysis.Pass) bool {
	for _, p := range pass.Pkg.Imports() {
		var f pkgFact
		if pass.ImportPackageFact(p, &f) {
			return true
		}
	}
	return false
}
