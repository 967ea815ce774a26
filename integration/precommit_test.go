package integration

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitHooks builds the hooks of .pre-commit-hooks.yaml the way
// pre-commit does (language golang: `go install ./...` in a clone of this
// repository) and runs them on a small module with a leak:
//
//   - `pre-commit try-repo <this repo> connrelease --all-files` (and the
//     connrelease-vet variant) fails on the leak and passes once it is fixed;
//   - with the hooks in .pre-commit-config.yaml and `pre-commit install`,
//     `git commit` of the leak is refused, and the fix commits.
//
// pre-commit clones a Git repository at a revision, so the test commits a
// snapshot of this working tree (tracked and untracked files, less the
// ignored ones) into a temporary repository: it tests the code as it is on
// disk, committed or not. The hook's build takes the module's dependencies
// from the Go module cache, or the Go module proxy.
//
// It takes minutes (pre-commit builds connrelease in an environment of its
// own): it runs only with CONNRELEASE_E2E=1, which .ci/run sets in a step of
// its own. It needs pre-commit (Debian: apt-get install -y pre-commit) and
// git: it fails without them when CI=true, and is skipped otherwise.
func TestPreCommitHooks(t *testing.T) {
	if os.Getenv("CONNRELEASE_E2E") != "1" {
		t.Skip("end-to-end: pre-commit builds connrelease, minutes on a cold cache; set CONNRELEASE_E2E=1 to run it (.ci/run does)")
	}
	requireTool(t, "git", "apt-get install -y git")
	requireTool(t, "pre-commit", "apt-get install -y pre-commit (Debian) or pip install pre-commit")
	requireTool(t, "go", "")

	tmp := t.TempDir()
	e := newEnv(t, tmp)
	hooks, rev := snapshot(t, e, filepath.Join(tmp, "connrelease"))

	project := filepath.Join(tmp, "project")
	write(t, project, "go.mod", "module example.com/shop\n\ngo 1.22\n")
	write(t, project, "store.go", cleanStore)
	e.git(project, "init", "-q")
	e.git(project, "add", "-A")

	// try-repo, as the README tells to try the hooks before adopting them.
	names := map[string]string{"connrelease": "connrelease", "connrelease-vet": "connrelease (go vet)"}
	for _, hook := range []string{"connrelease", "connrelease-vet"} {
		write(t, project, "store.go", cleanStore)
		e.git(project, "add", "-A")
		out, err := e.run(project, "pre-commit", "try-repo", hooks, hook, "--all-files")
		if err != nil {
			t.Fatalf("try-repo %s on clean code failed: %v\n%s", hook, err, out)
		}
		if !passed(out, names[hook]) {
			t.Errorf("try-repo %s on clean code did not pass:\n%s", hook, out)
		}

		write(t, project, "store.go", leakyStore)
		e.git(project, "add", "-A")
		out, err = e.run(project, "pre-commit", "try-repo", hooks, hook, "--all-files")
		if err == nil {
			t.Errorf("try-repo %s on a leak exited 0:\n%s", hook, out)
		}
		if !strings.Contains(out, "store.go:9:15: conn (*sql.Conn from db.Conn) is not closed on every path") {
			t.Errorf("try-repo %s on a leak does not report it:\n%s", hook, out)
		}
	}

	// The hooks installed in the project: a commit with a leak is blocked.
	write(t, project, ".pre-commit-config.yaml", fmt.Sprintf(`repos:
  - repo: %s
    rev: %s
    hooks:
      - id: connrelease
      - id: connrelease-vet
`, hooks, rev))
	if out, err := e.run(project, "pre-commit", "install"); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}
	write(t, project, "store.go", cleanStore)
	e.git(project, "add", "-A")
	if out, err := e.run(project, "git", "commit", "-m", "clean store"); err != nil {
		t.Fatalf("committing clean code failed: %v\n%s", err, out)
	} else if !passed(out, "connrelease") || !passed(out, "connrelease (go vet)") {
		t.Errorf("the hooks did not run on the clean commit:\n%s", out)
	}
	head := e.git(project, "rev-parse", "HEAD")

	write(t, project, "store.go", leakyStore)
	e.git(project, "add", "-A")
	out, err := e.run(project, "git", "commit", "-m", "leak a connection")
	if err == nil {
		t.Errorf("the commit of a leak was not blocked:\n%s", out)
	}
	for _, want := range []string{
		"- hook id: connrelease\n",
		"- hook id: connrelease-vet\n",
		"store.go:9:15: conn (*sql.Conn from db.Conn) is not closed on every path: the return at line 15 leaks it",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the blocked commit's output lacks %q:\n%s", want, out)
		}
	}
	if now := e.git(project, "rev-parse", "HEAD"); now != head {
		t.Errorf("HEAD moved from %s to %s: the leak was committed", head, now)
	}

	// Fixed, it commits.
	write(t, project, "store.go", fixedStore)
	e.git(project, "add", "-A")
	if out, err := e.run(project, "git", "commit", "-m", "fix the leak"); err != nil {
		t.Fatalf("committing the fix failed: %v\n%s", err, out)
	} else if !passed(out, "connrelease") || !passed(out, "connrelease (go vet)") {
		t.Errorf("the hooks did not run on the fix:\n%s", out)
	}
	if now := e.git(project, "rev-parse", "HEAD"); now == head {
		t.Error("the fix was not committed")
	}
}

