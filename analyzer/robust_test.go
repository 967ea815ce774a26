package analyzer

import (
	"errors"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"
)

// TestPanicInOneFunction checks that a panic while analysing one function
// is reported at that function, as an internal error, and that the other
// functions of the package are still analysed.
func TestPanicInOneFunction(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	cfg.beforeFunc = func(fn *ssa.Function) {
		if fn.Name() == "boom" {
			panic(errors.New("injected failure"))
		}
	}
	analysistest.Run(t, analysistest.TestData(), New(cfg), "robust")
}
