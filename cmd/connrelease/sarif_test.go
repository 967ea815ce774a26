package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/connrelease/connrelease/analyzer"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The SARIF schema in testdata is the official OASIS one (errata01); see
// testdata/README.md for where it came from.

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validate checks data against the SARIF 2.1.0 schema.
func validate(t *testing.T, sch *jsonschema.Schema, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, data)
	}
}

// The validator does reject what the schema forbids: the tests below
// would pass vacuously otherwise.
func TestSchemaRejectsInvalidLogs(t *testing.T) {
	sch := compileSchema(t)
	for name, doc := range map[string]string{
		"wrong version":       `{"version": "2.0.0", "runs": []}`,
		"result sans message": `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "leak"}]}]}`,
		"bad level":           `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		"line zero":           `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 0}}}]}]}]}`,
		"unknown property":    `{"version": "2.1.0", "runs": [], "extra": 1}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: the schema accepted %s", name, doc)
		}
	}
}

// sarifDoc mirrors the parts of the output the tests look at.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					HelpURI          string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []docResult                     `json:"results"`
	} `json:"runs"`
}

// docResult is one result of a run, as the tests look at it.
type docResult struct {
	RuleID    string `json:"ruleId"`
	RuleIndex int    `json:"ruleIndex"`
	Level     string `json:"level"`
	Message   struct{ Text string }
	Locations []struct {
		PhysicalLocation physLoc `json:"physicalLocation"`
	} `json:"locations"`
	RelatedLocations []struct {
		PhysicalLocation physLoc `json:"physicalLocation"`
		Message          struct{ Text string }
	} `json:"relatedLocations"`
	CodeFlows []struct {
		ThreadFlows []struct {
			Locations []struct {
				Location struct {
					PhysicalLocation physLoc `json:"physicalLocation"`
					Message          struct{ Text string }
				} `json:"location"`
			} `json:"locations"`
		} `json:"threadFlows"`
	} `json:"codeFlows"`
}

type physLoc struct {
	ArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	} `json:"artifactLocation"`
	Region region `json:"region"`
}

type region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

func parseLog(t *testing.T, data []byte) *sarifDoc {
	t.Helper()
	var l sarifDoc
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(l.Runs))
	}
	return &l
}

// repoRoot is the module's root, two levels up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// runInProcess runs the -sarif mode in-process with a fresh analyzer, so that
// flags set by one test do not leak into another.
func runInProcess(t *testing.T, dir string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = runSARIF(analyzer.New(analyzer.DefaultConfig()), "-", args, dir, &out, &errOut)
	return status, out.String(), errOut.String()
}

// runLog runs the -sarif mode in dir, which must write a valid SARIF
// 2.1.0 log, and returns the log's run and its text.
func runLog(t *testing.T, sch *jsonschema.Schema, dir string, args ...string) (*sarifDoc, string) {
	t.Helper()
	status, out, stderr := runInProcess(t, dir, args...)
	if status != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", status, stderr)
	}
	validate(t, sch, []byte(out))
	return parseLog(t, []byte(out)), out
}

// examplesSARIF is the log of one in-process run on both examples, which
// TestSARIFQuickstart and TestSARIFMultitenant share: each run loads the
// standard library's core from source, seconds that the analysis itself
// does not take.
var examplesSARIF struct {
	once           sync.Once
	status         int
	stdout, stderr string
}

// examplesLog returns the log of the examples, valid SARIF 2.1.0, and the
// results of those whose file name starts with prefix.
func examplesLog(t *testing.T, prefix string) (l *sarifDoc, results []docResult) {
	t.Helper()
	e := &examplesSARIF
	e.once.Do(func() {
		e.status, e.stdout, e.stderr = runInProcess(t, repoRoot(t), "./examples/quickstart/", "./examples/multitenant/...")
	})
	if e.status != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", e.status, e.stderr)
	}
	validate(t, compileSchema(t), []byte(e.stdout))
	l = parseLog(t, []byte(e.stdout))
	var others int
	for _, r := range l.Runs[0].Results {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		switch {
		case strings.HasPrefix(uri, prefix):
			results = append(results, r)
		case !strings.HasPrefix(uri, "examples/quickstart/") && !strings.HasPrefix(uri, "examples/multitenant/"):
			others++
		}
	}
	if others > 0 {
		t.Errorf("%d results in neither example:\n%s", others, e.stdout)
	}
	return l, results
}

