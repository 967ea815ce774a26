package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// The go/analysis driver prints a package that does not load several
// times: go list's error (with a "-: # pkg" header), the type checker's
// same error with an absolute path, and "analysis skipped due to errors in
// package", plus one "failed prerequisites" line per dependent package. A
// user wants one line per error. So a standalone run runs the driver as a
// child process and filters its standard error: noise lines are dropped,
// and a load error already printed at the same position is not printed
// again. Diagnostics pass through untouched; go vet runs are not filtered.

const filteredEnv = "CONNRELEASE_FILTERED"

// errorLine matches "path:line:col: message".
var errorLine = regexp.MustCompile(`^(.+?\.go):(\d+):(\d+): (.*)$`)

// runFiltered runs this command again with the same arguments and a
// filtered standard error, and returns its exit status; ok is false when
// the run must not be filtered (go vet's protocol, or already filtered).
func runFiltered(args []string) (status int, ok bool) {
	if os.Getenv(filteredEnv) != "" || vetProtocol(args) {
		return 0, false
	}
	self, err := os.Executable()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), filteredEnv+"=1")
	cmd.Stdin, cmd.Stdout = os.Stdin, os.Stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return 0, false
	}
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	filterErrors(stderr, os.Stderr)
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, true
	case errors.As(err, &exit):
		return exit.ExitCode(), true
	default:
		os.Stderr.WriteString("connrelease: " + err.Error() + "\n")
		return 1, true
	}
}

// vetProtocol reports whether go vet is running the command (-V=full,
// -flags, or a .cfg file of a package unit).
func vetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// filterErrors copies r to w, dropping the driver's noise and repeated
// load errors.
func filterErrors(r io.Reader, w io.Writer) {
	wd, _ := os.Getwd()
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "-: # "),
			line == "connrelease: analysis skipped due to errors in package",
			strings.HasPrefix(line, "connrelease: failed prerequisites: "):
			continue
		case strings.HasPrefix(line, "-: "):
			line = "connrelease: " + strings.TrimPrefix(line, "-: ")
		}
		if m := errorLine.FindStringSubmatch(line); m != nil && !strings.HasPrefix(m[4], "\t") {
			path := m[1]
			if !filepath.IsAbs(path) {
				path = filepath.Join(wd, path)
			}
			key := path + ":" + m[2] + ":" + m[3]
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		_, _ = io.WriteString(w, line+"\n")
	}
}
