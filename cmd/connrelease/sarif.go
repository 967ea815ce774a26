package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/connrelease/connrelease/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// This file writes connrelease's diagnostics as a SARIF 2.1.0 log
// (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the format GitHub code
// scanning and other result viewers read.

const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion   = "2.1.0"
	informationURI = "https://github.com/connrelease/connrelease"
	// srcRoot is the uriBaseId of the artifact locations: the directory
	// connrelease ran in, which is normally the repository's root.
	srcRoot = "%SRCROOT%"
)

// rule describes one check: one SARIF reportingDescriptor, whose id is the
// diagnostics' category.
type rule struct {
	id, name, level, short, full, help, helpURI string
	always                                      bool // listed even when it has no result
}

// rules are the SARIF rules, one per check of the registry
// (analyzer.Checks), in its order, which is the README's Checks table's.
// A check on by default is always listed; one off by default, and the
// report of connrelease's own failure, only when a result uses it.
var rules = rulesOf(analyzer.Checks())

func rulesOf(checks []analyzer.Check) []rule {
	var rs []rule
	for _, c := range checks {
		full := c.Help
		switch {
		case c.Flag != "" && c.Default:
			full += " Turned off with -" + c.Flag + "=false."
		case c.Flag != "":
			full += " Reported with -" + c.Flag + "."
		}
		rs = append(rs, rule{
			id:      c.Name,
			name:    c.RuleName,
			level:   c.Level,
			short:   strings.ToUpper(c.Title[:1]) + c.Title[1:] + ".",
			full:    full,
			help:    c.Fix,
			helpURI: informationURI + "#checks",
			always:  c.Default && !c.Internal,
		})
	}
	return rs
}

