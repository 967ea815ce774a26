package analyzer

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestConfigErrors checks that a bad configuration names the file, the
// line, the column and the key.
func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "resource:\n  - type: a/b.C\n", "c.yml:1:1: resource: unknown key"},
		{"not a list", "acquirers: a/b.F\n", "c.yml:1:12: acquirers: want a list"},
		{"bad type", "resources:\n  - type: Lease\n    release: [Close]\n", `c.yml:2:11: resources[0].type: "Lease": want a package path and a type name`},
		{"missing release", "resources:\n  - type: a/b.Lease\n", "c.yml:2:5: resources[0].release: missing"},
		{"unknown field", "resources:\n  - type: a/b.Lease\n    release: Close\n    verb: closed\n", "c.yml:4:5: resources[0].verb: unknown key"},
		{"bad param", "consumers:\n  - func: a/b.Drain\n    param: -1\n", "c.yml:3:12: consumers[0].param: want a parameter index"},
		{"bad func", "acquirers:\n  - a/b\n", `c.yml:2:5: acquirers[0]: "a/b": want a package path and a function`},
		{"bad creator", "pools:\n  - type: a/b.Pool\n    creators: [New]\n", `c.yml:3:16: pools[0].creators[0]: "New"`},
		{"not yaml", "resources: [\n", "c.yml: "},
		{"not a mapping", "- a\n", "c.yml:1:1: configuration: want a mapping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseConfig("c.yml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := loadConfig(filepath.Join(t.TempDir(), "missing.yml")); err == nil || !strings.Contains(err.Error(), "missing.yml") {
		t.Errorf("a missing file: got %v", err)
	}
}

// TestConfigValid checks that a valid configuration reaches the catalog.
func TestConfigValid(t *testing.T) {
	fc, err := loadConfig(filepath.Join(analysistest.TestData(), "inhouse.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cat := newCatalog()
	cat.apply(fc)
	if r := cat.resources["example.com/lease.Lease"]; r == nil || r.release[0] != "Return" {
		t.Errorf("resource not applied: %+v", r)
	}
	if !cat.acquirers["example.com/lease.Pool.Get"] || cat.consumers["example.com/lease.Drain"] != 1 ||
		!cat.pools["example.com/lease.Pool"] || !cat.poolCreators["example.com/lease.NewPool"] || !cat.packages["example.com/lease"] {
		t.Errorf("configuration not applied to the catalog")
	}
}

// FuzzParseConfig checks that no input makes the parser panic.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("resources:\n  - type: a/b.C\n    release: [Close]\n"))
	f.Add([]byte("consumers:\n  - func: a/b.F\n    param: 0\npools:\n  - type: a/b.P\n    creators: [a/b.New]\n"))
	f.Add([]byte("acquirers: [a/b.T.M, x.F]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = parseConfig("fuzz.yml", data)
	})
}
