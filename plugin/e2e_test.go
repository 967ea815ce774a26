package plugin_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer"
)

// TestGolangciLint builds golangci-lint v2.15.0 with the plugin from
// tools/golangci-lint, exactly as the README says, and runs it as a user
// would: on a copy of examples/quickstart and on a package with a release
// deferred in a loop, each in a module of its own.
//
// The build needs the Go module proxy and takes minutes on a cold module and
// build cache, seconds on a warm one: the test runs only with
// CONNRELEASE_E2E=1, which .ci/run sets in a step of its own.
func TestGolangciLint(t *testing.T) {
	if os.Getenv("CONNRELEASE_E2E") != "1" {
		t.Skip("end-to-end: builds golangci-lint v2.15.0 with the plugin, minutes on a cold cache; set CONNRELEASE_E2E=1 to run it (.ci/run does)")
	}
	gcl := buildGolangciLint(t)

	// The leaks the analyzer itself finds in the example, to compare with
	// what golangci-lint shows.
	mod := newModule(t)
	want, _ := analyzerDiagnostics(t, mod, "./quickstart")
	if len(want) < 3 {
		t.Fatalf("the analyzer reports %d diagnostics in examples/quickstart, want its three leaks at least: %v", len(want), want)
	}

	t.Run("diagnostics are tagged connrelease", func(t *testing.T) {
		r := gcl.run(t, mod, config(nil), "./quickstart/...")
		r.wantExit(t, 1)
		if got := r.positions(); !slices.Equal(got, want) {
			t.Errorf("golangci-lint reports\n\t%s\nthe analyzer reports\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
		tagged := regexp.MustCompile(`^quickstart/[^:]+\.go:\d+:\d+: .+ \(connrelease\)$`)
		lines := strings.Split(strings.TrimSpace(r.text), "\n")
		if len(lines) != len(want) {
			t.Errorf("%d lines of text output, want one per diagnostic (%d):\n%s", len(lines), len(want), r.text)
		}
		for _, l := range lines {
			if !tagged.MatchString(l) {
				t.Errorf("not a diagnostic tagged (connrelease): %q", l)
			}
		}
	})

	t.Run("settings take effect", func(t *testing.T) {
		_, categories := analyzerDiagnostics(t, mod, "./deferloop")
		deferInLoop := categories[analyzer.CategoryDeferInLoop]
		if len(deferInLoop) == 0 {
			t.Fatalf("the analyzer reports no %s diagnostic in plugin/testdata/src/deferloop", analyzer.CategoryDeferInLoop)
		}
		r := gcl.run(t, mod, config(nil), "./deferloop/...")
		r.wantExit(t, 1)
		for _, msg := range deferInLoop {
			if !r.has(msg) {
				t.Errorf("by default, want the report %q, got:\n%s", msg, r.text)
			}
		}
		r = gcl.run(t, mod, config(map[string]any{"defer-in-loop": false}), "./deferloop/...")
		if r.exit != 0 {
			r.wantExit(t, 1)
		}
		for _, msg := range deferInLoop {
			if r.has(msg) {
				t.Errorf("with defer-in-loop: false, want no report %q, got:\n%s", msg, r.text)
			}
		}
	})

	t.Run("an unknown setting fails the run", func(t *testing.T) {
		r := gcl.run(t, mod, config(map[string]any{"defer_in_loop": false}), "./quickstart/...")
		r.wantExit(t, 3)
		msg := `connrelease: unknown setting "defer_in_loop" (known: ` + knownList() + `)`
		if !strings.Contains(r.stderr, msg) {
			t.Errorf("want the error %s, got:\n%s", msg, r.stderr)
		}
		r = gcl.run(t, mod, config(map[string]any{"defer-in-loop": "sometimes"}), "./quickstart/...")
		r.wantExit(t, 3)
		msg = `connrelease: setting "defer-in-loop": invalid value "sometimes" for a boolean (true or false)`
		if !strings.Contains(r.stderr, msg) {
			t.Errorf("want the error %s, got:\n%s", msg, r.stderr)
		}
	})

	t.Run("nolint suppresses", func(t *testing.T) {
		mod := newModule(t)
		file := filepath.Join(mod, "quickstart", "orders.go")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		// On the reported line: that report goes.
		onLine := want[0]
		lines[lineOf(t, onLine)-1] += " //nolint:connrelease // the caller releases it"
		// Above a function, replacing the last line of its doc comment so
		// that no line moves: every report inside it goes.
		inFunc := want[len(want)-1]
		fn := enclosingFunc(t, file, lineOf(t, inFunc))
		if fn.Doc == nil {
			t.Fatalf("the function around %s has no doc comment to put the directive in", inFunc)
		}
		if fn.docEnd != fn.line-1 {
			t.Fatalf("the doc comment of the function around %s does not end right above it", inFunc)
		}
		lines[fn.docEnd-1] = "//nolint:connrelease // the session releases it"
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}

		var rest []string
		for _, d := range want {
			if l := lineOf(t, d); d != onLine && (l < fn.line || l > fn.end) {
				rest = append(rest, d)
			}
		}
		r := gcl.run(t, mod, config(nil), "./quickstart/...")
		if len(rest) > 0 {
			r.wantExit(t, 1)
		} else {
			r.wantExit(t, 0)
		}
		if got := r.positions(); !slices.Equal(got, rest) {
			t.Errorf("with //nolint:connrelease at %s and above the function around %s, golangci-lint reports\n\t%s\nwant\n\t%s",
				onLine, inFunc, strings.Join(got, "\n\t"), strings.Join(rest, "\n\t"))
		}
	})

	t.Run("fix applies the suggested fixes", func(t *testing.T) {
		r := gcl.run(t, mod, config(nil), "./...")
		r.wantExit(t, 1)
		var fixable []issue
		for _, is := range r.issues {
			if len(is.SuggestedFixes) > 0 {
				fixable = append(fixable, is)
			}
		}
		if len(fixable) == 0 {
			t.Skip("connrelease offers no suggested fixes yet: no diagnostic on the example or the defer-in-loop package carries a SuggestedFix, so --fix has nothing to apply; this check runs once the analyzer offers fixes")
		}

		fixed := newModule(t)
		before := snapshot(t, fixed)
		r = gcl.run(t, fixed, config(nil), "--fix", "./...")
		if r.exit != 0 && r.exit != 1 {
			r.wantExit(t, 1)
		}
		after := snapshot(t, fixed)
		if maps.Equal(before, after) {
			t.Fatalf("golangci-lint --fix changed no file, though %d diagnostics carry a fix: %v", len(fixable), fixable)
		}
		if out, err := goCmd(fixed, "build", "./...").CombinedOutput(); err != nil {
			t.Fatalf("the fixed code does not build: %v\n%s", err, out)
		}
		r = gcl.run(t, fixed, config(nil), "./...")
		for _, is := range fixable {
			if r.has(is.Text) {
				t.Errorf("still reported after --fix: %s", is.Text)
			}
		}
	})

	t.Run("the repository's configuration enables connrelease", func(t *testing.T) {
		root, err := filepath.Abs("..")
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(gcl.path, "linters", "--json", "-c", filepath.Join(root, ".golangci.yml"))
		cmd.Dir = root
		cmd.Env = gcl.env
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("golangci-lint linters: %v\n%s", err, stderrOf(err))
		}
		var linters struct{ Enabled []struct{ Name string } }
		if err := json.Unmarshal(out, &linters); err != nil {
			t.Fatalf("golangci-lint linters --json: %v\n%s", err, out)
		}
		if !slices.ContainsFunc(linters.Enabled, func(l struct{ Name string }) bool { return l.Name == "connrelease" }) {
			t.Errorf(".golangci.yml does not enable connrelease: enabled are %v", linters.Enabled)
		}
	})
}

