package db

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Session is a tenant-scoped connection with its schema set: it owns the
// connection, and Close gives it back.
type Session struct {
	Tenant string
	conn   *sql.Conn
}

// OpenSession hands out a fresh session.
func OpenSession(ctx context.Context, tenant string) (*Session, error) {
	c, err := TenantConnWithSchema(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return &Session{Tenant: tenant, conn: c}, nil
}

// Exec runs a statement on the session.
func (s *Session) Exec(ctx context.Context, query string, args ...any) error {
	_, err := s.conn.ExecContext(ctx, query, args...)
	return err
}

// QueryRow runs a single-row query on the session.
func (s *Session) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return s.conn.QueryRowContext(ctx, query, args...)
}

// Close gives the connection back.
func (s *Session) Close() error {
	return s.conn.Close()
}

// Lease is a pgx connection leased to a background job: Release gives it
// back.
type Lease struct {
	Tenant  string
	conn    *pgxpool.Conn
	started time.Time
}

// AcquireLease leases a connection of the tenant's pgx pool.
func AcquireLease(ctx context.Context, tenant string) (*Lease, error) {
	c, err := AcquireTenant(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return &Lease{Tenant: tenant, conn: c, started: time.Now()}, nil
}

// Exec runs a statement on the leased connection.
func (l *Lease) Exec(ctx context.Context, query string, args ...any) error {
	_, err := l.conn.Exec(ctx, query, args...)
	return err
}

// Release gives the connection back.
func (l *Lease) Release() {
	Release(l.conn, l.started)
}

// UnitOfWork wraps a transaction: Finish commits it or rolls it back.
type UnitOfWork struct {
	tx *sql.Tx
}

// BeginUnit starts a unit of work on the tenant's pool.
func BeginUnit(ctx context.Context, tenant string) (*UnitOfWork, error) {
	tx, err := BeginTenant(ctx, tenant, nil)
	if err != nil {
		return nil, fmt.Errorf("begin unit: %w", err)
	}
	return &UnitOfWork{tx: tx}, nil
}

// Exec runs a statement in the unit's transaction.
func (u *UnitOfWork) Exec(ctx context.Context, query string, args ...any) error {
	_, err := u.tx.ExecContext(ctx, query, args...)
	return err
}

// Finish commits when err is nil and rolls back otherwise.
func (u *UnitOfWork) Finish(err error) error {
	return EndTx(u.tx, err)
}

// Registry holds every tenant's pgx pool and the audit pool, for services
// that do not use the package-level caches.
type Registry struct {
	mu    sync.Mutex
	pools map[string]*pgxpool.Pool
	audit *pgxpool.Pool
	cache *redis.Client
}

// NewRegistry builds a registry around the pools main opened.
func NewRegistry(audit *pgxpool.Pool, cache *redis.Client) *Registry {
	return &Registry{pools: map[string]*pgxpool.Pool{}, audit: audit, cache: cache}
}

// Add registers a tenant's pool.
func (r *Registry) Add(tenant string, pool *pgxpool.Pool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pools[tenant] = pool
}

// Pool hands out the tenant's shared pool.
func (r *Registry) Pool(tenant string) (*pgxpool.Pool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.pools[tenant]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknownTenant, tenant)
	}
	return p, nil
}

// Audit hands out the shared audit pool.
func (r *Registry) Audit() *pgxpool.Pool { return r.audit }

// Acquire takes a connection out of the tenant's pool.
func (r *Registry) Acquire(ctx context.Context, tenant string) (*pgxpool.Conn, error) {
	p, err := r.Pool(tenant)
	if err != nil {
		return nil, err
	}
	return p.Acquire(ctx)
}

// Close is the registry's own Close: it closes the pools it holds.
func (r *Registry) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for tenant, p := range r.pools {
		p.Close()
		delete(r.pools, tenant)
	}
	r.audit.Close()
	return r.cache.Close()
}
