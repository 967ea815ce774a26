// Package bench holds connrelease's benchmarks.
//
// Whole runs on real modules, against sqlclosecheck, two floors and go vet
// (one command, minutes to an hour; see README.md, "Speed"):
//
//	bash bench/corpus.sh [runs]
//
// The analysis alone, on generated and fixed packages: loading and
// type-checking happen once, before the timer, and each iteration runs the
// analyzer's Run on the same type-checked package through a hand-built
// analysis.Pass (no driver, no analysistest):
//
//	go test ./bench -run '^$' -bench . -benchmem          # the benchmarks
//	CONNRELEASE_SCALING=1 go test ./bench -run TestScaling -v  # growth ratios
//
// Helpers: bench/compare (alternated runs, median CPU and peak RSS),
// bench/noop-facts and bench/noop-ssa (the floors), bench/engine-alone and
// bench/summaries.sh (what the facts across packages cost).
package bench
