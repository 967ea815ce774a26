package analyzer_test

import (
	"testing"
)

// diagnosticsOnly passes analysistest's complaints to t, except those about
// facts nobody asked for: the suites check diagnostics, and TestFacts checks
// the facts.
type diagnosticsOnly struct{ *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.Helper()
	if format == "%v: unexpected %s: %v" && len(args) == 3 && args[1] == "fact" {
		return
	}
	d.T.Errorf(format, args...)
}
