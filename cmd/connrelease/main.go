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
	if printVersion(os.Args[1:]) {
		return
	}
	os.Args = append(os.Args[:1:1], jsonPath(resolveConfig(os.Args[1:]))...)
	applyTags(os.Args[1:])
	// A bad configuration file is one error, before any package is loaded:
	// the driver would report it once per package.
	if file := configFlag(os.Args[1:]); file != "" {
		if err := analyzer.CheckConfigFile(file); err != nil {
			if reportOnce(os.Args[1:], file) {
				os.Stderr.WriteString("connrelease: " + err.Error() + "\n")
			}
			os.Exit(1)
		}
	}
	if fixRequested(os.Args[1:]) && !vetProtocol(os.Args[1:]) && os.Getenv(filteredEnv) == "" {
		self, err := os.Executable()
		wd, err2 := os.Getwd()
		if err == nil && err2 == nil {
			os.Exit(runFix(self, os.Args[1:], wd, os.Stderr))
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
output, -sarif=FILE to FILE (put it before the packages). Each leak's path
(-path, on under -sarif and -json) is its codeFlow.

Exit status:
  plain run       0 nothing reported, 3 diagnostics reported, 1 the packages
                  could not be loaded or type-checked, or a bad -config file
  -json           0 whether or not there are diagnostics (read the JSON), 1 as above
  -fix, -fix -diff  0 once the fixes are applied (or shown), 3 when some
                  diagnostics have no fix (they are listed), 1 as above
  -sarif          0 when the log was written, with or without results, 1 as
                  above (no log is written)
  go vet -vettool 1 with diagnostics or errors, 0 without (go vet's)

-tags passes build tags to the loader (as GOFLAGS=-tags=… does); -V prints
the version.`

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
