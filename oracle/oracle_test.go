//go:build dbservers

package oracle

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// result is one row's execution on one backend.
type result struct {
	r row
	b backend
	o outcome
}

func (r result) desc() string {
	return fmt.Sprintf("%s on %s, path %q (%+v)", funcName(r.r.fn), r.b, r.r.path, r.r.in)
}

// funcName is the name of a function of package cases.
func funcName(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	return name[strings.LastIndex(name, ".")+1:]
}

// TestCasesTable checks that the case table and the cases fit together:
// every function of package cases has rows, every row's path label names a
// return of its function, and every known disagreement names a case.
// TestCasesAnalysed, which needs no build tag, checks the cases alone.
func TestCasesTable(t *testing.T) {
	t.Parallel() // after TestOracle, which analyses the cases while its rows run
	st := analyse(t)
	rowsOf := map[string]int{}
	for _, r := range table {
		name := funcName(r.fn)
		rowsOf[name]++
		cf := st.funcs[name]
		if cf == nil {
			t.Errorf("row of %s: no such function in package cases", name)
			continue
		}
		if _, ok := cf.paths[r.path]; !ok {
			t.Errorf("row of %s: its function has no return labelled %q (it has %v)", name, r.path, keys(cf.paths))
		}
		if len(r.on) == 0 {
			t.Errorf("row of %s, path %q: runs on no backend", name, r.path)
		}
	}
	for name := range st.funcs {
		if rowsOf[name] == 0 {
			t.Errorf("%s has no row in the case table", name)
		}
	}
	for name := range knownDisagreements {
		if st.funcs[name] == nil {
			t.Errorf("knownDisagreements names %s, which is no function of package cases", name)
		}
	}
}

// TestOracle runs every row of the case table on real servers, measures
// what each case still holds after it returns, checks the row's premise,
// and asserts that connrelease's verdict on each function agrees with
// what its rows measured.
func TestOracle(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("runs about a minute against the servers")
	}
	s := needServers(t)
	startAnalysis() // while the rows run; the verdicts are compared after
	start := time.Now()

	// The rows of a lane run one after the other, in the table's order:
	// they share its tables (see lane). The lanes run side by side:
	// Redis's rows are one, each SQL server's rows are split between its
	// lanes function by function, each function going to the lane whose
	// rows so far are expected to take the least time.
	type execution struct {
		name string
		r    row
		b    backend
		l    *lane
		n    int     // numbers the row's sessions
		res  *result // once measured (even if its premise failed)
	}
	type fnOn struct {
		name  string
		maria bool
	}
	assigned := map[fnOn]*lane{}
	expected := map[*lane]time.Duration{}
	laneOf := func(name string, b backend) *lane {
		if b == redisV9 {
			return nil
		}
		key := fnOn{name, b.maria()}
		if l, ok := assigned[key]; ok {
			return l
		}
		lanes := s.pgLanes
		if b.maria() {
			lanes = s.myLanes
		}
		l := lanes[0]
		for _, other := range lanes[1:] {
			if expected[other] < expected[l] {
				l = other
			}
		}
		for _, r := range table {
			for _, on := range r.on {
				if funcName(r.fn) == name && on != redisV9 && on.maria() == b.maria() {
					expected[l] += r.cost()
				}
			}
		}
		assigned[key] = l
		return l
	}
	var all []*execution
	var order []string
	seen := map[string]bool{}
	for _, r := range table {
		name := funcName(r.fn)
		if !seen[name] {
			order = append(order, name)
			seen[name] = true
		}
		for _, b := range r.on {
			all = append(all, &execution{name: name, r: r, b: b, l: laneOf(name, b), n: len(all) + 1})
		}
	}
	lanes := map[*lane][]*execution{}
	for _, ex := range all {
		lanes[ex.l] = append(lanes[ex.l], ex)
	}
	var sizes []string
	for l, exs := range lanes {
		sizes = append(sizes, fmt.Sprintf("%d rows (%s expected)", len(exs), expected[l]))
	}
	sort.Strings(sizes)
	t.Logf("%d lanes: %s", len(lanes), strings.Join(sizes, ", "))
	var wg sync.WaitGroup
	for _, lane := range lanes {
		wg.Go(func() {
			for _, ex := range lane {
				r, b := ex.r, ex.b
				t.Run(fmt.Sprintf("%s/%s/%s", ex.name, b, r.path), func(t *testing.T) {
					e, err := s.newEnv(b, ex.l, ex.n, r.maxOpen)
					if err != nil {
						t.Fatalf("setting up: %v", err)
					}
					o, runErr := e.run(t, r)
					if err := e.Close(); err != nil {
						t.Errorf("cleaning up the row's sessions: %v", err)
					}
					if runErr != nil {
						t.Fatalf("%+v: %v", r.in, runErr)
					}
					ex.res = &result{r: r, b: b, o: o}
					t.Logf("%+v: returned %v in %s: %s", r.in, o.err, o.elapsed.Round(time.Millisecond), o)
					checkPremise(t, r, o)
				})
			}
		})
	}
	wg.Wait()
	byFunc := map[string][]result{}
	for _, ex := range all {
		if ex.res != nil {
			byFunc[ex.name] = append(byFunc[ex.name], *ex.res)
		}
	}
	n := len(all)
	t.Logf("%d executions of %d functions in %s", n, len(order), time.Since(start).Round(time.Millisecond))
	st := analyse(t)

	var summary []string
	for _, name := range order {
		v := st.verdicts[name]
		rs := byFunc[name]
		if len(rs) == 0 {
			continue // not run (-run) or failed
		}
		dis, notes := disagreements(v, st.funcs[name], rs)
		known, marked := knownDisagreements[name]
		switch {
		case len(dis) > 0 && marked:
			t.Logf("%s: known disagreement (%s):\n\t%s", name, known, strings.Join(dis, "\n\t"))
		case len(dis) > 0:
			t.Errorf("%s: connrelease and the measurement disagree:\n\tconnrelease: %s\n\t%s", name, v, strings.Join(dis, "\n\t"))
		case marked:
			t.Errorf("%s is marked as a known disagreement (%s), but connrelease and the measurement agree now: remove it from knownDisagreements", name, known)
		}
		for _, note := range notes {
			t.Logf("%s: %s", name, note)
		}
		summary = append(summary, summarise(name, v, rs, marked && len(dis) > 0))
	}
	t.Logf("summary (function: connrelease's verdict | measured per row):\n%s", strings.Join(summary, "\n"))
}

