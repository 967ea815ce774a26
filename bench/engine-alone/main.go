// Command engine-alone is connrelease without summaries across packages:
// each package is judged alone. It exists to measure what the facts cost
// (bench/summaries.sh).
package main

import (
	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	cfg := analyzer.DefaultConfig()
	cfg.CrossPackage = false
	singlechecker.Main(analyzer.New(cfg))
}
