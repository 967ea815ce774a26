package analyzer_test

import (
	"testing"
)

// TestSuggestedFixes checks the deferred releases connrelease suggests
// against fixes.go.golden, and those for pgconn's readers (a second Close
// does nothing) and puddle's resources (a second Release panics) against
// fixespg.go.golden. Both packages are in the lifted batch, which checks
// their diagnostics.
func TestSuggestedFixes(t *testing.T) {
	t.Parallel()
	for _, pkg := range []string{"fixes", "fixespg"} {
		var checked int
		for _, r := range lifted.run(t, diagnosticsOnly{t}, pkg) {
			checked += checkFixes(t, r.Action.Package.Fset, r.Action.Package.Syntax, r.Diagnostics)
		}
		if checked == 0 {
			t.Errorf("%s: no golden file checked", pkg)
		}
	}
}
