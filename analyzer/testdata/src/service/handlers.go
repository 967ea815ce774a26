package service

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

type userDTO struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
}

type auditEvent struct {
	ID     int64  `json:"id"`
	Action string `json:"action"`
}

type transferRequest struct {
	From           int64 `json:"from"`
	To             int64 `json:"to"`
	Cents          int64 `json:"cents"`
	AllowOverdraft bool  `json:"allow_overdraft"`
}

// handleExportUsersSwitchLeaks streams the tenant's users in the requested
// format. The format is only checked after the query ran, and the default
// branch of the switch returns with the rows open. The csv and json branches
// either close the rows or run rows.Next to exhaustion.
func (s *Server) handleExportUsersSwitchLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := s.db.QueryContext(ctx, `SELECT id, email FROM users WHERE tenant_id = $1 ORDER BY id`, tenantID(r)) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 73 leaks it`
	if err != nil {
		http.Error(w, "query users", http.StatusInternalServerError)
		return
	}
	switch format := r.URL.Query().Get("format"); format {
	case "csv", "":
		w.Header().Set("Content-Type", "text/csv")
		for rows.Next() {
			var u userDTO
			if err := rows.Scan(&u.ID, &u.Email); err != nil {
				rows.Close()
				s.log.Error("scan user", "err", err)
				return
			}
			fmt.Fprintf(w, "%d,%s\n", u.ID, u.Email)
		}
	case "json":
		var out []userDTO
		for rows.Next() {
			var u userDTO
			if err := rows.Scan(&u.ID, &u.Email); err != nil {
				rows.Close()
				http.Error(w, "scan users", http.StatusInternalServerError)
				return
			}
			out = append(out, u)
		}
		if err := rows.Err(); err != nil {
			http.Error(w, "read users", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	default:
		http.Error(w, "unsupported format "+strconv.Quote(format), http.StatusBadRequest)
		return
	}
}

// handleExportUsersDeferClose is the same handler with the Close deferred
// right after the query.
func (s *Server) handleExportUsersDeferClose(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := s.db.QueryContext(ctx, `SELECT id, email FROM users WHERE tenant_id = $1 ORDER BY id`, tenantID(r))
	if err != nil {
		http.Error(w, "query users", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	switch format := r.URL.Query().Get("format"); format {
	case "csv", "":
		w.Header().Set("Content-Type", "text/csv")
		for rows.Next() {
			var u userDTO
			if err := rows.Scan(&u.ID, &u.Email); err != nil {
				s.log.Error("scan user", "err", err)
				return
			}
			fmt.Fprintf(w, "%d,%s\n", u.ID, u.Email)
		}
	case "json":
		var out []userDTO
		for rows.Next() {
			var u userDTO
			if err := rows.Scan(&u.ID, &u.Email); err != nil {
				http.Error(w, "scan users", http.StatusInternalServerError)
				return
			}
			out = append(out, u)
		}
		if err := rows.Err(); err != nil {
			http.Error(w, "read users", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	default:
		http.Error(w, "unsupported format "+strconv.Quote(format), http.StatusBadRequest)
		return
	}
}

// handleTransferNestedIfLeaks rolls back on every database error, but the
// overdraft rejection three ifs deep returns with the transaction open.
func (s *Server) handleTransferNestedIfLeaks(w http.ResponseWriter, r *http.Request) {
	var req transferRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 148 leaks it`
	if err != nil {
		http.Error(w, "begin", http.StatusServiceUnavailable)
		return
	}
	var balance int64
	if err := tx.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1 FOR UPDATE`, req.From).Scan(&balance); err != nil {
		_ = tx.Rollback()
		if errors.Is(err, sql.ErrNoRows) {
			http.Error(w, "no such account", http.StatusNotFound)
			return
		}
		http.Error(w, "load balance", http.StatusInternalServerError)
		return
	}
	if req.Cents > 0 {
		if balance < req.Cents {
			if !req.AllowOverdraft {
				http.Error(w, "insufficient funds", http.StatusConflict)
				return
			}
			s.log.Warn("overdraft", "account", req.From, "balance", balance, "cents", req.Cents)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, req.Cents, req.From); err != nil {
		_ = tx.Rollback()
		http.Error(w, "debit", http.StatusInternalServerError)
		return
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, req.Cents, req.To); err != nil {
		_ = tx.Rollback()
		http.Error(w, "credit", http.StatusInternalServerError)
		return
	}
	if err := tx.Commit(); err != nil {
		http.Error(w, "commit", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleTransferNestedIfRollsBack rolls back on the overdraft rejection too.
func (s *Server) handleTransferNestedIfRollsBack(w http.ResponseWriter, r *http.Request) {
	var req transferRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		http.Error(w, "begin", http.StatusServiceUnavailable)
		return
	}
	var balance int64
	if err := tx.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1 FOR UPDATE`, req.From).Scan(&balance); err != nil {
		_ = tx.Rollback()
		if errors.Is(err, sql.ErrNoRows) {
			http.Error(w, "no such account", http.StatusNotFound)
			return
		}
		http.Error(w, "load balance", http.StatusInternalServerError)
		return
	}
	if req.Cents > 0 {
		if balance < req.Cents {
			if !req.AllowOverdraft {
				_ = tx.Rollback()
				http.Error(w, "insufficient funds", http.StatusConflict)
				return
			}
			s.log.Warn("overdraft", "account", req.From, "balance", balance, "cents", req.Cents)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, req.Cents, req.From); err != nil {
		_ = tx.Rollback()
		http.Error(w, "debit", http.StatusInternalServerError)
		return
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, req.Cents, req.To); err != nil {
		_ = tx.Rollback()
		http.Error(w, "credit", http.StatusInternalServerError)
		return
	}
	if err := tx.Commit(); err != nil {
		http.Error(w, "commit", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleStreamAuditLeaks streams audit events as NDJSON, paced by a ticker.
// When the client goes away mid-stream the select returns with the rows open.
func (s *Server) handleStreamAuditLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusNotImplemented)
		return
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, action FROM audit_log WHERE tenant_id = $1 ORDER BY id`, tenantID(r)) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 247 leaks it`
	if err != nil {
		http.Error(w, "query audit log", http.StatusInternalServerError)
		return
	}
	pace := time.NewTicker(10 * time.Millisecond)
	defer pace.Stop()
	enc := json.NewEncoder(w)
	for rows.Next() {
		var ev auditEvent
		if err := rows.Scan(&ev.ID, &ev.Action); err != nil {
			rows.Close()
			s.log.Error("scan audit event", "err", err)
			return
		}
		select {
		case <-ctx.Done():
			s.log.Info("client went away", "err", ctx.Err())
			return
		case <-pace.C:
		}
		if err := enc.Encode(ev); err != nil {
			rows.Close()
			return
		}
		flusher.Flush()
	}
	if err := rows.Err(); err != nil {
		s.log.Error("read audit log", "err", err)
	}
}

// handleStreamAuditDeferClose defers the Close, so the cancellation exit is
// covered.
func (s *Server) handleStreamAuditDeferClose(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusNotImplemented)
		return
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, action FROM audit_log WHERE tenant_id = $1 ORDER BY id`, tenantID(r))
	if err != nil {
		http.Error(w, "query audit log", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	pace := time.NewTicker(10 * time.Millisecond)
	defer pace.Stop()
	enc := json.NewEncoder(w)
	for rows.Next() {
		var ev auditEvent
		if err := rows.Scan(&ev.ID, &ev.Action); err != nil {
			s.log.Error("scan audit event", "err", err)
			return
		}
		select {
		case <-ctx.Done():
			s.log.Info("client went away", "err", ctx.Err())
			return
		case <-pace.C:
		}
		if err := enc.Encode(ev); err != nil {
			return
		}
		flusher.Flush()
	}
	if err := rows.Err(); err != nil {
		s.log.Error("read audit log", "err", err)
	}
}

var healthProbes = []struct {
	name  string
	query string
	min   int64
}{
	{"replicas", `SELECT count(*) FROM pg_stat_replication`, 1},
	{"connections", `SELECT setting::bigint - (SELECT count(*) FROM pg_stat_activity) FROM pg_settings WHERE name = 'max_connections'`, 10},
	{"migrations", `SELECT count(*) FROM schema_migrations`, 1},
}

// runHealthProbesLeaks runs every probe in turn. A probe with no result row
// needs no Close (rows.Next returning false closed it), but a probe whose
// value is too low returns with its rows open.
func (s *Server) runHealthProbesLeaks(ctx context.Context) error {
	for _, p := range healthProbes {
		rows, err := s.db.QueryContext(ctx, p.query) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 329 leaks it`
		if err != nil {
			return fmt.Errorf("probe %s: %w", p.name, err)
		}
		if !rows.Next() {
			return fmt.Errorf("probe %s: no result (%v)", p.name, rows.Err())
		}
		var got int64
		if err := rows.Scan(&got); err != nil {
			rows.Close()
			return fmt.Errorf("probe %s: %w", p.name, err)
		}
		if got < p.min {
			return fmt.Errorf("probe %s: got %d, expected at least %d", p.name, got, p.min)
		}
		rows.Close()
	}
	return nil
}

// runHealthProbesCloseAfterScan closes each probe's rows right after the
// scan, before looking at the value.
func (s *Server) runHealthProbesCloseAfterScan(ctx context.Context) error {
	for _, p := range healthProbes {
		rows, err := s.db.QueryContext(ctx, p.query)
		if err != nil {
			return fmt.Errorf("probe %s: %w", p.name, err)
		}
		if !rows.Next() {
			return fmt.Errorf("probe %s: no result (%v)", p.name, rows.Err())
		}
		var got int64
		err = rows.Scan(&got)
		rows.Close()
		if err != nil {
			return fmt.Errorf("probe %s: %w", p.name, err)
		}
		if got < p.min {
			return fmt.Errorf("probe %s: got %d, expected at least %d", p.name, got, p.min)
		}
	}
	return nil
}
