//go:build ignore

// peer-compare.go scores go/analysis tools against the analyzer's testdata:
// every line carrying a `// want` comment is a leak case, every function
// declaration that holds none is a clean case. It reads the tools' -json
// output and prints, per suite and per tool, how many leak cases the tool
// reports and how many clean functions it flags. Run it through
// scripts/peer-compare.sh, which builds the tools and produces the JSON.
//
//	go run scripts/peer-compare.go \
//	    -suite sqlbasic=analyzer/testdata/src/sqlbasic ... \
//	    -json sqlclosecheck=/tmp/x/scc-gopath.json ... \
//	    -style 'Close should use defer'
//
// Only the standard library is used, and the ignore build tag keeps the file
// out of the module's packages.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// fn is one top-level function declaration: the unit of a clean case.
type fn struct {
	suite, file, name string
	start, end        int
	wants             []int // lines with a want comment inside it
}

// leakCase is one line carrying a want comment.
type leakCase struct {
	suite, file string
	line        int
	want        string
	typ         string // acquired type named in the want text, if -type-re
	fn          *fn    // enclosing declaration, nil if at file level
}

type diag struct {
	file    string
	line    int
	message string
}

func main() {
	var suites, reports multiFlag
	flag.Var(&suites, "suite", "name=dir: a package dir of test cases (repeatable, order kept)")
	flag.Var(&reports, "json", "tool=file: -json output of a go/analysis driver (repeatable, order of first appearance kept)")
	style := flag.String("style", "", "regexp: diagnostics whose message matches are style notes, not leak claims")
	details := flag.Bool("details", false, "list every leak case and flagged clean function")
	examples := flag.Int("examples", 4, "examples of misses and false alarms to print per tool")
	typeRE := flag.String("type-re", "", "regexp whose first group is the acquired type (pkg.Name) in a want text; adds a by-type table")
	flag.Parse()
	if *typeRE != "" {
		wantTypeRE = regexp.MustCompile(*typeRE)
	}
	if len(suites) == 0 || len(reports) == 0 {
		fatalf("need at least one -suite and one -json")
	}
	var styleRE *regexp.Regexp
	if *style != "" {
		styleRE = regexp.MustCompile(*style)
	}

	// Cases from the sources.
	var suiteNames []string
	var cases []*leakCase
	var funcs []*fn
	fset := token.NewFileSet()
	for _, s := range suites {
		name, dir, ok := strings.Cut(s, "=")
		if !ok {
			fatalf("-suite %q: want name=dir", s)
		}
		suiteNames = append(suiteNames, name)
		c, f, err := scan(fset, name, dir)
		if err != nil {
			fatalf("%v", err)
		}
		if len(c) == 0 && len(f) == 0 {
			fatalf("suite %s: no Go files in %s", name, dir)
		}
		cases = append(cases, c...)
		funcs = append(funcs, f...)
	}

	// Diagnostics from the tools.
	var tools []string
	diags := map[string]map[string][]diag{} // tool -> file -> diags
	for _, r := range reports {
		tool, file, ok := strings.Cut(r, "=")
		if !ok {
			fatalf("-json %q: want tool=file", r)
		}
		if _, seen := diags[tool]; !seen {
			tools = append(tools, tool)
			diags[tool] = map[string][]diag{}
		}
		ds, err := readJSON(file)
		if err != nil {
			fatalf("%s: %v", file, err)
		}
		for _, d := range ds {
			diags[tool][d.file] = append(diags[tool][d.file], d)
		}
	}
	// The same package analysed as itself and as its test variant reports
	// the same diagnostic twice.
	for _, byFile := range diags {
		for f, ds := range byFile {
			seen := map[diag]bool{}
			var out []diag
			for _, d := range ds {
				if !seen[d] {
					seen[d] = true
					out = append(out, d)
				}
			}
			byFile[f] = out
		}
	}

	isStyle := func(d diag) bool { return styleRE != nil && styleRE.MatchString(d.message) }
	wantLines := map[string]map[int]bool{}
	for _, c := range cases {
		if wantLines[c.file] == nil {
			wantLines[c.file] = map[int]bool{}
		}
		wantLines[c.file][c.line] = true
	}
	scanned := map[string]bool{}
	for _, f := range funcs {
		scanned[f.file] = true
	}
	for _, c := range cases {
		scanned[c.file] = true
	}

	typeCases := map[string][]*leakCase{}
	var typeOrder []string
	for _, c := range cases {
		if c.typ == "" {
			continue
		}
		if _, ok := typeCases[c.typ]; !ok {
			typeOrder = append(typeOrder, c.typ)
		}
		typeCases[c.typ] = append(typeCases[c.typ], c)
	}
	sort.SliceStable(typeOrder, func(i, j int) bool {
		if a, b := len(typeCases[typeOrder[i]]), len(typeCases[typeOrder[j]]); a != b {
			return a > b
		}
		return typeOrder[i] < typeOrder[j]
	})

	const (
		onLine    = iota // a leak claim on the want line
		elsewhere        // a leak claim elsewhere in the enclosing function only
		styleOnly        // only style notes in the enclosing function
		nothing          // no diagnostic in the enclosing function
	)
	type counts struct {
		leaks                        int
		outcome                      [4]int
		clean, cleanLeak, cleanStyle int
		stray                        int // leak claims on lines without a want
	}
	fmt.Println("Leak case = a line with a // want comment. Clean case = a function declaration with no want comment.")
	if styleRE != nil {
		fmt.Printf("Diagnostics matching /%s/ are style notes, not leak claims.\n", styleRE)
	}
	fmt.Println()

	for _, tool := range tools {
		byFile := diags[tool]
		in := func(file string, from, to int) (leak, style []diag) {
			for _, d := range byFile[file] {
				if d.line >= from && d.line <= to {
					if isStyle(d) {
						style = append(style, d)
					} else {
						leak = append(leak, d)
					}
				}
			}
			return
		}
		per := map[string]*counts{}
		for _, s := range suiteNames {
			per[s] = &counts{}
		}
		var missed []*leakCase
		lineHit := map[*leakCase]bool{}
		var missedWhy []string
		var flagged []string
		for _, c := range cases {
			k := per[c.suite]
			k.leaks++
			lineLeak, _ := in(c.file, c.line, c.line)
			var fnLeak, fnStyle []diag
			if c.fn != nil {
				fnLeak, fnStyle = in(c.file, c.fn.start, c.fn.end)
			}
			o := nothing
			switch {
			case len(lineLeak) > 0:
				o = onLine
			case len(fnLeak) > 0:
				o = elsewhere
			case len(fnStyle) > 0:
				o = styleOnly
			}
			k.outcome[o]++
			lineHit[c] = o == onLine
			if o != onLine {
				why := "nothing reported in the function"
				switch o {
				case elsewhere:
					why = fmt.Sprintf("reported only at line %d: %s", fnLeak[0].line, fnLeak[0].message)
				case styleOnly:
					why = fmt.Sprintf("only a style note at line %d: %s", fnStyle[0].line, fnStyle[0].message)
				}
				missed = append(missed, c)
				missedWhy = append(missedWhy, why)
			}
		}
		for _, f := range funcs {
			if len(f.wants) > 0 {
				continue
			}
			k := per[f.suite]
			k.clean++
			leak, style := in(f.file, f.start, f.end)
			switch {
			case len(leak) > 0:
				k.cleanLeak++
				flagged = append(flagged, fmt.Sprintf("%s:%d %s — %s", rel(f.file), leak[0].line, f.name, leak[0].message))
			case len(style) > 0:
				k.cleanStyle++
				if *details {
					flagged = append(flagged, fmt.Sprintf("%s:%d %s — (style) %s", rel(f.file), style[0].line, f.name, style[0].message))
				}
			}
		}
		// Leak claims that do not sit on a want line, anywhere in the scanned
		// files (clean functions, other lines of leak functions, file level).
		var stray []diag
		for file, ds := range byFile {
			if !scanned[file] {
				continue
			}
			for _, d := range ds {
				if !isStyle(d) && !wantLines[file][d.line] {
					stray = append(stray, d)
				}
			}
		}
		for _, d := range stray {
			for _, s := range suiteNames {
				if suiteOf(d.file, suites) == s {
					per[s].stray++
				}
			}
		}

		fmt.Printf("== %s\n", tool)
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "suite\tleak cases\treported on line\telsewhere in func\tstyle note only\tnothing\tmissed\tclean funcs\tclean flagged (leak)\tclean flagged (style only)\tstray leak claims\t")
		var tot counts
		row := func(name string, k *counts) {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", name, k.leaks,
				k.outcome[onLine], k.outcome[elsewhere], k.outcome[styleOnly], k.outcome[nothing],
				k.leaks-k.outcome[onLine], k.clean, k.cleanLeak, k.cleanStyle, k.stray)
		}
		for _, s := range suiteNames {
			k := per[s]
			row(s, k)
			tot.leaks += k.leaks
			for i := range k.outcome {
				tot.outcome[i] += k.outcome[i]
			}
			tot.clean += k.clean
			tot.cleanLeak += k.cleanLeak
			tot.cleanStyle += k.cleanStyle
			tot.stray += k.stray
		}
		row("TOTAL", &tot)
		tw.Flush()
		fmt.Printf("missed = leak cases with no leak claim on the want line (%d; %d with no leak claim anywhere in the function)\n",
			tot.leaks-tot.outcome[onLine], tot.outcome[styleOnly]+tot.outcome[nothing])

		fmt.Println()
		if len(typeCases) > 0 {
			fmt.Printf("leak cases by acquired type (from the want text):\n")
			tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "type\tleak cases\treported on line\t")
			for _, t := range typeOrder {
				hit := 0
				for _, c := range typeCases[t] {
					if lineHit[c] {
						hit++
					}
				}
				fmt.Fprintf(tw, "%s\t%d\t%d\t\n", t, len(typeCases[t]), hit)
			}
			tw.Flush()
			fmt.Println()
		}
		if len(missed) > 0 {
			idx := pick(len(missed), *examples, *details)
			fmt.Printf("missed leak cases (%d of %d shown):\n", len(idx), len(missed))
			for _, i := range idx {
				c := missed[i]
				fmt.Printf("  %s:%d %s — %s\n", rel(c.file), c.line, fnName(c.fn), missedWhy[i])
			}
		}
		if len(flagged) > 0 {
			idx := pick(len(flagged), *examples, *details)
			fmt.Printf("clean functions flagged (%d of %d shown):\n", len(idx), len(flagged))
			for _, i := range idx {
				fmt.Printf("  %s\n", flagged[i])
			}
		}
		fmt.Println()
	}
}

