package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestNaiveForm runs the multi-package tests on naive-form SSA, as
// TestSuitesNaiveForm does the suites: the facts exported (xpkg, pools)
// and the diagnostics must be those of the lifted form.
func TestNaiveForm(t *testing.T) {
	t.Parallel()
	t.Run("facts", func(t *testing.T) {
		naive.run(t, t, "xpkg/...")
	})
	t.Run("pools", func(t *testing.T) {
		naive.run(t, t, "pools")
	})
	t.Run("mt", func(t *testing.T) {
		naive.run(t, diagnosticsOnly{t}, "mt/...")
	})
	t.Run("config", func(t *testing.T) {
		inhouseNaive.run(t, diagnosticsOnly{t}, "inhouse")
	})
}

// TestLargeFunction: a function too large to lift (800 acquisitions, each
// with its early returns, one in ten leaking) makes the analyzer build its
// package in naive form, says so under -unjudged, and still reports exactly
// the leaks, at their returns.
func TestLargeFunction(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("package large // want package:`ownership facts`\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"errors\"\n)\n\nvar errStop = errors.New(\"stop\")\n\n")
	b.WriteString("func Big(ctx context.Context, db *sql.DB, flags []bool) (int, error) { // want `too large to lift` Big:`borrows\\[1\\]`\n\ttotal := 0\n")
	line := 13 // the line of the first acquisition
	for i := 0; i < 800; i++ {
		leaks := i%10 == 9
		want := ""
		if leaks {
			want = fmt.Sprintf(" // want `rows%d \\(\\*sql\\.Rows from db\\.QueryContext\\) is not closed on every path: the return at line %d leaks it`", i, line+6)
		}
		fmt.Fprintf(&b, "\trows%d, err := db.QueryContext(ctx, \"SELECT %d\")%s\n", i, i, want)
		b.WriteString("\tif err != nil {\n\t\treturn total, err\n\t}\n")
		fmt.Fprintf(&b, "\tif flags[%d] {\n", i)
		if leaks {
			b.WriteString("\t\ttotal--\n")
		} else {
			fmt.Fprintf(&b, "\t\trows%d.Close()\n", i)
		}
		b.WriteString("\t\treturn total, errStop\n\t}\n")
		fmt.Fprintf(&b, "\tfor rows%d.Next() {\n\t\ttotal++\n\t}\n", i)
		fmt.Fprintf(&b, "\tif err := rows%d.Close(); err != nil {\n\t\treturn total, err\n\t}\n", i)
		line += 14
	}
	b.WriteString("\treturn total, nil\n}\n")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "src", "large"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src", "large", "large.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := analyzer.DefaultConfig()
	cfg.Unjudged = true
	analysistest.Run(t, dir, analyzer.New(cfg), "large")
}
