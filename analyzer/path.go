package analyzer

import (
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// This file finds, for a leak that is about to be reported (flag -path),
// one path that leaks it: from the acquisition, through the branches it
// takes, to the leaking return. The dataflow never enumerates paths, and
// judge only tells that one exists; the path is read off the solution
// afterwards, by a search backwards from the return over the edges where
// the obligation is still held, so it costs nothing when nothing leaks.
// Each branch on the way is named by its condition as written: "err != nil:
// false", "n > 3: true".

// PathStart is the message of the first step of a leak's path. With -path,
// a leak's related information is its path, the acquisition first (with
// this message) and the leaking return last; without, it is the leaking
// return alone.
const PathStart = "acquired here"

// AcquiredAgain is the message of a step where a path comes back to the
// acquisition while the resource it acquired last is still held.
const AcquiredAgain = "acquired again here while the last one is still held"

const (
	// maxBranches caps the branches a path shows; the earliest are left
	// out, the ones nearest the leak kept.
	maxBranches = 18
	// maxSearch caps the edges the search visits, so that a huge function
	// costs a bounded time; when it runs out the path shows no branch.
	maxSearch = 1 << 14
	// maxCondText caps the length of a condition as shown.
	maxCondText = 60
)

// A pathEdge is the edge from b.Preds[k] into b.
type pathEdge struct {
	b *ssa.BasicBlock
	k int
}

// pathFinder finds the paths of one function's leaks, on a solution of its
// own: judge uses up the states of the one it reads.
type pathFinder struct {
	fa       *funcAnalysis
	sol      *solution
	conds    *condIndex
	subjects map[*ssa.BasicBlock][]ssa.Value
}

func (fa *funcAnalysis) newPathFinder() *pathFinder {
	return &pathFinder{
		fa:       fa,
		sol:      fa.solve(single(0)),
		conds:    indexConds(fa.fn),
		subjects: map[*ssa.BasicBlock][]ssa.Value{},
	}
}

// leaking reports whether some path in paths still holds the resource with
// no deferred release covering it; loose also counts the paths a
// conditional deferred release covers (it may not run).
func leaking(paths pathSet, loose bool) bool {
	return paths.any(func(s pathState) bool {
		return s&(held|lost) != 0 && s&armed == 0 && (loose || s&armedIf == 0)
	})
}

// steps returns the related information of a leak of obligation i: first
// (the acquisition), the branches taken, and last, end. exit is the leaking
// return, or nil for a resource lost when its loop acquires it again.
// Whatever goes wrong, it returns at least first and end.
func (pf *pathFinder) steps(i int, first analysis.RelatedInformation, exit ssa.Instruction, end analysis.RelatedInformation) (out []analysis.RelatedInformation) {
	defer func() {
		if recover() != nil { // the path is a help: never lose the report for it
			out = []analysis.RelatedInformation{first, end}
		}
	}()
	var blocks []*ssa.BasicBlock
	for _, loose := range []bool{false, true} {
		if blocks = pf.search(i, exit, loose); blocks != nil {
			break
		}
	}
	acq := pf.fa.obls[i].call.Block()
	var branches []analysis.RelatedInformation
	for k := 0; k+1 < len(blocks); k++ {
		if k > 0 && blocks[k] == acq {
			branches = append(branches, analysis.RelatedInformation{Pos: first.Pos, End: first.End, Message: AcquiredAgain})
		}
		if step, ok := pf.branch(blocks[k], blocks[k+1]); ok {
			branches = append(branches, step)
		}
	}
	out = []analysis.RelatedInformation{first}
	if n := len(branches) - maxBranches; n > 0 {
		out = append(out, analysis.RelatedInformation{Pos: branches[0].Pos, Message: fmt.Sprintf("(%d earlier branches left out)", n)})
		branches = branches[n:]
	}
	return append(append(out, branches...), end)
}

// search returns the blocks of one path from the acquisition of obligation
// i to exit (or, exit nil, back to the acquisition around its loop) on
// which it stays held, the acquisition's block first: the shortest, found
// breadth first from the end, so the same every run. It returns nil if it
// finds none within maxSearch edges.
func (pf *pathFinder) search(i int, exit ssa.Instruction, loose bool) []*ssa.BasicBlock {
	acq := pf.fa.obls[i].call.Block()
	last := acq
	if exit != nil {
		last = exit.Block()
		if last == acq {
			return []*ssa.BasicBlock{acq}
		}
	}
	in := pf.sol.in[last.Index]
	if in == nil {
		return nil
	}
	next := map[pathEdge]pathEdge{} // toward the end; also the edges seen
	var queue []pathEdge
	for k := range last.Preds {
		if in[k] == nil {
			continue
		}
		st := in[k]
		if exit != nil {
			st = st.clone()
			pf.fa.transfer(last, st, nil)
		}
		if leaking(st.get(i), loose) {
			e := pathEdge{last, k}
			next[e] = e
			queue = append(queue, e)
		}
	}
	for len(queue) > 0 && len(next) < maxSearch {
		e := queue[0]
		queue = queue[1:]
		p := e.b.Preds[e.k]
		si := succIndex(p, e.b)
		if p == acq && pf.acquiresOnto(p, si, i, loose) {
			blocks := []*ssa.BasicBlock{acq}
			for {
				blocks = append(blocks, e.b)
				if next[e] == e {
					return blocks
				}
				e = next[e]
			}
		}
		for k := range p.Preds {
			pe := pathEdge{p, k}
			if _, seen := next[pe]; seen || !pf.carries(pe, si, i, loose) {
				continue
			}
			next[pe] = e
			queue = append(queue, pe)
		}
	}
	return nil
}

// carries reports whether obligation i, leaking on edge e, still leaks on
// the edge from e.b to its successor si.
func (pf *pathFinder) carries(e pathEdge, si, i int, loose bool) bool {
	st := pf.sol.in[e.b.Index][e.k]
	if st == nil || !leaking(st.get(i), loose) {
		return false
	}
	st = st.clone()
	if !pf.fa.transfer(e.b, st, nil) {
		return false
	}
	subjects, ok := pf.subjects[e.b]
	if !ok {
		subjects = branchSubjects(pf.fa.pkg.q, e.b)
		pf.subjects[e.b] = subjects
	}
	var subject ssa.Value
	if e.k < len(subjects) {
		subject = subjects[e.k]
	}
	out, feasible := pf.fa.refineEdge(e.b, si, st, subject)
	return feasible && leaking(out.get(i), loose)
}

// acquiresOnto reports whether the acquisition of obligation i, in block
// b, itself leaks on the edge to b's successor si: not on the edge where
// it failed, which holds only what an earlier iteration acquired.
func (pf *pathFinder) acquiresOnto(b *ssa.BasicBlock, si, i int, loose bool) bool {
	st := &state{}
	if !pf.fa.transfer(b, st, nil) {
		return false
	}
	out, feasible := pf.fa.refineEdge(b, si, st, nil)
	return feasible && leaking(out.get(i), loose)
}

func succIndex(b, succ *ssa.BasicBlock) int {
	for si, s := range b.Succs {
		if s == succ {
			return si
		}
	}
	return -1
}

// branch is the step of a path that goes from b to succ, if b branches
// there on a condition that can be named.
func (pf *pathFinder) branch(b, succ *ssa.BasicBlock) (analysis.RelatedInformation, bool) {
	ifInstr := ssaq.ClosingBranch(b)
	if ifInstr == nil || len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return analysis.RelatedInformation{}, false
	}
	taken := succ == b.Succs[0]
	leaf, ok := pf.conds.of(b, ifInstr.Cond)
	if !ok {
		return analysis.RelatedInformation{}, false
	}
	outcome := leaf.outcomes[0]
	if !taken {
		outcome = leaf.outcomes[1]
	}
	if outcome == "" { // a select's case not chosen: the one chosen says it
		return analysis.RelatedInformation{}, false
	}
	return analysis.RelatedInformation{Pos: leaf.pos, End: leaf.end, Message: leaf.text + ": " + outcome}, true
}

