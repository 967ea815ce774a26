// Package knowledge is what connrelease knows about the code it did not
// write: which library types are taken out of a pool and must be given
// back, which calls hand one out, end one, or only look at one, which pools
// exist, and how the standard library, testing and testify behave where a
// verdict depends on it. One file per library; the analyzer only asks the
// catalog it builds from these values (analyzer/catalog.go), and the
// -config file is read into the same types (analyzer/config.go).
//
// Functions and methods are named by key: "pkgpath.Func" for a function,
// "pkgpath.Type.Method" for a method (pointer receiver or not), where Type
// is the named type that declares the method — for an interface method,
// the interface. How to add a library: docs/design.md.
package knowledge

import "strings"

// A Library is what is known of one library, or of one group of standard
// packages.
type Library struct {
	// Name names the library as the README's "What it knows" table does.
	Name string
	// Resources are its types whose values must be given back.
	Resources []Resource
	// Acquirers hand out a fresh resource: the call's first result, whose
	// type names the Resource.
	Acquirers []string
	// Tied lists acquirers whose result is given back when their receiver
	// is (a database/sql transaction closes its statements and rows).
	Tied []string
	// EndedWithContext lists acquirers whose resource the library gives
	// back by itself when the context they were called with (the first
	// argument) is done.
	EndedWithContext []string
	// Consumers map a function to the parameter it gives back.
	Consumers map[string]int
	// ReleasedByCalling maps an acquirer to its result, a function, whose
	// call gives the resource back (rueidis's Dedicate and its cancel).
	ReleasedByCalling map[string]int
	// Pools are its pool types ("pkg.Type"), closed once by their owner;
	// PoolCreators return a fresh pool, owned by their caller.
	Pools        []string
	PoolCreators []string
	// PoolViews map a method of a pool type to the pool type ("pkg.Type")
	// of its first result, which stands for the pool its receiver holds:
	// closing the result closes that pool, and where the method's error is
	// not nil the receiver holds no pool to close (gorm's DB.DB, the
	// *sql.DB behind a *gorm.DB).
	PoolViews map[string]string
	// PoolChains lists pool types whose methods that return that same type
	// return a value holding the receiver's pool: it stands for that pool
	// (db.Where(…), db.Session(…) of a *gorm.DB).
	PoolChains []string
	// Borrowing lists packages whose functions only look at the values
	// passed to them: handing a resource to them does not hand it over.
	Borrowing []string
	// NoReturn lists calls after which the path does not reach a return.
	NoReturn []string
	// FailsTest lists calls that mark the running test failed and go on.
	FailsTest []string
	// Assertions are packages of test assertions (testify): AssertsError
	// names those of their functions that assert an error is not nil,
	// and a function named Panics… runs its function argument.
	Assertions   []string
	AssertsError []string
	// ErrorMatchers are errors.Is and errors.As: on the path where they
	// return true, the error they were given is not nil (ErrorIs for Is,
	// whose target may be nil).
	ErrorMatchers map[string]ErrorMatch
	// CancelDerivers derive a context and its cancel function (the second
	// result).
	CancelDerivers []string
	// SharedLookups hand out a value kept for others (sync.Map.Load): a
	// pool read from it is shared.
	SharedLookups []string
	// RunsAtMostOnce lists methods that run their function argument only
	// when no call on the same value ran it before (sync.Once.Do): in a
	// goroutine that shares the value with others, it may not run.
	RunsAtMostOnce []string
}

// A Resource is a type whose values are taken out of a pool or a server
// and must be given back.
type Resource struct {
	Pkg string
	// Type is its name as a program writes it, "*Conn" for a pointer to a
	// struct, "Tx" for an interface.
	Type string
	// Release lists the methods that give a value back. For *pgxpool.Conn
	// that includes Hijack, which also starts a new obligation on its
	// result.
	Release []string
	// Verb says in a diagnostic what did not happen: "closed", "released".
	Verb string
	// NextCloses: Next returning false closes the value (rows).
	NextCloses bool
	// ErrorReleases lists methods of the value whose error result, where
	// it is not nil, says the value holds nothing any more: a failed Scan
	// of pgx's rows closes them (every error path of Rows.Scan calls
	// rows.fatal), a failed Append of a clickhouse-go batch releases its
	// connection, the Err of a *sql.Row whose query failed tells it has no
	// rows.
	ErrorReleases []string
	// Repeatable: a release after the value was given back does no harm
	// (it returns an error that is ignored, or nothing), so a deferred
	// release may follow explicit ones: true of every library type here
	// (docs/libraries.md), not of in-house ones.
	Repeatable bool
	// EndsWithTx: made inside a transaction, the value is given back when
	// the transaction ends (database/sql's rows and statements), also when
	// a program's own Tx interface made it.
	EndsWithTx bool
}