// runSARIF analyses the packages that args (flags, then patterns) name,
// as seen from dir, with a, and writes the SARIF log to dest ("-" for out).
// It returns the exit status: 0 when the log was written, whatever it
// holds (as with -json); 1 when the packages could not be loaded or
// type-checked, or the analysis failed (the errors go to errOut, no log is
// written); 2 for a misused flag.
func runSARIF(a *analysis.Analyzer, dest string, args []string, dir string, out, errOut io.Writer) int {
	fs := flag.NewFlagSet("connrelease", flag.ContinueOnError)
	fs.SetOutput(errOut)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	// The path of each leak is the result's codeFlow, which a SARIF viewer
	// shows step by step: on unless -path=false.
	if f := fs.Lookup("path"); f != nil {
		_ = f.Value.Set("true")
	}
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	_ = fs.Int("c", -1, "no effect with -sarif")
	var conflicting []string
	for _, name := range []string{"json", "fix", "diff"} {
		fs.BoolFunc(name, "cannot be combined with -sarif", func(v string) error {
			if v != "false" {
				conflicting = append(conflicting, "-"+name)
			}
			return nil
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(errOut, "Usage: connrelease -sarif[=FILE] [-flag] [package]\n\n%s\n\nFlags:\n", sarifUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(conflicting) > 0 {
		fmt.Fprintf(errOut, "connrelease: -sarif cannot be combined with %s\n", strings.Join(conflicting, ", "))
		return 2
	}
	if dest == "" {
		fmt.Fprintln(errOut, "connrelease: -sarif= needs a file name (or write -sarif for standard output)")
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		fs.Usage()
		return 1
	}
	for _, p := range patterns {
		switch {
		case strings.HasPrefix(p, "-"):
			fmt.Fprintf(errOut, "connrelease: flag %s after the packages: put the flags first\n", p)
			return 2
		case strings.HasSuffix(p, ".sarif"):
			fmt.Fprintf(errOut, "connrelease: %s is not a package: write -sarif=%s to write the log there\n", p, p)
			return 2
		}
	}

	initial, err := loadPackages(a, patterns, *tests, dir)
	if err != nil {
		fmt.Fprintf(errOut, "connrelease: %v\n", err)
		return 1
	}
	if n := printLoadErrors(errOut, initial); n > 0 {
		fmt.Fprintf(errOut, "connrelease: the packages could not be loaded or type-checked (%d error%s); no SARIF log written\n", n, plural(n))
		return 1
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, initial, nil)
	if err != nil {
		fmt.Fprintf(errOut, "connrelease: %v\n", err)
		return 1
	}
	var failed bool
	var diags []found
	for act := range graph.All() {
		if act.Err != nil {
			fmt.Fprintf(errOut, "connrelease: %s: %v\n", act.Package.ID, act.Err)
			failed = true
			continue
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				diags = append(diags, found1(act.Package.Fset, d))
			}
		}
	}
	if failed {
		fmt.Fprintln(errOut, "connrelease: the analysis failed; no SARIF log written")
		return 1
	}

	data, err := json.MarshalIndent(buildLog(diags, dir), "", "  ")
	if err != nil {
		fmt.Fprintf(errOut, "connrelease: %v\n", err)
		return 1
	}
	data = append(data, '\n')
	if dest == "-" {
		_, err = out.Write(data)
	} else {
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(dir, dest)
		}
		err = os.WriteFile(dest, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(errOut, "connrelease: writing the SARIF log: %v\n", err)
		return 1
	}
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// loadPackages loads the packages as the single-checker does: syntax for
// the initial packages, and for all of them if the analysis uses facts.
func loadPackages(a *analysis.Analyzer, patterns []string, tests bool, dir string) ([]*packages.Package, error) {
	mode := packages.LoadSyntax
	if usesFacts(a, map[*analysis.Analyzer]bool{}) {
		mode = packages.LoadAllSyntax
	}
	cfg := &packages.Config{Mode: mode | packages.NeedModule, Tests: tests, Dir: dir}
	initial, err := packages.Load(cfg, patterns...)
	if err == nil && len(initial) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return initial, err
}

func usesFacts(a *analysis.Analyzer, seen map[*analysis.Analyzer]bool) bool {
	if seen[a] {
		return false
	}
	seen[a] = true
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, r := range a.Requires {
		if usesFacts(r, seen) {
			return true
		}
	}
	return false
}

// printLoadErrors prints, as packages.PrintErrors does but to w, the
// errors of the packages and their dependencies, each as
// file:line:col: message, and returns how many there were.
func printLoadErrors(w io.Writer, pkgs []*packages.Package) int {
	var n int
	seenMod := map[*packages.Module]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			fmt.Fprintln(w, err)
			n++
		}
		if mod := p.Module; mod != nil && mod.Error != nil && !seenMod[mod] {
			seenMod[mod] = true
			fmt.Fprintf(w, "%s: %s\n", mod.GoMod, mod.Error.Err)
			n++
		}
	})
	return n
}

// found is one diagnostic with its positions resolved.
type found struct {
	category, message string
	pos, end          token.Position
	related           []foundRelated
}

type foundRelated struct {
	message  string
	pos, end token.Position
}

func found1(fset *token.FileSet, d analysis.Diagnostic) found {
	f := found{category: d.Category, message: d.Message, pos: fset.Position(d.Pos)}
	if d.End.IsValid() {
		f.end = fset.Position(d.End)
	}
	if f.category == "" {
		f.category = analyzer.CategoryLeak
	}
	for _, r := range d.Related {
		fr := foundRelated{message: r.Message, pos: fset.Position(r.Pos)}
		if r.End.IsValid() {
			fr.end = fset.Position(r.End)
		}
		f.related = append(f.related, fr)
	}
	return f
}

// The SARIF log, as far as connrelease fills it in.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		Help                 sarifMessage       `json:"help"`
		HelpURI              string             `json:"helpUri"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		CodeFlows        []sarifCodeFlow `json:"codeFlows,omitempty"`
	}
	// A codeFlow is the path that leaks a resource: one thread, its
	// locations the steps in order.
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}
	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           *sarifRegion     `json:"region,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// buildLog makes the log of one run from the diagnostics; file names are
// given relative to dir where they lie under it.
func buildLog(all []found, dir string) *sarifLog {
	// A file of package p is also one of p's test variant: keep one result.
	type key struct {
		category, message string
		pos, end          token.Position
	}
	seen := map[key]bool{}
	var uniq []found
	for _, f := range all {
		k := key{f.category, f.message, f.pos, f.end}
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, f)
		}
	}
	sort.SliceStable(uniq, func(i, j int) bool {
		a, b := uniq[i], uniq[j]
		if a.pos.Filename != b.pos.Filename {
			return a.pos.Filename < b.pos.Filename
		}
		if a.pos.Offset != b.pos.Offset {
			return a.pos.Offset < b.pos.Offset
		}
		if a.category != b.category {
			return a.category < b.category
		}
		return a.message < b.message
	})

	used := map[string]bool{}
	for _, f := range uniq {
		used[f.category] = true
	}
	index := map[string]int{}
	driver := sarifDriver{Name: "connrelease", Version: toolVersion(), InformationURI: informationURI, Rules: []sarifRule{}}
	addRule := func(r rule) {
		index[r.id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.id,
			Name:                 r.name,
			ShortDescription:     sarifMessage{r.short},
			FullDescription:      sarifMessage{r.full},
			Help:                 sarifMessage{r.help},
			HelpURI:              r.helpURI,
			DefaultConfiguration: sarifConfiguration{r.level},
		})
	}
	levels := map[string]string{}
	for _, r := range rules {
		levels[r.id] = r.level
		if r.always || used[r.id] {
			addRule(r)
		}
	}
	var unknown []string // a category this command does not know yet
	for c := range used {
		if _, ok := index[c]; !ok {
			unknown = append(unknown, c)
		}
	}
	sort.Strings(unknown)
	for _, c := range unknown {
		levels[c] = "warning"
		addRule(rule{
			id: c, name: c, level: "warning",
			short: "connrelease check " + c + ".", full: "connrelease check " + c + ".",
			help: "See the README.", helpURI: informationURI + "#checks",
		})
	}

	files := fileCache{dir: dir}
	results := []sarifResult{}
	for _, f := range uniq {
		res := sarifResult{
			RuleID:    f.category,
			RuleIndex: index[f.category],
			Level:     levels[f.category],
			Message:   sarifMessage{f.message},
			Locations: []sarifLocation{{PhysicalLocation: files.location(f.pos, f.end)}},
		}
		path, related := splitPath(f.related)
		for i, r := range related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: files.location(r.pos, r.end),
				Message:          &sarifMessage{r.message},
			})
		}
		if path != nil {
			var flow sarifThreadFlow
			for _, r := range path {
				flow.Locations = append(flow.Locations, sarifThreadFlowLocation{Location: sarifLocation{
					PhysicalLocation: files.location(r.pos, r.end),
					Message:          &sarifMessage{r.message},
				}})
			}
			res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{flow}}}
		}
		results = append(results, res)
	}

	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "utf16CodeUnits",
		Results:     results,
	}
	if dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(dir, true)}}
	}
	return &sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
}

