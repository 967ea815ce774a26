package analyzer

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// This file builds the suggested fix of a leak, where it is unambiguous:
// the resource is handed over nowhere in the function and released, if at
// all, only by its own release methods (releasedOnlyByItsMethods), it is
// assigned to a variable by a statement of its own outside any loop, and
// that statement is followed by its error check, whose body ends the
// function (or has no error at all). The fix inserts the release as a
// defer after the check: `defer conn.Close()`, `defer tx.Rollback()`,
// `defer tx.Rollback(ctx)` with the context already in scope.

func (c *checker) suggestFix(pass *analysis.Pass, fa *funcAnalysis, i int, site *callSite, name string) []analysis.SuggestedFix {
	o := fa.obls[i]
	// One given back by a function its acquirer returned wants that
	// function kept and deferred, not a method that does more (rueidis's
	// Close also closes the connection).
	if o.byCalling || !fa.releasedOnlyByItsMethods(i) || !token.IsIdentifier(name) {
		return nil
	}
	// The path from the call up to its function: searched in the
	// function's own syntax, not the whole file, so that a package of many
	// functions costs linear time.
	root := fa.fn.Syntax()
	if root == nil {
		return nil
	}
	path := pathTo(root, site.call)
	if path == nil {
		return nil
	}
	var stmt ast.Stmt
	var list []ast.Stmt
	for k, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil // a defer here would be a defer in a loop
		case *ast.FuncDecl, *ast.FuncLit:
			if stmt == nil || list == nil {
				return nil
			}
			return c.deferFix(pass, fa, o, site, name, stmt, list, path[k:])
		case *ast.AssignStmt, *ast.DeclStmt:
			if stmt == nil {
				stmt = n.(ast.Stmt)
			}
		case *ast.BlockStmt:
			if stmt != nil && list == nil {
				list = n.List
			}
		case *ast.CaseClause:
			if stmt != nil && list == nil {
				list = n.Body
			}
		case *ast.CommClause:
			if stmt != nil && list == nil {
				list = n.Body
			}
		}
	}
	return nil
}

func (c *checker) deferFix(pass *analysis.Pass, fa *funcAnalysis, o *obligation, site *callSite, name string, stmt ast.Stmt, list []ast.Stmt, outer []ast.Node) []analysis.SuggestedFix {
	idx := -1
	for k, s := range list {
		if s == stmt {
			idx = k
		}
	}
	if idx < 0 {
		return nil
	}
	anchor := stmt
	if o.errv != nil {
		errName := ""
		if len(site.lhs) > 0 {
			errName = types.ExprString(site.lhs[len(site.lhs)-1])
		}
		if idx+1 >= len(list) || !isErrCheck(list[idx+1], errName) {
			return nil
		}
		anchor = list[idx+1]
	}
	method := o.res.release[0]
	if releaseMethod(o.res, knowledge.Rollback) {
		method = knowledge.Rollback
	}
	m := methodOf(o.typ, method)
	if m == nil {
		return nil
	}
	args := ""
	switch params := m.Type().(*types.Signature).Params(); params.Len() {
	case 0:
	case 1:
		if !isContext(params.At(0).Type()) {
			return nil
		}
		ctx := contextInScope(pass, site, outer)
		if ctx == "" {
			return nil
		}
		args = ctx
	default:
		return nil
	}
	text := "defer " + name + "." + method + "(" + args + ")"
	col := pass.Fset.Position(stmt.Pos()).Column
	at := lineEnd(pass.Fset, anchor.End())
	return []analysis.SuggestedFix{{
		Message: "Add " + text,
		TextEdits: []analysis.TextEdit{{
			Pos:     at,
			End:     at,
			NewText: []byte("\n" + strings.Repeat("\t", col-1) + text),
		}},
	}}
}

