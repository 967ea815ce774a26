package analyzer

import (
	"go/types"
	"maps"
	"strings"
)

// This file is the resource catalog: which types must be given back, which
// calls hand one out, which calls consume one, and which calls never return.
// It is data; the dataflow never names a library.
//
// Functions and methods are named by key: "pkgpath.Func" for a function,
// "pkgpath.Type.Method" for a method (pointer or not), where Type is the named
// type that declares the method — for an interface method, the interface.

// A resourceType is a named type whose values are taken out of a pool or a
// server and must be given back.
type resourceType struct {
	pkg, name string
	// release lists the methods that give the value back. For *pgxpool.Conn
	// that includes Hijack, which also starts a new obligation on its result.
	release []string
	// verb says in a diagnostic what did not happen: "closed", "released".
	verb string
	// nextCloses: Next returning false closes the value (rows).
	nextCloses bool
	// scanErrorCloses: a Scan that fails closes the value (pgx's rows:
	// every error path of Rows.Scan calls rows.fatal, which closes them).
	scanErrorCloses bool
	// repeatable: a release after the value was given back does no harm
	// (it returns an error that is ignored, or nothing), so a deferred
	// release may follow explicit ones: true of every library type of the
	// catalog (docs/libraries.md), not of in-house ones.
	repeatable bool
}

const (
	pkgSQL    = "database/sql"
	pkgSQLX   = "github.com/jmoiron/sqlx"
	pkgRedis  = "github.com/redis/go-redis/v9"
	pkgPgx5   = "github.com/jackc/pgx/v5"
	pkgPool5  = "github.com/jackc/pgx/v5/pgxpool"
	pkgPgx4   = "github.com/jackc/pgx/v4"
	pkgPool4  = "github.com/jackc/pgx/v4/pgxpool"
	verbClose = "closed"
	verbTx    = "committed or rolled back"
)

var txRelease = []string{"Rollback", "Commit"}

func builtinResources() []resourceType {
	rs := []resourceType{
		{pkg: pkgSQL, name: "Conn", release: []string{"Close"}, verb: verbClose},
		{pkg: pkgSQL, name: "Tx", release: txRelease, verb: verbTx},
		{pkg: pkgSQL, name: "Rows", release: []string{"Close"}, verb: verbClose, nextCloses: true},
		{pkg: pkgSQL, name: "Stmt", release: []string{"Close"}, verb: verbClose},

		{pkg: pkgSQLX, name: "Conn", release: []string{"Close"}, verb: verbClose},
		{pkg: pkgSQLX, name: "Tx", release: txRelease, verb: verbTx},
		{pkg: pkgSQLX, name: "Rows", release: []string{"Close"}, verb: verbClose, nextCloses: true},
		{pkg: pkgSQLX, name: "Stmt", release: []string{"Close"}, verb: verbClose},
		{pkg: pkgSQLX, name: "NamedStmt", release: []string{"Close"}, verb: verbClose},

		{pkg: pkgRedis, name: "Conn", release: []string{"Close"}, verb: verbClose},
		{pkg: pkgRedis, name: "PubSub", release: []string{"Close"}, verb: verbClose},
	}
	for _, v := range [][2]string{{pkgPgx5, pkgPool5}, {pkgPgx4, pkgPool4}} {
		pgx, pool := v[0], v[1]
		rs = append(rs,
			resourceType{pkg: pgx, name: "Conn", release: []string{"Close"}, verb: verbClose},
			resourceType{pkg: pgx, name: "Tx", release: txRelease, verb: verbTx},
			resourceType{pkg: pgx, name: "Rows", release: []string{"Close"}, verb: verbClose, nextCloses: true, scanErrorCloses: true},
			resourceType{pkg: pgx, name: "BatchResults", release: []string{"Close"}, verb: verbClose},
			resourceType{pkg: pool, name: "Conn", release: []string{"Release", "Hijack"}, verb: "released"},
			resourceType{pkg: pool, name: "Tx", release: txRelease, verb: verbTx},
		)
	}
	for i := range rs {
		rs[i].repeatable = true
	}
	return rs
}

