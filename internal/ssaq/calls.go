package ssaq

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Calls: their callee, receiver, error result, and the closures they run.

// ReceiverOf returns the receiver of a method call, or nil.
func ReceiverOf(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if f := CalleeFunc(c); f != nil && f.Type().(*types.Signature).Recv() != nil && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// CalleeFunc returns the function or method a call names, if it names one.
func CalleeFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if _, ok := c.Value.(*ssa.MakeClosure); ok {
		return nil
	}
	if callee := c.StaticCallee(); callee != nil {
		if f, ok := callee.Object().(*types.Func); ok {
			return f.Origin()
		}
	}
	return nil
}

// CallError returns the error result of a call, if it has one and it is
// used.
func CallError(instr ssa.Instruction) ssa.Value {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return nil
	}
	results := call.Call.Signature().Results()
	last := results.Len() - 1
	if last < 0 || !types.Identical(results.At(last).Type(), ErrorType) {
		return nil
	}
	if last == 0 {
		return call
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == last {
			return ex
		}
	}
	return nil
}

// ClosureOf returns the function a call runs when it is a function literal
// or a bound method, with the values it captured.
func ClosureOf(v ssa.Value) (*ssa.Function, []ssa.Value) {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return v.Fn.(*ssa.Function), v.Bindings
	case *ssa.Function:
		if v.Parent() != nil {
			return v, nil
		}
	}
	return nil, nil
}

// CalledWhereMade reports whether the function literal fn is called, and
// put to no other use, in the function that makes it.
func CalledWhereMade(fn *ssa.Function) bool {
	uses := 0
	called := false
	for instr := range Instrs[ssa.Instruction](fn.Parent()) {
		if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
			continue // makes it: not a use
		}
		for _, op := range instr.Operands(nil) {
			if f, _ := ClosureOf(*op); f != fn {
				continue
			}
			uses++
			if call, ok := instr.(*ssa.Call); ok && call.Call.Value == *op {
				called = true
			}
		}
	}
	return called && uses == 1
}

// DefersRecover reports whether fn defers a function literal that calls
// recover.
func DefersRecover(fn *ssa.Function) bool {
	if fn.Recover == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok {
				continue
			}
			callee, _ := ClosureOf(d.Call.Value)
			if callee == nil {
				continue
			}
			for _, cb := range callee.Blocks {
				for _, ci := range cb.Instrs {
					if call, ok := ci.(*ssa.Call); ok {
						if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "recover" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

func IsRecover(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Common().Value.(*ssa.Builtin)
	return ok && b.Name() == "recover"
}

// NeverNil reports values that cannot be nil: closures and bound methods.
func NeverNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return true
	case *ssa.Function:
		return v != nil
	}
	return false
}

// MadeAt returns the first instruction of the function enclosing the
// function literal fn that makes it (a MakeClosure) or, when it captures
// nothing, uses it; nil if there is none.
func MadeAt(fn *ssa.Function) ssa.Instruction {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	for instr := range Instrs[ssa.Instruction](parent) {
		if mc, ok := instr.(*ssa.MakeClosure); ok {
			if mc.Fn == fn {
				return mc
			}
			continue
		}
		for _, op := range instr.Operands(nil) {
			if *op == fn {
				return instr
			}
		}
	}
	return nil
}
