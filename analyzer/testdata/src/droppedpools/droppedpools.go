// Package droppedpools: a pool a function opens is an obligation like a
// connection (issue 12, section 5): closed, returned or stored where it
// outlives the call; else each call leaves its idle connections open.
package droppedpools

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"
)

// clickhouse-go v2.30.1's GetConnectionFromDSN, reduced (bench/recall: the
// version probe's pool was never closed).
func versionThenOpenLeaks(dsn string) (*sql.DB, error) {
	probe, err := sql.Open("clickhouse", dsn) // want `probe \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 25 leaks it`
	if err != nil {
		return nil, err
	}
	var version string
	if err := probe.QueryRow("SELECT version()").Scan(&version); err != nil {
		return nil, err
	}
	return sql.Open("clickhouse", dsn)
}

func versionThenOpenClosed(dsn string) (*sql.DB, error) {
	probe, err := sql.Open("clickhouse", dsn)
	if err != nil {
		return nil, err
	}
	defer probe.Close()
	var version string
	if err := probe.QueryRow("SELECT version()").Scan(&version); err != nil {
		return nil, err
	}
	return sql.Open("clickhouse", dsn)
}

// gorm's Open, reduced: the pool stays open when the first ping fails.
func openPingLeaks(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 50 leaks it`
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	return db, nil
}

func openPingClosed(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("ping: %w", err)
	}
	return db, nil
}

// Per request: the pool of each call is dropped.
func countPerRequestLeaks(ctx context.Context, dsn string) (int, error) {
	db, err := sql.Open("postgres", dsn) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 75 leaks it`
	if err != nil {
		return 0, err
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM items").Scan(&n)
	return n, err
}

// Stored where it outlives the call: handed over.

type Store struct{ db *sql.DB }

func NewStore(dsn string) (*Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

var (
	shared *sql.DB
	once   sync.Once
)

func openShared(dsn string) (err error) {
	once.Do(func() {
		shared, err = sql.Open("postgres", dsn)
	})
	return err
}

func (s *Store) reopen(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	s.db = db
	return nil
}

// Given to a callback: borrowed, as a connection is.
func openAndRunLeaks(dsn string, run func(*sql.DB) error) error {
	db, err := sql.Open("postgres", dsn) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 117 leaks it`
	if err != nil {
		return err
	}
	return run(db)
}

func openAndRun(dsn string, run func(*sql.DB) error) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return run(db)
}

// Passed to a function of another package that may keep it: handed over.
func openAndKeep(dsn string, keep func(any)) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	keep(db)
	return nil
}

// go-redis: a client is a pool too.
func pingRedisLeaks(ctx context.Context, addr string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr}) // want `rdb \(\*redis\.Client from redis\.NewClient\) is not closed on every path: the return at line 143 leaks it`
	if err := rdb.Ping(ctx).Err(); err != nil {
		return errors.New("redis down")
	}
	return rdb.Close()
}

func pingRedisDeferClose(ctx context.Context, addr string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	return rdb.Ping(ctx).Err()
}

// A test's cleanup closes it.
type cleaner interface{ Cleanup(func()) }

func openForTest(t cleaner, dsn string) *sql.DB {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		panic(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ready returns the pool it is given where it answers, nil where it does
// not: it passes the pool through only on success.
func ready(ctx context.Context, db *sql.DB) (*sql.DB, error) { // want ready:`passesonsuccess\[1→0\]`
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

// migrate only uses the pool it is given.
func migrate(ctx context.Context, db *sql.DB) error { // want migrate:`borrows\[1\]`
	_, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS t (n int)")
	return err
}

// grype v0.120.0's shape: the pool is dropped where ready fails.
func openReadyLeaks(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 187 leaks it`
	if err != nil {
		return nil, err
	}
	return ready(ctx, db)
}

// grype v0.120.1's fix.
func openReadyClosed(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	p, err := ready(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

// A function that only uses the pool does not take it: where it fails
// the pool is dropped.
func openMigrateLeaks(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 212 leaks it`
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, db); err != nil {
		return nil, err
	}
	return db, nil
}

func openMigrateClosed(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// keepPool stores the pool it is given: it takes it over.
var pools []*sql.DB

func keepPool(db *sql.DB) { // want keepPool:`releases\[0\]`
	pools = append(pools, db)
}

func openKept(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	keepPool(db)
	return nil
}
