package analyzer_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

var returnLine = regexp.MustCompile(`the return at line (\d+) leaks it$`)

// TestDiagnosticShape checks what analysistest does not: each diagnostic
// has its category, reads as one lowercase line without a final period, and
// a leak points at its leaking return both in the message and as related
// information.
func TestDiagnosticShape(t *testing.T) {
	t.Parallel()
	var results []*analysistest.Result
	for _, pkg := range []string{"sqlbasic", "paths", "pgxv5cases"} {
		results = append(results, lifted.run(t, diagnosticsOnly{t}, pkg)...)
	}
	var leaks, loops int
	for _, r := range results {
		for _, d := range r.Diagnostics {
			pos := r.Pass.Fset.Position(d.Pos)
			msg := d.Message
			if strings.Contains(msg, "\n") || strings.HasSuffix(msg, ".") || msg != strings.ToLower(msg[:1])+msg[1:] {
				t.Errorf("%s: message is not one lowercase line without a period: %q", pos, msg)
			}
			switch d.Category {
			case analyzer.CategoryLeak:
				leaks++
				m := returnLine.FindStringSubmatch(msg)
				if m == nil {
					continue // a discarded result or a loop re-acquisition
				}
				if len(d.Related) != 1 {
					t.Errorf("%s: want the leaking return as related information, got %d", pos, len(d.Related))
					continue
				}
				want, _ := strconv.Atoi(m[1])
				if got := r.Pass.Fset.Position(d.Related[0].Pos).Line; got != want {
					t.Errorf("%s: related return at line %d, message says %d", pos, got, want)
				}
			case analyzer.CategoryDeferInLoop:
				loops++
				if len(d.Related) != 1 || r.Pass.Fset.Position(d.Related[0].Pos).Line <= pos.Line {
					t.Errorf("%s: want the deferred release, after the acquisition, as related information", pos)
				}
			default:
				t.Errorf("%s: unexpected category %q", pos, d.Category)
			}
		}
	}
	if leaks == 0 || loops == 0 {
		t.Errorf("expected leak and defer-in-loop diagnostics, got %d and %d", leaks, loops)
	}
}
