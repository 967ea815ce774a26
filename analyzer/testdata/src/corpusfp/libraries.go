package corpusfp

import (
	"context"
	"database/sql"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

// The false positives found by analysing the catalog's own packages
// (bench/results/triage-libraries.md; pgxpool's are in puddle.go), beside
// their leak twins.

// sqlxTestNewDbCopy is sqlx v1.4.0's sqlx_test.go:1219: NewDb wraps the
// test harness's pool, which the test must not close; the wrapper is no
// fresh pool.
func sqlxTestNewDbCopy(t *testing.T, db *sqlx.DB) {
	dbCopy := sqlx.NewDb(db.DB, db.DriverName())
	var n int
	if err := dbCopy.Get(&n, "SELECT 1"); err != nil {
		t.Error(err)
	}
}

// newDbOfOpenedPoolLeaks wraps a pool it opened itself, and closes
// neither: reported, the pool and its wrapper each (as before the wrapped
// pool's origin was looked at).
func newDbOfOpenedPoolLeaks(dsn string) error {
	pool, err := sql.Open("postgres", dsn) // want `pool \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 37 leaks it`
	if err != nil {
		return err
	}
	dbx := sqlx.NewDb(pool, "postgres") // want `dbx \(\*sqlx\.DB from sqlx\.NewDb\) is not closed on every path: the return at line 37 leaks it`
	var n int
	return dbx.Get(&n, "SELECT 1")
}

// redisFailover is go-redis v9.23.0's sentinelFailover (sentinel.go:968):
// its unexported closeSentinel, which its Close calls, closes the client
// it owns.
type redisFailover struct {
	sentinel *redis.Client
}

func (c *redisFailover) Close() error { return c.closeSentinel() }

func (c *redisFailover) closeSentinel() error {
	err := c.sentinel.Close()
	c.sentinel = nil
	return err
}

// pingSentinel is a method of no shutdown name that closes the client its
// receiver holds: reported.
func (c *redisFailover) pingSentinel(ctx context.Context) error {
	return c.sentinel.Close() // want `closing the shared pool c\.sentinel`
}