// builtinAcquirers lists the calls that hand out a fresh resource, as keys.
// The resource is the call's first result; its type names the resourceType.
func builtinAcquirers() []string {
	keys := []string{
		"database/sql.DB.Conn",
		"database/sql.DB.Begin", "database/sql.DB.BeginTx", "database/sql.Conn.BeginTx",
		"database/sql.DB.Query", "database/sql.DB.QueryContext",
		"database/sql.Conn.QueryContext",
		"database/sql.Tx.Query", "database/sql.Tx.QueryContext",
		"database/sql.Stmt.Query", "database/sql.Stmt.QueryContext",
		"database/sql.DB.Prepare", "database/sql.DB.PrepareContext",
		"database/sql.Conn.PrepareContext",
		"database/sql.Tx.Prepare", "database/sql.Tx.PrepareContext",
	}
	keys = append(keys, prefixed(pkgSQLX,
		"DB.Connx",
		"DB.Beginx", "DB.BeginTxx", "DB.MustBegin", "DB.MustBeginTx", "Conn.BeginTxx",
		"DB.Queryx", "DB.QueryxContext", "DB.NamedQuery", "DB.NamedQueryContext",
		"Tx.Queryx", "Tx.QueryxContext", "Tx.NamedQuery", "Conn.QueryxContext",
		"Stmt.Queryx", "Stmt.QueryxContext", "NamedStmt.Queryx", "NamedStmt.QueryxContext",
		"NamedStmt.Query", "NamedStmt.QueryContext",
		"NamedQuery", "NamedQueryContext",
		"Queryer.Query", "Queryer.Queryx", "QueryerContext.QueryContext", "QueryerContext.QueryxContext",
		"DB.Preparex", "DB.PreparexContext", "Tx.Preparex", "Tx.PreparexContext", "Conn.PreparexContext",
		"Preparex", "PreparexContext",
		"DB.PrepareNamed", "DB.PrepareNamedContext", "Tx.PrepareNamed", "Tx.PrepareNamedContext",
		"PrepareNamed", "PrepareNamedContext",
	)...)
	keys = append(keys, prefixed(pkgRedis,
		"Client.Conn",
		"Client.Subscribe", "Client.PSubscribe", "Client.SSubscribe",
		"ClusterClient.Subscribe", "ClusterClient.PSubscribe", "ClusterClient.SSubscribe",
		"Ring.Subscribe", "Ring.PSubscribe",
		"UniversalClient.Subscribe", "UniversalClient.PSubscribe", "UniversalClient.SSubscribe",
	)...)
	for _, v := range [][2]string{{pkgPgx5, pkgPool5}, {pkgPgx4, pkgPool4}} {
		keys = append(keys, prefixed(v[0],
			"Connect", "ConnectConfig",
			"Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.SendBatch",
			"Tx.Begin", "Tx.Query", "Tx.SendBatch",
		)...)
		keys = append(keys, prefixed(v[1],
			"Pool.Acquire", "Pool.Begin", "Pool.BeginTx", "Pool.Query", "Pool.SendBatch",
			"Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.SendBatch", "Conn.Hijack",
			"Tx.Begin", "Tx.Query", "Tx.SendBatch",
		)...)
	}
	return keys
}

// builtinTied lists acquirers whose result is given back when the receiver
// is: database/sql closes the statements and rows of a transaction when it
// commits or rolls back ("The returned statement operates within the
// transaction and will be closed when the transaction has been committed or
// rolled back").
//
// pgx, the other way round, ends what a connection carries when the
// connection goes: Release of a pooled connection in a transaction or with
// open rows destroys it, and Close of a *pgx.Conn ends its session, so the
// server rolls the transaction back (the runtime oracle measures both:
// oracle/cases PooledConnTxAbandoned, ConnectTxAbandoned).
func builtinTied() []string {
	keys := prefixed(pkgSQL, "Tx.Prepare", "Tx.PrepareContext", "Tx.Query", "Tx.QueryContext")
	for _, pkg := range []string{pkgPgx5, pkgPool5, pkgPgx4, pkgPool4} {
		keys = append(keys, prefixed(pkg, "Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.SendBatch")...)
	}
	// sqlx's transaction embeds database/sql's: the same holds of its rows
	// and statements (the runtime oracle: SqlxTxQueryxClosedByRollback).
	keys = append(keys, prefixed(pkgSQLX, "Tx.Queryx", "Tx.QueryxContext", "Tx.NamedQuery",
		"Tx.Preparex", "Tx.PreparexContext", "Tx.PrepareNamed", "Tx.PrepareNamedContext")...)
	// A savepoint (tx.Begin on a pgx.Tx) ends with its parent transaction.
	keys = append(keys, pkgPgx5+".Tx.Begin", pkgPgx4+".Tx.Begin")
	return keys
}

