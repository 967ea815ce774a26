// Package handlers is the HTTP API and the background jobs of the
// multi-tenant service. It takes connections only through package db and
// package repo.
package handlers

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"mt/db"
)

// Server serves every tenant from shared pools.
type Server struct {
	reg     *db.Registry
	audit   *pgxpool.Pool
	cache   *redis.Client
	pgPools map[string]*pgxpool.Pool
	log     *slog.Logger
}

type orderDTO struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
}

func tenantOf(r *http.Request) string { return r.Header.Get("X-Tenant") }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Close is the server's own Close: it closes the pools it holds.
func (s *Server) Close() error {
	for _, p := range s.pgPools {
		p.Close()
	}
	s.audit.Close()
	return s.cache.Close()
}

// Shutdown stops the server after the HTTP listener: it closes its audit
// pool and its Redis client.
func (s *Server) Shutdown(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		s.log.Warn("shutdown past deadline", "err", err)
	}
	s.audit.Close()
	return errors.Join(s.cache.Close(), s.reg.Close())
}

// stopServer is the shutdown helper main defers: the server is its
// parameter.
func stopServer(s *Server) {
	s.audit.Close()
	if err := s.cache.Close(); err != nil {
		s.log.Warn("close cache", "err", err)
	}
}

// closeAll closes every pool of the map main opened, at shutdown.
func closeAll(pools map[string]*sql.DB, log *slog.Logger) {
	for tenant, p := range pools {
		if err := p.Close(); err != nil {
			log.Warn("close pool", "tenant", tenant, "err", err)
		}
	}
}
