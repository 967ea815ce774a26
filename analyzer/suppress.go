package analyzer

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file is the suppression directive:
//
//	//connrelease:ignore the pool outlives the process: closed by the OS at exit
//
// on the line of a report or the line above it. The reason is mandatory; a
// directive without one, and a directive that suppresses nothing, are
// reported themselves, so that suppressions do not outlive their cause.

const directive = "//connrelease:ignore"

type ignoreDirective struct {
	pos    token.Pos
	file   string
	line   int
	reason string
	used   bool
}

// suppressor filters a pass's reports through the package's directives.
type suppressor struct {
	pass       *analysis.Pass
	report     func(analysis.Diagnostic)
	directives []*ignoreDirective
}

// newSuppressor reads the directives of the package and routes the pass's
// reports through them, until finish.
func newSuppressor(pass *analysis.Pass) *suppressor {
	s := &suppressor{pass: pass, report: pass.Report}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				s.read(c)
			}
		}
	}
	if len(s.directives) > 0 {
		pass.Report = s.filter
	}
	return s
}

func (s *suppressor) read(c *ast.Comment) {
	text, ok := strings.CutPrefix(c.Text, directive)
	if !ok || (text != "" && text[0] != ' ' && text[0] != '\t') {
		return
	}
	// A comment after the directive (`//connrelease:ignore // TODO`) is not
	// a reason.
	if i := strings.Index(text, "//"); i >= 0 {
		text = text[:i]
	}
	pos := s.pass.Fset.Position(c.Slash)
	s.directives = append(s.directives, &ignoreDirective{
		pos:    c.Slash,
		file:   pos.Filename,
		line:   pos.Line,
		reason: strings.TrimSpace(text),
	})
}

// filter drops a report that a directive on its line, or the line above,
// suppresses.
func (s *suppressor) filter(d analysis.Diagnostic) {
	if d.Category != CategoryInternal && d.Category != CategoryUnjudged {
		pos := s.pass.Fset.Position(d.Pos)
		for _, dir := range s.directives {
			if dir.file == pos.Filename && (dir.line == pos.Line || dir.line == pos.Line-1) && dir.reason != "" {
				dir.used = true
				return
			}
		}
	}
	s.report(d)
}

// finish reports the directives without a reason and those that suppressed
// nothing, and restores the pass's reporting.
func (s *suppressor) finish() {
	s.pass.Report = s.report
	for _, dir := range s.directives {
		switch {
		case dir.reason == "":
			s.report(analysis.Diagnostic{Pos: dir.pos, Category: CategoryDirective,
				Message: "connrelease:ignore needs a reason: //connrelease:ignore <why this is not a leak>"})
		case !dir.used:
			s.report(analysis.Diagnostic{Pos: dir.pos, Category: CategoryDirective,
				Message: "this connrelease:ignore directive suppresses nothing: remove it"})
		}
	}
}
