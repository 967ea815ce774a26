package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
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
		{"duplicate key", "acquirers: [a/b.F]\nacquirers: [a/b.G]\n", "c.yml:2:1: acquirers: duplicate key (first at line 1)"},
		{"duplicate field", "resources:\n  - type: a/b.Lease\n    release: [Close]\n    release: [Return]\n", "c.yml:4:5: resources[0].release: duplicate key (first at line 3)"},
		{"duplicate consumer", "consumers:\n  - func: a/b.Drain\n    param: 0\n  - func: a/b.Drain\n    param: 1\n", "c.yml:4:11: consumers[1].func: a/b.Drain is already a consumer"},
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
	cat.add(fc.lib)
	if r := cat.resources["example.com/lease.Lease"]; r == nil || r.release[0] != "Return" {
		t.Errorf("resource not applied: %+v", r)
	}
	if !cat.acquirers["example.com/lease.Pool.Get"] || cat.consumers["example.com/lease.Drain"] != 1 ||
		!cat.pools["example.com/lease.Pool"] || !cat.poolCreators["example.com/lease.NewPool"] || !cat.packages["example.com/lease"] {
		t.Errorf("configuration not applied to the catalog")
	}
}

// TestConfigNames checks that a name of the configuration file that the
// loaded packages do not have is an error with its position, once per run,
// and that a configuration naming only what exists runs clean. The seven
// configurations run on one load of the package.
func TestConfigNames(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join(analysistest.TestData(), "inhouse.yml"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := loadTestdata(t, "example.com/lease")
	for _, tc := range []struct{ name, from, to, want string }{
		{"type", "type: example.com/lease.Lease", "type: example.com/lease.Lese",
			"inhouse.yml:3:11: resources[0].type: example.com/lease.Lese: package example.com/lease has no type Lese"},
		{"release method", "release: [Return]", "release: [Retrun]",
			"inhouse.yml:4:14: resources[0].release: example.com/lease.Lease has no method Retrun"},
		{"acquirer", "example.com/lease.Pool.Get", "example.com/lease.Pool.Take",
			"inhouse.yml:6:5: acquirers[0]: example.com/lease.Pool.Take: lease.Pool has no method Take"},
		{"consumer", "func: example.com/lease.Drain", "func: example.com/lease.Drian",
			"inhouse.yml:8:11: consumers[0].func: example.com/lease.Drian: package example.com/lease has no function Drian"},
		{"consumer param", "param: 1", "param: 2",
			"inhouse.yml:8:11: consumers[0].func: example.com/lease.Drain has 2 parameters (receiver excluded): param 2 is out of range"},
		{"pool creator", "creators: [example.com/lease.NewPool]", "creators: [example.com/lease.NewPol]",
			"inhouse.yml:12:16: pools[0].creators[0]: example.com/lease.NewPol: package example.com/lease has no function NewPol"},
		{"none", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(t.TempDir(), "inhouse.yml")
			data := strings.Replace(string(valid), tc.from, tc.to, 1)
			if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := DefaultConfig()
			cfg.ConfigFile = file
			errs := unexpected(t, New(cfg), pkgs)
			var found []string
			for _, e := range errs {
				if strings.Contains(e, "inhouse.yml:") {
					found = append(found, e)
				}
			}
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Errorf("a valid configuration: %q", errs)
			case tc.want != "" && (len(found) != 1 || !strings.Contains(found[0], tc.want)):
				t.Errorf("got %q, want one error containing %q", errs, tc.want)
			}
		})
	}
}

// loadTestdata loads packages of testdata/src, their tests and, from
// source, their dependencies, as analysistest.Run does.
func loadTestdata(t *testing.T, patterns ...string) []*packages.Package {
	t.Helper()
	dir := analysistest.TestData()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
			packages.NeedDeps | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", patterns)
	}
	return pkgs
}

// unexpected runs a on pkgs and returns what analysistest.Run reports
// about packages that expect nothing: that the analysis failed, each
// diagnostic and each fact about the package or its objects.
func unexpected(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := driver.Analyze([]*analysis.Analyzer{a}, pkgs, &driver.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("error analyzing %s: %v", act, act.Err))
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			errs = append(errs, fmt.Sprintf("%v: unexpected diagnostic: %s", fset.Position(d.Pos), d.Message))
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				errs = append(errs, fmt.Sprintf("%s: unexpected package fact: %v", f.Package.Path(), f.Fact))
			}
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				errs = append(errs, fmt.Sprintf("%v: unexpected fact: %v", fset.Position(f.Object.Pos()), f.Fact))
			}
		}
	}
	return errs
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