// checkPremise fails a row whose measurement contradicts its premise, or
// whose error shows it did not take the path it was meant to.
func checkPremise(t *testing.T, r row, o outcome) {
	t.Helper()
	switch {
	case r.err == nil && o.err != nil:
		t.Errorf("premise: path %q returns nil, got %v", r.path, o.err)
	case errors.Is(r.err, errAny) && o.err == nil:
		t.Errorf("premise: path %q returns an error, got nil", r.path)
	case r.err != nil && !errors.Is(r.err, errAny) && !errors.Is(o.err, r.err):
		t.Errorf("premise: path %q returns %v, got %v", r.path, r.err, o.err)
	}
	if o.held() != r.holds {
		t.Errorf("premise: after the return, holds=%v expected, measured %s", r.holds, o)
	}
	if o.blocked != r.blocked {
		t.Errorf("premise: blocked=%v expected, measured %s (returned after %s)", r.blocked, o, o.elapsed.Round(time.Millisecond))
	}
	if o.peak != r.peak {
		t.Errorf("premise: at most %d held at once at the Progress calls, measured %d", r.peak, o.peak)
	}
}

// disagreements compares connrelease's verdict on one function with what
// its rows measured:
//
//   - a function connrelease finds clean must leave nothing held (and not
//     block) on every row;
//   - a function it reports must leak on at least one row, and on at least
//     one of the rows that reach each return it names;
//   - no row may leak through a return earlier than the one it names as
//     the earliest (when it reports a single acquisition);
//   - a release deferred in a loop must show as more than one resource held
//     at once on some row; without that report (and without a leak), no
//     row may hold more than one at once.
//
// notes are what the table cannot show (a reported return no row reaches).
func disagreements(v verdict, cf *caseFunc, rs []result) (dis, notes []string) {
	var leaked []result
	for _, r := range rs {
		if r.o.leaked() {
			leaked = append(leaked, r)
		}
	}
	if !v.leaky() {
		for _, r := range leaked {
			dis = append(dis, fmt.Sprintf("connrelease reports no leak, but %s measured %s", r.desc(), r.o))
		}
	} else {
		if len(leaked) == 0 && len(rs) > 0 {
			dis = append(dis, fmt.Sprintf("connrelease reports a leak, but none of its %d rows measured one", len(rs)))
		}
		for _, line := range v.returnLines() {
			var reach []result
			for _, r := range rs {
				if cf != nil && cf.paths[r.r.path] == line {
					reach = append(reach, r)
				}
			}
			if len(reach) == 0 {
				notes = append(notes, fmt.Sprintf("no row reaches the return at line %d that connrelease names", line))
				continue
			}
			held := false
			for _, r := range reach {
				held = held || r.o.leaked()
			}
			if !held {
				var descs []string
				for _, r := range reach {
					descs = append(descs, fmt.Sprintf("%s: %s", r.desc(), r.o))
				}
				dis = append(dis, fmt.Sprintf("connrelease names the return at line %d, but the rows that reach it hold nothing: %s", line, strings.Join(descs, "; ")))
			}
		}
		if len(v.leaks) == 1 && v.leaks[0].returnLine > 0 && cf != nil {
			for _, r := range leaked {
				if line := cf.paths[r.r.path]; line > 0 && line < v.leaks[0].returnLine {
					dis = append(dis, fmt.Sprintf("connrelease names the return at line %d as the earliest that leaks, but %s leaked through the return at line %d (%s)", v.leaks[0].returnLine, r.desc(), line, r.o))
				}
			}
		}
	}
	var crowded []result
	for _, r := range rs {
		if r.o.peak > 1 {
			crowded = append(crowded, r)
		}
	}
	switch {
	case len(v.deferInLoop) > 0 && len(crowded) == 0:
		dis = append(dis, "connrelease reports a release deferred in a loop, but no row held more than one resource at once")
	case len(v.deferInLoop) == 0 && !v.leaky():
		for _, r := range crowded {
			dis = append(dis, fmt.Sprintf("connrelease reports nothing, but %s held %d at once during its loop", r.desc(), r.o.peak))
		}
	}
	return dis, notes
}

func summarise(name string, v verdict, rs []result, known bool) string {
	var verdict []string
	for _, d := range v.leaks {
		if d.returnLine > 0 {
			verdict = append(verdict, fmt.Sprintf("leak@%d", d.returnLine))
		} else {
			verdict = append(verdict, "leak")
		}
	}
	if len(v.deferInLoop) > 0 {
		verdict = append(verdict, "defer-in-loop")
	}
	if len(verdict) == 0 {
		verdict = append(verdict, "clean")
	}
	var measured []string
	for _, r := range rs {
		measured = append(measured, fmt.Sprintf("%s %s: %s", r.b, r.r.path, r.o))
	}
	mark := ""
	if known {
		mark = " [known disagreement]"
	}
	return fmt.Sprintf("  %s: %s%s | %s", name, strings.Join(verdict, ", "), mark, strings.Join(measured, "; "))
}

func keys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
