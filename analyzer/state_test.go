package analyzer

import (
	"slices"
	"testing"
)

func entriesOf(st *state) []stateEntry { return slices.Clone(st.entries) }

func TestStateSetKeepsOrderAndDropsIdle(t *testing.T) {
	st := &state{}
	st.set(7, single(held))
	st.set(2, single(held|guarded))
	st.set(5, single(0).union(single(held)))
	want := []stateEntry{{2, single(held | guarded)}, {5, single(0).union(single(held))}, {7, single(held)}}
	if got := entriesOf(st); !slices.Equal(got, want) {
		t.Fatalf("after three sets: %v, want %v", got, want)
	}
	// A path that holds nothing loses its guarded mark, and an obligation
	// no path holds leaves the state.
	st.set(2, single(guarded))
	st.set(7, single(0).union(single(held)))
	want = []stateEntry{{5, single(0).union(single(held))}, {7, single(0).union(single(held))}}
	if got := entriesOf(st); !slices.Equal(got, want) {
		t.Fatalf("after releasing 2: %v, want %v", got, want)
	}
	if st.holds(2) || !st.holds(5) || st.get(2) != single(0) || st.get(7) != single(0).union(single(held)) {
		t.Fatalf("get/holds disagree with %v", st.entries)
	}
}

func TestStateCloneIsIndependent(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		st := &state{}
		for i := range n {
			st.set(i, single(held))
		}
		c := st.clone()
		c.set(9, single(held))
		c.set(0, single(lost))
		if len(st.entries) != n || (n > 0 && st.get(0) != single(held)) || st.holds(9) {
			t.Fatalf("n=%d: changing the clone changed the original: %v", n, st.entries)
		}
	}
}

func TestMergeInto(t *testing.T) {
	mk := func(entries ...stateEntry) *state { return newState(entries) }
	for _, c := range []struct {
		name        string
		dst, src    *state
		want        []stateEntry
		wantChanged bool
	}{
		{"same paths", mk(stateEntry{1, single(held)}), mk(stateEntry{1, single(held)}), []stateEntry{{1, single(held)}}, false},
		{"absent from src: a path holding nothing joins",
			mk(stateEntry{1, single(held)}), mk(), []stateEntry{{1, single(0).union(single(held))}}, true},
		{"absent from dst: a path holding nothing joins",
			mk(stateEntry{3, single(held)}), mk(stateEntry{1, single(lost)}, stateEntry{3, single(held)}),
			[]stateEntry{{1, single(0).union(single(lost))}, {3, single(held)}}, true},
		{"new facts on both sides",
			mk(stateEntry{1, single(held)}, stateEntry{4, single(0).union(single(held))}),
			mk(stateEntry{1, single(deferred)}, stateEntry{4, single(held)}),
			[]stateEntry{{1, single(held).union(single(deferred))}, {4, single(0).union(single(held))}}, true},
		{"already merged", mk(stateEntry{2, single(0).union(single(held))}), mk(),
			[]stateEntry{{2, single(0).union(single(held))}}, false},
	} {
		changed := mergeInto(c.dst, c.src)
		if got := entriesOf(c.dst); changed != c.wantChanged || !slices.Equal(got, c.want) {
			t.Errorf("%s: %v (changed %v), want %v (changed %v)", c.name, got, changed, c.want, c.wantChanged)
		}
	}
}
