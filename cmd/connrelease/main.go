// Command connrelease reports database connections, transactions,
// statements and rows that are not given back on every path.
//
//	connrelease ./...
//	go vet -vettool=$(command -v connrelease) ./...
package main

import (
	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