type golangciLint struct {
	path string
	env  []string
}

// buildGolangciLint builds tools/golangci-lint into a temporary directory.
func buildGolangciLint(t *testing.T) golangciLint {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "golangci-lint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	start := time.Now()
	cmd := goCmd(filepath.Join("..", "tools", "golangci-lint"), "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building golangci-lint with the plugin (cd tools/golangci-lint && go build .): %v\n%s\n"+
			"If go.mod needs updates there after a change of the main module's requirements, run: cd tools/golangci-lint && go mod tidy", err, out)
	}
	t.Logf("built golangci-lint with the plugin in %v", time.Since(start).Round(time.Second))
	return golangciLint{
		path: bin,
		// A cache of its own: no result cached by another build is read.
		env: append(os.Environ(), "GOWORK=off", "GOLANGCI_LINT_CACHE="+filepath.Join(dir, "cache")),
	}
}

func goCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	return cmd
}

// newModule makes a module of its own holding a copy of examples/quickstart
// and the defer-in-loop package of testdata.
func newModule(t *testing.T) string {
	t.Helper()
	mod := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mod, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module example.com/e2e\n\ngo 1.26.0\n"))
	for src, dst := range map[string]string{
		filepath.Join("..", "examples", "quickstart"): "quickstart",
		filepath.Join("testdata", "src", "deferloop"): "deferloop",
	} {
		files, err := filepath.Glob(filepath.Join(src, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", src, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(dst, filepath.Base(f)), data)
		}
	}
	return mod
}

// config is a golangci-lint configuration that runs connrelease alone, with
// settings, and shows every report.
func config(settings map[string]any) map[string]any {
	custom := map[string]any{"type": "module", "description": "connrelease"}
	if settings != nil {
		custom["settings"] = settings
	}
	return map[string]any{
		"version": "2",
		"linters": map[string]any{
			"default":  "none",
			"enable":   []string{"connrelease"},
			"settings": map[string]any{"custom": map[string]any{"connrelease": custom}},
		},
		"issues": map[string]any{"max-issues-per-linter": 0, "max-same-issues": 0, "uniq-by-line": false},
	}
}

type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
	SuggestedFixes []analysis.SuggestedFix
}

