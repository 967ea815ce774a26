package analyzer

import (
	"strings"
)

// This file is the registry of checks: each check's name, flag, default,
// title and help are written here once, and the analyzer's flags, its
// Doc, DefaultConfig, the SARIF rules of cmd/connrelease and (by a test)
// the README's Checks table and the package comment follow from it.

// Diagnostic categories, one per check: a check's name is the category of
// its diagnostics.
const (
	CategoryLeak        = "leak"
	CategoryDeferInLoop = "defer-in-loop"
	CategorySharedPool  = "shared-pool-close"
	CategoryUnjudged    = "unjudged"
	CategoryDirective   = "directive"
	CategoryInternal    = "internal-error"
)

// A Check is one kind of report connrelease makes.
type Check struct {
	// Name is the check's name, lowercase-with-hyphens, which is also the
	// category of its diagnostics and the id of its SARIF rule.
	Name string
	// Flag is the flag that turns the check on or off, named like the
	// check; "" for a check that is always on.
	Flag string
	// Default tells whether the check is on when its flag is not given.
	Default bool
	// Title says what the check reports, in one lowercase line with no
	// final period: its flag's usage is "report " + Title.
	Title string
	// Help says what the check reports and why it matters, in a paragraph.
	Help string
	// Fix says what to do about a report.
	Fix string
	// Level is the SARIF level of its reports: "warning", "note" or
	// "error".
	Level string
	// RuleName is the name of its SARIF rule, in PascalCase.
	RuleName string
	// Internal marks the report of connrelease's own failure, which says
	// nothing about the code: SARIF lists its rule only when it is used.
	Internal bool

	// on is the field of Config that Flag sets.
	on func(*Config) *bool
}

// checks are the checks, in the order of the README's Checks table and of
// the SARIF rules.
var checks = []Check{
	{
		Name:    CategoryLeak,
		Default: true,
		Title:   "a resource not given back on some path, or a result discarded",
		Help: "A connection, transaction, prepared statement or result set taken from a pool " +
			"(database/sql, pgx, sqlx, go-redis) reaches a return, the end of its function or the " +
			"next iteration of its loop on some path without Close, Release, Commit or Rollback, " +
			"and without being handed over; or the acquisition's result is discarded. " +
			"Each such path keeps a pooled connection checked out until the pool is exhausted.",
		Fix: "Release the resource on every path, usually with a defer right after the error check " +
			"of the acquisition. The result's related location is the earliest return that leaks it.",
		Level:    "warning",
		RuleName: "ResourceLeak",
	},
	{
		Name:    CategoryDeferInLoop,
		Flag:    "defer-in-loop",
		Default: true,
		Title:   "a release deferred inside the loop that acquires the resource",
		Help: "A Close, Release, Commit or Rollback deferred inside a loop runs only when the function " +
			"returns, so every iteration's connection stays checked out until then and a long loop " +
			"drains the pool.",
		Fix: "Release the resource at the end of each iteration, or move the loop body into a " +
			"function of its own that defers the release.",
		Level:    "warning",
		RuleName: "DeferInLoop",
		on:       func(c *Config) *bool { return &c.DeferInLoop },
	},
	{
		Name:    CategorySharedPool,
		Flag:    "shared-pool-close",
		Default: true,
		Title:   "Close of a pool the function did not create (a global, a cache, a field, a getter's)",
		Help: "Close of a pool (*sql.DB, *sqlx.DB, *pgxpool.Pool, *redis.Client, ...) that the function " +
			"did not create: read from a package-level variable, a cache, a field of the receiver, or " +
			"returned by a getter of a shared pool. Closing it breaks every other user of the pool.",
		Fix: "Close only the pools the function created (sql.Open, pgxpool.New, a wrapper of them); " +
			"leave a shared pool to the shutdown of its owner.",
		Level:    "warning",
		RuleName: "SharedPoolClose",
		on:       func(c *Config) *bool { return &c.SharedPoolClose },
	},
	{
		Name:    CategoryUnjudged,
		Flag:    "unjudged",
		Default: false,
		Title:   "the places the analysis could not judge, where it supposed the resource released",
		Help: "connrelease reports the places where it could not tell whether a resource is released " +
			"and supposed that it is: deferred releases under conditions it cannot read at a return, " +
			"a function value called with the resource, a function too large to lift.",
		Fix:      "See the Limitations section of the README.",
		Level:    "note",
		RuleName: "Unjudged",
		on:       func(c *Config) *bool { return &c.Unjudged },
	},
	{
		Name:    CategoryDirective,
		Default: true,
		Title:   "a //connrelease:ignore directive without a reason, or one that suppresses nothing",
		Help: "A //connrelease:ignore directive must give its reason, and must suppress a report " +
			"on its line or the line below it: a directive without a reason suppresses nothing, " +
			"and one that suppresses nothing has outlived its cause.",
		Fix:      "Give the reason after the directive, or remove a directive that suppresses nothing.",
		Level:    "warning",
		RuleName: "Directive",
	},
	{
		Name:    CategoryInternal,
		Default: true,
		Title:   "a function the analysis failed on (please report it)",
		Help: "The analysis of this function failed with an internal error; the other functions " +
			"were analysed. Please report it.",
		Fix:      "Please report the message and, if you can, the function.",
		Level:    "error",
		RuleName: "InternalError",
		Internal: true,
	},
}

// Checks returns the checks, in the order of the README's Checks table.
func Checks() []Check {
	return append([]Check(nil), checks...)
}

// usage is the usage of c's flag.
func (c Check) usage() string {
	return "report " + c.Title
}

// checksDoc is the paragraph of the analyzer's Doc that lists the checks.
func checksDoc() string {
	var b strings.Builder
	b.WriteString("Checks, on or off by default, and their flags (a check's name is also the\ncategory of its reports):\n\n")
	for _, c := range checks {
		when := "off"
		if c.Default {
			when = "on"
		}
		if c.Flag != "" {
			when += "; -" + c.Flag
		}
		b.WriteString(wrap("  "+c.Name+" ("+when+"): ", "      ", c.Title, 80))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// wrap writes text after head, broken at spaces into lines of at most
// width bytes where it can be, continued after indent.
func wrap(head, indent, text string, width int) string {
	var b strings.Builder
	line := head
	for i, w := range strings.Fields(text) {
		if i > 0 && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent + w
			continue
		}
		if i > 0 {
			line += " "
		}
		line += w
	}
	b.WriteString(line + "\n")
	return b.String()
}