const cleanStore = `package shop

import (
	"context"
	"database/sql"
)

func Lock(ctx context.Context, db *sql.DB, name string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "SELECT GET_LOCK(?, 10)", name)
	return err
}
`

// leakyStore forgets the Close: the connection taken at 9:15 leaks at the
// return at line 15.
var leakyStore = strings.Replace(cleanStore, "\tdefer conn.Close()\n", "\t// no Close\n", 1)

// fixedStore is cleanStore again, with a comment so that it differs.
var fixedStore = strings.Replace(cleanStore, "\tdefer conn.Close()\n", "\tdefer conn.Close() // on every path\n", 1)

// passed reports whether pre-commit's output shows hook name as passed.
func passed(out, name string) bool {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, name+".") && strings.HasSuffix(strings.TrimSpace(line), "Passed") {
			return true
		}
	}
	return false
}

func requireTool(t *testing.T, name, install string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		msg := fmt.Sprintf("%s is not installed", name)
		if install != "" {
			msg += ": " + install
		}
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// env runs commands in a hermetic environment: its own pre-commit cache,
// no Git configuration of the machine or the user, no Git variables of a
// hook the test itself may run under, a fixed identity for commits.
type env struct {
	t    *testing.T
	vars []string
}

func newEnv(t *testing.T, tmp string) *env {
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	gitconfig := filepath.Join(tmp, "gitconfig")
	write(t, tmp, "gitconfig", "[init]\n\tdefaultBranch = main\n")
	var vars []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GIT_") || strings.HasPrefix(name, "PRE_COMMIT") || name == "SKIP" {
			continue
		}
		vars = append(vars, kv)
	}
	vars = append(vars,
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"PRE_COMMIT_COLOR=never",
		// pre-commit builds the hook with GOPATH set to the hook's
		// environment: share this machine's module cache instead of
		// downloading the dependencies again.
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GIT_CONFIG_GLOBAL="+gitconfig,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=connrelease test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=connrelease test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
	return &env{t: t, vars: vars}
}

// run runs a command in dir and returns its combined output.
func (e *env) run(dir, name string, args ...string) (string, error) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.t.Context(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = e.vars
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	e.t.Logf("%s %s (in %s): %v, %s", name, strings.Join(args, " "), filepath.Base(dir), err, time.Since(start).Round(time.Millisecond))
	if ctx.Err() != nil {
		e.t.Fatalf("%s %s timed out:\n%s", name, strings.Join(args, " "), out.String())
	}
	return out.String(), err
}

// git runs git in dir, fails the test if it fails, and returns its output.
func (e *env) git(dir string, args ...string) string {
	e.t.Helper()
	out, err := e.run(dir, "git", args...)
	if err != nil {
		e.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(out)
}

// snapshot copies this module's working tree into a new Git repository
// at dst, commits it, and returns dst and the commit.
func snapshot(t *testing.T, e *env, dst string) (string, string) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatalf("no hooks file: %v", err)
	}
	files, err := sourceFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src := filepath.Join(root, f)
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted but not yet staged, or a link
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		write(t, dst, f, string(data))
		if fi.Mode()&0o111 != 0 {
			if err := os.Chmod(filepath.Join(dst, f), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.git(dst, "init", "-q")
	e.git(dst, "add", "-A")
	e.git(dst, "commit", "-q", "-m", "snapshot of the working tree")
	return dst, e.git(dst, "rev-parse", "HEAD")
}

// sourceFiles lists the files of the tree at root, relative to it: Git's
// tracked and untracked files less the ignored ones, or, outside a Git
// work tree, every file but those under .git.
func sourceFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		var files []string
		for _, f := range strings.Split(string(out), "\x00") {
			if f != "" {
				files = append(files, filepath.FromSlash(f))
			}
		}
		return files, nil
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return nil, errors.Join(errors.New("listing the source files"), err)
	}
	return files, nil
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
