package main

import (
	"strings"
	"testing"
)

func TestFindFlag(t *testing.T) {
	args := []string{"-fix", "--config", "a.yml", "-tags=x", "./...", "-config=late"}
	if f := findFlag(args, "config"); !f.found || f.value != "a.yml" || f.hasValue {
		t.Errorf("config: %+v", f)
	}
	if got := findFlag(args, "config").set(args, "/abs/a.yml"); got[2] != "/abs/a.yml" || args[2] != "a.yml" {
		t.Errorf("set: %q (args %q)", got, args)
	}
	if f := findFlag(args, "tags"); f.value != "x" || !f.hasValue {
		t.Errorf("tags: %+v", f)
	}
	if got := findFlag(args, "tags").set(args, "y"); got[3] != "-tags=y" {
		t.Errorf("set: %q", got)
	}
	if !fixRequested(args) || fixRequested([]string{"-fix=false", "."}) || fixRequested([]string{".", "-fix"}) {
		t.Error("fixRequested")
	}
	if got := withoutFixFlags([]string{"-fix", "-diff", "-c=1", "./...", "-fix"}); strings.Join(got, " ") != "-c=1 ./... -fix" {
		t.Errorf("withoutFixFlags: %q", got)
	}
}

// -json turns -path on unless -path is given; nothing else does.
func TestJSONPath(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"-json ./...", "-path -json ./..."},
		{"--json=true -c 1 ./...", "-path --json=true -c 1 ./..."},
		{"-config x.yml -json ./...", "-path -config x.yml -json ./..."},
		{"-json -path=false ./...", "-json -path=false ./..."},
		{"-path -json ./...", "-path -json ./..."},
		{"-json=false ./...", "-json=false ./..."},
		{"./... -json", "./... -json"},
		{"-tags json ./...", "-tags json ./..."},
		{"-flags", "-flags"},
		{"-json /tmp/b001/vet.cfg", "-json /tmp/b001/vet.cfg"}, // go vet's own -json
		{"./...", "./..."},
	} {
		if got := strings.Join(jsonPath(strings.Fields(tc.args)), " "); got != tc.want {
			t.Errorf("jsonPath(%s) = %s, want %s", tc.args, got, tc.want)
		}
	}
}