type result struct {
	exit         int
	text, stderr string
	issues       []issue
}

// run runs golangci-lint run in mod with cfg (JSON is YAML) and returns
// its text output, its JSON issues and its exit status.
func (g golangciLint) run(t *testing.T, mod string, cfg map[string]any, args ...string) result {
	t.Helper()
	dir := t.TempDir()
	cfgData, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(mod, ".golangci.yml")
	if err := os.WriteFile(cfgFile, cfgData, 0o644); err != nil {
		t.Fatal(err)
	}
	jsonFile := filepath.Join(dir, "issues.json")
	cmd := exec.Command(g.path, append([]string{"run", "-c", cfgFile,
		"--output.text.path=stdout", "--output.text.print-issued-lines=false", "--output.text.colors=false",
		"--output.json.path=" + jsonFile, "--show-stats=false"}, args...)...)
	cmd.Dir = mod
	cmd.Env = g.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	r := result{text: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.exit = exit.ExitCode()
	default:
		t.Fatalf("golangci-lint: %v", err)
	}
	if data, err := os.ReadFile(jsonFile); err == nil && len(data) > 0 {
		var out struct{ Issues []issue }
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("golangci-lint JSON output: %v\n%s", err, data)
		}
		r.issues = out.Issues
	}
	return r
}

func (r result) wantExit(t *testing.T, code int) {
	t.Helper()
	if r.exit != code {
		t.Fatalf("golangci-lint exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.exit, code, r.text, r.stderr)
	}
}

// positions renders the issues as file:line:col: message, the form of
// analyzerDiagnostics, and checks each is connrelease's.
func (r result) positions() []string {
	var out []string
	for _, is := range r.issues {
		if is.FromLinter != "connrelease" {
			out = append(out, fmt.Sprintf("an issue of %s: %s", is.FromLinter, is.Text))
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(out)
	return out
}

func (r result) has(text string) bool {
	for _, is := range r.issues {
		if strings.Contains(is.Text, text) {
			return true
		}
	}
	return false
}

// analyzerDiagnostics runs the analyzer, with its defaults, on the pattern
// in mod, without golangci-lint. It returns the diagnostics as
// file:line:col: message, sorted, and their messages by category.
func analyzerDiagnostics(t *testing.T, mod, pattern string) ([]string, map[string][]string) {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: mod, Env: append(os.Environ(), "GOWORK=off")}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", pattern)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(analyzer.DefaultConfig())}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	categories := map[string][]string{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(mod, p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(rel), p.Line, p.Column, d.Message))
			categories[d.Category] = append(categories[d.Category], d.Message)
		}
	}
	slices.Sort(out)
	return out, categories
}

func lineOf(t *testing.T, diag string) int {
	t.Helper()
	var line int
	if _, err := fmt.Sscanf(strings.SplitN(diag, ":", 3)[1], "%d", &line); err != nil {
		t.Fatalf("no line in %q", diag)
	}
	return line
}

type funcLines struct {
	*ast.FuncDecl
	line, end, docEnd int
}

// enclosingFunc finds the function declaration around line.
func enclosingFunc(t *testing.T, file string, line int) funcLines {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok {
			start, end := fset.Position(fn.Pos()).Line, fset.Position(fn.End()).Line
			if start <= line && line <= end {
				fl := funcLines{FuncDecl: fn, line: start, end: end}
				if fn.Doc != nil {
					fl.docEnd = fset.Position(fn.Doc.End()).Line
				}
				return fl
			}
		}
	}
	t.Fatalf("no function around %s:%d", file, line)
	return funcLines{}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func stderrOf(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(exit.Stderr)
	}
	return ""
}
