package main_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// build compiles the command once per test binary.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "connrelease")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	default:
		t.Fatalf("%s: %v", name, err)
		return "", -1
	}
}

// TestExample runs the command as the README does, on the bundled example,
// and through go vet: both report the same leaks.
func TestExample(t *testing.T) {
	bin := build(t)
	root, _ := filepath.Abs("../..")
	out, code := run(t, root, bin, "./examples/quickstart/")
	if code != 3 {
		t.Fatalf("exit status %d, want 3 (diagnostics)\n%s", code, out)
	}
	want := []string{
		`orders.go:25:15: rows \(\*sql.Rows from s.db.QueryContext\) is not closed on every path: the return at line 33 leaks it`,
		`orders.go:44:13: tx \(\*sql.Tx from s.db.BeginTx\) is not committed or rolled back on every path: the return at line 49 leaks it`,
		`orders.go:56:15: conn \(\*sql.Conn from s.db.Conn\) is not closed on every path: the return at line 61 leaks it`,
	}
	for _, w := range want {
		if !regexp.MustCompile(w).MatchString(out) {
			t.Errorf("missing %s in\n%s", w, out)
		}
	}
	if n := strings.Count(out, "on every path"); n != len(want) {
		t.Errorf("got %d leaks, want %d:\n%s", n, len(want), out)
	}

	vet, code := run(t, root, "go", "vet", "-vettool="+bin, "./examples/quickstart/")
	if code == 0 {
		t.Fatalf("go vet -vettool exited 0\n%s", vet)
	}
	for _, w := range want {
		if !regexp.MustCompile(w).MatchString(vet) {
			t.Errorf("go vet: missing %s in\n%s", w, vet)
		}
	}
}

// TestBadInput checks that input that does not load gives a clear error
// with its position and exit status 1, never a panic.
func TestBadInput(t *testing.T) {
	bin := build(t)
	dir, _ := filepath.Abs("testdata/bad")
	for _, tc := range []struct {
		pkg  string
		want string
	}{
		{"./typeerr", `typeerr.go:6:9: cannot use "many"`},
		{"./missing", `missing`},
	} {
		out, code := run(t, dir, bin, tc.pkg)
		if code != 1 {
			t.Errorf("%s: exit status %d, want 1\n%s", tc.pkg, code, out)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s: output lacks %q:\n%s", tc.pkg, tc.want, out)
		}
		if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
			t.Errorf("%s: output has a stack trace:\n%s", tc.pkg, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("testdata/bad/missing must not exist")
	}
}
