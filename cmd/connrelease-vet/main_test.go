package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestFindConnrelease(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell-less executable file without .exe")
	}
	dir := t.TempDir()

	t.Setenv("CONNRELEASE", "some/where/connrelease")
	got, err := findConnrelease()
	if want, _ := filepath.Abs("some/where/connrelease"); err != nil || got != want {
		t.Errorf("with $CONNRELEASE: %q, %v; want %q", got, err, want)
	}

	// The test binary has no connrelease beside it: the one on PATH.
	t.Setenv("CONNRELEASE", "")
	t.Setenv("PATH", dir)
	if _, err := findConnrelease(); err == nil || !strings.Contains(err.Error(), "cannot find connrelease") {
		t.Errorf("nothing on PATH: %v", err)
	}
	tool := filepath.Join(dir, "connrelease")
	if err := os.WriteFile(tool, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := findConnrelease(); err != nil || got != tool {
		t.Errorf("on PATH: %q, %v; want %q", got, err, tool)
	}
}

func TestAbsConfig(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	got := absConfig([]string{"-config=c.yml", "--config", "d.yml", "-config=/abs.yml", "./...", "-config=late.yml"})
	want := []string{"-config=" + filepath.Join(wd, "c.yml"), "--config", filepath.Join(wd, "d.yml"), "-config=/abs.yml", "./...", "-config=late.yml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("absConfig:\n got %q\nwant %q", got, want)
	}
}
