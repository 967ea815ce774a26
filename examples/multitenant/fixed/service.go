// Package fixed is the multi-tenant service of ../leaky as fixed: every
// connection, transaction and row set is given back with a defer right after
// it is taken, and no request closes a cached pool — the cached pools are
// closed once, by Server.Close, at shutdown.
package fixed

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	_ "github.com/go-sql-driver/mysql" // the MySQL/MariaDB driver
	"github.com/jackc/pgx/v5/pgxpool"
)

// Server serves the dashboard, customers and permissions of every tenant.
type Server struct {
	master    *sql.DB       // the master database: tenants, users
	audit     *pgxpool.Pool // the audit log, in PostgreSQL
	tenantDSN func(key string) string

	mu      sync.Mutex
	tenants map[string]*sql.DB // one cached pool per tenant
}

// NewServer returns a server over the master pool and the audit pool.
func NewServer(master *sql.DB, audit *pgxpool.Pool, tenantDSN func(string) string) *Server {
	return &Server{master: master, audit: audit, tenantDSN: tenantDSN, tenants: map[string]*sql.DB{}}
}

// getTenantConnection returns the tenant's pool, opening it on first use.
// The pool is cached: every request of the tenant shares it.
func (s *Server) getTenantConnection(key string) (*sql.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.tenants[key]; ok {
		return db, nil
	}
	db, err := sql.Open("mysql", s.tenantDSN(key))
	if err != nil {
		return nil, fmt.Errorf("tenant %s: %w", key, err)
	}
	db.SetMaxOpenConns(5)
	s.tenants[key] = db
	return db, nil
}

// Close closes the cached tenant pools, once, at shutdown.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for key, db := range s.tenants {
		db.Close()
		delete(s.tenants, key)
	}
	return nil
}

// queryMaster runs a query on a connection taken from the master pool and
// hands each row to scan.
func (s *Server) queryMaster(ctx context.Context, scan func(*sql.Rows) error, query string, args ...any) error {
	conn, err := s.master.Conn(ctx)
	if err != nil {
		return fmt.Errorf("master: %w", err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("master: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryTenant runs a query on a connection taken from the tenant's pool.
func (s *Server) queryTenant(ctx context.Context, key string, scan func(*sql.Rows) error, query string, args ...any) error {
	db, err := s.getTenantConnection(key)
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("tenant %s: %w", key, err)
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("tenant %s: %w", key, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Dashboard counts the tenant's orders and users.
func (s *Server) Dashboard(w http.ResponseWriter, r *http.Request) {
	ctx, key := r.Context(), r.URL.Query().Get("tenant")
	var users, orders int
	countUsers := func(rows *sql.Rows) error { return rows.Scan(&users) }
	if err := s.queryMaster(ctx, countUsers, "SELECT count(*) FROM users WHERE tenant = ?", key); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	countOrders := func(rows *sql.Rows) error { return rows.Scan(&orders) }
	if err := s.queryTenant(ctx, key, countOrders, "SELECT count(*) FROM orders"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]int{"users": users, "orders": orders})
}

// Customers renames a customer of the tenant, in a transaction on a
// connection of its own.
func (s *Server) Customers(w http.ResponseWriter, r *http.Request) {
	ctx, key := r.Context(), r.URL.Query().Get("tenant")
	db, err := s.getTenantConnection(key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer tx.Rollback() // after Commit, a no-op
	if _, err := tx.ExecContext(ctx, "UPDATE customers SET name = ? WHERE id = ?", r.FormValue("name"), r.FormValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := tx.Commit(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Permissions lists the tenant's permissions. The tenant's pool stays open:
// other requests share it.
func (s *Server) Permissions(w http.ResponseWriter, r *http.Request) {
	ctx, key := r.Context(), r.URL.Query().Get("tenant")
	db, err := s.getTenantConnection(key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows, err := db.QueryContext(ctx, "SELECT name FROM permissions")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		names = append(names, n)
	}
	_ = json.NewEncoder(w).Encode(names)
}

// Audit records who looked at the tenant, on a connection of the audit
// pool.
func (s *Server) Audit(ctx context.Context, key, who string) error {
	conn, err := s.audit.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "INSERT INTO audit (tenant, who) VALUES ($1, $2)", key, who); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}
