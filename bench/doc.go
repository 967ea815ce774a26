// Package bench holds connrelease's benchmarks.
//
// Whole runs on real modules, against sqlclosecheck, two floors and go vet
// (one command, minutes to an hour; see bench/README.md):
//
//	bash bench/corpus.sh [runs]
//
// The whole command, built once and run as a user runs it on generated
// packages (100 to 10 000 functions, one function of 1 000 and 10 000
// branches), alternated over rounds: how its cost grows beyond that of the
// smallest run, against the goal of at most 12x for ten times the size
// (several minutes):
//
//	go test ./bench -run '^$' -bench Command -benchtime 1x
//
// The analysis alone, on generated and fixed packages: loading and
// type-checking happen once, before the timer, and each iteration runs the
// analyzer's Run on the same type-checked package through a hand-built
// analysis.Pass (no driver, no analysistest):
//
//	go test ./bench -run '^$' -bench 'Branches|Functions|Deferred|Fixed' -benchmem
//	CONNRELEASE_SCALING=1 go test ./bench -run TestScaling -v  # growth, a diagnostic
//
// Helpers: bench/compare (alternated runs, median CPU and peak RSS),
// bench/noop-facts and bench/noop-ssa (the floors), bench/engine-alone and
// bench/summaries.sh (what the facts across packages cost).
package bench