// A condIndex finds, for the condition of a branch, the expression it was
// written as: the leaves of the conditions of the function's if, for and
// switch statements (go/ssa branches on each operand of && and || and
// folds ! into the branch), and its range statements.
type condIndex struct {
	// anchored: the leaves go/ssa gives a position to, by that position:
	// a comparison's operator, a call's parenthesis, a case's expression.
	anchored map[token.Pos]condLeaf
	// plain: the others (a bool variable, a field), in source order.
	plain  []condLeaf
	ranges []*ast.RangeStmt
	cases  []*ast.CommClause // of select statements
}

type condLeaf struct {
	pos, end token.Pos
	text     string
	outcomes [2]string // what the path says when it is true, when false
}

func newLeaf(e ast.Node, text string) condLeaf {
	if len(text) > maxCondText {
		text = text[:maxCondText-3] + "..."
	}
	return condLeaf{pos: e.Pos(), end: e.End(), text: text, outcomes: [2]string{"true", "false"}}
}

func indexConds(fn *ssa.Function) *condIndex {
	ix := &condIndex{anchored: map[token.Pos]condLeaf{}}
	var body ast.Node
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			body = syn.Body
		}
	case *ast.FuncLit:
		body = syn.Body
	}
	if body == nil {
		return ix
	}
	var add func(e ast.Expr)
	add = func(e ast.Expr) {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.UnaryExpr:
			if x.Op == token.NOT {
				add(x.X)
				return
			}
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				add(x.X)
				add(x.Y)
				return
			}
			ix.anchored[x.OpPos] = newLeaf(x, types.ExprString(x))
			return
		case *ast.CallExpr:
			ix.anchored[x.Lparen] = newLeaf(x, types.ExprString(x))
			return
		}
		ix.plain = append(ix.plain, newLeaf(e, types.ExprString(e)))
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a function of its own
		case *ast.IfStmt:
			add(n.Cond)
		case *ast.ForStmt:
			if n.Cond != nil {
				add(n.Cond)
			}
		case *ast.SwitchStmt:
			for _, s := range n.Body.List {
				cc, ok := s.(*ast.CaseClause)
				if !ok {
					continue
				}
				for _, e := range cc.List {
					if n.Tag == nil {
						add(e)
					} else {
						// go/ssa compares the tag with the case at the
						// case's position.
						ix.anchored[e.Pos()] = newLeaf(e, types.ExprString(n.Tag)+" == "+types.ExprString(e))
					}
				}
			}
		case *ast.RangeStmt:
			ix.ranges = append(ix.ranges, n)
		case *ast.CommClause:
			ix.cases = append(ix.cases, n)
		}
		return true
	})
	return ix
}

