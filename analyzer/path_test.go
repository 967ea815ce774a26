package analyzer_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer"
)

// pathSteps are the paths that -path gives the leaks of testdata/src/
// pathsteps, by the line of the acquisition: each step "line:col message".
var pathSteps = map[int][]string{
	15: { // ifElseChain: the middle arm of an if/else chain, && split
		"15:15 acquired here",
		"16:5 err != nil: false",
		"19:5 n > 3: false",
		"22:12 n < 0: true",
		"22:21 n != -1: true",
		"23:3 this return leaks it",
	},
	30: { // scanLoop: a return inside the rows loop
		"30:15 acquired here",
		"31:5 err != nil: false",
		"35:6 rows.Next(): true",
		"37:28 err != nil: true",
		"38:4 this return leaks it",
	},
	48: { // switchKind: a tagged switch's case, then a tagless one's
		"48:13 acquired here",
		"49:5 err != nil: false",
		`53:7 kind == "a": true`,
		"55:8 n > 10: true",
		"56:4 this return leaks it",
	},
	65: { // deferredIfFailed: the deferred rollback does not run when err is nil
		"65:13 acquired here",
		"66:5 err != nil: false",
		"74:5 dryRun: true",
		"75:3 this return leaks it",
	},
	86: { // rangeAndFlag: a range loop, a negated flag
		"86:15 acquired here",
		"87:5 err != nil: false",
		"90:2 range ids: another iteration",
		"91:7 verbose: true",
		"94:6 id == 0: true",
		"95:4 this return leaks it",
	},
	105: { // failedPingInLoop: the failed acquisition leaks the one before
		"105:16 acquired here",
		"106:6 err != nil: false",
		"109:6 skip: false",
		"104:2 range names: another iteration",
		"105:16 acquired again here while the last one is still held",
		"106:6 err != nil: true",
		"107:4 this return leaks it",
	},
	122: { // lostInLoop: around the loop, through one operand of ||
		"122:16 acquired here",
		"123:6 err != nil: false",
		"126:36 err != nil: true",
		"122:16 acquired again here while the last one is still held",
	},
	135: { // returnAtEnd: the end of the function
		"135:15 acquired here",
		"136:5 err != nil: false",
		"139:5 flag: false",
		"142:1 the end of the function leaks it",
	},
	146: { // waitOrCancel: the case a select chooses
		"146:15 acquired here",
		"147:5 err != nil: false",
		"153:2 case <-ctx.Done(): chosen",
		"154:3 this return leaks it",
	},
}

func withPath(cfg analyzer.Config) analyzer.Config {
	cfg.Path = true
	return cfg
}

// TestPathSteps checks, step by step, the paths -path gives a few leaks,
// in both SSA forms.
func TestPathSteps(t *testing.T) {
	t.Parallel()
	var pkgs []*packages.Package // loaded by the lifted batch, which checks their diagnostics
	for _, r := range lifted.run(t, diagnosticsOnly{t}, "pathsteps") {
		pkgs = append(pkgs, r.Action.Package)
	}
	for _, form := range []struct {
		name string
		cfg  analyzer.Config
	}{
		{"lifted", withPath(analyzer.DefaultConfig())},
		{"naive", withPath(analyzer.WithNaiveForm(analyzer.DefaultConfig()))},
	} {
		t.Run(form.name, func(t *testing.T) {
			seen := map[int]bool{}
			for _, act := range analyse(t, form.cfg, pkgs) {
				fset := act.Package.Fset
				for _, d := range act.Diagnostics {
					line := fset.Position(d.Pos).Line
					want, ok := pathSteps[line]
					if !ok {
						t.Errorf("line %d: a leak with no expected path: %s", line, d.Message)
						continue
					}
					seen[line] = true
					var got []string
					for _, r := range d.Related {
						p := fset.Position(r.Pos)
						got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, r.Message))
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("line %d: path\n\t%s\nwant\n\t%s", line, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
					}
				}
			}
			for line := range pathSteps {
				if !seen[line] {
					t.Errorf("line %d: no leak reported", line)
				}
			}
		})
	}
}

// analyse runs connrelease with cfg over pkgs, already loaded, and returns
// the actions of their packages.
func analyse(t *testing.T, cfg analyzer.Config, pkgs []*packages.Package) []*checker.Action {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(cfg)}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
	}
	return graph.Roots
}