// builtinEndedWithContext lists acquirers whose resource database/sql gives
// back by itself when the context it was acquired with is done: a
// transaction is rolled back (Tx.awaitDone), rows are closed
// (Rows.awaitDone); sqlx's go through database/sql's. Not a *sql.Conn, not
// a statement, not a transaction of Begin(), not pgx's (the runtime oracle:
// TxCanceledOnReturn, RowsCanceledOnReturn, SqlxCanceledOnReturn,
// ConnCanceledOnReturnLeaks, TxOfBeginCanceledLeaks, PoolTxCanceledLeaks).
// The context is the call's first argument.
func builtinEndedWithContext() []string {
	keys := prefixed(pkgSQL, "DB.BeginTx", "Conn.BeginTx",
		"DB.QueryContext", "Conn.QueryContext", "Tx.QueryContext", "Stmt.QueryContext")
	return append(keys, prefixed(pkgSQLX, "DB.BeginTxx", "Conn.BeginTxx",
		"DB.QueryxContext", "Tx.QueryxContext", "Conn.QueryxContext", "Stmt.QueryxContext")...)
}

// builtinConsumers maps a function to the parameter it closes.
func builtinConsumers() map[string]int {
	return map[string]int{
		pkgPgx5 + ".CollectRows":          0,
		pkgPgx5 + ".CollectOneRow":        0,
		pkgPgx5 + ".CollectExactlyOneRow": 0,
		pkgPgx5 + ".ForEachRow":           0,
		pkgPgx5 + ".AppendRows":           1,
	}
}

// builtinNoReturn lists calls after which the path does not reach a return.
func builtinNoReturn() []string {
	keys := []string{"os.Exit", "runtime.Goexit"}
	for _, name := range []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"} {
		keys = append(keys, "log."+name, "log.Logger."+name)
	}
	for _, recv := range []string{"common", "T", "B", "F", "TB"} {
		for _, name := range []string{"Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"} {
			keys = append(keys, "testing."+recv+"."+name)
		}
	}
	return keys
}

// failsTest reports whether calling f marks a test failed and goes on
// (t.Error, t.Errorf, t.Fail). A test that expects a call to fail and
// discards its result (`if _, err := db.Query(bad); err == nil {
// t.Error(…) }`) leaks it only on the path where the test fails already:
// a discarded result is not reported on such a path (README,
// Limitations). A resource the test keeps is.
func failsTest(f *types.Func) bool {
	if f.Pkg() == nil || f.Pkg().Path() != "testing" {
		return false
	}
	switch f.Name() {
	case "Error", "Errorf", "Fail":
		return true
	}
	return false
}

// testify's require stops the test (t.FailNow) when its assertion fails:
// after require.Error(t, err) the path goes on only where err is not nil,
// after require.False(t, rows.Next()) only where Next returned false.
const pkgRequire = "github.com/stretchr/testify/require"

// testify's assert marks the test failed when its assertion fails, and
// goes on: `assert.Error(t, err)` says the test expects the acquisition to
// fail, and the path where it succeeded is a failing test's (failsTest):
// its assertions are read as require's.
const pkgAssert = "github.com/stretchr/testify/assert"

var requireErrorFuncs = map[string]bool{
	"Error": true, "Errorf": true, "ErrorIs": true, "ErrorIsf": true, "ErrorAs": true, "ErrorAsf": true,
	"ErrorContains": true, "ErrorContainsf": true, "EqualError": true, "EqualErrorf": true,
}

// borrowingPackages only look at the values passed to them: handing a
// resource to them does not hand it over.
var borrowingPackages = []string{"fmt", "log", "log/slog", "errors", pkgSQL, pkgSQLX, pkgRedis, pkgPgx5, pkgPool5, pkgPgx4, pkgPool4}

func prefixed(pkg string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = pkg + "." + n
	}
	return out
}

