package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds SSA for the package and returns its source functions,
// function literals included, in source order — or nothing when the package
// imports no package of the catalog, which then cannot hold an obligation.
// Building SSA here rather than requiring buildssa spares every other
// package the cost.
//
// A package with a function too large to lift (see liftLimit), or any
// package when naive is set, is built in naive form; large is then the
// position of that function, and NoPos otherwise; naiveForm reports the
// form it was built in.
func buildSSA(pass *analysis.Pass, cat *catalog, facts, naive bool) (funcs []*ssa.Function, large token.Pos, naiveForm bool) {
	if !importsCatalog(pass.Pkg, cat) && !usesCatalog(pass.TypesInfo, cat) && !(facts && importsFacts(pass)) {
		return nil, token.NoPos, false
	}
	mode := ssa.BuilderMode(0)
	if large = largestLift(pass.Files, pass.TypesInfo); large.IsValid() || naive {
		mode = ssa.NaiveForm
	}
	prog := ssa.NewProgram(pass.Fset, mode)
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
	return funcs, large, mode&ssa.NaiveForm != 0
}

// BuilderMode returns the go/ssa mode connrelease builds a package's SSA
// in: naive form when one of its functions is too large to lift cheaply
// (see liftLimit), the default form otherwise.
func BuilderMode(files []*ast.File, info *types.Info) ssa.BuilderMode {
	if largestLift(files, info).IsValid() {
		return ssa.NaiveForm
	}
	return 0
}

// liftLimit bounds the estimated cost of lifting one function. go/ssa's
// lifting, which turns local variables into registers and places the phis,
// takes time in proportion to the function's variables times its blocks,
// about 60 ns for each: a function of 10 000 acquisitions and branches
// took 28 s to lift, 99 % of its analysis, and one of a 1 000-case switch
// (8 million) 0.46 s, eleven times its analysis in naive form. Naive form
// keeps variables in memory, and the analysis reads each load through the
// store that reaches it (resolve, soleStore, branchSubjects): its cost
// grows in proportion to the function, on ordinary code it costs about the
// same (BenchmarkAnalyzeFixedPackage: 5 % less memory, the time within
// noise), and the test suites, the fuzzer and the benchmark corpus give the
// same diagnostics in both forms. The limit, about 1 000 variables times
// 1 000 blocks, where lifting takes some 60 ms, is far above ordinary code.
const liftLimit = 1_000_000

// largestLift returns the position of the first function (declaration or
// literal, each on its own as go/ssa builds them) whose estimated lifting
// cost, variables times blocks, exceeds liftLimit, or NoPos.
func largestLift(files []*ast.File, info *types.Info) token.Pos {
	var found token.Pos
	var walk func(fn ast.Node, typ *ast.FuncType, body *ast.BlockStmt)
	walk = func(fn ast.Node, typ *ast.FuncType, body *ast.BlockStmt) {
		vars, blocks := 0, 1
		count := func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				walk(n, n.Type, n.Body)
				return false // a function of its own
			case *ast.Ident:
				if _, ok := info.Defs[n].(*types.Var); ok {
					vars++
				}
			case *ast.IfStmt:
				blocks += 2
			case *ast.ForStmt, *ast.RangeStmt:
				blocks += 3
			case *ast.CaseClause, *ast.CommClause, *ast.ReturnStmt, *ast.BranchStmt, *ast.LabeledStmt:
				blocks++
			case *ast.BinaryExpr:
				if n.Op == token.LAND || n.Op == token.LOR {
					blocks++
				}
			}
			return true
		}
		ast.Inspect(typ, count)
		if body != nil {
			ast.Inspect(body, count)
		}
		if !found.IsValid() && vars*blocks > liftLimit {
			found = fn.Pos()
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok {
				walk(d, d.Type, d.Body)
				continue
			}
			// Function literals in package-level initialisers.
			ast.Inspect(decl, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					walk(lit, lit.Type, lit.Body)
					return false
				}
				return true
			})
		}
	}
	return found
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
		if f, ok := sel.Obj().(*types.Func); ok && cat.mayHandOut(f) {
			return true // an acquisition through a program interface
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