func TestSARIFQuickstart(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	l, results := examplesLog(t, "examples/quickstart/")
	if l.Version != "2.1.0" || l.Schema == "" {
		t.Errorf("version %q, $schema %q", l.Version, l.Schema)
	}
	run := l.Runs[0]
	d := run.Tool.Driver
	if d.Name != "connrelease" || d.InformationURI != "https://github.com/connrelease/connrelease" {
		t.Errorf("driver %q %q", d.Name, d.InformationURI)
	}
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.HelpURI != "https://github.com/connrelease/connrelease#checks" {
			t.Errorf("rule %s: %+v", r.ID, r)
		}
	}
	if want := []string{"leak", "defer-in-loop", "shared-pool-close", "directive"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("rules %q, want %q", ids, want)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+filepath.ToSlash(root)+"/" {
		t.Errorf("%%SRCROOT%% is %q", got)
	}

	// The example leaks rows, a transaction and a connection: one result
	// each, in the order of the file.
	if len(results) != 3 {
		t.Fatalf("%d results, want 3: %+v", len(results), results)
	}
	for i, want := range []string{"rows (*sql.Rows", "tx (*sql.Tx", "conn (*sql.Conn"} {
		r := results[i]
		if r.RuleID != "leak" || r.RuleIndex != 0 || r.Level != "warning" || !strings.HasPrefix(r.Message.Text, want) {
			t.Errorf("result %d: %s %d %s %q", i, r.RuleID, r.RuleIndex, r.Level, r.Message.Text)
		}
		if len(r.Locations) != 1 || len(r.RelatedLocations) != 1 {
			t.Fatalf("result %d: %d locations, %d related", i, len(r.Locations), len(r.RelatedLocations))
		}
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		if a.URI != "examples/quickstart/orders.go" || a.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: artifact %+v", i, a)
		}
	}
	// Lock's connection: `conn, err := s.db.Conn(ctx)` at 56:15, leaked by
	// the return at line 61.
	conn := results[2]
	if got, want := conn.Locations[0].PhysicalLocation.Region, (region{56, 15, 56, 29}); got != want {
		t.Errorf("conn region %+v, want %+v", got, want)
	}
	rel := conn.RelatedLocations[0]
	if rel.PhysicalLocation.Region.StartLine != 61 || rel.PhysicalLocation.Region.StartColumn != 2 ||
		rel.Message.Text != "this return leaks it" || rel.PhysicalLocation.ArtifactLocation.URI != "examples/quickstart/orders.go" {
		t.Errorf("conn related location %+v", rel)
	}
	if !strings.Contains(conn.Message.Text, "is not closed on every path: the return at line 61 leaks it") {
		t.Errorf("conn message %q", conn.Message.Text)
	}
}

