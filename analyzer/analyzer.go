package analyzer

import (
	"flag"
	"fmt"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/connrelease/connrelease/internal/ssaq"
)

// Config selects the checks and their options. The zero Config is not the
// default: use DefaultConfig.
type Config struct {
	// DeferInLoop enables the defer-in-loop check.
	DeferInLoop bool
	// SharedPoolClose enables the shared-pool-close check.
	SharedPoolClose bool
	// CrossPackage enables summaries (facts) across packages. Off, the
	// analysis judges each package alone, as if its imports had no facts:
	// cheaper, and blind to wrappers in other packages. For measurements.
	CrossPackage bool
	// ConfigFile names a configuration file that declares in-house
	// resources, acquirers, consumers and pools (see config.go).
	ConfigFile string
	// Unjudged reports, as diagnostics of category "unjudged", the places the
	// analysis gave up on and why.
	Unjudged bool
	// Path gives each leak, as its related information, one path that
	// leaks it: the acquisition, the branches taken, the leaking return
	// (path.go). The driver prints it under the leak, -json and SARIF
	// (as a codeFlow) carry it.
	Path bool
	// naiveForm builds every package in naive-form SSA, as a package with
	// a very large function is (see liftLimit): for the tests, which run
	// the suites in both forms.
	naiveForm bool
	// beforeFunc, when set by a test, runs before each function is
	// analysed.
	beforeFunc func(fn *ssa.Function)
}

// DefaultConfig is the configuration of Analyzer: each check on or off
// as its Default says, summaries across packages on.
func DefaultConfig() Config {
	cfg := Config{CrossPackage: true}
	for _, c := range checks {
		if c.on != nil {
			*c.on(&cfg) = c.Default
		}
	}
	return cfg
}

// Analyzer is connrelease with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns a fresh analyzer for cfg. Its flags start from cfg, so
// command-line flags override it.
func New(cfg Config) *analysis.Analyzer {
	c := &checker{cfg: cfg, cat: newCatalog()}
	a := &analysis.Analyzer{
		Name:       "connrelease",
		Doc:        doc + "\n\n" + checksDoc(),
		URL:        "https://github.com/connrelease/connrelease",
		Run:        c.run,
		ResultType: reflect.TypeFor[struct{}](),
	}
	if cfg.CrossPackage {
		a.FactTypes = []analysis.Fact{new(funcFact), new(ownerFact), new(pkgFact)}
	}
	a.Flags.Init("connrelease", flag.ContinueOnError)
	for _, ch := range checks {
		if ch.Flag != "" {
			a.Flags.BoolVar(ch.on(&c.cfg), ch.Flag, *ch.on(&cfg), ch.usage())
		}
	}
	a.Flags.BoolVar(&c.cfg.Path, "path", cfg.Path, "show, under each leak, a path that leaks it: the acquisition, the branches taken and the return")
	a.Flags.StringVar(&c.cfg.ConfigFile, "config", cfg.ConfigFile, "read in-house resources, acquirers, consumers and pools from this YAML file")
	return a
}

type checker struct {
	cfg Config
	cat *catalog

	loadOnce sync.Once
	loadErr  error
	// refs are the names the configuration file gives, checked against
	// the packages as they are loaded.
	refs *configRefs
}

// loadConfig applies the configuration file to the catalog, once: flags
// are parsed after New.
func (c *checker) loadConfig() error {
	c.loadOnce.Do(func() {
		if c.cfg.ConfigFile == "" {
			return
		}
		fc, err := loadConfig(c.cfg.ConfigFile)
		if err != nil {
			c.loadErr = err
			return
		}
		c.cat.add(fc.lib)
		c.refs = newConfigRefs(fc.refs)
	})
	return c.loadErr
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if err := c.loadConfig(); err != nil {
		return nil, err
	}
	if c.refs != nil {
		if err := c.refs.check(pass.Pkg); err != nil {
			return nil, err
		}
	}
	// A package the catalog describes (pgxpool, pgx, sqlx, go-redis, …) is
	// analysed like any other, so that a leak of its own resources inside
	// it is reported (pgx v4.5.0's Pool.BeginTx), with two differences.
	// Inside it, the catalog still says what its functions do (factOf
	// computes none for a package of the catalog, its own included), and
	// it exports no facts: its importers know it from the catalog alone, as
	// before. database/sql is left out: a run over a module analyses the
	// standard library only as a dependency, whose diagnostics nobody sees,
	// and every run would pay for it.
	library := c.cat.libraries[pass.Pkg.Path()]
	if library && c.cat.std.has(pass.Pkg.Path()) {
		return struct{}{}, nil
	}
	sup := newSuppressor(pass)
	defer sup.finish()
	funcs, large, naive := buildSSA(pass, c.cat, c.cfg.CrossPackage, c.cfg.naiveForm)
	if len(funcs) == 0 {
		return struct{}{}, nil
	}
	if large.IsValid() && c.cfg.Unjudged {
		pass.Report(analysis.Diagnostic{Pos: large, Category: CategoryUnjudged, Message: "connrelease: this function is too large to lift its variables into registers cheaply; the package is analysed in naive SSA form"})
	}
	e := newPkgAnalysis(pass, c.cat, funcs, ssaq.NewIndex(naive))
	e.crossPackage = c.cfg.CrossPackage
	syn := indexSyntax(pass.Files)
	e.syn = syn
	e.computeOwners(funcs)
	for _, fn := range funcs {
		c.checkFunc(pass, e, syn, fn)
	}
	if c.cfg.CrossPackage && !library {
		c.guard(pass, nil, func() { e.exportFacts(funcs) })
	}
	c.reportUnjudged(pass, e)
	return struct{}{}, nil
}

// checkFunc analyses one function. A panic inside it is reported as an
// internal error at that function's declaration, and the run goes on with
// the other functions: their diagnostics are kept, which an error returned
// from run would discard.
func (c *checker) checkFunc(pass *analysis.Pass, e *pkgAnalysis, syn *syntaxIndex, fn *ssa.Function) {
	c.guard(pass, fn, func() {
		if c.cfg.beforeFunc != nil {
			c.cfg.beforeFunc(fn)
		}
		c.checkPoolCloses(pass, e, syn, fn)
		fa := newFuncAnalysis(e, fn)
		if fa == nil {
			return
		}
		c.report(pass, syn, fa, fa.judge(fa.solve(single(0))))
	})
}

// guard runs work; a panic inside it is reported as an internal error at
// fn's declaration (or the package clause), and the run goes on.
func (c *checker) guard(pass *analysis.Pass, fn *ssa.Function, work func()) {
	defer func() {
		if r := recover(); r != nil {
			pos, name := pass.Files[0].Package, "the package's facts"
			if fn != nil {
				pos, name = fn.Pos(), fn.Name()
			}
			pass.Report(analysis.Diagnostic{
				Pos:      pos,
				Category: CategoryInternal,
				Message:  fmt.Sprintf("internal error: connrelease could not analyse %s: %v (please report it)", name, r),
			})
		}
	}()
	work()
}
