// Command connrelease-vet runs connrelease through go vet:
//
//	connrelease-vet [go vet flags] [packages]
//
// is
//
//	go vet -vettool=/path/to/connrelease [go vet flags] [packages]
//
// go vet wants the tool's path, and a pre-commit hook cannot compute it in
// its entry (no shell runs there), so this command finds it: the connrelease
// in the directory of this executable (go install puts both in the same
// bin directory, as pre-commit's golang hooks do), else the one on PATH.
// $CONNRELEASE, if set, names it instead. The exit status is go vet's.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

func main() {
	tool, err := findConnrelease()
	if err != nil {
		fmt.Fprintf(os.Stderr, "connrelease-vet: %v\n", err)
		os.Exit(1)
	}
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + tool}, absConfig(os.Args[1:])...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() > 0 {
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintf(os.Stderr, "connrelease-vet: %v\n", err)
		os.Exit(1)
	}
}

// findConnrelease returns the absolute path of the connrelease to run.
func findConnrelease() (string, error) {
	if env := os.Getenv("CONNRELEASE"); env != "" {
		return filepath.Abs(env)
	}
	name := "connrelease"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		if self, err := filepath.EvalSymlinks(self); err == nil {
			sibling := filepath.Join(filepath.Dir(self), name)
			if fi, err := os.Stat(sibling); err == nil && !fi.IsDir() {
				return sibling, nil
			}
		}
	}
	path, err := exec.LookPath("connrelease")
	if err != nil {
		return "", fmt.Errorf("cannot find connrelease next to this command nor on PATH (install it with go install github.com/connrelease/connrelease/cmd/connrelease@latest, or set CONNRELEASE): %w", err)
	}
	return filepath.Abs(path)
}

// absConfig returns args with the file of -config made absolute: go vet
// runs the tool in each package's directory, where a path relative to the
// directory it was run in would not be found.
func absConfig(args []string) []string {
	out := append([]string(nil), args...)
	for i, arg := range out {
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name != "config" {
			continue
		}
		switch {
		case hasValue && value != "" && !filepath.IsAbs(value):
			if abs, err := filepath.Abs(value); err == nil {
				out[i] = "-config=" + abs
			}
		case !hasValue && i+1 < len(out) && !filepath.IsAbs(out[i+1]):
			if abs, err := filepath.Abs(out[i+1]); err == nil {
				out[i+1] = abs
			}
		}
	}
	return out
}