// Each leak of the quickstart has its path as a codeFlow (-path is on
// under -sarif): one thread, from the acquisition, where the result is, to
// the leaking return, its related location; the defer-in-loop and
// shared-pool-close results of the multi-tenant example have none.
func TestSARIFCodeFlow(t *testing.T) {
	t.Parallel()
	_, results := examplesLog(t, "examples/")
	var leaks int
	for _, r := range results {
		if r.RuleID != analyzer.CategoryLeak {
			if len(r.CodeFlows) > 0 {
				t.Errorf("%s result %q has a codeFlow", r.RuleID, r.Message.Text)
			}
			continue
		}
		leaks++
		if len(r.CodeFlows) != 1 || len(r.CodeFlows[0].ThreadFlows) != 1 {
			t.Errorf("leak %q: %d codeFlows, want one of one thread", r.Message.Text, len(r.CodeFlows))
			continue
		}
		steps := r.CodeFlows[0].ThreadFlows[0].Locations
		if len(steps) < 2 || len(r.RelatedLocations) != 1 {
			t.Errorf("leak %q: %d steps, %d related locations", r.Message.Text, len(steps), len(r.RelatedLocations))
			continue
		}
		first, last := steps[0].Location, steps[len(steps)-1].Location
		if first.Message.Text != analyzer.PathStart || first.PhysicalLocation != r.Locations[0].PhysicalLocation {
			t.Errorf("leak %q: the path starts at %+v %q, not at the acquisition %+v", r.Message.Text, first.PhysicalLocation, first.Message.Text, r.Locations[0].PhysicalLocation)
		}
		rel := r.RelatedLocations[0]
		if last.Message.Text != rel.Message.Text || last.PhysicalLocation != rel.PhysicalLocation {
			t.Errorf("leak %q: the path ends at %+v %q, not at the leaking return %+v", r.Message.Text, last.PhysicalLocation, last.Message.Text, rel.PhysicalLocation)
		}
		// Lock's connection: acquired, the error check passed, leaked by
		// the return two lines below.
		if strings.HasPrefix(r.Message.Text, "conn (*sql.Conn from s.db.Conn)") {
			var got []string
			for _, s := range steps {
				reg := s.Location.PhysicalLocation.Region
				got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn, s.Location.Message.Text))
			}
			want := []string{"56:15-56:29 acquired here", "57:5-57:15 err != nil: false", "61:2-0:0 this return leaks it"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Lock's path %q, want %q", got, want)
			}
		}
	}
	if leaks < 3 {
		t.Errorf("%d leaks in the examples, want at least the quickstart's 3", leaks)
	}
}

// splitPath takes a leak's path from its related positions only when the
// first is the acquisition: without -path, and for the other checks, the
// related positions stay as they are.
func TestSplitPath(t *testing.T) {
	acq := foundRelated{message: analyzer.PathStart}
	ret := foundRelated{message: "this return leaks it"}
	cond := foundRelated{message: "err != nil: false"}
	again := foundRelated{message: analyzer.AcquiredAgain}
	deferred := foundRelated{message: "deferred here"}
	for _, tc := range []struct {
		related, path, rest []foundRelated
	}{
		{[]foundRelated{ret}, nil, []foundRelated{ret}},
		{[]foundRelated{deferred}, nil, []foundRelated{deferred}},
		{nil, nil, nil},
		{[]foundRelated{acq, cond, ret}, []foundRelated{acq, cond, ret}, []foundRelated{ret}},
		{[]foundRelated{acq, cond, again}, []foundRelated{acq, cond, again}, nil},
	} {
		path, rest := splitPath(tc.related)
		if !reflect.DeepEqual(path, tc.path) || !reflect.DeepEqual(rest, tc.rest) {
			t.Errorf("splitPath(%v) = %v, %v; want %v, %v", tc.related, path, rest, tc.path, tc.rest)
		}
	}
}

