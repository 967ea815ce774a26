package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file finds, for an acquisition call, its syntax: the call expression
// and the variables it is assigned to, for messages and fixes.

// syntaxIndex finds, for an acquisition call, the call expression and the
// left-hand side it was assigned to.
type syntaxIndex struct {
	calls map[token.Pos]*callSite // by the call's Lparen, which is ssa.Call.Pos
}

type callSite struct {
	call *ast.CallExpr
	lhs  []ast.Expr // nil if the call is not the whole right-hand side
	stmt bool       // the call is an expression statement: its results are dropped
}

// discards reports whether the call's first result is dropped where it is
// made: a call statement, or `_` on the left.
func (s *callSite) discards() bool {
	return s.stmt || len(s.lhs) > 0 && types.ExprString(s.lhs[0]) == "_"
}

func indexSyntax(files []*ast.File) *syntaxIndex {
	idx := &syntaxIndex{calls: map[token.Pos]*callSite{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 {
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						idx.calls[call.Lparen] = &callSite{call: call, lhs: n.Lhs}
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 1 {
					if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
						lhs := make([]ast.Expr, len(n.Names))
						for i, id := range n.Names {
							lhs[i] = id
						}
						idx.calls[call.Lparen] = &callSite{call: call, lhs: lhs}
					}
				}
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					idx.calls[call.Lparen] = &callSite{call: call, stmt: true}
				}
			case *ast.CallExpr:
				if _, ok := idx.calls[n.Lparen]; !ok {
					idx.calls[n.Lparen] = &callSite{call: n}
				}
			}
			return true
		})
	}
	return idx
}
