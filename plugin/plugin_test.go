package plugin_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/connrelease/connrelease/analyzer"
	"github.com/connrelease/connrelease/plugin"
)

// build runs the registered constructor, as golangci-lint does, and returns
// the analyzer it builds.
func build(t *testing.T, settings any) (*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("connrelease")
	if err != nil {
		t.Fatalf("the plugin is not registered: %v", err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	if len(as) != 1 || as[0].Name != "connrelease" {
		t.Fatalf("BuildAnalyzers() = %v, want the connrelease analyzer", as)
	}
	return as[0], nil
}

func flagValue(a *analysis.Analyzer, name string) string {
	return a.Flags.Lookup(name).Value.String()
}

// knownList is the list the unknown-setting error gives: every flag of the
// analyzer, whichever flags it has today.
func knownList() string {
	var names []string
	analyzer.New(analyzer.DefaultConfig()).Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return strings.Join(names, ", ")
}

func TestNoSettingsIsTheDefault(t *testing.T) {
	def := analyzer.New(analyzer.DefaultConfig())
	for _, settings := range []any{nil, map[string]any{}} {
		a, err := build(t, settings)
		if err != nil {
			t.Fatalf("New(%#v): %v", settings, err)
		}
		def.Flags.VisitAll(func(f *flag.Flag) {
			if got := flagValue(a, f.Name); got != f.Value.String() {
				t.Errorf("New(%#v): -%s = %s, want the default %s", settings, f.Name, got, f.Value.String())
			}
		})
	}
}

// TestEveryFlagIsASetting sets every flag of the analyzer through the
// settings, with a value of the type YAML gives it, so a flag added to the
// analyzer is a setting without a change here.
func TestEveryFlagIsASetting(t *testing.T) {
	analyzer.New(analyzer.DefaultConfig()).Flags.VisitAll(func(f *flag.Flag) {
		var v any
		want := f.Value.String()
		switch g := f.Value.(flag.Getter).Get().(type) {
		case bool:
			v, want = !g, fmt.Sprint(!g)
		case string:
			v, want = g+"x", g+"x"
			if f.Name == "config" { // a file that must exist and be valid
				file := filepath.Join(t.TempDir(), "connrelease.yml")
				if err := os.WriteFile(file, []byte("acquirers: [example.com/lease.Pool.Get]\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				v, want = file, file
			}
		case int:
			v, want = g+1, fmt.Sprint(g+1)
		case time.Duration:
			v, want = (g + time.Second).String(), (g + time.Second).String()
		default:
			v = want // the command-line text of its default
		}
		a, err := build(t, map[string]any{f.Name: v})
		if err != nil {
			t.Errorf("setting %s: %#v: %v", f.Name, v, err)
			return
		}
		if got := flagValue(a, f.Name); got != want {
			t.Errorf("setting %s: %#v: -%s = %s, want %s", f.Name, v, f.Name, got, want)
		}
	})
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     map[string]string // flag values after New
		err      string            // the whole error, if New fails
	}{
		{name: "bool", settings: map[string]any{"defer-in-loop": false, "unjudged": true},
			want: map[string]string{"defer-in-loop": "false", "unjudged": "true"}},
		{name: "string for a bool", settings: map[string]any{"defer-in-loop": "false"},
			want: map[string]string{"defer-in-loop": "false"}},
		{name: "capitals", settings: map[string]any{"Defer-In-Loop": false},
			want: map[string]string{"defer-in-loop": "false"}},
		{name: "typed map", settings: map[string]bool{"defer-in-loop": false},
			want: map[string]string{"defer-in-loop": "false"}},
		{name: "unknown key", settings: map[string]any{"defer_in_loop": false},
			err: `connrelease: unknown setting "defer_in_loop" (known: ` + knownList() + `)`},
		{name: "unknown key among known ones", settings: map[string]any{"unjudged": true, "deferInLoop": false},
			err: `connrelease: unknown setting "deferInLoop" (known: ` + knownList() + `)`},
		{name: "number for a bool", settings: map[string]any{"defer-in-loop": 0},
			err: `connrelease: setting "defer-in-loop": want a boolean (true or false), got the number 0`},
		{name: "list for a bool", settings: map[string]any{"unjudged": []any{true}},
			err: `connrelease: setting "unjudged": want a boolean (true or false), got a list`},
		{name: "no value", settings: map[string]any{"unjudged": nil},
			err: `connrelease: setting "unjudged": want a boolean (true or false), got no value`},
		{name: "bad string for a bool", settings: map[string]any{"defer-in-loop": "sometimes"},
			err: `connrelease: setting "defer-in-loop": invalid value "sometimes" for a boolean (true or false): parse error`},
		{name: "not a mapping", settings: []any{"defer-in-loop"},
			err: `connrelease: settings must be a mapping of setting names to values, got []interface {}`},
		{name: "a bare value", settings: "defer-in-loop=false",
			err: `connrelease: settings must be a mapping of setting names to values, got string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := build(t, tc.settings)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("New(%#v) error = %v, want %s", tc.settings, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%#v): %v", tc.settings, err)
			}
			for name, want := range tc.want {
				if got := flagValue(a, name); got != want {
					t.Errorf("-%s = %s, want %s", name, got, want)
				}
			}
		})
	}
}

// TestFreshAnalyzer: each New has its own analyzer; settings change neither
// analyzer.Analyzer nor another plugin's.
func TestFreshAnalyzer(t *testing.T) {
	off, err := build(t, map[string]any{"defer-in-loop": false})
	if err != nil {
		t.Fatal(err)
	}
	on, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if off == on || off == analyzer.Analyzer {
		t.Fatal("New returned a shared analyzer")
	}
	if flagValue(on, "defer-in-loop") != "true" || flagValue(analyzer.Analyzer, "defer-in-loop") != "true" {
		t.Error("defer-in-loop: false leaked out of its own plugin")
	}
}

// TestApplyIsGenericOverFlags applies settings to an analyzer with flags of
// every kind the flag package has, as they come out of YAML (int, float64)
// or JSON (json.Number).
func TestApplyIsGenericOverFlags(t *testing.T) {
	newAnalyzer := func() *analysis.Analyzer {
		a := &analysis.Analyzer{Name: "x"}
		a.Flags.Init("x", flag.ContinueOnError)
		a.Flags.Bool("on", true, "")
		a.Flags.String("config", "", "")
		a.Flags.Int("max-paths", 10, "")
		a.Flags.Uint64("budget", 1, "")
		a.Flags.Float64("ratio", 0.5, "")
		a.Flags.Duration("timeout", time.Second, "")
		a.Flags.Func("tag", "", func(string) error { return nil })
		return a
	}
	for _, tc := range []struct {
		settings any
		want     map[string]string
		err      string
	}{
		{settings: map[string]any{"on": false, "config": "connrelease.yml", "max-paths": 3, "budget": uint64(7), "ratio": 0.25, "timeout": "1m30s", "tag": "x"},
			want: map[string]string{"on": "false", "config": "connrelease.yml", "max-paths": "3", "budget": "7", "ratio": "0.25", "timeout": "1m30s"}},
		{settings: map[string]any{"max-paths": 4.0, "ratio": 2, "budget": "8"},
			want: map[string]string{"max-paths": "4", "ratio": "2", "budget": "8"}},
		{settings: map[string]any{"max-paths": json.Number("5")},
			want: map[string]string{"max-paths": "5"}},
		{settings: struct {
			MaxPaths int    `json:"max-paths"`
			Config   string `json:"config"`
		}{6, "c.yml"},
			want: map[string]string{"max-paths": "6", "config": "c.yml"}},
		{settings: map[string]any{"config": 3},
			err: `connrelease: setting "config": want a string, got the number 3`},
		{settings: map[string]any{"config": true},
			err: `connrelease: setting "config": want a string, got the boolean true`},
		{settings: map[string]any{"max-paths": true},
			err: `connrelease: setting "max-paths": want an integer, got the boolean true`},
		{settings: map[string]any{"max-paths": 2.5},
			err: `connrelease: setting "max-paths": invalid value "2.5" for an integer: parse error`},
		{settings: map[string]any{"timeout": 30},
			err: `connrelease: setting "timeout": want a duration (such as "30s"), got the number 30`},
		{settings: map[string]any{"timeout": "30"},
			err: `connrelease: setting "timeout": invalid value "30" for a duration (such as "30s"): parse error`},
		{settings: map[string]any{"config": map[string]any{"a": 1}},
			err: `connrelease: setting "config": want a string, got a mapping`},
		{settings: map[string]any{"nope": 1},
			err: `connrelease: unknown setting "nope" (known: budget, config, max-paths, on, ratio, tag, timeout)`},
	} {
		a := newAnalyzer()
		err := plugin.Apply(a, tc.settings)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("Apply(%#v) error = %v, want %s", tc.settings, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Apply(%#v): %v", tc.settings, err)
			continue
		}
		for name, want := range tc.want {
			if got := flagValue(a, name); got != want {
				t.Errorf("Apply(%#v): -%s = %s, want %s", tc.settings, name, got, want)
			}
		}
	}
}

// TestSettingTakesEffect runs the analyzers the plugin builds: the
// defer-in-loop report is there by default, without its related position,
// and gone with defer-in-loop: false (run on the packages the first run
// loaded).
func TestSettingTakesEffect(t *testing.T) {
	on, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []*packages.Package
	for _, res := range analysistest.Run(t, analysistest.TestData(), on, "deferloop") {
		pkgs = append(pkgs, res.Action.Package)
		for _, d := range res.Diagnostics {
			if len(d.Related) > 0 {
				t.Errorf("%s: related positions %v: golangci-lint would show each as an issue of its own", d.Message, d.Related)
			}
		}
	}

	off, err := build(t, map[string]any{"defer-in-loop": false})
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{off}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			if d.Category == analyzer.CategoryDeferInLoop {
				t.Errorf("defer-in-loop: false, yet: %s", d.Message)
			}
		}
	}
}