// splitPath tells the path of a leak (-path) from its related positions:
// the path is all of them when the first is the acquisition
// (analyzer.PathStart); the related positions are then those the leak has
// without -path, its last step (the leaking return), unless that is the
// acquisition again (a resource lost in its loop has none).
func splitPath(related []foundRelated) (path, rest []foundRelated) {
	if len(related) < 2 || related[0].message != analyzer.PathStart {
		return nil, related
	}
	if last := related[len(related)-1]; last.message != analyzer.AcquiredAgain {
		rest = []foundRelated{last}
	}
	return related, rest
}

// toolVersion is the module version connrelease was built at, if known.
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// fileCache turns token positions into SARIF locations, reading each file
// once to count columns in UTF-16 code units, as SARIF does by default and
// GitHub expects; Go counts bytes.
type fileCache struct {
	dir      string
	contents map[string][]byte
}

func (c *fileCache) location(pos, end token.Position) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{ArtifactLocation: c.artifact(pos.Filename)}
	if pos.Line > 0 {
		r := &sarifRegion{StartLine: pos.Line, StartColumn: c.column(pos)}
		if end.Line > 0 && end.Filename == pos.Filename {
			r.EndLine, r.EndColumn = end.Line, c.column(end)
		}
		loc.Region = r
	}
	return loc
}

// artifact names a file relative to %SRCROOT% when it lies under the
// directory connrelease ran in, and by an absolute file URI otherwise.
func (c *fileCache) artifact(filename string) sarifArtifactLoc {
	if c.dir != "" && filepath.IsAbs(filename) {
		if rel, ok := under(c.dir, filename); ok {
			return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRoot}
		}
		return sarifArtifactLoc{URI: fileURI(filename, false)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(filename)}).EscapedPath()}
}

// under reports the path of file relative to dir, if it lies under it,
// also when one of them is reached through a symbolic link.
func under(dir, file string) (string, bool) {
	if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsLocal(rel) {
		return rel, true
	}
	d, err1 := filepath.EvalSymlinks(dir)
	f, err2 := filepath.EvalSymlinks(file)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(d, f); err == nil && filepath.IsLocal(rel) {
			return rel, true
		}
	}
	return "", false
}

// fileURI is the file: URI of an absolute path; a directory's ends in /.
func fileURI(path string, isDir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	if isDir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// column converts pos's byte column to UTF-16 code units, 1-based.
func (c *fileCache) column(pos token.Position) int {
	if pos.Column <= 0 {
		return 0
	}
	if c.contents == nil {
		c.contents = map[string][]byte{}
	}
	data, ok := c.contents[pos.Filename]
	if !ok {
		data, _ = os.ReadFile(pos.Filename)
		c.contents[pos.Filename] = data
	}
	start := pos.Offset - (pos.Column - 1)
	if data == nil || start < 0 || pos.Offset > len(data) {
		return pos.Column
	}
	units := 0
	for s := data[start:pos.Offset]; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if n := utf16.RuneLen(r); n > 0 {
			units += n
		} else {
			units++
		}
	}
	return units + 1
}
