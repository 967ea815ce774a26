// Command compare runs commands alternately in one directory and prints
// their CPU time (user+system) and peak memory, and each one's ratio to the
// first: on a noisy machine only ratios measured together mean something.
//
//	compare -dir DIR -runs 3 NAME=COMMAND... [NAME=COMMAND...]
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
			cmd := exec.Command(c.args[0], c.args[1:]...)
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
	fmt.Printf("%-16s %12s %12s %10s %10s\n", "command", "cpu (median)", "peak RSS", "cpu ratio", "RSS ratio")
	for i, c := range cmds {
		m := median(samples[i])
		fmt.Printf("%-16s %12s %9d MiB %9.2fx %9.2fx\n", c.name, m.cpu.Round(10*time.Millisecond), m.rss/1024,
			float64(m.cpu)/float64(base.cpu), float64(m.rss)/float64(base.rss))
	}
}