// Name returns the type's name without its pointer.
func (r Resource) Name() string { return strings.TrimPrefix(r.Type, "*") }

// Shown returns the type as a program writes it: "*sql.Conn", "pgx.Tx".
func (r Resource) Shown() string {
	ptr := ""
	if strings.HasPrefix(r.Type, "*") {
		ptr = "*"
	}
	return ptr + PackageName(r.Pkg) + "." + r.Name()
}

// An ErrorMatch says what a true errors.Is or errors.As tells.
type ErrorMatch uint8

const (
	// ErrorIs: the error is not nil when the target is not nil.
	ErrorIs ErrorMatch = iota + 1
	// ErrorAs: the error is not nil.
	ErrorAs
)

// Verbs of the diagnostics.
const (
	VerbClose   = "closed"
	VerbTx      = "committed or rolled back"
	VerbRelease = "released"
	VerbScan    = "scanned"
)

// The methods that give a value back, by the convention of Go libraries:
// a program's own interface that has them is a resource (Close; Commit
// and Rollback; Release).
const (
	Close    = "Close"
	Commit   = "Commit"
	Rollback = "Rollback"
	Release  = "Release"
)

// TxRelease ends a transaction.
var TxRelease = []string{Rollback, Commit}

// VerbFor returns the verb of a diagnostic about a value of a type of the
// configuration file or of the program given back by the methods release
// (the first one decides).
func VerbFor(release []string) string {
	switch release[0] {
	case Close:
		return VerbClose
	case Release:
		return VerbRelease
	}
	return "given back with " + release[0]
}

// PoolClose is the method that closes a pool.
const PoolClose = Close

// HandingOut lists the name prefixes of methods that hand a resource out
// (BeginTx, QueryContext, PrepareNamed, Acquire, ConnectConfig): a method
// of a program's interface so named that returns a resource acquires it.
var HandingOut = []string{"Begin", "Query", "Prepare", "Acquire", "Connect"}

// Getter lists the name prefixes of methods that look a value up (Get,
// GetContext, Find, Load, Lookup): a library's acquirer may be so named
// (redigo's Pool.Get, the mongo driver's Collection.Find), but a method of
// a program's interface so named is a cache's or a repository's getter, and
// acquires only by the shape of that library's acquirer.
var Getter = []string{"Get", "Find", "Load", "Lookup"}

// IsGetterName reports whether a method so named looks a value up.
func IsGetterName(name string) bool {
	for _, p := range Getter {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// Shutdown lists the name prefixes of functions and methods that shut
// something down (Close, Shutdown, ClosePools, StopAll, …): a method may
// close the pools its receiver holds, a function those of its package.
var Shutdown = []string{"Close", "Shutdown", "Stop", "Release", "Cleanup", "Teardown", "Dispose", "Terminate", "Quit"}

// Builtin returns the libraries connrelease knows without configuration,
// in the order of the README's "What it knows" table; the standard
// library, testing and testify models follow.
func Builtin() []Library {
	return []Library{
		databaseSQL(),
		pgx(),
		pgconn(),
		puddle(),
		sqlx(),
		gorm(),
		goRedis(),
		redigo(),
		rueidis(),
		mongo(),
		clickHouse(),
		kafkaGo(),
		stdlib(),
		testing(),
		testify(),
	}
}

// Keys returns pkg.name for each name.
func Keys(pkg string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = pkg + "." + n
	}
	return out
}

// SplitKey splits a key into its package path and the rest: the function,
// or the type and its method.
func SplitKey(key string) (pkg, rest string) {
	slash := strings.LastIndex(key, "/")
	dot := strings.Index(key[slash+1:], ".")
	if dot < 0 {
		return key, ""
	}
	return key[:slash+1+dot], key[slash+1+dot+1:]
}

// PackageName guesses the name a package path is imported by: its last
// element, after a major version suffix, without "go-" or "-go".
func PackageName(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2]
	}
	last = strings.TrimSuffix(strings.TrimPrefix(last, "go-"), "-go")
	return last
}

// repeatable marks every resource of rs as Repeatable.
func repeatable(rs []Resource) []Resource {
	for i := range rs {
		rs[i].Repeatable = true
	}
	return rs
}
