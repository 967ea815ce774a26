package analyzer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// orderCase is a function whose independent blocks (each `if xK { …;
// return nil }`) may be written in any order: its diagnostics must not
// depend on that order.
type orderCase struct {
	name   string
	blocks []string // each ends with a return marked // blockK
	// leaks is the block whose return must be reported, "" for none.
	leaks string
}

var orderCases = []orderCase{
	{
		// The xFirst: a is false where block A returns, so the
		// deferred `if a { c.Close() }` does not run there and c leaks;
		// !b is true where block B returns.
		name: "two conditional defers",
		blocks: []string{
			"if x {\n\t\tdefer func() {\n\t\t\tif a {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockA\n\t}",
			"if y {\n\t\tdefer func() {\n\t\t\tif !b {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockB\n\t}",
		},
		leaks: "blockA",
	},
	{
		name: "two conditional defers, both run",
		blocks: []string{
			"if x {\n\t\tdefer func() {\n\t\t\tif !a {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockA\n\t}",
			"if y {\n\t\tdefer func() {\n\t\t\tif !b {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockB\n\t}",
		},
	},
	{
		// Three conditions on one resource: judged together (condSlot),
		// the same way in every order.
		name: "three conditional defers",
		blocks: []string{
			"if x {\n\t\tdefer func() {\n\t\t\tif a {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockA\n\t}",
			"if y {\n\t\tdefer func() {\n\t\t\tif !b {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockB\n\t}",
			"if z {\n\t\tdefer func() {\n\t\t\tif d {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockC\n\t}",
		},
	},
	{
		name: "a plain early return among conditional defers",
		blocks: []string{
			"if x {\n\t\tdefer func() {\n\t\t\tif !a {\n\t\t\t\tc.Close()\n\t\t\t}\n\t\t}()\n\t\treturn nil // blockA\n\t}",
			"if y {\n\t\treturn nil // blockB\n\t}",
		},
		leaks: "blockB",
	},
}

// orderSource is the function of c with its blocks in the given order.
func orderSource(c orderCase, order []int) string {
	var b strings.Builder
	b.WriteString("package fuzz\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n\n")
	b.WriteString("func f(ctx context.Context, db *sql.DB, x, y, z bool) error {\n")
	b.WriteString("\tc, err := db.Conn(ctx)\n\tif err != nil {\n\t\treturn err\n\t}\n")
	b.WriteString("\ta, b, d := false, false, false\n")
	for _, k := range order {
		b.WriteString("\t" + c.blocks[k] + "\n")
	}
	b.WriteString("\ta, b, d = true, true, true\n\t_, _, _ = a, b, d\n\treturn c.Close()\n}\n")
	return b.String()
}

// permutations returns every order of n blocks.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

var (
	lineRef   = regexp.MustCompile(`line (\d+)`)
	blockMark = regexp.MustCompile(`// (block\w+)`)
)

// TestBlockOrder analyses each case with its independent blocks in every
// order, in both SSA forms, and requires the same diagnostics, the returns
// named by the block they are in rather than by line.
func TestBlockOrder(t *testing.T) {
	for _, c := range orderCases {
		t.Run(c.name, func(t *testing.T) {
			var first string
			seen := false
			for _, order := range permutations(len(c.blocks)) {
				src := orderSource(c, order)
				lines := strings.Split(src, "\n")
				label := func(line int) string {
					if m := blockMark.FindStringSubmatch(lines[line-1]); m != nil {
						return m[1]
					}
					return fmt.Sprintf("unmarked line %d", line)
				}
				for _, naive := range []bool{false, true} {
					diags, err := analyzeSource(src, naive)
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, d := range diags {
						msg := lineRef.ReplaceAllStringFunc(d.Message, func(s string) string {
							n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
							return label(n)
						})
						got = append(got, msg)
					}
					report := strings.Join(got, "\n")
					if !seen {
						first, seen = report, true
					}
					if report != first {
						t.Fatalf("order %v (naive form %v) reports\n%s\nwant, as in the first order,\n%s\n%s", order, naive, report, first, src)
					}
					switch {
					case c.leaks == "" && report != "":
						t.Fatalf("order %v reports a leak:\n%s\n%s", order, report, src)
					case c.leaks != "" && !strings.Contains(report, "the return at "+c.leaks+" leaks it"):
						t.Fatalf("order %v: want the return of %s reported, got\n%s\n%s", order, c.leaks, report, src)
					}
				}
			}
		})
	}
}
