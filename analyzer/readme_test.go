package analyzer_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
)

// TestREADMEFlags keeps the README's configuration table in step with the
// analyzer's flags: every flag, its default and its meaning, nothing else.
func TestREADMEFlags(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "<!-- flags")
	end := strings.Index(readme, "<!-- end flags -->")
	if start < 0 || end < start {
		t.Fatal("README.md has no flags table between <!-- flags and <!-- end flags -->")
	}
	var got []string
	for _, line := range strings.Split(readme[start:end], "\n") {
		if strings.HasPrefix(line, "| `-") {
			got = append(got, line)
		}
	}
	var want []string
	analyzer.New(analyzer.DefaultConfig()).Flags.VisitAll(func(f *flag.Flag) {
		want = append(want, fmt.Sprintf("| `-%s` | `%s` | %s |", f.Name, f.DefValue, f.Usage))
	})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README flags table is out of date; want rows:\n%s\ngot:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}
