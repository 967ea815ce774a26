package ssaq

import (
	"go/ast"
	"go/token"
	"iter"

	"golang.org/x/tools/go/ssa"
)

// Blocks: loops, order, reachability, returns.

// Loops knows which blocks are on a cycle together.
type Loops struct {
	scc  []int // block index -> strongly connected component
	loop []bool
}

// InLoop reports whether b is in a loop.
func (l *Loops) InLoop(b *ssa.BasicBlock) bool { return l.loop[l.scc[b.Index]] }

// Together reports whether a and b are in the same loop.
func (l *Loops) Together(a, b *ssa.BasicBlock) bool {
	return l.scc[a.Index] == l.scc[b.Index] && l.loop[l.scc[a.Index]]
}

// FindLoops computes the strongly connected components of fn's blocks
// (Tarjan's algorithm, iterative).
func FindLoops(fn *ssa.Function) *Loops {
	n := len(fn.Blocks)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	l := &Loops{scc: make([]int, n)}
	var stack []int
	next := 0
	type frame struct{ b, succ int }
	for root := 0; root < n; root++ {
		if index[root] != -1 {
			continue
		}
		call := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			b := fn.Blocks[top.b]
			if top.succ < len(b.Succs) {
				w := b.Succs[top.succ].Index
				top.succ++
				if index[w] == -1 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				} else if onStack[w] && index[w] < low[top.b] {
					low[top.b] = index[w]
				}
				continue
			}
			v := top.b
			call = call[:len(call)-1]
			if len(call) > 0 && low[v] < low[call[len(call)-1].b] {
				low[call[len(call)-1].b] = low[v]
			}
			if low[v] == index[v] {
				id := len(l.loop)
				size := 0
				selfLoop := false
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					l.scc[w] = id
					size++
					for _, s := range fn.Blocks[w].Succs {
						if s.Index == w {
							selfLoop = true
						}
					}
					if w == v {
						break
					}
				}
				l.loop = append(l.loop, size > 1 || selfLoop)
			}
		}
	}
	return l
}

func PredIndex(b, pred *ssa.BasicBlock) int {
	for k, p := range b.Preds {
		if p == pred {
			return k
		}
	}
	return len(b.Preds)
}

func IndexOf(instr ssa.Instruction) int {
	for i, x := range instr.Block().Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// MergeAbove returns the block where the values of the variable cell that
// reach instruction end of block b merge: b or the first block above it,
// through single predecessors, that has several, when none of them stores
// to cell first. It returns nil otherwise.
func MergeAbove(cell ssa.Value, b *ssa.BasicBlock, end int) *ssa.BasicBlock {
	for steps := 0; b != nil && steps < 64; steps++ {
		if _, found, stop := ReachingStoreInBlock(cell, b, end); found || stop {
			return nil
		}
		if len(b.Preds) != 1 {
			if len(b.Preds) == 0 {
				return nil
			}
			return b
		}
		b = b.Preds[0]
		end = len(b.Instrs)
	}
	return nil
}

// ReachesAvoiding reports whether block to can be reached from block from
// without passing through block avoid. It gives up, answering yes, after
// 512 blocks.
func ReachesAvoiding(from, to, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{from: true}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if len(seen) > 512 {
			return true
		}
		for _, s := range b.Succs {
			if s != avoid && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}

// ReturnsAtOnce reports whether block b does nothing but return.
func ReturnsAtOnce(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		switch instr.(type) {
		case *ssa.RunDefers, *ssa.Return, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// ReturnPos is where a return is written; the implicit return at the end
// of a function is at its closing brace.
func ReturnPos(fn *ssa.Function, ret *ssa.Return) (token.Pos, bool) {
	if ret.Pos().IsValid() {
		return ret.Pos(), false
	}
	return EndPos(fn), true
}

// EndPos returns the position of fn's closing brace, where its implicit
// return is.
func EndPos(fn *ssa.Function) token.Pos {
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return fn.Pos()
}

// Instrs yields the instructions of fn that are of type T, block by block,
// in order: Instrs[*ssa.Call](fn) are its calls, Instrs[ssa.Instruction](fn)
// all its instructions.
func Instrs[T ssa.Instruction](fn *ssa.Function) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if x, ok := instr.(T); ok && !yield(x) {
					return
				}
			}
		}
	}
}