// The rules are the registry's checks (analyzer.Checks), in its order:
// its title as shortDescription, its help as fullDescription, its fix as
// help; unjudged (off by default) and internal-error only when a result
// uses them, each result pointing at its own rule.
func TestSARIFRules(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	checks := analyzer.Checks()
	var all []found
	for i, c := range checks {
		all = append(all, found{category: c.Name, message: "a report of " + c.Name,
			pos: token.Position{Filename: "a.go", Offset: i * 10, Line: i + 1, Column: 1}})
	}
	for _, tc := range []struct {
		name  string
		found []found
		want  []string
	}{
		{"no result", nil, []string{"leak", "defer-in-loop", "shared-pool-close", "directive"}},
		{"a result of each", all, []string{"leak", "defer-in-loop", "shared-pool-close", "unjudged", "directive", "internal-error"}},
	} {
		data, err := json.Marshal(buildLog(tc.found, ""))
		if err != nil {
			t.Fatal(err)
		}
		validate(t, sch, data)
		run := parseLog(t, data).Runs[0]
		var ids []string
		for _, r := range run.Tool.Driver.Rules {
			ids = append(ids, r.ID)
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("%s: rules %q, want %q", tc.name, ids, tc.want)
		}
		if len(run.Results) != len(tc.found) {
			t.Fatalf("%s: %d results, want %d", tc.name, len(run.Results), len(tc.found))
		}
		for _, r := range run.Results {
			if r.RuleIndex >= len(ids) || ids[r.RuleIndex] != r.RuleID {
				t.Errorf("%s: result of %s has ruleIndex %d; the rules are %q", tc.name, r.RuleID, r.RuleIndex, ids)
			}
		}
	}

	run := buildLog(all, "").Runs[0]
	for i, c := range checks {
		r, res := run.Tool.Driver.Rules[i], run.Results[i]
		if r.ID != c.Name || r.Name != c.RuleName || r.DefaultConfiguration.Level != c.Level || res.Level != c.Level {
			t.Errorf("rule %d: %s %s %s (result %s), want check %s %s %s", i, r.ID, r.Name, r.DefaultConfiguration.Level, res.Level, c.Name, c.RuleName, c.Level)
		}
		if !strings.EqualFold(r.ShortDescription.Text, c.Title+".") || !strings.HasPrefix(r.FullDescription.Text, c.Help) ||
			r.Help.Text != c.Fix || r.HelpURI != "https://github.com/connrelease/connrelease#checks" {
			t.Errorf("rule %s: %+v", r.ID, r)
		}
		if c.Flag != "" && !strings.Contains(r.FullDescription.Text, "-"+c.Flag) {
			t.Errorf("rule %s: the full description does not name the flag -%s: %q", r.ID, c.Flag, r.FullDescription.Text)
		}
	}
}

// A directive without a reason and one that suppresses nothing are results
// of the directive rule.
func TestSARIFDirective(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	dir := writeModule(t, "d/d.go", `package d

//connrelease:ignore
func A() {}

//connrelease:ignore nothing to suppress here
func B() {}
`)
	l, out := runLog(t, sch, dir, "./...")
	run := l.Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2:\n%s", len(run.Results), out)
	}
	for _, r := range run.Results {
		if r.RuleID != "directive" || run.Tool.Driver.Rules[r.RuleIndex].ID != "directive" ||
			run.Tool.Driver.Rules[r.RuleIndex].ShortDescription.Text == "connrelease check directive." {
			t.Errorf("result %s %d %q; rules %+v", r.RuleID, r.RuleIndex, r.Message.Text, run.Tool.Driver.Rules)
		}
	}
}

// The multi-tenant example: the leaking version has results of two
// checks, across database/sql and pgx; the fixed version none.
func TestSARIFMultitenant(t *testing.T) {
	t.Parallel()
	l, results := examplesLog(t, "examples/multitenant/")
	run := l.Runs[0]
	index := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		index[r.ID] = i
	}
	checks := map[string]int{}
	for _, r := range results {
		checks[r.RuleID]++
		if i, ok := index[r.RuleID]; !ok || i != r.RuleIndex {
			t.Errorf("result of %s has ruleIndex %d; the rules are %v", r.RuleID, r.RuleIndex, index)
		}
		if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "examples/multitenant/leaky/service.go" {
			t.Errorf("result in %s: %q", uri, r.Message.Text)
		}
	}
	if checks["leak"] == 0 || checks["shared-pool-close"] == 0 {
		t.Errorf("results per check: %v, want leak and shared-pool-close", checks)
	}
}

