// Command noop-facts is an analyzer that declares a fact type, requires
// nothing, builds no SSA and exports nothing. Declaring facts makes the
// driver load and type-check every dependency from source and run the
// analyzer on each, so this is the load-and-type-check floor of any
// fact-using analyzer, connrelease included. Used by bench/corpus.sh.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

var analyzer = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "declares a fact type, exports nothing and reports nothing",
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