// of finds the leaf that block b, which closes with `if cond`, branches
// on.
func (ix *condIndex) of(b *ssa.BasicBlock, cond ssa.Value) (condLeaf, bool) {
	if pos := cond.Pos(); pos.IsValid() {
		if leaf, ok := ix.anchored[pos]; ok {
			return leaf, true
		}
		for _, leaf := range ix.plain { // a variable loaded where it is tested (naive form)
			if leaf.pos <= pos && pos < leaf.end {
				return leaf, true
			}
		}
	}
	// go/ssa gives no position to the conditions it writes for range
	// loops, nor to a variable tested as it is: place them by the
	// positions of the code around the branch.
	lo, hi := token.NoPos, token.NoPos
	for _, instr := range b.Instrs {
		if _, phi := instr.(*ssa.Phi); !phi && instr.Pos() > lo {
			lo = instr.Pos()
		}
	}
	for _, s := range b.Succs {
		if p := firstPos(s); p > lo && (!hi.IsValid() || p < hi) {
			hi = p
		}
	}
	if body := b.Succs[0]; isRangeBody(body) {
		return ix.rangeOf(body)
	}
	if body := b.Succs[0]; body.Comment == "select.body" {
		return ix.caseOf(body)
	}
	if !hi.IsValid() {
		return condLeaf{}, false
	}
	// A variable go/ssa does not name (an ok, a range's value) matches the
	// first leaf there; a value it computed itself (a select's or a type
	// switch's comparison), none.
	name := valueName(cond)
	load, _ := cond.(*ssa.UnOp)
	anyLeaf := name == "" && (isCommaOk(cond) || load != nil && load.Op == token.MUL)
	if name == "" && !anyLeaf {
		return condLeaf{}, false
	}
	for _, leaf := range ix.plain {
		if leaf.end <= lo || leaf.pos >= hi {
			continue
		}
		if anyLeaf || leaf.text == name || strings.HasSuffix(leaf.text, "."+name) {
			return leaf, true
		}
	}
	return condLeaf{}, false
}

