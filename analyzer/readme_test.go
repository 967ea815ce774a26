package analyzer_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
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
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(data)
		start := strings.Index(doc, "<!-- flags")
		end := strings.Index(doc, "<!-- end flags -->")
		if start < 0 || end < start {
			t.Errorf("%s has no flags table between <!-- flags and <!-- end flags -->", file)
			continue
		}
		var got []string
		for _, line := range strings.Split(doc[start:end], "\n") {
			if strings.HasPrefix(line, "| `-") {
				got = append(got, line)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: flags table is out of date; want rows:\n%s\ngot:\n%s", file, strings.Join(want, "\n"), strings.Join(got, "\n"))
		}
	}
}
