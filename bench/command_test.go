package bench

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

var commandRounds = flag.Int("command-rounds", 9, "timed rounds of BenchmarkCommand")

// commandInput is one generated package that BenchmarkCommand runs the
// command on.
type commandInput struct {
	dir    string // its directory in the module, and the name it is printed under
	series string // "functions", "branches", or "" for the smallest run
	n      int
	src    string
}

func commandInputs() []commandInput {
	in := []commandInput{{dir: "smallest", src: branchySource(0)}}
	for _, n := range []int{100, 1000, 10000} {
		in = append(in, commandInput{fmt.Sprintf("functions%d", n), "functions", n, functionsSource(n)})
	}
	for _, n := range []int{1000, 10000} {
		in = append(in, commandInput{fmt.Sprintf("branches%d", n), "branches", n, branchySource(n)})
	}
	return in
}

// BenchmarkCommand times the whole command as a user runs it, `connrelease
// ./pkg` in a module: a process that lists the package with go list, loads
// and type-checks it, analyses it, and prints its diagnostics. Its inputs
// are generated packages: 100, 1 000 and 10 000 small functions
// (functionsSource), one function of 1 000 and of 10 000 branches and
// acquisitions (branchySource), and the smallest run: one function with no
// acquisition (branchySource(0)), which imports the same packages and so
// pays the same fixed cost (processes, go list, database/sql's export
// data) and nothing else.
//
// It builds cmd/connrelease once, writes the packages into one temporary
// module, and runs the command on every input once per round: first an
// untimed round, which warms the build cache and checks each run's output
// (n/10 diagnostics and exit status 3; none and status 0 for the smallest
// run), then -command-rounds timed rounds (default 9), so that a busy
// moment of the machine does not land on one size only. Each run is timed
// by the wall clock and by CPU time: user and system time of the command
// and of every process it waits for (its filtered child, go list), read
// with getrusage(RUSAGE_CHILDREN) before and after. Each input's median,
// fastest and slowest run are printed.
//
// The growth of a series from n/10 to n, beyond the smallest run, is
//
//	(t(n) − t₀) / (t(n/10) − t₀)
//
// where t(n) is the time of the series' input of size n and t₀ that of the
// smallest run, both medians or both fastest runs: how much the cost that
// the input adds grows for ten times the input. Linear growth gives 10;
// the goal is at most 12. (Subtracting the run of 100 functions instead of
// t₀ would make linear growth 11 from 1 000 to 10 000.) It is printed, by
// CPU time and by wall clock, for 1 000 → 10 000 functions and branches,
// and reported as the metrics growth-functions-cpu and growth-branches-cpu
// (by medians) and growth-functions-cpu-fastest and
// growth-branches-cpu-fastest. The fixed cost is large (about 2 s of CPU:
// the command type-checks database/sql and its dependencies from source,
// for their facts), and what 1 000 functions or branches add to it is a
// tenth of it, so the denominator is the noisy part: on a busy machine,
// where noise only adds time, the fastest runs are the steadier estimate.
// The in-process numbers of TestScaling are a diagnostic of the analysis
// alone; this is the goal. A round takes about 20 seconds on a quiet
// 2-core machine:
//
//	go test ./bench -run '^$' -bench Command -benchtime 1x
//	go test ./bench -run '^$' -bench Command -benchtime 1x -args -command-rounds=15
func BenchmarkCommand(b *testing.B) {
	if *commandRounds < 1 {
		b.Fatalf("-command-rounds=%d: want at least 1", *commandRounds)
	}
	bin := filepath.Join(b.TempDir(), "connrelease")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/connrelease/connrelease/cmd/connrelease").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	mod := b.TempDir()
	inputs := commandInputs()
	files := map[string]string{"go.mod": "module example.com/gen\n\ngo 1.22\n"}
	for _, in := range inputs {
		files[filepath.Join(in.dir, "gen.go")] = in.src
	}
	for name, text := range files {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}

	for _, in := range inputs {
		if _, _, err := runCommand(bin, mod, in); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		cpu := make([][]time.Duration, len(inputs))
		wall := make([][]time.Duration, len(inputs))
		for range *commandRounds {
			for i, in := range inputs {
				c, w, err := runCommand(bin, mod, in)
				if err != nil {
					b.Fatal(err)
				}
				cpu[i], wall[i] = append(cpu[i], c), append(wall[i], w)
			}
		}
		reportCommand(b, inputs, cpu, wall)
	}
}

