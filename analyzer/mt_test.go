package analyzer_test

import (
	"testing"
)

// TestMT runs the multi-tenant service of testdata/src/mt: a platform
// package of pools, getters, acquirers, borrowers, releasers and owning
// structs (mt/db), repositories wrapping it (mt/repo), and the handlers and
// jobs that use both (mt/handlers). Only diagnostics are checked.
func TestMT(t *testing.T) {
	t.Parallel()
	lifted.run(t, diagnosticsOnly{t}, "mt/...")
}
