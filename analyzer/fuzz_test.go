package analyzer

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// FuzzAnalyze feeds generated functions to the analysis: the fuzzer's bytes
// choose the statements of a function over database/sql (acquisitions,
// releases, defers, branches, loops, closures, goroutines, panics, returns),
// which always type-checks. No input may make the analysis panic (an
// internal-error diagnostic fails the target), and the analysis of the
// function in naive-form SSA must report what that of its lifted form does.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{0, 1, 3, 9})
	f.Add([]byte{4, 0, 1, 5, 3, 6})
	f.Add([]byte{6, 7, 2, 8, 10, 11, 3})
	f.Add([]byte{0, 12, 13, 4, 6, 9, 5, 5, 2})
	f.Fuzz(func(t *testing.T, program []byte) {
		if err := checkGenerated(generate(program)); err != nil {
			t.Fatal(err)
		}
	})
}

// checkGenerated analyses src in both SSA forms: neither may report an
// internal error, and both must report the same diagnostics.
func checkGenerated(src string) error {
	var reports [2][]string
	for form, naive := range []bool{false, true} {
		diags, err := analyzeSource(src, naive)
		if err != nil {
			return fmt.Errorf("%w\n%s", err, src)
		}
		for _, d := range diags {
			if d.Category == CategoryInternal {
				return fmt.Errorf("%s\n%s", d.Message, src)
			}
			reports[form] = append(reports[form], fmt.Sprintf("%s: %s", fuzzFset.Position(d.Pos), d.Message))
		}
	}
	if lifted, naive := strings.Join(reports[0], "\n"), strings.Join(reports[1], "\n"); lifted != naive {
		return fmt.Errorf("naive form disagrees with the lifted form\nlifted:\n%s\nnaive:\n%s\n%s", lifted, naive, src)
	}
	return nil
}

// generate turns bytes into a function that type-checks.
func generate(program []byte) string {
	var b strings.Builder
	b.WriteString("package fuzz\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"errors\"\n)\n\n")
	b.WriteString("var sink []*sql.Conn\n\nvar errBoom = errors.New(\"boom\")\n\n")
	b.WriteString("func f(ctx context.Context, db *sql.DB, x bool, n int) (err error) {\n")
	var conns, rows []string
	var connDepth, rowDepth []int // the loop depth each was declared at
	depth := 1
	indent := func() string { return strings.Repeat("\t", depth) }
	pick := func(vs []string, i int) string { return vs[i%len(vs)] }
	// leave drops the variables declared in the loop being closed.
	leave := func() {
		for len(conns) > 0 && connDepth[len(conns)-1] > depth {
			conns, connDepth = conns[:len(conns)-1], connDepth[:len(connDepth)-1]
		}
		for len(rows) > 0 && rowDepth[len(rows)-1] > depth {
			rows, rowDepth = rows[:len(rows)-1], rowDepth[:len(rowDepth)-1]
		}
	}
	for i, op := range program {
		if i > 64 {
			break
		}
		switch op % 14 {
		case 0:
			c := fmt.Sprintf("c%d", i)
			fmt.Fprintf(&b, "%s%s, err := db.Conn(ctx)\n%sif err != nil {\n%s\treturn err\n%s}\n%s_ = %s\n", indent(), c, indent(), indent(), indent(), indent(), c)
			conns, connDepth = append(conns, c), append(connDepth, depth)
		case 1:
			if len(conns) > 0 {
				fmt.Fprintf(&b, "%sdefer %s.Close()\n", indent(), pick(conns, i))
			}
		case 2:
			if len(conns) > 0 {
				fmt.Fprintf(&b, "%s%s.Close()\n", indent(), pick(conns, i))
			}
		case 3:
			fmt.Fprintf(&b, "%sif x {\n%s\treturn nil\n%s}\n", indent(), indent(), indent())
		case 4:
			if depth < 5 {
				fmt.Fprintf(&b, "%sfor i := 0; i < n; i++ {\n", indent())
				depth++
			}
		case 5:
			if depth > 1 {
				depth--
				leave()
				fmt.Fprintf(&b, "%s}\n", indent())
			}
		case 6:
			r := fmt.Sprintf("r%d", i)
			fmt.Fprintf(&b, "%s%s, err := db.QueryContext(ctx, \"q\")\n%sif err != nil {\n%s\treturn err\n%s}\n%s_ = %s\n", indent(), r, indent(), indent(), indent(), indent(), r)
			rows, rowDepth = append(rows, r), append(rowDepth, depth)
		case 7:
			if len(rows) > 0 {
				fmt.Fprintf(&b, "%sfor %s.Next() {\n%s\tif x {\n%s\t\tbreak\n%s\t}\n%s}\n", indent(), pick(rows, i), indent(), indent(), indent(), indent())
			}
		case 8:
			if len(conns) > 0 {
				fmt.Fprintf(&b, "%sdefer func() {\n%s\tif err != nil {\n%s\t\t%s.Close()\n%s\t}\n%s}()\n", indent(), indent(), indent(), pick(conns, i), indent(), indent())
			}
		case 9:
			fmt.Fprintf(&b, "%sif !x {\n%s\tpanic(errBoom)\n%s}\n", indent(), indent(), indent())
		case 10:
			if len(conns) > 0 {
				fmt.Fprintf(&b, "%sgo func() { _ = %s.Close() }()\n", indent(), pick(conns, i))
			}
		case 11:
			if len(conns) > 0 {
				fmt.Fprintf(&b, "%ssink = append(sink, %s)\n", indent(), pick(conns, i))
			}
		case 12:
			if len(rows) > 0 {
				fmt.Fprintf(&b, "%sdefer %s.Close()\n", indent(), pick(rows, i))
			}
		case 13:
			fmt.Fprintf(&b, "%sif err = ctx.Err(); err != nil {\n%s\treturn err\n%s}\n", indent(), indent(), indent())
		}
	}
	for depth > 1 {
		depth--
		fmt.Fprintf(&b, "%s}\n", indent())
	}
	b.WriteString("\treturn nil\n}\n")
	return b.String()
}

var (
	fuzzMu   sync.Mutex
	fuzzFset = token.NewFileSet()
	fuzzImp  = importer.ForCompiler(fuzzFset, "source", nil)
)

// analyzeSource type-checks one file and runs the analysis on it, with
// summaries across packages off (there is one package).
func analyzeSource(src string, naive bool) ([]analysis.Diagnostic, error) {
	fuzzMu.Lock()
	defer fuzzMu.Unlock()
	file, err := parser.ParseFile(fuzzFset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse: %w", err)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: fuzzImp}
	pkg, err := conf.Check("fuzz", fuzzFset, []*ast.File{file}, info)
	if err != nil {
		return nil, fmt.Errorf("generated code does not type-check: %w", err)
	}
	cfg := DefaultConfig()
	cfg.CrossPackage = false
	cfg.naiveForm = naive
	a := New(cfg)
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       fuzzFset,
		Files:      []*ast.File{file},
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf:   map[*analysis.Analyzer]any{},
		Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
	}
	if _, err := a.Run(pass); err != nil {
		return nil, err
	}
	return diags, nil
}

// TestGeneratedShapes runs the generator over a fixed set of programs, so
// that the shapes the fuzzer starts from are checked on every test run.
func TestGeneratedShapes(t *testing.T) {
	for seed := 0; seed < 40; seed++ {
		program := make([]byte, 24)
		for i := range program {
			program[i] = byte((seed*31 + i*17 + i*i*seed) % 251)
		}
		if err := checkGenerated(generate(program)); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}
