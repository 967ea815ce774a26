package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const leakyPackage = `package %s

import (
	"context"
	"database/sql"
)

func ping(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return c.PingContext(ctx)
}
`

// TestConfigUnderVet checks that a relative -config is found when go vet
// runs the tool in each package's directory, and that a bad file is
// reported once for the whole run, not once per package.
func TestConfigUnderVet(t *testing.T) {
	bin := build(t)
	files := []string{
		"good.yml", "acquirers:\n  - example.com/m/lease.Get\n",
		"bad.yml", "acquirers: example.com/m/lease.Get\n",
		"lease/lease.go", "package lease\n\n// L is leased.\ntype L struct{}\n\n// Get leases one.\nfunc Get() *L { return &L{} }\n",
	}
	for _, p := range []string{"a", "b", "c"} {
		files = append(files, p+"/"+p+".go", strings.Replace(leakyPackage, "%s", p, 1))
	}
	dir := writeModule(t, files...)

	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-config=good.yml", "./...")
	if code != 1 || strings.Count(out, "is not closed on every path") != 3 || strings.Contains(out, "good.yml") {
		t.Errorf("go vet with a relative -config: exit %d, want 1 with the three leaks and no error about the file:\n%s", code, out)
	}
	out, code = run(t, dir, "go", "vet", "-vettool="+bin, "-config=bad.yml", "./...")
	if code == 0 || strings.Count(out, "acquirers: want a list") != 1 {
		t.Errorf("go vet with a bad -config: exit %d, want the error once:\n%s", code, out)
	}
	out, code = run(t, filepath.Join(dir, "a"), bin, "-config=good.yml", "./...")
	if code != 3 || strings.Contains(out, "good.yml") {
		t.Errorf("standalone in a package directory, the file at the module root: exit %d:\n%s", code, out)
	}
}

// TestTags checks that -tags selects the files the packages are loaded
// with, as GOFLAGS=-tags does.
func TestTags(t *testing.T) {
	bin := build(t)
	dir := writeModule(t,
		"p/p.go", "package p\n",
		"p/extra.go", "//go:build integration\n\n"+strings.Replace(leakyPackage, "%s", "p", 1))
	if out, code := run(t, dir, bin, "./..."); code != 0 {
		t.Errorf("without -tags: exit %d, want 0 (the tagged file left out):\n%s", code, out)
	}
	if out, code := run(t, dir, bin, "-tags=integration", "./..."); code != 3 || !strings.Contains(out, "extra.go:") {
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
