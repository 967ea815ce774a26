package analyzer_test

import (
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
)

// TestChecks keeps the registry itself in shape: names and flags
// lowercase-with-hyphens, a flag named like its check, each check's flag
// registered by New with its default and usage, no flag for a check that
// is always on, and each check listed in the analyzer's Doc.
func TestChecks(t *testing.T) {
	a := analyzer.New(analyzer.DefaultConfig())
	name := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[string]bool{}
	for _, c := range analyzer.Checks() {
		if !name.MatchString(c.Name) || seen[c.Name] {
			t.Errorf("check %q: not lowercase-with-hyphens, or listed twice", c.Name)
		}
		seen[c.Name] = true
		if c.Title == "" || c.Help == "" || c.Fix == "" || c.RuleName == "" || c.Title != strings.TrimSuffix(c.Title, ".") {
			t.Errorf("check %s: a title (with no final period), help, fix and rule name are needed: %+v", c.Name, c)
		}
		switch c.Level {
		case "warning", "note", "error":
		default:
			t.Errorf("check %s: SARIF level %q", c.Name, c.Level)
		}
		if c.Flag == "" {
			if !c.Default {
				t.Errorf("check %s has no flag to turn it on", c.Name)
			}
			if a.Flags.Lookup(c.Name) != nil {
				t.Errorf("check %s: a flag named like it, but no Flag in the registry", c.Name)
			}
		} else {
			if c.Flag != c.Name {
				t.Errorf("check %s: flag -%s, want the check's name", c.Name, c.Flag)
			}
			f := a.Flags.Lookup(c.Flag)
			if f == nil {
				t.Errorf("check %s: no flag -%s", c.Name, c.Flag)
			} else if f.DefValue != strconv.FormatBool(c.Default) || f.Usage != "report "+c.Title {
				t.Errorf("check %s: flag -%s defaults to %s with usage %q", c.Name, c.Flag, f.DefValue, f.Usage)
			}
		}
		if !strings.Contains(a.Doc, "\n  "+c.Name+" (") {
			t.Errorf("the analyzer's Doc does not list check %s:\n%s", c.Name, a.Doc)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no checks")
	}
}

// TestDocListsChecks keeps the package comment, which is static text for
// go doc, in step with the registry: one item per check, in its order,
// naming its category, its flag, and saying it is off by default if it is.
func TestDocListsChecks(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("doc.go has no package comment")
	}
	text := f.Doc.Text()
	_, list, ok := strings.Cut(text, "\nChecks:\n")
	if !ok {
		t.Fatalf("the package comment has no \"Checks:\" list:\n%s", text)
	}
	var items []string // each item of the list, joined into one line
	for _, line := range strings.Split(list, "\n") {
		switch {
		case strings.HasPrefix(line, "  - "):
			items = append(items, strings.TrimPrefix(line, "  - "))
		case strings.HasPrefix(line, "    ") && len(items) > 0:
			items[len(items)-1] += " " + strings.TrimSpace(line)
		case line == "" && len(items) == 0:
		default:
			goto done
		}
	}
done:
	checks := analyzer.Checks()
	if len(items) != len(checks) {
		t.Errorf("the package comment lists %d checks, the registry %d:\n%s", len(items), len(checks), strings.Join(items, "\n"))
	}
	for i, c := range checks {
		if i >= len(items) {
			break
		}
		head := c.Name + ` (category "` + c.Name + `"`
		if c.Flag != "" {
			head += ", flag -" + c.Flag
		}
		if !c.Default {
			head += ", off by default"
		}
		if item := items[i]; !strings.HasPrefix(item, head+"):") {
			t.Errorf("item %d of the package comment's checks: want it to start %q, got %q", i+1, head+"):", item)
		}
	}
}