// releasedOnlyByItsMethods reports whether a deferred release can be added
// for obligation i without changing what its function does on the paths
// that already give it back: nothing releases it, or only calls of its own
// release methods do (`return tx.Commit()`, `rows.Close()`) and its type
// may be released again (resourceType.repeatable). Whatever hands it over,
// defers its release or releases it otherwise rules the fix out. The
// answers are collected on first use, so that a function of many leaks is
// not scanned once for each.
func (fa *funcAnalysis) releasedOnlyByItsMethods(i int) bool {
	if fa.fixable == nil {
		fa.fixable = make([]bool, len(fa.obls))
		for k := range fa.fixable {
			fa.fixable[k] = true
		}
		for _, evs := range fa.events {
			for _, ev := range evs {
				switch {
				case ev.obl < 0 || ev.kind == evAcquire:
				case ev.kind == evRelease && fa.obls[ev.obl].res.repeatable && !ev.inherited &&
					releaseMethod(fa.obls[ev.obl].res, ev.method) && ev.method != "Hijack":
				default:
					fa.fixable[ev.obl] = false
				}
			}
		}
	}
	return fa.fixable[i]
}

// isErrCheck reports whether s is `if err != nil { …; return … }`.
func isErrCheck(s ast.Stmt, errName string) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || errName == "" {
		return false
	}
	bin, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ || types.ExprString(bin.X) != errName || types.ExprString(bin.Y) != "nil" {
		return false
	}
	if len(ifs.Body.List) == 0 {
		return false
	}
	switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := types.ExprString(call.Fun)
		return fn == "panic" || strings.HasSuffix(fn, ".Fatal") || strings.HasSuffix(fn, ".Fatalf")
	}
	return false
}

func isContext(t types.Type) bool {
	n := namedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// contextInScope returns a context.Context to pass to a release method: the
// acquisition's own context argument when it is a plain name, or a
// parameter of the enclosing function.
func contextInScope(pass *analysis.Pass, site *callSite, outer []ast.Node) string {
	if len(site.call.Args) > 0 {
		if id, ok := site.call.Args[0].(*ast.Ident); ok && isContext(pass.TypesInfo.TypeOf(id)) {
			return id.Name
		}
	}
	var ftype *ast.FuncType
	switch fn := outer[0].(type) {
	case *ast.FuncDecl:
		ftype = fn.Type
	case *ast.FuncLit:
		ftype = fn.Type
	}
	if ftype == nil || ftype.Params == nil {
		return ""
	}
	for _, field := range ftype.Params.List {
		if isContext(pass.TypesInfo.TypeOf(field.Type)) && len(field.Names) > 0 && field.Names[0].Name != "_" {
			return field.Names[0].Name
		}
	}
	return ""
}

// lineEnd returns the end of the line of pos, after any trailing comment.
func lineEnd(fset *token.FileSet, pos token.Pos) token.Pos {
	tf := fset.File(pos)
	line := tf.Line(pos)
	if line >= tf.LineCount() {
		return token.Pos(tf.Base() + tf.Size())
	}
	return tf.LineStart(line+1) - 1
}

// pathTo returns the nodes from target up to root, innermost first, or nil
// if target is not under root.
func pathTo(root, target ast.Node) []ast.Node {
	var path []ast.Node
	for n := root; n != nil; n = childContaining(n, target) {
		path = append(path, n)
		if n == target {
			slices.Reverse(path)
			return path
		}
	}
	return nil
}

// childContaining returns the child of n that contains target, or nil. The
// statements of a block are searched by position, so that the path into a
// function of many statements costs their logarithm, not their number.
func childContaining(n, target ast.Node) ast.Node {
	contains := func(c ast.Node) bool { return c.Pos() <= target.Pos() && target.End() <= c.End() }
	var list []ast.Stmt
	switch n := n.(type) {
	case *ast.BlockStmt:
		list = n.List
	case *ast.CaseClause:
		list = n.Body
	case *ast.CommClause:
		list = n.Body
	}
	if k, _ := slices.BinarySearchFunc(list, target.End(), func(s ast.Stmt, end token.Pos) int { return cmp.Compare(s.End(), end) }); k < len(list) && contains(list[k]) {
		return list[k]
	}
	var child ast.Node
	ast.Inspect(n, func(c ast.Node) bool {
		switch {
		case c == n:
			return true
		case child == nil && c != nil && contains(c):
			child = c
		}
		return false
	})
	return child
}