// A catalog is the resolved form of the data above, ready for lookups.
type catalog struct {
	resources map[string]*resourceType // "pkg.Name"
	acquirers map[string]bool
	tied      map[string]bool
	// endedWithContext: builtinEndedWithContext.
	endedWithContext map[string]bool
	consumers        map[string]int
	noReturn         map[string]bool
	borrowers        map[string]bool
	// pools and poolCreators extend the built-in pool types and the
	// functions that create them (from the configuration).
	pools        map[string]bool
	poolCreators map[string]bool
	// packages holds every package path that the catalog mentions: a
	// package that imports none of them holds no obligation. libraries are
	// those of the built-in entries, which are not analysed themselves
	// (the packages of the configuration file are: they are the user's).
	packages  map[string]bool
	libraries map[string]bool
	// acquirerNames maps a method or function name to the acquirers so
	// named (interfaces.go: the shapes a program interface may mirror).
	acquirerNames map[string][]string
	std           *stdPackages
}

func newCatalog() *catalog {
	c := &catalog{
		resources: map[string]*resourceType{},
		acquirers: map[string]bool{},
		tied:      map[string]bool{},

		endedWithContext: map[string]bool{},
		consumers:        builtinConsumers(),
		noReturn:         map[string]bool{},
		borrowers:        map[string]bool{},
		packages:         map[string]bool{},
		std:              &stdPackages{},

		acquirerNames: map[string][]string{},
		pools:         map[string]bool{},
		poolCreators:  map[string]bool{},
	}
	for _, r := range builtinResources() {
		r := r
		c.resources[r.pkg+"."+r.name] = &r
		c.packages[r.pkg] = true
	}
	c.libraries = maps.Clone(c.packages)
	for _, k := range builtinAcquirers() {
		c.addAcquirer(k)
	}
	for _, k := range builtinTied() {
		c.tied[k] = true
	}
	for _, k := range builtinEndedWithContext() {
		c.endedWithContext[k] = true
	}
	for _, k := range builtinNoReturn() {
		c.noReturn[k] = true
	}
	for _, p := range borrowingPackages {
		c.borrowers[p] = true
	}
	return c
}

// addAcquirer adds the acquirer key.
func (c *catalog) addAcquirer(key string) {
	if !c.acquirers[key] {
		c.acquirers[key] = true
		name := key[strings.LastIndex(key, ".")+1:]
		c.acquirerNames[name] = append(c.acquirerNames[name], key)
	}
}

// funcKey names f as the catalog does, or returns "" for a method of an
// unnamed type.
func funcKey(f *types.Func) string {
	f = f.Origin()
	if f.Pkg() == nil {
		return ""
	}
	sig, _ := f.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return f.Pkg().Path() + "." + f.Name()
	}
	named := namedOf(sig.Recv().Type())
	if named == nil {
		return ""
	}
	return f.Pkg().Path() + "." + named.Obj().Name() + "." + f.Name()
}

// namedOf returns the named type of t or *t, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// resourceOf returns the resource type of values of type t, or nil.
func (c *catalog) resourceOf(t types.Type) *resourceType {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	return c.resources[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

func (c *catalog) isNoReturn(f *types.Func) bool {
	if f.Pkg() == nil {
		return false
	}
	switch f.Pkg().Path() {
	case "os", "runtime", "log", "testing":
		return c.noReturn[funcKey(f)]
	}
	return false
}

// releaseMethod reports whether calling method name on a value of type t
// gives a value of resource r back.
func releaseMethod(r *resourceType, name string) bool {
	for _, m := range r.release {
		if m == name {
			return true
		}
	}
	return false
}

// methodOf returns the method named name of type t, promoted or not.
func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	f, _ := obj.(*types.Func)
	return f
}

// isReleaseCall reports whether calling callee on a value of type t (the
// resource's own type, r) gives it back: callee must be the very method that
// t's method set resolves the release name to, so that a promoted
// (*sql.Tx).Commit counts for *sqlx.Tx and an unrelated Close does not.
func isReleaseCall(r *resourceType, t types.Type, callee *types.Func) bool {
	if !releaseMethod(r, callee.Name()) {
		return false
	}
	m := methodOf(t, callee.Name())
	return m != nil && m.Origin() == callee.Origin()
}
