package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// The go/analysis driver, with -fix, applies the suggested fixes and prints
// nothing else: a leak without a fix would go unmentioned, with exit status
// 0. So a -fix run first asks the driver for the diagnostics as JSON,
// lists those without a suggested fix after the fixes are applied (or
// shown, with -diff), and then exits with status 3.

// fixRequested reports whether args ask for -fix (with or without -diff).
func fixRequested(args []string) bool {
	f := findFlag(args, "fix")
	return f.found && (!f.hasValue || f.value == "true")
}

// withoutFixFlags returns args without -fix and -diff.
func withoutFixFlags(args []string) []string {
	var out []string
	flags := true
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			flags = false
		}
		if flags {
			name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if name == "fix" || name == "diff" {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// jsonDiagnostic is a diagnostic as the driver's -json prints it.
type jsonDiagnostic struct {
	Posn           string            `json:"posn"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
}

// unfixed returns the diagnostics of the JSON output out that have no
// suggested fix, as "file:line:col: message", sorted, with files below wd
// relative to it.
func unfixed(out []byte, wd string) ([]string, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return nil, fmt.Errorf("reading the diagnostics: %w", err)
	}
	var lines []string
	seen := map[string]bool{}
	for _, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var diags []jsonDiagnostic
			if json.Unmarshal(raw, &diags) != nil {
				continue // {"error": …}: the fix run reports it
			}
			for _, d := range diags {
				if len(d.SuggestedFixes) > 0 {
					continue
				}
				line := relativeTo(wd, d.Posn) + ": " + d.Message
				if !seen[line] { // a file in a package and its test variant
					seen[line] = true
					lines = append(lines, line)
				}
			}
		}
	}
	sort.Strings(lines)
	return lines, nil
}

// relativeTo names the file of posn relative to wd when it is below it.
func relativeTo(wd, posn string) string {
	if rel, err := filepath.Rel(wd, posn); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return posn
}

// runFix runs a -fix (or -fix -diff) command, then lists the diagnostics
// it had no fix for on w and returns 3 if there were any.
func runFix(self string, args []string, wd string, w io.Writer) int {
	cmd := exec.Command(self, append([]string{"-json"}, withoutFixFlags(args)...)...)
	cmd.Env = append(os.Environ(), filteredEnv+"=1")
	var out bytes.Buffer
	cmd.Stdout = &out
	_ = cmd.Run() // errors show in the fix run below
	left, err := unfixed(out.Bytes(), wd)
	status, ok := runFiltered(args)
	if !ok {
		return 1
	}
	if err != nil || status != 0 {
		return status
	}
	if len(left) > 0 {
		fmt.Fprintf(w, "connrelease: %d reported with no suggested fix, to be fixed by hand:\n", len(left))
		for _, l := range left {
			fmt.Fprintln(w, l)
		}
		return 3
	}
	return status
}
