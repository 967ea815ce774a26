package ssaq

import (
	"go/constant"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// What a branch tells of a value: nil or not, true or false, where a block runs.

// Truth is what is known of a value at a point: nothing, nil/false, or
// non-nil/true.
type Truth uint8

const (
	Unknown Truth = iota
	False         // nil, or false
	True          // non-nil, or true
)

// ValueAt tells whether v is nil (or false) where block b runs, from
// constants and from the conditions of the branches that dominate b.
func (q *Index) ValueAt(v ssa.Value, b *ssa.BasicBlock) Truth {
	return q.valueAt(v, b, 0)
}

func (q *Index) valueAt(v ssa.Value, b *ssa.BasicBlock, depth int) Truth {
	v, _ = q.Resolve(v)
	if c, ok := v.(*ssa.Const); ok {
		switch {
		case c.IsNil():
			return False
		case c.Value != nil && c.Value.Kind() == constant.Bool:
			if constant.BoolVal(c.Value) {
				return True
			}
			return False
		}
		return Unknown
	}
	if KnownNonNil(v) || depth < 4 && q.wrapsNonNil(v, depth) {
		return True
	}
	// The nearest branch that tells v on an edge dominating b. Only the
	// branches that can tell v are looked at (tellersOf): walking every
	// dominator of b instead costs the depth of b for each question.
	t, nearest := Unknown, (*ssa.BasicBlock)(nil)
	for _, branch := range q.tellersOf(b.Parent())[v] {
		p := branch.Block()
		for k, x := range p.Succs {
			if len(x.Preds) != 1 || !x.Dominates(b) || nearest != nil && !nearest.Dominates(x) {
				continue
			}
			if tx := q.CondImplies(branch.Cond, k == 0, v); tx != Unknown {
				t, nearest = tx, x
			}
		}
	}
	return t
}

func (q *Index) tellersOf(fn *ssa.Function) map[ssa.Value][]*ssa.If {
	if t, ok := q.tellers[fn]; ok {
		return t
	}
	t := map[ssa.Value][]*ssa.If{}
	for _, b := range fn.Blocks {
		if branch := ClosingBranch(b); branch != nil && b.Succs[0] != b.Succs[1] {
			for _, v := range q.toldBy(branch.Cond) {
				t[v] = append(t[v], branch)
			}
		}
	}
	q.tellers[fn] = t
	return t
}

// BranchCond is what branch tests: its condition with the nots stripped
// (negated if their count is odd) and the loads resolved.
func (q *Index) BranchCond(branch *ssa.If) (_ ssa.Value, negated bool) {
	cond, negated := StripNot(branch.Cond)
	cond, _ = q.Resolve(cond)
	return cond, negated
}

// BranchesOn is how many branches of fn test cond (BranchCond), counted
// once per function.
func (q *Index) BranchesOn(fn *ssa.Function, cond ssa.Value) int {
	counts, ok := q.branches[fn]
	if !ok {
		counts = map[ssa.Value]int{}
		for _, b := range fn.Blocks {
			if branch := ClosingBranch(b); branch != nil {
				c, _ := q.BranchCond(branch)
				counts[c]++
			}
		}
		q.branches[fn] = counts
	}
	return counts[cond]
}

// ClosingBranch returns the If that ends block b, or nil.
func ClosingBranch(b *ssa.BasicBlock) *ssa.If {
	if n := len(b.Instrs); n > 0 {
		if branch, ok := b.Instrs[n-1].(*ssa.If); ok {
			return branch
		}
	}
	return nil
}

// toldBy lists the values that cond tells something of (CondImplies): the
// value it compares with nil, and through its nots, the value it resolves
// to.
func (q *Index) toldBy(cond ssa.Value) []ssa.Value {
	var out []ssa.Value
	for {
		if x, _, ok := q.NilCompare(cond); ok {
			out = append(out, x)
		}
		not, ok := cond.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			c, _ := q.Resolve(cond)
			return append(out, c)
		}
		cond = not.X
	}
}

// DominatingBranches yields, nearest first, each branch one of whose edges
// dominates b, and whether that edge is the true one: wherever b runs, the
// condition had that value when it was tested.
func DominatingBranches(b *ssa.BasicBlock) iter.Seq2[*ssa.If, bool] {
	return func(yield func(*ssa.If, bool) bool) {
		for x := b; x != nil; x = x.Idom() {
			if len(x.Preds) != 1 {
				continue
			}
			p := x.Preds[0]
			ifInstr := ClosingBranch(p)
			if ifInstr == nil || p.Succs[0] == p.Succs[1] {
				continue
			}
			if !yield(ifInstr, p.Succs[0] == x) {
				return
			}
		}
	}
}

// CondImplies tells what cond being onTrue says of v.
func (q *Index) CondImplies(cond ssa.Value, onTrue bool, v ssa.Value) Truth {
	if x, trueIsNil, ok := q.NilCompare(cond); ok && x == v {
		if onTrue == trueIsNil {
			return False
		}
		return True
	}
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		return q.CondImplies(not.X, !onTrue, v)
	}
	if c, _ := q.Resolve(cond); c == v {
		if onTrue {
			return True
		}
		return False
	}
	return Unknown
}

// NilCompare matches cond against "x == nil" or "x != nil" and returns x
// (resolved) and whether the true edge means x is nil.
func (q *Index) NilCompare(cond ssa.Value) (x ssa.Value, trueIsNil, ok bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, false, false
	}
	switch {
	case IsNil(bin.Y):
		x = bin.X
	case IsNil(bin.X):
		x = bin.Y
	default:
		return nil, false, false
	}
	x, _ = q.Resolve(x)
	return x, bin.Op == token.EQL, true
}

func IsNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// StripNot returns v without its leading nots, and whether there was an
// odd number of them.
func StripNot(v ssa.Value) (_ ssa.Value, negated bool) {
	for {
		not, ok := v.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			return v, negated
		}
		v, negated = not.X, !negated
	}
}

// wrapsNonNil reports whether v is the error a call returns when it is
// given an error known to be non-nil where it is called: the wrappers and
// joiners of errors (errors.Wrap(err, …), multierr.Append(err, rows.Close()),
// errors.Join) return a non-nil error for a non-nil one. A function that
// turns some errors into nil (an ignoreNotFound) is taken for a wrapper
// too: what this decides is whether a release deferred under `err != nil`
// runs, and there we would rather miss a leak than invent one.
func (q *Index) wrapsNonNil(v ssa.Value, depth int) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !types.Identical(v.Type(), ErrorType) {
		return false
	}
	if _, builtin := call.Call.Value.(*ssa.Builtin); builtin {
		return false
	}
	for _, a := range call.Call.Args {
		if types.Identical(a.Type(), ErrorType) && q.valueAt(a, call.Block(), depth+1) == True {
			return true
		}
	}
	return false
}

// KnownNonNil reports values that cannot be nil: an interface made from a
// concrete value, the error of fmt.Errorf or errors.New, and a sentinel
// error held in a package-level variable.
func KnownNonNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		if f := CalleeFunc(v.Common()); f != nil && f.Pkg() != nil {
			switch f.Pkg().Path() + "." + f.Name() {
			case "fmt.Errorf", "errors.New":
				return true
			}
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return types.Identical(g.Type().(*types.Pointer).Elem(), ErrorType)
		}
	}
	return false
}

var ErrorType = types.Universe.Lookup("error").Type()
