package main

import (
	"bufio"
	"errors"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// The go/analysis driver prints a package that does not load several
// times: go list's error (with a "-: # pkg" header), the type checker's
// same error with an absolute path, and "analysis skipped due to errors in
// package", plus one "failed prerequisites" line per dependent package. A
// user wants each error once, as go vet prints it. So a standalone run runs
// the driver as a child process and filters its standard error (see
// errorFilter); go vet runs are not filtered.

const filteredEnv = "CONNRELEASE_FILTERED"

// analysisStarted is the line that a filtered run writes to its standard
// error when it starts to analyse (see markStart).
const analysisStarted = "connrelease: analysis started"

// markStart returns a copy of a whose first Run, in whatever package,
// first writes analysisStarted to standard error. The driver prints every
// load error before it analyses any package, so what the filter reads
// after that line are diagnostics: it need not parse their files again
// (a generated file of 10 000 functions takes half a second) nor drop one
// of two at the same position (the driver has removed duplicates).
func markStart(a *analysis.Analyzer) *analysis.Analyzer {
	var once sync.Once
	c := *a
	c.Run = func(pass *analysis.Pass) (any, error) {
		once.Do(func() { os.Stderr.WriteString(analysisStarted + "\n") })
		return a.Run(pass)
	}
	return &c
}

// errorLine matches "path:line:col: message" (and "path:line: message").
var errorLine = regexp.MustCompile(`^(.+?\.go):(\d+)(?::(\d+))?: (.*)$`)

// runFiltered runs this command again with the same arguments and a
// filtered standard error, and returns its exit status; ok is false when
// the run must not be filtered (go vet's protocol, or already filtered).
func runFiltered(args []string) (status int, ok bool) {
	if os.Getenv(filteredEnv) != "" || vetProtocol(args) {
		return 0, false
	}
	self, err := os.Executable()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), filteredEnv+"=1")
	cmd.Stdin, cmd.Stdout = os.Stdin, os.Stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return 0, false
	}
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	wd, _ := os.Getwd()
	filterErrors(stderr, os.Stderr, wd)
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, true
	case errors.As(err, &exit):
		return exit.ExitCode(), true
	default:
		os.Stderr.WriteString("connrelease: " + err.Error() + "\n")
		return 1, true
	}
}

// vetProtocol reports whether go vet is running the command (-V=full,
// -flags, or a .cfg file of a package unit).
func vetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// filterErrors copies the driver's standard error r to w, as errorFilter
// says, with wd the directory the command runs in.
func filterErrors(r io.Reader, w io.Writer, wd string) {
	f := &errorFilter{
		w:      w,
		wd:     wd,
		shown:  map[string]string{},
		seen:   map[string]bool{},
		files:  map[string]map[string]bool{},
		broken: map[string]bool{},
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var record []string
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "\t") && len(record) > 0 {
			record = append(record, line)
			continue
		}
		f.print(record)
		record = []string{line}
	}
	f.print(record)
}

// An errorFilter prints the driver's errors and diagnostics one record at
// a time: a first line and the lines, each starting with a tab, that
// continue its message (a type error's "have (…)" and "want (…)", go
// list's "go get …"). A record is printed whole or not at all, so that
// continuation lines stay under their first line. It
//
//   - drops the driver's noise ("-: # pkg" headers, "analysis skipped",
//     "failed prerequisites") and prints other errors without a position
//     as "connrelease: message";
//   - prints a file below the working directory relative to it, as go vet
//     does, and other files absolute (-json and -sarif print on standard
//     output, which is not filtered);
//   - of the load errors, which come before analysisStarted, prints one
//     at most per position (go list and the type checker report a bad
//     import, with different words, at the same place) and, of a package
//     with syntax errors, only those, as the compiler and go vet do: the
//     type checker's errors there (an "undefined: err" for a variable the
//     parser lost, a "missing return" with no position for a body the
//     parser left open) follow from them.
//
// Which errors are syntax errors the filter learns by parsing again the
// files that load errors name, as go/packages parsed them. The type
// checker's "missing return" for a body that the parser left open has no
// position, so no file: it is dropped when the error before it was in a
// package with syntax errors. Any other error without a position is
// printed.
type errorFilter struct {
	w       io.Writer
	wd      string
	shown   map[string]string          // path as printed, by absolute path
	seen    map[string]bool            // positions printed
	files   map[string]map[string]bool // syntax errors, by absolute path
	broken  map[string]bool            // directories of packages with syntax errors
	lastDir string                     // directory of the last error with a position
	started bool                       // analysisStarted was read: diagnostics follow
}

func (f *errorFilter) print(record []string) {
	if len(record) == 0 {
		return
	}
	head := record[0]
	switch {
	case head == analysisStarted:
		f.started = true
		return
	case strings.HasPrefix(head, "-: # "),
		head == "connrelease: analysis skipped due to errors in package",
		strings.HasPrefix(head, "connrelease: failed prerequisites: "):
		return
	case strings.HasPrefix(head, "-: "):
		if head == "-: missing return" && f.broken[f.lastDir] {
			return
		}
		head = "connrelease: " + strings.TrimPrefix(head, "-: ")
	}
	if m := errorLine.FindStringSubmatch(head); m != nil {
		path, line, col, msg := m[1], m[2], m[3], m[4]
		if !filepath.IsAbs(path) {
			path = filepath.Join(f.wd, path)
		}
		pos := f.show(path) + ":" + line
		if col != "" {
			pos += ":" + col
		}
		head = pos + ": " + msg
		// A load error, not a diagnostic nor its related position
		// ("pos: \tmessage").
		if !f.started && !strings.HasPrefix(msg, "\t") {
			dir := filepath.Dir(path)
			f.lastDir = dir
			if f.syntaxErrors(path)[line+":"+col+": "+msg] {
				f.broken[dir] = true
			} else if f.broken[dir] {
				return
			}
			if f.seen[pos] {
				return
			}
			f.seen[pos] = true
		}
	}
	_, _ = io.WriteString(f.w, head+"\n")
	for _, line := range record[1:] {
		_, _ = io.WriteString(f.w, line+"\n")
	}
}

// show is path as printed: relative to the working directory when it lies
// below it, absolute otherwise.
func (f *errorFilter) show(path string) string {
	s, ok := f.shown[path]
	if !ok {
		s = path
		if rel, below := under(f.wd, path); below {
			s = rel
		}
		f.shown[path] = s
	}
	return s
}

// syntaxErrors parses path again, once, in go/packages' mode, and returns
// its syntax errors as "line:col: message".
func (f *errorFilter) syntaxErrors(path string) map[string]bool {
	if errs, ok := f.files[path]; ok {
		return errs
	}
	errs := map[string]bool{}
	f.files[path] = errs
	_, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	var list scanner.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			errs[strconv.Itoa(e.Pos.Line)+":"+strconv.Itoa(e.Pos.Column)+": "+e.Msg] = true
		}
	}
	return errs
}