// TestPathOnSuites runs -path over every suite, in both SSA forms, and
// checks that it adds the path and changes nothing else: the same
// diagnostics at the same positions with the same messages and fixes; a
// leak's related information starts at the acquisition and ends where it
// did without -path (the leaking return), a resource lost in its loop ends
// back at the acquisition, every step has a position in the file of the
// diagnostic, no path is longer than its cap, and the paths are the same
// from one run to the next. The paths of the two forms may differ where
// naive form tells less on an edge (the verdict is the same): they are
// counted, not compared.
func TestPathOnSuites(t *testing.T) {
	t.Parallel()
	lifted.run(t, diagnosticsOnly{t}, "sqlbasic") // load the batch
	var pkgs []*packages.Package
	base := map[string][]analysis.Diagnostic{}
	for _, r := range lifted.results {
		if _, ok := base[r.Action.Package.ID]; !ok {
			pkgs = append(pkgs, r.Action.Package)
		}
		base[r.Action.Package.ID] = r.Diagnostics
	}
	paths := map[string][][]string{} // by form, each diagnostic's steps
	for _, form := range []struct {
		name string
		cfg  analyzer.Config
	}{
		{"lifted", withPath(analyzer.DefaultConfig())},
		{"naive", withPath(analyzer.WithNaiveForm(analyzer.DefaultConfig()))},
		{"lifted again", withPath(analyzer.DefaultConfig())},
	} {
		var leaks, loops int
		for _, act := range analyse(t, form.cfg, pkgs) {
			fset := act.Package.Fset
			before := base[act.Package.ID]
			if len(before) != len(act.Diagnostics) {
				t.Errorf("%s: %s: %d diagnostics with -path, %d without", form.name, act.Package.ID, len(act.Diagnostics), len(before))
				continue
			}
			for k, d := range act.Diagnostics {
				b := before[k]
				where := fset.Position(d.Pos)
				var steps []string
				for _, r := range d.Related {
					steps = append(steps, fmt.Sprintf("%s %s", fset.Position(r.Pos), r.Message))
				}
				paths[form.name] = append(paths[form.name], steps)
				if d.Pos != b.Pos || d.End != b.End || d.Message != b.Message || d.Category != b.Category || !reflect.DeepEqual(d.SuggestedFixes, b.SuggestedFixes) {
					t.Errorf("%s: %s: with -path %q, without %q", form.name, where, d.Message, b.Message)
					continue
				}
				if d.Category != analyzer.CategoryLeak {
					if !reflect.DeepEqual(d.Related, b.Related) {
						t.Errorf("%s: %s: %s: related %v with -path, %v without", form.name, where, d.Category, d.Related, b.Related)
					}
					continue
				}
				if len(d.Related) < 2 || len(d.Related) > 21 || d.Related[0] != (analysis.RelatedInformation{Pos: d.Pos, End: d.End, Message: analyzer.PathStart}) {
					t.Errorf("%s: %s: path %v does not start at the acquisition", form.name, where, steps)
					continue
				}
				last := d.Related[len(d.Related)-1]
				switch len(b.Related) {
				case 1:
					leaks++
					if last != b.Related[0] {
						t.Errorf("%s: %s: path %v does not end at the leak's related return", form.name, where, steps)
					}
				case 0:
					loops++
					if last != (analysis.RelatedInformation{Pos: d.Pos, End: d.End, Message: analyzer.AcquiredAgain}) {
						t.Errorf("%s: %s: a resource lost in its loop: path %v", form.name, where, steps)
					}
				}
				for _, r := range d.Related {
					if p := fset.Position(r.Pos); !r.Pos.IsValid() || p.Filename != where.Filename || r.Message == "" {
						t.Errorf("%s: %s: step %q at %s", form.name, where, r.Message, p)
					}
				}
			}
		}
		if leaks < 100 || loops == 0 {
			t.Errorf("%s: %d leaks and %d losses in loops with paths: the suites have more", form.name, leaks, loops)
		}
	}
	if !reflect.DeepEqual(paths["lifted"], paths["lifted again"]) {
		t.Errorf("the paths differ from one run to the next")
	}
	differ := 0
	for k, steps := range paths["lifted"] {
		if k < len(paths["naive"]) && !reflect.DeepEqual(steps, paths["naive"][k]) {
			differ++
		}
	}
	t.Logf("%d of %d paths differ in naive form", differ, len(paths["lifted"]))
}