// diagnosticLine is the first line of a diagnostic (not a related one).
var diagnosticLine = regexp.MustCompile(`(?m)^\S+\.go:\d+:\d+: [^\t]`)

// runCommand runs the command on in's package, checks what it printed, and
// returns the CPU time it and the processes it waited for took, and the
// wall-clock time.
func runCommand(bin, mod string, in commandInput) (cpu, wall time.Duration, err error) {
	cmd := exec.Command(bin, "./"+in.dir)
	cmd.Dir = mod
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	before, err := childrenCPU()
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	after, cpuErr := childrenCPU()
	if cpuErr != nil {
		return 0, 0, cpuErr
	}
	want, status := in.n/10, 3
	if want == 0 {
		status = 0
	}
	var exit *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &exit):
		return 0, 0, err
	case cmd.ProcessState.ExitCode() != status:
		return 0, 0, fmt.Errorf("%s: exit status %d, want %d:\n%s", in.dir, cmd.ProcessState.ExitCode(), status, stderr.String())
	}
	if got := len(diagnosticLine.FindAll(stderr.Bytes(), -1)); got != want {
		return 0, 0, fmt.Errorf("%s: %d diagnostics, want %d:\n%s", in.dir, got, want, stderr.String())
	}
	return after - before, wall, nil
}

// childrenCPU is the user and system time of the processes this one has
// waited for, theirs included.
func childrenCPU() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}

// reportCommand prints each input's times and each series' growth from
// n/10 to n beyond the smallest run (see BenchmarkCommand), and reports
// the growths from 1 000 to 10 000 as metrics.
func reportCommand(b *testing.B, inputs []commandInput, cpu, wall [][]time.Duration) {
	type stats struct{ median, fastest, slowest time.Duration }
	summary := func(samples []time.Duration) stats {
		sorted := slices.Clone(samples)
		slices.Sort(sorted)
		return stats{sorted[len(sorted)/2], sorted[0], sorted[len(sorted)-1]}
	}
	cpuStats, wallStats := make([]stats, len(inputs)), make([]stats, len(inputs))
	index := map[string]int{}
	lines := []string{fmt.Sprintf("%d rounds; seconds: median [fastest, slowest]", len(cpu[0]))}
	for i, in := range inputs {
		index[fmt.Sprint(in.series, in.n)] = i
		cpuStats[i], wallStats[i] = summary(cpu[i]), summary(wall[i])
		c, w := cpuStats[i], wallStats[i]
		lines = append(lines, fmt.Sprintf("%-15s CPU %6.3f [%6.3f, %6.3f]  wall %6.3f [%6.3f, %6.3f]",
			in.dir, c.median.Seconds(), c.fastest.Seconds(), c.slowest.Seconds(), w.median.Seconds(), w.fastest.Seconds(), w.slowest.Seconds()))
	}
	// growth is (t(n) − t₀) / (t(n/10) − t₀) for the statistic of.
	growth := func(all []stats, of func(stats) time.Duration, series string, n int) float64 {
		t0, small, large := of(all[0]), of(all[index[fmt.Sprint(series, n/10)]]), of(all[index[fmt.Sprint(series, n)]])
		return float64(large-t0) / float64(small-t0)
	}
	byMedian := func(s stats) time.Duration { return s.median }
	byFastest := func(s stats) time.Duration { return s.fastest }
	for _, series := range []string{"functions", "branches"} {
		cm, cf := growth(cpuStats, byMedian, series, 10000), growth(cpuStats, byFastest, series, 10000)
		wm, wf := growth(wallStats, byMedian, series, 10000), growth(wallStats, byFastest, series, 10000)
		lines = append(lines, fmt.Sprintf("growth beyond the smallest run, 1 000 → 10 000 %s: CPU %.1f× by medians, %.1f× by fastest; wall %.1f×, %.1f× (goal: at most 12×)",
			series, cm, cf, wm, wf))
		b.ReportMetric(cm, "growth-"+series+"-cpu")
		b.ReportMetric(cf, "growth-"+series+"-cpu-fastest")
	}
	b.Log(strings.Join(lines, "\n"))
}
