// Command compare runs commands alternately in one directory and prints
// their CPU time (user+system) and peak memory, and each one's ratio to the
// first: on a noisy machine only ratios measured together mean something.
//
//	compare -dir DIR -runs 3 NAME=COMMAND... [NAME=COMMAND...]
//
// CPU time and peak RSS are those wait4 reports for the command, which
// include its waited-for descendants (go list, compilers, vet): CPU is
// summed over the process tree, peak RSS is the largest single process.
//
// With -record FILE each command's medians are appended to FILE as a line
// "LABEL<TAB>NAME<TAB>CPU-SECONDS<TAB>PEAK-RSS-KIB<TAB>RUNS", for reports
// across several comparisons (bench/corpus.sh). In a command, the word part
// {nonce} is replaced on every run by a string unique to that run, so that a
// command can defeat a result cache through a harmless flag.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

type sample struct {
	cpu time.Duration
	rss int64 // KiB
}

func main() {
	dir := flag.String("dir", ".", "directory to run the commands in")
	runs := flag.Int("runs", 3, "runs of each command, alternated")
	label := flag.String("label", "", "label of this comparison in the -record file")
	record := flag.String("record", "", "append each command's medians to this file")
	flag.Parse()
	type command struct {
		name string
		args []string
	}
	var cmds []command
	for _, arg := range flag.Args() {
		name, line, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "compare: %q: want NAME=COMMAND\n", arg)
			os.Exit(2)
		}
		cmds = append(cmds, command{name, strings.Fields(line)})
	}
	if len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "compare: no commands")
		os.Exit(2)
	}
	samples := make([][]sample, len(cmds))
	for r := 0; r < *runs; r++ {
		for i, c := range cmds {
			args := make([]string, len(c.args))
			nonce := fmt.Sprintf("n%d_%d_%d", time.Now().UnixNano(), r, i)
			for j, a := range c.args {
				args[j] = strings.ReplaceAll(a, "{nonce}", nonce)
			}
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir = *dir
			err := cmd.Run()
			if cmd.ProcessState == nil {
				fmt.Fprintf(os.Stderr, "compare: %s: %v\n", c.name, err)
				os.Exit(1)
			}
			if code := cmd.ProcessState.ExitCode(); code != 0 && code != 3 {
				fmt.Fprintf(os.Stderr, "compare: %s exited %d\n", c.name, code)
				os.Exit(1)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			samples[i] = append(samples[i], sample{
				cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
				rss: ru.Maxrss,
			})
		}
	}
	median := func(s []sample) sample {
		cpus := make([]time.Duration, len(s))
		rss := make([]int64, len(s))
		for i, x := range s {
			cpus[i], rss[i] = x.cpu, x.rss
		}
		sort.Slice(cpus, func(a, b int) bool { return cpus[a] < cpus[b] })
		sort.Slice(rss, func(a, b int) bool { return rss[a] < rss[b] })
		return sample{cpus[len(cpus)/2], rss[len(rss)/2]}
	}
	base := median(samples[0])
	var rec *os.File
	if *record != "" {
		var err error
		rec, err = os.OpenFile(*record, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(os.Stderr, "compare: %v\n", err)
			os.Exit(1)
		}
		defer rec.Close()
	}
	fmt.Printf("%-16s %12s %12s %10s %10s\n", "command", "cpu (median)", "peak RSS", "cpu ratio", "RSS ratio")
	for i, c := range cmds {
		m := median(samples[i])
		fmt.Printf("%-16s %12s %9d MiB %9.2fx %9.2fx\n", c.name, m.cpu.Round(10*time.Millisecond), m.rss/1024,
			float64(m.cpu)/float64(base.cpu), float64(m.rss)/float64(base.rss))
		if rec != nil {
			fmt.Fprintf(rec, "%s\t%s\t%.3f\t%d\t%d\n", *label, c.name, m.cpu.Seconds(), m.rss, len(samples[i]))
		}
	}
}
