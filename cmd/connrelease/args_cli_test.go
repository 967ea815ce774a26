package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The command's tests run it on small modules whose packages import
// nothing: a package that imports database/sql makes each run load the
// standard library's core from source, and each go vet run analyse it,
// seconds apiece. leaseModule's resource is in-house, declared by leaseConfig
// (given as -config): without the file, nothing is reported.
const (
	leasePackage = `// Package lease is an in-house resource.
package lease

// L is leased and must be closed.
type L struct{}

// Get leases one.
func Get() (*L, error) { return &L{}, nil }

// Close gives it back.
func (l *L) Close() error { return nil }

// Use uses it.
func (l *L) Use() error { return nil }
`
	leaseConfig = "resources:\n  - type: example.com/m/lease.L\n    release: [Close]\nacquirers:\n  - example.com/m/lease.Get\n"

	// leakyPackage leaks its lease on the return of Use.
	leakyPackage = `package %s

import "example.com/m/lease"

func use() error {
	l, err := lease.Get()
	if err != nil {
		return err
	}
	return l.Use()
}
`
)

// leaseModule makes a module of package lease, leaseConfig as lease.yml and
// the files given as name/content pairs, and returns its directory.
func leaseModule(t *testing.T, files ...string) string {
	t.Helper()
	return writeModule(t, append([]string{"lease/lease.go", leasePackage, "lease.yml", leaseConfig}, files...)...)
}

// TestConfigUnderVet checks that a relative -config is found when go vet
// runs the tool in each package's directory, and that a bad file is
// reported once for the whole run, not once per package.
func TestConfigUnderVet(t *testing.T) {
	bin := build(t)
	files := []string{"bad.yml", "acquirers: example.com/m/lease.Get\n"}
	for _, p := range []string{"a", "b", "c"} {
		files = append(files, p+"/"+p+".go", strings.Replace(leakyPackage, "%s", p, 1))
	}
	dir := leaseModule(t, files...)

	// The leaks are those of the in-house resource that only lease.yml
	// declares: they show that the file was read.
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-config=lease.yml", "./...")
	if code != 1 || strings.Count(out, "is not closed on every path") != 3 || strings.Contains(out, "lease.yml") {
		t.Errorf("go vet with a relative -config: exit %d, want 1 with the three leaks and no error about the file:\n%s", code, out)
	}
	if strings.Contains(out, "acquired here") {
		t.Errorf("go vet shows paths without -path:\n%s", out)
	}
	out, code = run(t, dir, "go", "vet", "-vettool="+bin, "-config=bad.yml", "./...")
	if code == 0 || strings.Count(out, "acquirers: want a list") != 1 {
		t.Errorf("go vet with a bad -config: exit %d, want the error once:\n%s", code, out)
	}
	out, code = run(t, filepath.Join(dir, "a"), bin, "-config=lease.yml", "./...")
	if code != 3 || !strings.Contains(out, "a.go:6:12: l (*lease.L from lease.Get) is not closed on every path") || strings.Contains(out, "lease.yml") {
		t.Errorf("standalone in a package directory, the file at the module root: exit %d:\n%s", code, out)
	}
}

// TestTags checks that -tags selects the files the packages are loaded
// with, as GOFLAGS=-tags does.
func TestTags(t *testing.T) {
	bin := build(t)
	dir := leaseModule(t,
		"p/p.go", "package p\n",
		"p/extra.go", "//go:build integration\n\n"+strings.Replace(leakyPackage, "%s", "p", 1))
	if out, code := run(t, dir, bin, "-config=lease.yml", "./..."); code != 0 {
		t.Errorf("without -tags: exit %d, want 0 (the tagged file left out):\n%s", code, out)
	}
	if out, code := run(t, dir, bin, "-config=lease.yml", "-tags=integration", "./..."); code != 3 || !strings.Contains(out, "extra.go:") {
		t.Errorf("-tags=integration: exit %d, want 3 with the tagged file's leak:\n%s", code, out)
	}
}

// TestVersion checks that -V alone prints the version, as -V=full does for
// go vet.
func TestVersion(t *testing.T) {
	bin := build(t)
	out, code := run(t, t.TempDir(), bin, "-V")
	if code != 0 || !strings.HasPrefix(out, "connrelease ") || !strings.Contains(out, "go1.") {
		t.Errorf("-V: exit %d:\n%s", code, out)
	}
	if out, code := run(t, t.TempDir(), bin, "-V=full"); code != 0 || !strings.Contains(out, "buildID=") {
		t.Errorf("-V=full: exit %d:\n%s", code, out)
	}
}