// pick returns the indexes of n examples spread over a list of total, or all
// of them.
func pick(total, n int, all bool) []int {
	if all || n >= total {
		n = total
	}
	var idx []int
	for i := 0; i < n; i++ {
		idx = append(idx, i*total/n)
	}
	return idx
}

func fnName(f *fn) string {
	if f == nil {
		return "(file level)"
	}
	return f.name
}

var cwd, _ = os.Getwd()

func rel(p string) string {
	if r, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func suiteOf(file string, suites []string) string {
	for _, s := range suites {
		name, dir, _ := strings.Cut(s, "=")
		if abs(dir) == filepath.Dir(file) {
			return name
		}
	}
	return ""
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		fatalf("%v", err)
	}
	if e, err := filepath.EvalSymlinks(a); err == nil {
		a = e
	}
	return a
}

var (
	wantRE     = regexp.MustCompile(`^want(\s|$)`)
	wantTypeRE *regexp.Regexp
	versionRE  = regexp.MustCompile(`^v[0-9]+$`)
)

// scan reads the .go files of one package dir (not its subdirs, as a go
// pattern naming the package would not either).
func scan(fset *token.FileSet, suite, dir string) ([]*leakCase, []*fn, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var cases []*leakCase
	var funcs []*fn
	imports := map[string]string{} // package name -> import path, over the dir's files
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		path := abs(filepath.Join(dir, e.Name()))
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := ""
			if im.Name != nil {
				name = im.Name.Name
			} else {
				// Guess the package name from the path: the last element that
				// is not a major version, without a "go-" prefix.
				elems := strings.Split(path, "/")
				name = elems[len(elems)-1]
				if versionRE.MatchString(name) && len(elems) > 1 {
					name = elems[len(elems)-2]
				}
				name = strings.TrimPrefix(name, "go-")
			}
			imports[name] = path
		}
		var fileFuncs []*fn
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fileFuncs = append(fileFuncs, &fn{
				suite: suite, file: path, name: declName(fd),
				start: fset.Position(fd.Pos()).Line,
				end:   fset.Position(fd.End()).Line,
			})
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text := strings.TrimPrefix(c.Text, "//")
				if strings.HasPrefix(c.Text, "/*") {
					text = strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/")
				}
				text = strings.TrimSpace(text)
				if !wantRE.MatchString(text) {
					continue
				}
				line := fset.Position(c.Pos()).Line
				lc := &leakCase{suite: suite, file: path, line: line, want: text}
				for _, fn := range fileFuncs {
					if line >= fn.start && line <= fn.end {
						lc.fn = fn
						fn.wants = append(fn.wants, line)
					}
				}
				cases = append(cases, lc)
			}
		}
		funcs = append(funcs, fileFuncs...)
	}
	// Qualify the type named in each want text by the import it refers to,
	// so that pgx v4 and v5 (or any two same-named packages) stay apart.
	for _, c := range cases {
		if wantTypeRE == nil {
			break
		}
		m := wantTypeRE.FindStringSubmatch(c.want)
		if len(m) < 2 {
			c.typ = "(no type found)"
			continue
		}
		t := strings.ReplaceAll(m[1], `\`, "")
		if q, name, ok := strings.Cut(t, "."); ok {
			if path, ok := imports[q]; ok {
				t = strings.TrimPrefix(path, "github.com/") + "." + name
			}
		}
		c.typ = t
	}
	sort.SliceStable(cases, func(i, j int) bool {
		if cases[i].file != cases[j].file {
			return cases[i].file < cases[j].file
		}
		return cases[i].line < cases[j].line
	})
	return cases, funcs, nil
}

func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = "*", s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return "(" + star + id.Name + ")." + fd.Name.Name
	}
	return fd.Name.Name
}

// readJSON reads the -json output of a go/analysis driver (unitchecker,
// singlechecker, multichecker): one or more objects mapping package ID to
// analyzer name to either a list of diagnostics or {"error": "..."}.
func readJSON(file string) ([]diag, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	dec := json.NewDecoder(fh)
	var out []diag
	objects := 0
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		objects++
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					return nil, fmt.Errorf("%s: %s: %s", pkg, analyzer, e.Error)
				}
				var ds []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &ds); err != nil {
					return nil, fmt.Errorf("%s: %s: %v", pkg, analyzer, err)
				}
				for _, d := range ds {
					f, line, err := splitPosn(d.Posn)
					if err != nil {
						return nil, err
					}
					out = append(out, diag{file: f, line: line, message: d.Message})
				}
			}
		}
	}
	if objects == 0 {
		return nil, fmt.Errorf("no JSON output")
	}
	return out, nil
}

// splitPosn splits "file:line:col" (or "file:line").
func splitPosn(p string) (string, int, error) {
	parts := strings.Split(p, ":")
	for len(parts) >= 2 {
		last := parts[len(parts)-1]
		if _, err := strconv.Atoi(last); err != nil {
			break
		}
		if len(parts) >= 3 {
			if _, err := strconv.Atoi(parts[len(parts)-2]); err == nil {
				line, _ := strconv.Atoi(parts[len(parts)-2])
				return abs(strings.Join(parts[:len(parts)-2], ":")), line, nil
			}
		}
		line, _ := strconv.Atoi(last)
		return abs(strings.Join(parts[:len(parts)-1], ":")), line, nil
	}
	return "", 0, fmt.Errorf("bad position %q", p)
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "peer-compare: "+format+"\n", args...)
	os.Exit(2)
}
