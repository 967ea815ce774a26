// Package pools closes pools it owns and pools it does not. // want package:`ownership facts`
package pools

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

var (
	masterDB    *sql.DB
	tenantPools = map[string]*sql.DB{}
	mu          sync.Mutex
	cache       *redis.Client
)

// getTenantDB hands out a cached pool: closing it breaks every other user.
func getTenantDB(key string) (*sql.DB, error) { // want getTenantDB:`sharedpools\[0\]`
	mu.Lock()
	defer mu.Unlock()
	db, ok := tenantPools[key]
	if !ok {
		return nil, fmt.Errorf("unknown tenant %q", key)
	}
	return db, nil
}

// openTenantDB creates a pool: its caller owns it.
func openTenantDB(dsn string) (*sql.DB, error) { // want openTenantDB:`freshpools\[0\]`
	return sql.Open("mysql", dsn)
}

func closeMasterInHandler(ctx context.Context) error {
	defer masterDB.Close() // want `closing the shared pool masterDB \(\*sql\.DB from the package-level variable masterDB\) breaks every other user of it`
	return masterDB.PingContext(ctx)
}

func closeCachedTenantPool(ctx context.Context, key string) error {
	db, err := getTenantDB(key)
	if err != nil {
		return err
	}
	defer db.Close() // want `closing the shared pool db \(\*sql\.DB from getTenantDB\) breaks every other user of it`
	return db.PingContext(ctx)
}

func closeCacheLookup(key string) {
	if db, ok := tenantPools[key]; ok {
		db.Close() // want `closing the shared pool db \(\*sql\.DB from the cache tenantPools\) breaks every other user of it`
	}
}

func closeRedisGlobal() error {
	return cache.Close() // want `closing the shared pool cache \(\*redis\.Client from the package-level variable cache\) breaks every other user of it`
}

// Server holds pools for every request.
type Server struct {
	db   *sql.DB
	pool *pgxpool.Pool
}

func (s *Server) handleReport(ctx context.Context) error {
	defer s.pool.Close() // want `closing the shared pool s\.pool \(\*pgxpool\.Pool from the field pool of the receiver\) breaks every other user of it`
	_, err := s.pool.Exec(ctx, "SELECT 1")
	return err
}

// Close shuts the server down: it may close its own pools.
func (s *Server) Close() error {
	s.pool.Close()
	return s.db.Close()
}

// shutdown is a shutdown helper: closing a parameter is legitimate.
func shutdown(db *sql.DB, s *Server) { // want shutdown:`releases\[0\]`
	db.Close()
	s.db.Close()
}

func openAndClose(ctx context.Context, dsn string) error {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(ctx)
}

func openThroughWrapperAndClose(ctx context.Context, dsn string) error {
	db, err := openTenantDB(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(ctx)
}

func newPoolAndClose(ctx context.Context, dsn string) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	return pool.Ping(ctx)
}
