package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

// TestService runs the analyzer over production-shaped service code: HTTP
// handlers, repositories, job workers, migrations, caches and tests over
// database/sql, pgx v5, sqlx and go-redis, each leak beside its clean twin.
func TestService(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "service")
}
