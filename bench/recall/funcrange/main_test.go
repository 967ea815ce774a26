package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFuncRange(t *testing.T) {
	src := `package p

// F is a function.
func F() {}

type T[K any] struct{}

func (t *T[K]) M() {
	_ = t
}

func (T[K]) F() {}
`
	file := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		start, end int
	}{
		{"F", 4, 4},
		{"T.M", 8, 10},
		{"T.F", 12, 12},
	} {
		start, end, err := funcRange(file, c.name)
		if err != nil || start != c.start || end != c.end {
			t.Errorf("funcRange(%s) = %d, %d, %v; want %d, %d", c.name, start, end, err, c.start, c.end)
		}
	}
	if _, _, err := funcRange(file, "M"); err == nil {
		t.Error("funcRange(M): a method found as a function")
	}
}
