package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/connrelease/connrelease/analyzer"
)

func TestThirdPartyPgxV5(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "pgxv5cases")
}

func TestThirdPartyPgxV4(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "pgxv4cases")
}

func TestThirdPartySqlx(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "sqlxcases")
}

func TestThirdPartyRedis(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "rediscases")
}
