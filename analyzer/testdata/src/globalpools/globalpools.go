// Package globalpools keeps its pools in package-level variables, opened
// and closed by main, TestMain or a run function: the function that stored
// a pool it created there may close it. One that did not store it may not.
package globalpools

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

var (
	testDB  *pgxpool.Pool
	db      *sql.DB
	cache   *redis.Client
	replica *sql.DB
)

// TestMain is the shape of the issue: the pool is created, stored and
// closed by a closure that TestMain calls.
func TestMain(m *testing.M) {
	ctx := context.Background()
	code := func() int {
		var err error
		testDB, err = pgxpool.New(ctx, os.Getenv("DSN"))
		if err != nil {
			panic(err)
		}
		defer testDB.Close()
		return m.Run()
	}()
	os.Exit(code)
}

func main() {
	var err error
	db, err = sql.Open("postgres", os.Getenv("DSN"))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	if err := run(); err != nil {
		os.Exit(1)
	}
}

// run stores a client it created, and closes it from a deferred closure.
func run() error {
	cache = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS")})
	defer func() {
		_ = cache.Close()
	}()
	return cache.Ping(context.Background()).Err()
}

// handler closes a pool that main stored: every other request breaks.
func handler(ctx context.Context) error {
	defer db.Close() // want `closing the shared pool db \(\*sql\.DB from the package-level variable db\) breaks every other user of it`
	return db.PingContext(ctx)
}

// reopen closes the pool it is about to replace, which other requests may
// still be using: it stored the new one, not the one it closes.
func reopen(dsn string) error {
	replica.Close() // want `closing the shared pool replica \(\*sql\.DB from the package-level variable replica\) breaks every other user of it`
	var err error
	replica, err = sql.Open("postgres", dsn)
	return err
}

// sharedReplica hands out the package's replica pool.
func sharedReplica() *sql.DB { return replica }

// adopt stores a pool it did not create, then closes it.
func adopt(ctx context.Context) error {
	db = sharedReplica()
	defer db.Close() // want `closing the shared pool db \(\*sql\.DB from the package-level variable db\) breaks every other user of it`
	return db.PingContext(ctx)
}
