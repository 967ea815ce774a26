package analyzer_test

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// TestREADMEFlags keeps the flags tables of the README and of
// docs/configuration.md in step with the analyzer's flags: every flag, its
// default and its meaning, nothing else.
func TestREADMEFlags(t *testing.T) {
	var want []string
	analyzer.New(analyzer.DefaultConfig()).Flags.VisitAll(func(f *flag.Flag) {
		want = append(want, fmt.Sprintf("| `-%s` | `%s` | %s |", f.Name, f.DefValue, f.Usage))
	})
	for _, file := range []string{"../README.md", "../docs/configuration.md"} {
		table, ok := marked(t, file, "flags")
		if !ok {
			continue
		}
		var got []string
		for _, line := range strings.Split(table, "\n") {
			if strings.HasPrefix(line, "| `-") {
				got = append(got, line)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: flags table is out of date; want rows:\n%s\ngot:\n%s", file, strings.Join(want, "\n"), strings.Join(got, "\n"))
		}
	}
}

// marked returns the part of file between the comments <!-- name … -->
// and <!-- end name -->; it fails the test if there is none.
func marked(t *testing.T, file, name string) (string, bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "<!-- "+name)
	end := strings.Index(doc, "<!-- end "+name+" -->")
	if start < 0 || end < start {
		t.Errorf("%s has no %s table between <!-- %s and <!-- end %s -->", file, name, name, name)
		return "", false
	}
	return doc[start:end], true
}

// TestREADMEChecks keeps the README's Checks table in step with the
// registry of checks: one row per check, in its order, with its name, its
// category and when it is on; what it reports is the README's own prose.
func TestREADMEChecks(t *testing.T) {
	table, ok := marked(t, "../README.md", "checks")
	if !ok {
		return
	}
	var want, got []string
	for _, c := range analyzer.Checks() {
		when := "off"
		if c.Default {
			when = "on"
		}
		if c.Flag != "" {
			when += " (`-" + c.Flag + "`)"
		}
		want = append(want, fmt.Sprintf("| %s | `%s` | %s |", c.Name, c.Name, when))
	}
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) < 4 || cells[0] == "| check" || strings.HasPrefix(line, "|---") {
			continue
		}
		if strings.TrimSuffix(cells[len(cells)-1], " |") == "" {
			t.Errorf("README.md: the check %s says nothing of what it reports", cells[0])
		}
		got = append(got, strings.Join(cells[:3], " | ")+" |")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README.md: the Checks table is out of date; want rows starting:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestREADMEKnows keeps the README's "What it knows" table in step with the
// built-in libraries: one row per library that has resources, in the order
// of knowledge.Builtin, naming each resource type once.
func TestREADMEKnows(t *testing.T) {
	table, ok := marked(t, "../README.md", "knows")
	if !ok {
		return
	}
	var want, got []string
	for _, lib := range knowledge.Builtin() {
		if len(lib.Resources) == 0 {
			// A library known only for the pool it opens (gorm).
			if len(lib.Pools) == 1 && len(lib.PoolCreators) == 1 && len(lib.PoolViews) == 1 {
				pool := lib.Pools[0]
				creator := lib.PoolCreators[0]
				var view string
				for k := range lib.PoolViews {
					view = k
				}
				pkg, name := knowledge.SplitKey(pool)
				_, cr := knowledge.SplitKey(creator)
				want = append(want, fmt.Sprintf("| %s | `*%s.%s` of `%s.%s` (its pool, closed through `%s()`) |",
					lib.Name, knowledge.PackageName(pkg), name, knowledge.PackageName(pkg), cr, view[strings.LastIndex(view, ".")+1:]))
			}
			continue
		}
		var shown []string
		for _, r := range lib.Resources {
			if s := "`" + r.Shown() + "`"; !slices.Contains(shown, s) {
				shown = append(shown, s)
			}
		}
		want = append(want, fmt.Sprintf("| %s | %s |", lib.Name, strings.Join(shown, ", ")))
	}
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| library ") {
			got = append(got, line)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README.md: the \"What it knows\" table is out of date; want rows:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}
