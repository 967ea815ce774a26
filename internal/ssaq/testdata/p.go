// Package p is the source the tests of package ssaq build in both SSA forms
// and query. Each function shows one case; the calls to sink, sinkErr and
// sinkBool mark the values and places the tests ask about, in order.
package p

import (
	"errors"
	"fmt"
)

var ErrSentinel = errors.New("sentinel")

var gInt int

type myErr struct{}

func (*myErr) Error() string { return "" }

type S struct{ f int }

func (s S) M()   {}
func (s *S) PM() {}

func sink(int)                {}
func sinkErr(error)           {}
func sinkBool(bool)           {}
func other()                  {}
func done() bool              { return true }
func setp(*int)               {}
func run(f func())            { f() }
func mayFail() error          { return fmt.Errorf("x") }
func two() (int, error)       { return 0, nil }
func concrete() (int, *myErr) { return 0, nil }
func gen[T any](x T) T        { return x }

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

// Loads and stores.

func sameBlock() {
	x := 1
	x = 2
	sink(x)
}

func chain() {
	x := 1
	y := x
	sink(y)
}

func throughPreds(c bool) {
	x := 1
	x = 2
	if c {
		other()
		if c {
			sink(x)
		}
	}
}

func acrossMerge(c bool) {
	x := 1
	if c {
		x = 2
	}
	sink(x)
}

func storedOnce(c bool) {
	x := 1
	if c {
		other()
	}
	sink(x)
}

func storedTwice(c, d bool) {
	x := 1
	if c {
		other()
	}
	x = 2
	if d {
		other()
	}
	sink(x)
}

func addrPassed() {
	x := 1
	setp(&x)
	sink(x)
}

func capturedCalled() {
	x := 1
	func() { x = 2 }()
	sink(x)
}

func freeVar() {
	x := 1
	func() {
		sink(x)
		x = 3
		sink(x)
	}()
	sink(x)
}

func global() {
	sink(gInt)
}

func bases(p *S, i int, c bool) {
	var s S
	s.f = 1
	var a [3]int
	a[i] = 2
	sc := &S{}
	sc.f = 3
	p.f = 4
	q := &S{}
	if c {
		q = &S{}
	}
	q.f = 5
}

// What branches tell.

func errCheck() error {
	err := mayFail()
	sinkErr(err)
	if err != nil {
		sinkErr(err)
		return err
	}
	sinkErr(err)
	return nil
}

func errEq() {
	err := mayFail()
	if nil == err {
		sinkErr(err)
	} else {
		sinkErr(err)
	}
	sinkErr(err)
}

func nearest() {
	err := mayFail()
	if err != nil {
		if err == nil {
			sinkErr(err)
		}
	}
}

func untold(c bool) {
	err := mayFail()
	if c {
		sinkErr(err)
	}
	if err == nil {
		other()
	}
	sinkErr(err)
}

func nots(ok bool) {
	nok := !ok
	if nok {
		sinkBool(ok)
	} else {
		sinkBool(ok)
	}
	if ok {
		sinkBool(ok)
	}
	sinkBool(!!ok)
}

func notNil(err error) {
	isNil := !(err != nil)
	if isNil {
		sinkErr(err)
	} else {
		sinkErr(err)
	}
}

func consts() {
	sinkErr(nil)
	sinkBool(true)
	sinkBool(false)
	sink(1)
}

func nonNil() {
	sinkErr(fmt.Errorf("x"))
	sinkErr(errors.New("x"))
	sinkErr(ErrSentinel)
	sinkErr(&myErr{})
	sinkErr(mayFail())
	sink(gInt)
}

func eqNoNil(a, b error) {
	if a == b {
		other()
	}
}

func doms(a, b, c bool) {
	if a {
		if c {
			other()
		}
		if b {
			other()
		} else {
			sink(3)
		}
	}
}

// Blocks.

func straight() {
	other()
	sink(1)
}

func forLoop(n int) {
	sink(0)
	for i := 0; i < n; i++ {
		sink(1)
	}
	sink(2)
}

func nestedLoops(n int) {
	for i := 0; i < n; i++ {
		sink(1)
		for j := 0; j < n; j++ {
			sink(2)
		}
	}
	sink(3)
}

func twoLoops(n int) {
	for i := 0; i < n; i++ {
		sink(1)
	}
	for j := 0; j < n; j++ {
		sink(2)
	}
}

func selfLoop() {
	for !done() {
	}
	sink(1)
}

func diamond(c bool) {
	other()
	if c {
		sink(1)
	} else {
		sink(2)
	}
	sink(3)
}

func deep(c, d bool) {
	if c {
		if d {
			sink(1)
		}
	}
	sink(2)
}

func merges(c, d bool) {
	x := 1
	if c {
		x = 2
	}
	sink(x)
	if d {
		sink(x)
	}
	x = 3
	sink(x)
	setp(&x)
	sink(x)
}

func early(c bool) {
	if c {
		return
	}
	other()
}

func withDefer() error {
	defer other()
	err := mayFail()
	if err != nil {
		return err
	}
	sink(1)
	return nil
}

func implicitReturn() {
	sink(1)
} // implicitReturn ends

func explicitReturn(c bool) int {
	if c {
		return 1
	}
	f := func() {
		sink(2)
	} // literal ends
	f()
	return 2
}

// Calls.

func callees(e error, s S, p *S, f func()) {
	other()
	_ = e.Error()
	s.M()
	p.PM()
	f()
	func() {}()
	_ = gen(1)
	println(1)
	var bx Box[int]
	_ = bx.Get()
}

func results() {
	n, err := two()
	sink(n)
	sinkErr(err)
	err = mayFail()
	sinkErr(err)
	m, _ := two()
	sink(m)
	k, e := concrete()
	sink(k)
	_ = e
	other()
	go mayFail()
}

func closures(s S) {
	x := 1
	f := func() { x = 2 }
	sink(x)
	g := s.M
	h := func() {}
	k := other
	f()
	g()
	h()
	k()
}

func made() {
	func() { other() }()
	f := func() { other() }
	f()
	f()
	run(func() { other() })
	defer func() { other() }()
	x := 1
	func() { x = 2 }()
	sink(x)
	g := func() { other() }
	g()
}

func recovers() {
	defer func() {
		r := recover()
		_ = r
	}()
	other()
}

func defersNoRecover() {
	defer func() { other() }()
	other()
}

func defersHelper() {
	defer helperRecover()
}

func helperRecover() { recover() }

func closurePassed() {
	x := 1
	run(func() { x = 2 })
	sink(x)
}

func closureInVariable() {
	x := 1
	f := func() { x = 2 }
	f()
	sink(x)
}

func sameCond(b bool, n int) {
	if b {
		other()
	}
	if !b {
		other()
	}
	if n > 0 {
		other()
	}
}

func wrap(e error) error { return e }

func wraps() {
	err := wrap(errors.New("boom"))
	sinkErr(err)
	none := wrap(nil)
	sinkErr(none)
}
