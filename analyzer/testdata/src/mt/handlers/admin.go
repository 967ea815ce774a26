package handlers

import (
	"database/sql"
	"net/http"
	"sync"

	"github.com/jmoiron/sqlx"

	"mt/db"
	"mt/repo"
)

// reportPools caches the reporting pool of each tenant for the admin API.
var (
	reportMu    sync.Mutex
	reportPools = map[string]*sql.DB{}
	replicas    sync.Map // tenant -> *sql.DB
	analyticsX  *sqlx.DB
)

// handleRotateClosesGetterPool "refreshes" the tenant's credentials by
// closing the pool package db caches for every request.
func (s *Server) handleRotateClosesGetterPool(w http.ResponseWriter, r *http.Request) {
	tdb, err := db.TenantDB(r.Context(), tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	defer tdb.Close() // want `closing the shared pool tdb \(\*sql\.DB from db\.TenantDB\) breaks every other user of it`
	if err := tdb.PingContext(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleRotateUsesGetterPool only pings the cached pool.
func (s *Server) handleRotateUsesGetterPool(w http.ResponseWriter, r *http.Request) {
	tdb, err := db.TenantDB(r.Context(), tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err := tdb.PingContext(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleReportClosesCachedPool closes the pool it read from the package's
// cache.
func (s *Server) handleReportClosesCachedPool(w http.ResponseWriter, r *http.Request) {
	reportMu.Lock()
	pool, ok := reportPools[tenantOf(r)]
	reportMu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	defer pool.Close() // want `closing the shared pool pool \(\*sql\.DB from the cache reportPools\) breaks every other user of it`
	var n int
	if err := pool.QueryRowContext(r.Context(), "SELECT count(*) FROM orders").Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, n)
}

// handleReportOpensOwnPool opens a pool for the request and closes it.
func (s *Server) handleReportOpensOwnPool(w http.ResponseWriter, r *http.Request) {
	pool, err := db.OpenReporting(r.URL.Query().Get("dsn"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer pool.Close()
	var n int
	if err := pool.QueryRowContext(r.Context(), "SELECT count(*) FROM orders").Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, n)
}

// handleReplicaClosesSyncMapPool closes a pool read from a sync.Map cache.
func (s *Server) handleReplicaClosesSyncMapPool(w http.ResponseWriter, r *http.Request) {
	v, ok := replicas.Load(tenantOf(r))
	if !ok {
		http.NotFound(w, r)
		return
	}
	pool := v.(*sql.DB)
	if err := pool.PingContext(r.Context()); err != nil {
		pool.Close() // want `closing the shared pool pool \(\*sql\.DB from the cache replicas\) breaks every other user of it`
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleAuditClosesFieldPool closes the server's audit pool in a request.
func (s *Server) handleAuditClosesFieldPool(w http.ResponseWriter, r *http.Request) {
	defer s.audit.Close() // want `closing the shared pool s\.audit \(\*pgxpool\.Pool from the field audit of the receiver\) breaks every other user of it`
	if _, err := s.audit.Exec(r.Context(), "INSERT INTO audit_log (tenant) VALUES ($1)", tenantOf(r)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleAuditUsesFieldPool only writes through the audit pool.
func (s *Server) handleAuditUsesFieldPool(w http.ResponseWriter, r *http.Request) {
	if _, err := s.audit.Exec(r.Context(), "INSERT INTO audit_log (tenant) VALUES ($1)", tenantOf(r)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleEvictClosesFieldMapPool closes a pool read from the server's map.
func (s *Server) handleEvictClosesFieldMapPool(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pgPools[tenantOf(r)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	p.Close() // want `closing the shared pool p \(\*pgxpool\.Pool from the cache pgPools\) breaks every other user of it`
	w.WriteHeader(http.StatusNoContent)
}

// handleResetClosesRegistryPool closes a pool handed out by a getter method
// of another package.
func (s *Server) handleResetClosesRegistryPool(w http.ResponseWriter, r *http.Request) {
	p, err := s.reg.Pool(tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	p.Close() // want `closing the shared pool p \(\*pgxpool\.Pool from s\.reg\.Pool\) breaks every other user of it`
	w.WriteHeader(http.StatusNoContent)
}

// handleResetResetsRegistryPool resets the pool's idle connections instead.
func (s *Server) handleResetResetsRegistryPool(w http.ResponseWriter, r *http.Request) {
	p, err := s.reg.Pool(tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	p.Reset()
	w.WriteHeader(http.StatusNoContent)
}

// handleLedgerClosesWrappedGetterPool closes a pool handed out by a getter
// of package repo that wraps a getter of package db.
func (s *Server) handleLedgerClosesWrappedGetterPool(w http.ResponseWriter, r *http.Request) {
	p, err := repo.PoolFor(tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	defer p.Close() // want `closing the shared pool p \(\*pgxpool\.Pool from repo\.PoolFor\) breaks every other user of it`
	if err := p.Ping(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleInvoicesClosesSqlxPool closes the tenant's cached sqlx pool.
func (s *Server) handleInvoicesClosesSqlxPool(w http.ResponseWriter, r *http.Request) {
	x, err := db.TenantX(tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	defer x.Close() // want `closing the shared pool x \(\*sqlx\.DB from db\.TenantX\) breaks every other user of it`
	var n int
	if err := x.GetContext(r.Context(), &n, "SELECT count(*) FROM invoices"); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, n)
}

// handleFlushClosesRedisClient closes the shared Redis client after a
// flush.
func (s *Server) handleFlushClosesRedisClient(w http.ResponseWriter, r *http.Request) {
	rc := db.Redis()
	defer rc.Close() // want `closing the shared pool rc \(\*redis\.Client from db\.Redis\) breaks every other user of it`
	if err := rc.Del(r.Context(), "tenant:"+tenantOf(r)+":cache").Err(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleFlushUsesRedisClient only deletes through the shared client.
func (s *Server) handleFlushUsesRedisClient(w http.ResponseWriter, r *http.Request) {
	if err := db.Redis().Del(r.Context(), "tenant:"+tenantOf(r)+":cache").Err(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleMaintenanceClosesMaster closes the master pool through its getter.
func (s *Server) handleMaintenanceClosesMaster(w http.ResponseWriter, r *http.Request) {
	if err := db.Master().PingContext(r.Context()); err != nil {
		db.Master().Close() // want `closing the shared pool db\.Master\(\) \(\*sql\.DB from db\.Master\) breaks every other user of it`
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleResetAllClosesCachedPools closes every pool of the package's cache
// and leaves them in it: every later request gets a closed pool.
func (s *Server) handleResetAllClosesCachedPools(w http.ResponseWriter, r *http.Request) {
	reportMu.Lock()
	defer reportMu.Unlock()
	for _, p := range reportPools {
		p.Close() // want `closing the shared pool p \(\*sql\.DB from the cache reportPools\) breaks every other user of it`
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleRotateClosesInDeferredClosure closes the getter's pool in a
// deferred closure that logs the error.
func (s *Server) handleRotateClosesInDeferredClosure(w http.ResponseWriter, r *http.Request) {
	tdb, err := db.TenantDB(r.Context(), tenantOf(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	defer func() {
		if err := tdb.Close(); err != nil { // want `closing the shared pool tdb \(\*sql\.DB from db\.TenantDB\) breaks every other user of it`
			s.log.Warn("close tenant pool", "err", err)
		}
	}()
	if err := tdb.PingContext(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleAnalyticsClosesGlobalSqlx closes the package-level sqlx pool.
func (s *Server) handleAnalyticsClosesGlobalSqlx(w http.ResponseWriter, r *http.Request) {
	var n int
	err := analyticsX.GetContext(r.Context(), &n, "SELECT count(*) FROM events WHERE tenant = ?", tenantOf(r))
	analyticsX.Close() // want `closing the shared pool analyticsX \(\*sqlx\.DB from the package-level variable analyticsX\) breaks every other user of it`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, n)
}
