// Command noop-ssa is an analyzer that only builds SSA (it requires
// buildssa) and reports nothing: the floor of an SSA-based analyzer without
// facts, such as sqlclosecheck. Its dependencies come from export data, so
// it shares the build cache with go build. Used by bench/corpus.sh.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var analyzer = &analysis.Analyzer{
	Name:     "noopssa",
	Doc:      "builds SSA for each package and reports nothing",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
		return nil, nil
	},
}

func main() { singlechecker.Main(analyzer) }
