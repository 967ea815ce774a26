// Command connrelease reports database connections, transactions,
// statements and rows that are not given back on every path.
//
//	connrelease ./...
//	connrelease -sarif=connrelease.sarif ./...
//	go vet -vettool=$(command -v connrelease) ./...
//
// Without -sarif it is the standard go/analysis single-checker: the same
// flags and exit statuses, and the same output, except that errors and
// diagnostics on standard error print as go vet prints them: a file below
// the working directory relative to it, each load error once, and only
// the syntax errors of a package that has some (see errorFilter). With
// -sarif (SARIF 2.1.0 on standard output) or -sarif=FILE it loads the
// packages itself and writes one SARIF log; see runSARIF.
package main

import (
	"os"
	"strings"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	// A bad configuration file is one error, before any package is loaded:
	// the driver would report it once per package.
	if file := configFlag(os.Args[1:]); file != "" {
		if err := analyzer.CheckConfigFile(file); err != nil {
			os.Stderr.WriteString("connrelease: " + err.Error() + "\n")
			os.Exit(1)
		}
	}
	if status, ok := runFiltered(os.Args[1:]); ok {
		os.Exit(status)
	}
	a := analyzer.Analyzer
	if os.Getenv(filteredEnv) != "" {
		a = markStart(a)
	}
	if dest, rest, ok := splitSARIFFlag(os.Args[1:]); ok {
		wd, err := os.Getwd()
		if err != nil {
			os.Stderr.WriteString("connrelease: " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(runSARIF(a, dest, rest, wd, os.Stdout, os.Stderr))
	}
	singlechecker.Main(withSARIFUsage(a))
}

// configFlag returns the file named by -config (or --config), if any,
// among the flags before the first package pattern.
func configFlag(args []string) string {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			return ""
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name != "config" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// withSARIFUsage returns a copy of a whose documentation, which the
// single-checker prints for -help, also tells of -sarif. -sarif is not one
// of the single-checker's flags: `go vet -vettool` asks the tool for its
// flags with -flags, and SARIF output is for standalone runs only.
func withSARIFUsage(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	c.Doc = a.Doc + "\n\n" + sarifUsage
	return &c
}

const sarifUsage = `SARIF output: -sarif writes the diagnostics as a SARIF 2.1.0 log to standard
output, -sarif=FILE to FILE (put it before the packages). The exit status is
then 0 when the log was written, with or without results, and 1 when the
packages could not be loaded or type-checked (no log is written).`

// splitSARIFFlag finds -sarif or -sarif=VALUE (also spelled with two
// dashes) among args and returns where the log goes ("-" for standard
// output), the arguments without it, and whether SARIF output was asked
// for. The last occurrence wins; -sarif=false turns it off again. Flags
// after "--" are left alone.
func splitSARIFFlag(args []string) (dest string, rest []string, ok bool) {
	for i, arg := range args {
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "sarif" {
			rest = append(rest, arg)
			continue
		}
		switch {
		case !hasValue, value == "true", value == "-":
			dest, ok = "-", true
		case value == "false":
			dest, ok = "", false
		default:
			dest, ok = value, true
		}
	}
	return dest, rest, ok
}
