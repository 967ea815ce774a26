package main

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// This file reads the few arguments the command handles before the
// go/analysis driver does: -config, which under go vet is resolved against
// the module and checked once per run; -tags, which the driver ignores;
// -json, which turns -path on; and -V without a value.

// A flagArg is a flag found among the arguments before the first package
// pattern: args[i] is the flag, and its value is in args[i] after "=" or,
// without one, in args[i+1].
type flagArg struct {
	i        int
	value    string
	hasValue bool // the value is in args[i] (-name=value)
	found    bool
}

// valueFlags are the flags of the command that take a value, which may
// follow them as the next argument.
var valueFlags = map[string]bool{"config": true, "tags": true, "c": true, "cpuprofile": true, "memprofile": true, "trace": true, "debug": true}

// findFlag finds the last -name or --name among the flags of args.
func findFlag(args []string, name string) flagArg {
	var f flagArg
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		n, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if n != name {
			if valueFlags[n] && !hasValue {
				i++ // its value
			}
			continue
		}
		f = flagArg{i: i, value: value, hasValue: hasValue, found: true}
		if !hasValue && i+1 < len(args) {
			f.value = args[i+1]
			i++
		}
	}
	return f
}

// set returns args with the flag's value replaced by value.
func (f flagArg) set(args []string, value string) []string {
	out := append([]string(nil), args...)
	if f.hasValue || f.i+1 >= len(out) {
		name, _, _ := strings.Cut(out[f.i], "=")
		out[f.i] = name + "=" + value
	} else {
		out[f.i+1] = value
	}
	return out
}

// configFlag returns the file named by -config (or --config), if any,
// among the flags before the first package pattern.
func configFlag(args []string) string {
	return findFlag(args, "config").value
}

// resolveConfig makes a relative -config absolute. go vet runs the tool in
// each package's directory (its dependencies' too, for their facts), where
// a path relative to the directory go vet was run in is not found: such a
// path is looked for in the working directory, then in that of the parent
// process (go vet's, where /proc tells it), then in the root of the module
// that holds the working directory (the nearest directory above with a
// go.mod). connrelease-vet makes the path absolute before go vet runs.
func resolveConfig(args []string) []string {
	f := findFlag(args, "config")
	if !f.found || f.value == "" || filepath.IsAbs(f.value) {
		return args
	}
	wd, err := os.Getwd()
	if err != nil {
		return args
	}
	dirs := []string{wd}
	if vetProtocol(args) {
		if parent, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", os.Getppid())); err == nil {
			dirs = append(dirs, parent)
		}
	}
	for dir := wd; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			dirs = append(dirs, dir)
			break
		}
	}
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, f.value)); !errors.Is(err, fs.ErrNotExist) {
			return f.set(args, filepath.Join(dir, f.value))
		}
	}
	return f.set(args, filepath.Join(wd, f.value))
}

// reportOnce reports whether this process is the first of its go vet run
// to report a bad configuration file: go vet runs the tool once per
// package, all with the same parent, and each would print the same error.
// A marker file in the temporary directory, named after the parent process
// and the file, decides; outside go vet every process reports.
func reportOnce(args []string, file string) bool {
	if !vetProtocol(args) {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(file))
	marker := filepath.Join(os.TempDir(), fmt.Sprintf("connrelease-config-%d-%x", os.Getppid(), h.Sum64()))
	f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return !errors.Is(err, fs.ErrExist) // another process reported it
	}
	f.Close()
	return true
}

// applyTags passes -tags to go list, which loads the packages, through
// GOFLAGS: the go/analysis driver accepts -tags but ignores it.
func applyTags(args []string) {
	f := findFlag(args, "tags")
	if !f.found || f.value == "" {
		return
	}
	flags := os.Getenv("GOFLAGS")
	if flags != "" {
		flags += " "
	}
	if err := os.Setenv("GOFLAGS", flags+"-tags="+f.value); err != nil {
		fmt.Fprintf(os.Stderr, "connrelease: -tags: %v\n", err)
	}
}

// printVersion answers -V without a value, which the driver refuses (it
// knows -V=full, for go vet): the module version and the Go version.
func printVersion(args []string) bool {
	if len(args) != 1 || strings.TrimLeft(args[0], "-") != "V" {
		return false
	}
	version := "(devel)"
	goVersion := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		goVersion = " " + bi.GoVersion
	}
	fmt.Printf("connrelease %s%s\n", version, goVersion)
	return true
}

// jsonPath returns args with -path added when -json is on and -path is not
// given: a program reading the JSON gets each leak's path as its related
// positions, which the text output prints only when asked, as lines of
// their own. -path=false leaves it out. go vet always runs the tool with
// -json, and prints text from it: under go vet, only -path turns it on.
func jsonPath(args []string) []string {
	if vetProtocol(args) {
		return args
	}
	var json, path bool
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		switch {
		case name == "path":
			path = true
		case name == "json":
			on, err := strconv.ParseBool(value)
			json = !hasValue || on && err == nil
		case valueFlags[name] && !hasValue:
			i++ // its value
		}
	}
	if !json || path {
		return args
	}
	return append([]string{"-path"}, args...)
}
