// Package db is the data-access platform of the multi-tenant service: a
// master pool, caches of per-tenant pools (database/sql, pgxpool, sqlx), a
// Redis client, and the helpers the repositories take connections with.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

// ErrUnknownTenant is returned for a tenant with no database.
var ErrUnknownTenant = errors.New("unknown tenant")

var (
	masterDB *sql.DB
	rdb      *redis.Client

	mu          sync.RWMutex
	tenantPools = map[string]*sql.DB{}
	pgPools     = map[string]*pgxpool.Pool{}
	sqlxPools   = map[string]*sqlx.DB{}
)

// Init opens the master pool and the Redis client at start-up. The pool it
// opened is closed again when the ping fails.
func Init(ctx context.Context, masterDSN, redisAddr string) error {
	pool, err := sql.Open("mysql", masterDSN)
	if err != nil {
		return fmt.Errorf("open master: %w", err)
	}
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return fmt.Errorf("ping master: %w", err)
	}
	masterDB = pool
	rdb = redis.NewClient(&redis.Options{Addr: redisAddr, PoolSize: 32})
	return nil
}

// RegisterPg stores a tenant's pgx pool in the cache.
func RegisterPg(tenant string, pool *pgxpool.Pool) {
	mu.Lock()
	pgPools[tenant] = pool
	mu.Unlock()
}

// RegisterX stores a tenant's sqlx pool in the cache.
func RegisterX(tenant string, pool *sqlx.DB) {
	mu.Lock()
	sqlxPools[tenant] = pool
	mu.Unlock()
}

// Master hands out the shared master pool.
func Master() *sql.DB { return masterDB }

// Redis hands out the shared Redis client.
func Redis() *redis.Client { return rdb }

func tenantDSN(ctx context.Context, tenant string) (string, error) {
	var dsn string
	err := masterDB.QueryRowContext(ctx, "SELECT dsn FROM tenants WHERE name = ?", tenant).Scan(&dsn)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%w: %s", ErrUnknownTenant, tenant)
	}
	return dsn, err
}

// TenantDB hands out the tenant's cached pool, opening it on first use.
func TenantDB(ctx context.Context, tenant string) (*sql.DB, error) {
	mu.RLock()
	pool, ok := tenantPools[tenant]
	mu.RUnlock()
	if ok {
		return pool, nil
	}
	dsn, err := tenantDSN(ctx, tenant)
	if err != nil {
		return nil, err
	}
	fresh, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, fmt.Errorf("open tenant %s: %w", tenant, err)
	}
	mu.Lock()
	tenantPools[tenant] = fresh
	mu.Unlock()
	return fresh, nil
}

// TenantPgPool hands out the tenant's cached pgx pool.
func TenantPgPool(tenant string) (*pgxpool.Pool, error) {
	mu.RLock()
	defer mu.RUnlock()
	pool, ok := pgPools[tenant]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknownTenant, tenant)
	}
	return pool, nil
}

// TenantX hands out the tenant's cached sqlx pool.
func TenantX(tenant string) (*sqlx.DB, error) {
	mu.RLock()
	defer mu.RUnlock()
	pool, ok := sqlxPools[tenant]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknownTenant, tenant)
	}
	return pool, nil
}

// OpenReporting opens a fresh pool on the reporting replica: the caller
// owns it.
func OpenReporting(dsn string) (*sql.DB, error) {
	pool, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, fmt.Errorf("open reporting: %w", err)
	}
	pool.SetMaxOpenConns(4)
	return pool, nil
}

// NewTenantPgPool creates a pgx pool for one tenant: the caller owns it.
func NewTenantPgPool(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse dsn: %w", err)
	}
	cfg.MaxConns = 8
	return pgxpool.NewWithConfig(ctx, cfg)
}

// ClosePools is the shutdown helper main calls with the pools it opened:
// closing what it is given is its job.
func ClosePools(pools ...*sql.DB) error {
	var errs []error
	for _, p := range pools {
		if err := p.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ClosePgPools closes every pool of the map it is given, at shutdown.
func ClosePgPools(pools map[string]*pgxpool.Pool) {
	for tenant, p := range pools {
		p.Close()
		delete(pools, tenant)
	}
}

// Shutdown is the package's own shutdown, called once by main after the
// HTTP server stopped: it closes the pools this package opened and caches.
func Shutdown() error {
	mu.Lock()
	defer mu.Unlock()
	for _, p := range pgPools {
		p.Close()
	}
	var errs []error
	for _, p := range tenantPools {
		errs = append(errs, p.Close())
	}
	errs = append(errs, rdb.Close())
	errs = append(errs, masterDB.Close())
	return errors.Join(errs...)
}
