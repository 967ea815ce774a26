// Package plugin makes connrelease a golangci-lint v2 module plugin.
//
// Importing it registers the linter "connrelease". A golangci-lint binary
// built with this package (by `golangci-lint custom` from .custom-gcl.yml, or
// from the wrapper module in tools/golangci-lint) runs it when the
// configuration declares it:
//
//	version: "2"
//	linters:
//	  enable:
//	    - connrelease
//	  settings:
//	    custom:
//	      connrelease:
//	        type: module
//	        settings:
//	          defer-in-loop: false
//
// The settings are the analyzer's command-line flags, named as on the
// command line without the leading dash: every flag of the analyzer is a
// setting, and a key that names no flag is an error.
//
// In golangci-lint a diagnostic is one issue, at the acquisition: its
// related positions, which golangci-lint would show as issues of their own,
// are left out (the message names the line of the leaking return), so a
// //nolint:connrelease on the reported line silences the whole report. The
// setting path, a leak's path as related positions, shows nothing there.
package plugin

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/connrelease/connrelease/analyzer"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom and the tag of its reports.
const Name = "connrelease"

func init() {
	register.Plugin(Name, New)
}

// Plugin is connrelease configured for one golangci-lint run.
type Plugin struct {
	analyzer *analysis.Analyzer
}

// New builds the plugin from the settings under
// linters.settings.custom.connrelease.settings.
func New(settings any) (register.LinterPlugin, error) {
	a := analyzer.New(analyzer.DefaultConfig())
	if err := Apply(a, settings); err != nil {
		return nil, err
	}
	// A bad configuration file stops the run once, here, rather than once
	// per package.
	if f := a.Flags.Lookup("config"); f != nil && f.Value.String() != "" {
		if err := analyzer.CheckConfigFile(f.Value.String()); err != nil {
			return nil, fmt.Errorf("connrelease: %w", err)
		}
	}
	dropRelated(a)
	return &Plugin{analyzer: a}, nil
}

// dropRelated makes a report its diagnostics without their related
// positions. golangci-lint turns each related position into an issue of its
// own ("connrelease(related information): this return leaks it"), which
// doubles the count and survives a //nolint:connrelease on the reported
// line; the message already names the line of the leaking return.
func dropRelated(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			report(d)
		}
		return run(pass)
	}
}

// BuildAnalyzers returns the configured analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for type information: the analysis builds SSA.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// Apply sets a's flags from settings, a mapping from flag names (without the
// dash) to values. A value must fit its flag: a boolean flag takes a
// boolean, a numeric flag a number, a string flag a string; a string is also
// accepted for any flag and parsed as the command line would parse it
// ("false", "10s"). Keys are applied in sorted order; the first bad one is
// the error.
func Apply(a *analysis.Analyzer, settings any) error {
	m, err := settingsMap(settings)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f := lookup(&a.Flags, k)
		if f == nil {
			return fmt.Errorf("%s: unknown setting %q (known: %s)", Name, k, strings.Join(known(&a.Flags), ", "))
		}
		s, err := flagString(f, m[k])
		if err != nil {
			return fmt.Errorf("%s: setting %q: %w", Name, k, err)
		}
		if err := a.Flags.Set(f.Name, s); err != nil {
			return fmt.Errorf("%s: setting %q: invalid value %q for %s: %w", Name, k, s, kindOf(f), err)
		}
	}
	return nil
}

// settingsMap turns what golangci-lint passes (nil when there are no
// settings, usually a map[string]any decoded from YAML) into a map.
func settingsMap(settings any) (map[string]any, error) {
	switch s := settings.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return s, nil
	}
	var m map[string]any
	b, err := json.Marshal(settings)
	if err == nil {
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.UseNumber()
		err = dec.Decode(&m)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: settings must be a mapping of setting names to values, got %T", Name, settings)
	}
	return m, nil
}

// lookup finds the flag named k. golangci-lint's configuration loader
// lowercases keys, so a flag whose name has capitals is matched without
// regard to case.
func lookup(fs *flag.FlagSet, k string) *flag.Flag {
	if f := fs.Lookup(k); f != nil {
		return f
	}
	var found *flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if found == nil && strings.EqualFold(f.Name, k) {
			found = f
		}
	})
	return found
}

func known(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

type kind int

const (
	kindOther kind = iota
	kindBool
	kindString
	kindInt
	kindFloat
	kindDuration
)

func flagKind(f *flag.Flag) kind {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return kindBool
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return kindOther
	}
	v := g.Get()
	if _, ok := v.(time.Duration); ok {
		return kindDuration
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Bool:
		return kindBool
	case reflect.String:
		return kindString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kindInt
	case reflect.Float32, reflect.Float64:
		return kindFloat
	}
	return kindOther
}

func kindOf(f *flag.Flag) string {
	switch flagKind(f) {
	case kindBool:
		return "a boolean (true or false)"
	case kindString:
		return "a string"
	case kindInt:
		return "an integer"
	case kindFloat:
		return "a number"
	case kindDuration:
		return `a duration (such as "30s")`
	}
	return "flag -" + f.Name
}

// flagString renders v as the command-line text of flag f, after checking
// that its type fits the flag.
func flagString(f *flag.Flag, v any) (string, error) {
	k := flagKind(f)
	mismatch := func() error {
		return fmt.Errorf("want %s, got %s", kindOf(f), describe(v))
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		if k != kindBool && k != kindOther {
			return "", mismatch()
		}
		return strconv.FormatBool(v), nil
	case json.Number, float64, float32, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		if k != kindInt && k != kindFloat && k != kindOther {
			return "", mismatch()
		}
		return numberString(v), nil
	}
	return "", mismatch()
}

func numberString(v any) string {
	switch v := v.(type) {
	case json.Number:
		return v.String()
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return strconv.FormatInt(int64(v), 10)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	case float32:
		return numberString(float64(v))
	}
	return fmt.Sprint(v)
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "no value"
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return fmt.Sprintf("the boolean %t", v)
	case json.Number, float64, float32, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "the number " + numberString(v)
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a mapping"
	}
	return fmt.Sprintf("a %T", v)
}