// writeModule makes a module in a temporary directory from name/content
// pairs and returns its directory.
func writeModule(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	files = append([]string{"go.mod", "module example.com/m\n\ngo 1.22\n"}, files...)
	for i := 0; i < len(files); i += 2 {
		p := filepath.Join(dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const loops = `package store

import (
	"context"
	"database/sql"
)

// Sizes defers each connection's Close inside the loop.
func Sizes(ctx context.Context, db *sql.DB, names []string) error {
	for range names {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
	}
	return nil
}

// Leak leaks its rows when the first Scan fails; the query holds an é.
func Leak(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT 'é'")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Close()
}
`

// A package with tests is loaded twice (p and p [p.test]); each
// diagnostic is one result all the same. Columns count UTF-16 code units.
func TestSARIFDeferInLoopAndTests(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	dir := writeModule(t,
		"store/store.go", loops,
		"store/store_test.go", "package store\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n",
	)
	l, out := runLog(t, sch, dir, "./...")
	run := l.Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2 (one per diagnostic):\n%s", len(run.Results), out)
	}
	dl, leak := run.Results[0], run.Results[1]
	if dl.RuleID != "defer-in-loop" || dl.RuleIndex != 1 || !strings.Contains(dl.Message.Text, "deferred inside a loop") {
		t.Errorf("first result %s %d %q", dl.RuleID, dl.RuleIndex, dl.Message.Text)
	}
	if len(dl.RelatedLocations) != 1 || dl.RelatedLocations[0].PhysicalLocation.Region.StartLine != 15 || dl.RelatedLocations[0].Message.Text != "deferred here" {
		t.Errorf("defer-in-loop related locations %+v", dl.RelatedLocations)
	}
	if leak.RuleID != "leak" || leak.RuleIndex != 0 {
		t.Errorf("second result %s %d", leak.RuleID, leak.RuleIndex)
	}
	// `rows, err := db.Query("SELECT 'é'")`: the call starts at byte column
	// 15 of line 22 and ends before byte column 38, but é is two bytes and
	// one UTF-16 code unit.
	if got, want := leak.Locations[0].PhysicalLocation.Region, (region{22, 15, 22, 37}); got != want {
		t.Errorf("leak region %+v, want %+v", got, want)
	}
	if got := leak.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "store/store.go" {
		t.Errorf("leak artifact %q", got)
	}

	// Flags come before the patterns, as with the single-checker.
	l, _ = runLog(t, sch, dir, "-defer-in-loop=false", "-test=false", "./...")
	if run := l.Runs[0]; len(run.Results) != 1 || run.Results[0].RuleID != "leak" {
		t.Errorf("with -defer-in-loop=false: %+v", run.Results)
	}
}

// okSource is a package that imports nothing and holds no resource.
const okSource = "package ok\n\nfunc Add(a, b int) int { return a + b }\n"

func TestSARIFCleanPackage(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	dir := writeModule(t, "ok/ok.go", okSource)
	status, out, stderr := runInProcess(t, dir, "./...")
	if status != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", status, stderr)
	}
	validate(t, sch, []byte(out))
	if !strings.Contains(out, `"results": []`) {
		t.Errorf("no empty results array:\n%s", out)
	}
}

// Load and type errors: file:line:col: message on stderr, status 1, no log.
func TestSARIFLoadErrors(t *testing.T) {
	t.Parallel()
	dir := writeModule(t,
		"bad/bad.go", "package bad\n\nfunc F() int { return \"x\" }\n",
		"syntax/s.go", "package syntax\n\nfunc G( {\n",
	)
	status, out, stderr := runInProcess(t, dir, "./...")
	if status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	if out != "" {
		t.Errorf("a log was written:\n%s", out)
	}
	for _, want := range []string{
		filepath.Join(dir, "bad", "bad.go") + ":3:23: cannot use \"x\"",
		filepath.Join(dir, "syntax", "s.go") + ":3:",
		"no SARIF log written",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	status, _, stderr = runInProcess(t, dir, "./nothing/here/...")
	if status != 1 || !strings.Contains(stderr, "nothing/here") {
		t.Errorf("missing directory: status %d, stderr:\n%s", status, stderr)
	}
}

func TestSARIFFlagMisuse(t *testing.T) {
	dir := writeModule(t, "ok/ok.go", "package ok\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-json", "./..."}, "-sarif cannot be combined with -json"},
		{[]string{"-fix", "./..."}, "-sarif cannot be combined with -fix"},
		{[]string{"./...", "-unjudged"}, "flag -unjudged after the packages"},
		{[]string{"out.sarif", "./..."}, "write -sarif=out.sarif"},
		{[]string{"-nosuchflag", "./..."}, "flag provided but not defined: -nosuchflag"},
	} {
		status, out, stderr := runInProcess(t, dir, tc.args...)
		if status != 2 || out != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: status %d, stdout %q, stderr:\n%s", tc.args, status, out, stderr)
		}
	}
}

func TestSplitSARIFFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		dest string
		rest []string
		ok   bool
	}{
		{[]string{"./..."}, "", []string{"./..."}, false},
		{[]string{"-sarif", "./..."}, "-", []string{"./..."}, true},
		{[]string{"--sarif", "-test=false", "./..."}, "-", []string{"-test=false", "./..."}, true},
		{[]string{"-sarif=out.sarif", "./..."}, "out.sarif", []string{"./..."}, true},
		{[]string{"-sarif=-", "./..."}, "-", []string{"./..."}, true},
		{[]string{"-sarif=a", "-sarif=false", "./..."}, "", []string{"./..."}, false},
		{[]string{"-sarif=", "./..."}, "", []string{"./..."}, true},
		{[]string{"-sarifx", "./..."}, "", []string{"-sarifx", "./..."}, false},
		{[]string{"--", "-sarif"}, "", []string{"--", "-sarif"}, false},
	} {
		dest, rest, ok := splitSARIFFlag(tc.args)
		if dest != tc.dest || !reflect.DeepEqual(rest, tc.rest) || ok != tc.ok {
			t.Errorf("splitSARIFFlag(%q) = %q, %q, %v; want %q, %q, %v", tc.args, dest, rest, ok, tc.dest, tc.rest, tc.ok)
		}
	}
}

// The built command: -sarif=FILE writes a valid log and exits 0, load
// errors exit 1, and without -sarif it is the single-checker as before.
func TestCommand(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command")
	}
	sch := compileSchema(t)
	bin := build(t)
	root := repoRoot(t)
	run := func(dir string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode(), string(out)
	}

	// On small modules, quick to load: TestSARIFQuickstart checks the
	// log of the examples, and TestExample runs the command on them
	// without -sarif, as the single-checker.
	file := filepath.Join(t.TempDir(), "out.sarif")
	leaky := leaseModule(t, "a/a.go", fmt.Sprintf(leakyPackage, "a"))
	status, out := run(leaky, "-sarif="+file, "-config=lease.yml", "./...")
	if status != 0 || out != "" {
		t.Fatalf("-sarif=FILE: status %d, output:\n%s", status, out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, sch, data)
	if rs := parseLog(t, data).Runs[0].Results; len(rs) != 1 || rs[0].RuleID != "leak" || rs[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "a/a.go" {
		t.Errorf("results %+v, want the leak of a/a.go", rs)
	}

	// To standard output, on a package that imports nothing.
	clean := writeModule(t, "ok/ok.go", okSource)
	status, out = run(clean, "-sarif", "./...")
	if status != 0 {
		t.Fatalf("-sarif: status %d, output:\n%s", status, out)
	}
	validate(t, sch, []byte(out))

	bad := writeModule(t, "bad.go", "package bad\n\nfunc F() int { return \"x\" }\n")
	status, out = run(bad, "-sarif=out.sarif", "./...")
	// The file lies in the working directory: its name as go vet prints it.
	if status != 1 || !strings.HasPrefix(out, "bad.go:3:23: cannot use") || strings.Contains(out, "panic") {
		t.Errorf("type error: status %d, output:\n%s", status, out)
	}
	if _, err := os.Stat(filepath.Join(bad, "out.sarif")); err == nil {
		t.Error("a log was written despite the type error")
	}

	status, out = run(root, "-help")
	if !strings.Contains(out, "-sarif=FILE") {
		t.Errorf("-help does not tell of -sarif (status %d):\n%s", status, out)
	}
	status, out = run(root, "-flags")
	if status != 0 || strings.Contains(out, "sarif") {
		t.Errorf("-flags, which go vet reads, names -sarif (status %d):\n%s", status, out)
	}
}