func isRangeBody(b *ssa.BasicBlock) bool {
	return strings.HasPrefix(b.Comment, "range") && strings.HasSuffix(b.Comment, ".body")
}

// rangeOf is the range statement whose body starts with block body. go/ssa
// makes the blocks of a function in the order of its statements, so the
// k-th range body is the k-th range statement, when each has one; else it
// is the innermost range statement around body's first position.
func (ix *condIndex) rangeOf(body *ssa.BasicBlock) (condLeaf, bool) {
	var best *ast.RangeStmt
	var bodies []*ssa.BasicBlock
	for _, b := range body.Parent().Blocks {
		if isRangeBody(b) {
			bodies = append(bodies, b)
		}
	}
	if len(bodies) == len(ix.ranges) {
		for k, b := range bodies {
			if b == body {
				best = ix.ranges[k]
			}
		}
	} else if pos := firstPos(body); pos.IsValid() {
		for _, r := range ix.ranges {
			if r.Body.Lbrace < pos && pos < r.Body.Rbrace && (best == nil || r.Pos() > best.Pos()) {
				best = r
			}
		}
	}
	if best == nil {
		return condLeaf{}, false
	}
	leaf := newLeaf(best.X, "range "+types.ExprString(best.X))
	leaf.pos = best.For
	leaf.outcomes = [2]string{"another iteration", "the loop ends"}
	return leaf, true
}

// caseOf is the case of a select statement whose body starts with block
// body: the case the path chooses.
func (ix *condIndex) caseOf(body *ssa.BasicBlock) (condLeaf, bool) {
	pos := firstPos(body)
	for _, cc := range ix.cases {
		if cc.Comm != nil && cc.Pos() <= pos && pos < cc.End() {
			var text strings.Builder
			if err := printer.Fprint(&text, token.NewFileSet(), cc.Comm); err != nil {
				return condLeaf{}, false
			}
			leaf := newLeaf(cc.Comm, "case "+text.String())
			leaf.pos = cc.Case
			leaf.outcomes = [2]string{"chosen", ""}
			return leaf, true
		}
	}
	return condLeaf{}, false
}

// isCommaOk reports whether v is the ok of `v, ok := m[k]`, `<-ch` or
// `x.(T)`.
func isCommaOk(v ssa.Value) bool {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return false
	}
	switch x := ex.Tuple.(type) {
	case *ssa.Lookup:
		return x.CommaOk
	case *ssa.TypeAssert:
		return x.CommaOk
	case *ssa.UnOp:
		return x.CommaOk
	}
	return false
}

// firstPos is the position of the first instruction of b that has one,
// but for phis: a phi of a variable has the position of its declaration.
func firstPos(b *ssa.BasicBlock) token.Pos {
	for _, instr := range b.Instrs {
		if _, phi := instr.(*ssa.Phi); phi {
			continue
		}
		if p := instr.Pos(); p.IsValid() {
			return p
		}
	}
	return token.NoPos
}

// valueName is the name of the variable a condition reads, where go/ssa
// keeps it: a parameter, a captured variable, a global, a local's phi or
// cell; "" if none.
func valueName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.FreeVar:
		return v.Name()
	case *ssa.Phi:
		return v.Comment
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return ""
		}
		switch x := v.X.(type) {
		case *ssa.Alloc:
			return x.Comment
		case *ssa.Global:
			return x.Name()
		case *ssa.FreeVar:
			return x.Name()
		case *ssa.FieldAddr:
			return fieldName(x.X.Type(), x.Field)
		}
	case *ssa.Field:
		return fieldName(v.X.Type(), v.Field)
	}
	return ""
}
