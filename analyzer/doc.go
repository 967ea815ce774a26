// Package analyzer defines connrelease, an analysis that reports database
// connections, transactions, statements and rows that are not given back on
// every path.
//
// # Analyzer connrelease
//
// connrelease: report pooled database resources that are not released on every path
//
// A Go service takes a resource out of a pool — db.Conn(ctx),
// pool.Acquire(ctx), db.BeginTx, db.QueryContext — and must give it back:
// Close, Release, Commit or Rollback. When one path back to the caller
// forgets, the pool drains in production while every test passes.
//
// connrelease follows the SSA value of each acquisition through the
// function's control-flow graph and reports every acquisition that some
// path reaches a return with, still held: not released (deferred or not),
// not handed over (returned, stored in memory that outlives the call, sent
// on a channel, captured by a goroutine or an escaping closure, passed to a
// function it does not know). On the branch where the acquisition's error is
// non-nil, or the value is nil, nothing is held; a path that ends in panic,
// os.Exit, log.Fatal or t.Fatal leaks nothing; rows.Next returning false
// closes the rows; a branch on a condition the acquisition ran under (if
// useTx … if useTx) goes the same way on the paths that hold it.
//
// Checks:
//
//   - leak (category "leak"): a resource not given back on some path, or
//     a result discarded. Reported at the acquisition, with the earliest
//     leaking return as related information; with -path, one whole path
//     that leaks it (the acquisition, the branches taken, the return),
//     which SARIF writes as a codeFlow.
//   - defer-in-loop (category "defer-in-loop", flag -defer-in-loop): a
//     release deferred inside the loop that acquires the resource: every
//     iteration's resource stays held until the function returns.
//   - shared-pool-close (category "shared-pool-close", flag
//     -shared-pool-close): Close of a pool (*sql.DB, *pgxpool.Pool,
//     *redis.Client, …) that the function did not create.
//   - unjudged (category "unjudged", flag -unjudged, off by default): the
//     places the analysis could not judge, where it supposed the resource
//     released (a deferred release under a condition it cannot read at a
//     return, a function value called with the resource).
//   - directive (category "directive"): a //connrelease:ignore directive
//     without a reason, or one that suppresses nothing.
//   - internal-error (category "internal-error"): a function the analysis
//     failed on, reported at its declaration; the other functions are
//     analysed all the same.
package analyzer

// doc is the analyzer's documentation, but for the list of checks, which
// New adds from the registry (checks.go): the package comment, from its
// analyzer heading on, shortened.
const doc = `report pooled database resources that are not released on every path

A Go service takes a resource out of a pool — db.Conn(ctx), pool.Acquire(ctx),
db.BeginTx, db.QueryContext — and must give it back: Close, Release, Commit or
Rollback. connrelease follows the SSA value of each acquisition and reports
every acquisition that some path reaches a return with, still held: not
released (deferred or not) and not handed over (returned, stored in memory
that outlives the call, sent on a channel, captured by a goroutine or an
escaping closure, passed to a function it does not know).`
