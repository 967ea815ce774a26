package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// command is the command, built by the first test that runs it.
var command struct {
	once sync.Once
	dir  string // a temporary directory, removed by TestMain
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	status := m.Run()
	if command.dir != "" {
		_ = os.RemoveAll(command.dir)
	}
	os.Exit(status)
}

// build compiles the command once per test binary and returns its path.
func build(t *testing.T) string {
	t.Helper()
	command.once.Do(func() {
		if command.dir, command.err = os.MkdirTemp("", "connrelease-test"); command.err != nil {
			return
		}
		command.bin = filepath.Join(command.dir, "connrelease")
		if runtime.GOOS == "windows" {
			command.bin += ".exe"
		}
		if out, err := exec.Command("go", "build", "-o", command.bin, ".").CombinedOutput(); err != nil {
			command.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if command.err != nil {
		t.Fatal(command.err)
	}
	return command.bin
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

// TestExample runs the command as the README's first command does, on the
// multi-tenant example: every leak of the leaking version, with its line,
// and nothing for the fixed version. go vet -vettool reports what the
// command does on the quickstart example.
func TestExample(t *testing.T) {
	t.Parallel()
	bin := build(t)
	root, _ := filepath.Abs("../..")
	want := []string{
		`leaky/service.go:57:15: conn \(\*sql.Conn from s.master.Conn\) is not closed on every path: the return at line 63 leaks it`,
		`leaky/service.go:61:15: rows \(\*sql.Rows from conn.QueryContext\) is not closed on every path: the return at line 67 leaks it`,
		`leaky/service.go:87:15: rows \(\*sql.Rows from conn.QueryContext\) is not closed on every path: the return at line 93 leaks it`,
		`leaky/service.go:131:13: tx \(\*sql.Tx from conn.BeginTx\) is not committed or rolled back on every path: the return at line 138 leaks it`,
		`leaky/service.go:156:8: closing the shared pool db \(\*sql.DB from s.getTenantConnection\) breaks every other user of it`,
		`leaky/service.go:178:15: conn \(\*pgxpool.Conn from s.audit.Acquire\) is not released on every path: the return at line 183 leaks it`,
	}
	check := func(tool, out string) {
		t.Helper()
		for _, w := range want {
			if !regexp.MustCompile(w).MatchString(out) {
				t.Errorf("%s: missing %s in\n%s", tool, w, out)
			}
		}
		var reports int
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "fixed/") {
				t.Errorf("%s: reports the fixed version: %s", tool, line)
			}
			if strings.Contains(line, "leaky/service.go:") && !strings.Contains(line, ": \t") && !strings.HasPrefix(line, "#") {
				reports++
			}
		}
		if reports != len(want) {
			t.Errorf("%s: %d reports, want %d:\n%s", tool, reports, len(want), out)
		}
	}

	// One run for both examples: each run loads the standard library's
	// core from source, seconds that the analysis itself does not take.
	both, code := run(t, root, bin, "./examples/multitenant/...", "./examples/quickstart/")
	if code != 3 {
		t.Fatalf("exit status %d, want 3 (diagnostics)\n%s", code, both)
	}
	var out, quick string // the lines of each example, in the order printed
	for _, line := range strings.SplitAfter(both, "\n") {
		switch {
		case strings.HasPrefix(line, "examples/multitenant/leaky/service.go:"):
			out += line
		case strings.HasPrefix(line, "examples/quickstart/"):
			quick += line
		case line != "":
			t.Errorf("a line of neither examples/multitenant/leaky/service.go nor examples/quickstart/, relative: %q", line)
		}
	}
	check("connrelease", out)

	// The README shows this output, file names as printed.
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readmeShows(t, string(readme), "examples/multitenant/", out, true)

	// go vet, with -path, on the quickstart example: each go vet run
	// analyses every dependency for facts (a process per package, results
	// cached by the flags it is given; on a cold cache the multi-tenant
	// example's 232 packages cost half a minute of CPU), so one run over
	// database/sql's checks both that go vet reports what the command does
	// and that -path passes through it. (TestConfigUnderVet checks that go
	// vet shows no path without it.)
	vet, code := run(t, root, "go", "vet", "-vettool="+bin, "-path", "./examples/quickstart/")
	if code != 1 {
		t.Fatalf("go vet -vettool: exit %d, want 1\n%s", code, vet)
	}
	// The diagnostics, without the related positions under them.
	leaks := func(out string) string {
		var lines string
		for _, line := range strings.SplitAfter(out, "\n") {
			if strings.HasPrefix(line, "examples/quickstart/") && !strings.Contains(line, ": \t") {
				lines += line
			}
		}
		return lines
	}
	if leaks(vet) != leaks(quick) {
		t.Errorf("go vet reports\n%s\nthe command\n%s", leaks(vet), leaks(quick))
	}
	if !strings.Contains(vet, quickstartPath) {
		t.Errorf("go vet -path: want\n%s\ngot\n%s", quickstartPath, vet)
	}

	if strings.Count(quick, "on every path") != 3 ||
		!strings.Contains(quick, "orders.go:56:15: conn (*sql.Conn from s.db.Conn) is not closed on every path") {
		t.Errorf("quickstart: want 3 leaks, Lock's at 56:15:\n%s", quick)
	}
	// The README shows Pay's leak as this command prints it.
	readmeShows(t, string(readme), "examples/quickstart/", quick, false)
}

// TestOutsideWorkingDirectory: run from another directory, the files that
// lie outside the working directory are printed with absolute names, the
// same lines otherwise. (On a small module: a run on the examples loads
// the standard library's core from source.)
func TestOutsideWorkingDirectory(t *testing.T) {
	t.Parallel()
	bin := build(t)
	dir := leaseModule(t, "a/a.go", fmt.Sprintf(leakyPackage, "a"))
	here, code := run(t, dir, bin, "-config=lease.yml", "./a")
	if code != 3 || !strings.HasPrefix(here, "a/a.go:") {
		t.Fatalf("run in the module: exit status %d, want 3 and relative names:\n%s", code, here)
	}
	away, code := run(t, filepath.Join(dir, "lease"), bin, "-config=../lease.yml", "../a")
	if want := absolute(dir, here); code != 3 || away != want {
		t.Errorf("run from lease/: exit status %d, want 3 and\n%s\ngot\n%s", code, want, away)
	}
}

// readmeShows checks that the README's lines that start with prefix are
// lines that the command printed in out, exactly and in order: all of
// them when whole is true, else a run of consecutive ones. The README may
// leave out the related positions ("file:line:col: \t…") of every
// diagnostic.
func readmeShows(t *testing.T, readme, prefix, out string, whole bool) {
	t.Helper()
	var shown, printed []string
	related := false
	for _, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(line, prefix) {
			shown = append(shown, line)
			related = related || strings.Contains(line, ": \t")
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, prefix) && (related || !strings.Contains(line, ": \t")) {
			printed = append(printed, line)
		}
	}
	switch {
	case len(shown) == 0:
		t.Errorf("README shows no line of the output for %s", prefix)
	case whole && !slices.Equal(shown, printed):
		t.Errorf("README shows\n%s\nthe command prints\n%s", strings.Join(shown, "\n"), strings.Join(printed, "\n"))
	case !whole && !containsRun(printed, shown):
		t.Errorf("README shows\n%s\nnot lines in a row of what the command prints\n%s", strings.Join(shown, "\n"), strings.Join(printed, "\n"))
	}
}

// containsRun reports whether run occurs in lines as consecutive lines.
func containsRun(lines, run []string) bool {
	for i := 0; i+len(run) <= len(lines); i++ {
		if slices.Equal(lines[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// absolute is out with each line's file name, relative to root, made
// absolute.
func absolute(root, out string) string {
	lines := strings.SplitAfter(out, "\n")
	for i, line := range lines {
		if line != "" {
			lines[i] = root + string(filepath.Separator) + line
		}
	}
	return strings.Join(lines, "")
}

// TestBadInput checks that input that does not load gives a clear error
// with its position and exit status 1, never a panic.
func TestBadInput(t *testing.T) {
	t.Parallel()
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
		if lines := strings.Count(strings.TrimSpace(out), "\n") + 1; lines != 1 {
			t.Errorf("%s: %d lines, want one error line:\n%s", tc.pkg, lines, out)
		}
		if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
			t.Errorf("%s: output has a stack trace:\n%s", tc.pkg, out)
		}
	}
	// A configuration file that cannot be read, or is wrong: one line.
	bad := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(bad, []byte("resources:\n  - type: Lease\n    release: [Close]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ config, want string }{
		{bad, bad + `:2:11: resources[0].type: "Lease": want a package path and a type name`},
		{filepath.Join(dir, "missing.yml"), "connrelease: reading the configuration: open "},
	} {
		out, code := run(t, dir, bin, "-config", tc.config, "./typeerr")
		if code != 1 || !strings.Contains(out, tc.want) || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("-config %s: exit %d, want 1 and one line containing %q:\n%s", tc.config, code, tc.want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("testdata/bad/missing must not exist")
	}
}

// TestLoadErrors runs the command on a module whose packages do not load:
// a syntax error (issue 13: a call left open before a return), type errors
// whose message takes three lines, and an import that no module provides.
// Each error keeps its position, relative to the working directory, and
// the lines that continue it stay under it; of the package with a syntax
// error, only syntax errors are printed, as go vet prints them; the exit
// status is 1.
func TestLoadErrors(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module loaderr\n\ngo 1.26.0\n",
		// store stands in for database/sql, which would make every run
		// load the standard library's core from source.
		"store/store.go": `package store

type Context interface{ Err() error }

type DB struct{}

type Conn struct{}

func (db *DB) Conn(ctx Context) (*Conn, error) { return &Conn{}, nil }
`,
		"syntaxerr/conn.go": `package syntaxerr

import (
	"loaderr/store"
)

func get(ctx store.Context, db *store.DB) (*store.Conn, error) {
	c, err := db.Conn(ctx
	return err
}
`,
		"manyargs/conn.go": `package manyargs

import (
	"loaderr/store"
)

func get(ctx store.Context, db *store.DB) (*store.Conn, error) {
	c, err := db.Conn(ctx, 1)
	_ = c
	return err
}
`,
		"noimport/noimport.go": "package noimport\n\nimport \"example.com/nope\"\n\nvar _ = nope.X\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	out, code := run(t, dir, bin, "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	position := regexp.MustCompile(`^(syntaxerr|manyargs|noimport)/\w+\.go:\d+:\d+: \S`)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	head := ""
	for _, line := range lines {
		if !strings.HasPrefix(line, "\t") {
			head = line
			if !position.MatchString(line) {
				t.Errorf("an error line without its relative position: %q", line)
			}
			if strings.HasPrefix(line, "syntaxerr/") && regexp.MustCompile(`undefined|not used|arguments|missing return`).MatchString(line) {
				t.Errorf("a type error of the package with a syntax error: %q", line)
			}
			continue
		}
		// The errors that take more than a line: go/types' have and
		// want, go list's "go get".
		if !regexp.MustCompile(`^manyargs/conn.go:\d+:\d+: (too many arguments|not enough return values)|^noimport/noimport.go:3:8: no required module provides`).MatchString(head) {
			t.Errorf("%q does not follow its first line; after %q", line, head)
		}
	}
	if strings.Count(out, "noimport/noimport.go:3:8: ") != 1 {
		t.Errorf("the missing import reported more than once:\n%s", out)
	}

	// What go vet prints for each package: its first error, whole.
	for _, pkg := range []string{"syntaxerr", "manyargs", "noimport"} {
		vet, code := run(t, dir, "go", "vet", "./"+pkg)
		if code == 0 {
			t.Fatalf("go vet ./%s exited 0:\n%s", pkg, vet)
		}
		var record []string
		for _, line := range strings.Split(strings.TrimSuffix(vet, "\n"), "\n") {
			if strings.HasPrefix(line, "# ") {
				continue
			}
			line = strings.TrimPrefix(line, "vet: ")
			line = regexp.MustCompile(` \(and \d+ more errors?\)$`).ReplaceAllString(line, "")
			record = append(record, line)
		}
		if len(record) == 0 || !containsRun(lines, record) {
			t.Errorf("go vet ./%s prints\n%s\nwhich connrelease ./... does not:\n%s", pkg, strings.Join(record, "\n"), out)
		}
	}
}

// TestFixesApplied applies every suggested fix of the analyzer's fixes
// testdata with -fix, then checks that the code is fixes.go.golden, that it
// still type-checks, and that only the leaks that offered no fix are
// reported any more. Each run loads the standard library's core from
// source: four runs of the command.
func TestFixesApplied(t *testing.T) {
	t.Parallel()
	bin := build(t)
	src, _ := filepath.Abs("../../analyzer/testdata/src")
	gopath := t.TempDir()
	if out, err := exec.Command("cp", "-r", src, filepath.Join(gopath, "src")).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	dir := filepath.Join(gopath, "src", "fixes")
	env := append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	runIn := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			return string(out), exit.ExitCode()
		case err != nil:
			t.Fatalf("%s: %v", name, err)
		}
		return string(out), 0
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	before := read("fixes.go")
	// -fix -diff prints each fix as a diff (one added defer each), lists
	// the leaks that offer none, and changes no file. Together they are
	// every leak of the testdata, each with its expectation there.
	out, code := runIn(bin, "-fix", "-diff", "fixes")
	m := regexp.MustCompile(`connrelease: (\d+) reported with no suggested fix, to be fixed by hand:\n`).FindStringSubmatch(out)
	if code != 3 || m == nil {
		t.Fatalf("-fix -diff: exit %d, want 3 with the leaks that offer no fix listed:\n%s", code, out)
	}
	unfixable, _ := strconv.Atoi(m[1])
	fixable := strings.Count(out, "\n+\tdefer ")
	if want := strings.Count(before, "// want"); fixable+unfixable != want || fixable == 0 || unfixable == 0 {
		t.Fatalf("-fix -diff: %d fixes and %d leaks with none; want %d leaks, some with a fix and some without:\n%s", fixable, unfixable, want, out)
	}
	unfixed := m[0]
	if after := read("fixes.go"); after != before {
		t.Fatalf("-fix -diff changed fixes.go")
	}
	if out, code := runIn(bin, "-fix", "fixes"); code != 3 || !strings.Contains(out, unfixed+"fixes.go:127:15: conn") {
		t.Fatalf("-fix: exit %d, want 3 with the leaks without a fix listed:\n%s", code, out)
	}
	if read("fixes.go") != read("fixes.go.golden") {
		t.Errorf("-fix does not give fixes.go.golden:\n%s", read("fixes.go"))
	}
	// The command type-checks the fixed code as it loads it: code that
	// does not compile is a load error (exit 1), not 3.
	want := 0 // the exit status: 3 with diagnostics
	if unfixable > 0 {
		want = 3
	}
	after, afterCode := runIn(bin, "fixes")
	if afterCode != want || strings.Count(after, "on every path") != unfixable {
		t.Fatalf("after -fix: exit %d, want %d with the %d leaks that offered no fix:\n%s", afterCode, want, unfixable, after)
	}
}

// TestVetFlags checks that the analyzer's flags pass through go vet, and
// that the exit status is vet's: 1 with reports, 0 without.
func TestVetFlags(t *testing.T) {
	t.Parallel()
	bin := build(t)
	dir := leaseModule(t, "loop/loop.go", `package loop

import "example.com/m/lease"

func useAll(names []string) error {
	for range names {
		l, err := lease.Get()
		if err != nil {
			return err
		}
		defer l.Close()
	}
	return nil
}
`)
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-config=lease.yml", "./...")
	if code != 1 || !strings.Contains(out, "l.Close is deferred inside a loop") {
		t.Errorf("go vet: exit %d, want 1 with the defer-in-loop report:\n%s", code, out)
	}
	out, code = run(t, dir, "go", "vet", "-vettool="+bin, "-config=lease.yml", "-defer-in-loop=false", "./...")
	if code != 0 || strings.Contains(out, "deferred inside a loop") {
		t.Errorf("go vet -defer-in-loop=false: exit %d, want 0 and no report:\n%s", code, out)
	}
	standalone, code := run(t, dir, bin, "-config=lease.yml", "./...")
	if code != 3 || !strings.Contains(standalone, "loop.go:7:13: l.Close is deferred inside a loop") {
		t.Errorf("standalone: exit %d:\n%s", code, standalone)
	}
}

// quickstartPath is the leak of Lock in examples/quickstart with its path,
// as -path prints it.
const quickstartPath = "examples/quickstart/orders.go:56:15: conn (*sql.Conn from s.db.Conn) is not closed on every path: the return at line 61 leaks it\n" +
	"examples/quickstart/orders.go:56:15: \tacquired here\n" +
	"examples/quickstart/orders.go:57:5: \terr != nil: false\n" +
	"examples/quickstart/orders.go:61:2: \tthis return leaks it\n"

// TestPathOutput runs the command with -path, which prints each leak's
// path under it as the driver prints related positions (the acquisition,
// the branches taken, the leaking return), and with -json, which carries
// the same steps as the diagnostic's related positions.
func TestPathOutput(t *testing.T) {
	t.Parallel()
	bin := build(t)
	root := repoRoot(t)
	text, code := run(t, root, bin, "-path", "./examples/quickstart/")
	if code != 3 || !strings.Contains(text, quickstartPath) {
		t.Errorf("-path: exit %d, want 3 and\n%s\ngot\n%s", code, quickstartPath, text)
	}
	// go vet -path: TestExample.
	out, code := run(t, root, bin, "-json", "./examples/quickstart/")
	var tree map[string]map[string][]struct {
		Posn    string
		Message string
		Related []struct {
			Posn    string
			Message string
		}
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil || code != 0 {
		t.Fatalf("-json: exit %d, %v:\n%s", code, err, out)
	}
	var found bool
	for _, byAnalyzer := range tree {
		for _, d := range byAnalyzer["connrelease"] {
			if !strings.HasSuffix(d.Posn, "orders.go:56:15") {
				continue
			}
			found = true
			var got []string
			for _, r := range d.Related {
				got = append(got, r.Posn[strings.LastIndex(r.Posn, "orders.go"):]+" "+r.Message)
			}
			if want := []string{"orders.go:56:15 acquired here", "orders.go:57:5 err != nil: false", "orders.go:61:2 this return leaks it"}; !slices.Equal(got, want) {
				t.Errorf("-json: related %q, want %q", got, want)
			}
		}
	}
	if !found {
		t.Errorf("-json: no diagnostic at orders.go:56:15:\n%s", out)
	}
}
