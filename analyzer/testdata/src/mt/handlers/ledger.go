package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"mt/db"
	"mt/repo"
)

type balanceDTO struct {
	Account int64 `json:"account"`
	Cents   int64 `json:"cents"`
}

// handleBalanceLeaks takes a pgx connection through the registry and
// returns on the bad-account path with it held.
func (s *Server) handleBalanceLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.reg.Acquire(ctx, tenantOf(r)) // want `c \(\*pgxpool\.Conn from s\.reg\.Acquire\) is not released on every path: the return at line 33 leaks it`
	if err != nil {
		http.Error(w, "acquire", http.StatusServiceUnavailable)
		return
	}
	account, err := strconv.ParseInt(r.URL.Query().Get("account"), 10, 64)
	if err != nil {
		http.Error(w, "bad account", http.StatusBadRequest)
		return
	}
	var b balanceDTO
	b.Account = account
	err = c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&b.Cents)
	c.Release()
	if err != nil {
		http.Error(w, "balance", http.StatusNotFound)
		return
	}
	writeJSON(w, b)
}

// handleBalanceDeferRelease releases the connection on every path.
func (s *Server) handleBalanceDeferRelease(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.reg.Acquire(ctx, tenantOf(r))
	if err != nil {
		http.Error(w, "acquire", http.StatusServiceUnavailable)
		return
	}
	defer c.Release()
	account, err := strconv.ParseInt(r.URL.Query().Get("account"), 10, 64)
	if err != nil {
		http.Error(w, "bad account", http.StatusBadRequest)
		return
	}
	b := balanceDTO{Account: account}
	if err := c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&b.Cents); err != nil {
		http.Error(w, "balance", http.StatusNotFound)
		return
	}
	writeJSON(w, b)
}

// handleStatementLeaks takes the connection through two levels of wrappers
// in two packages and returns the timeout error with it held.
func (s *Server) handleStatementLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	start := time.Now()
	c, err := db.AcquireTenant(ctx, tenantOf(r)) // want `c \(\*pgxpool\.Conn from db\.AcquireTenant\) is not released on every path: the return at line 80 leaks it`
	if err != nil {
		http.Error(w, "acquire", http.StatusServiceUnavailable)
		return
	}
	if err := db.SetStatementTimeout(ctx, c, 5*time.Second); err != nil {
		http.Error(w, "timeout", http.StatusInternalServerError)
		return
	}
	rows, err := c.Query(ctx, "SELECT id, cents, memo FROM entries ORDER BY id DESC LIMIT 50")
	if err != nil {
		db.Release(c, start)
		http.Error(w, "entries", http.StatusInternalServerError)
		return
	}
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByPos[repo.Entry])
	db.Release(c, start)
	if err != nil {
		http.Error(w, "entries", http.StatusInternalServerError)
		return
	}
	writeJSON(w, entries)
}

// handleStatementDeferRelease defers the releaser of package db.
func (s *Server) handleStatementDeferRelease(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	start := time.Now()
	c, err := db.AcquireTenant(ctx, tenantOf(r))
	if err != nil {
		http.Error(w, "acquire", http.StatusServiceUnavailable)
		return
	}
	defer db.Release(c, start)
	if err := db.SetStatementTimeout(ctx, c, 5*time.Second); err != nil {
		http.Error(w, "timeout", http.StatusInternalServerError)
		return
	}
	rows, err := c.Query(ctx, "SELECT id, cents, memo FROM entries ORDER BY id DESC LIMIT 50")
	if err != nil {
		http.Error(w, "entries", http.StatusInternalServerError)
		return
	}
	entries, err := pgx.CollectRows(rows, pgx.RowToStructByPos[repo.Entry])
	if err != nil {
		http.Error(w, "entries", http.StatusInternalServerError)
		return
	}
	writeJSON(w, entries)
}

// payoutLeaks starts a transaction through db.BeginTenantPg and returns the
// limit error without a rollback.
func payoutLeaks(ctx context.Context, tenant string, account, cents int64) error {
	tx, err := db.BeginTenantPg(ctx, tenant) // want `tx \(pgx\.Tx from db\.BeginTenantPg\) is not committed or rolled back on every path: the return at line 137 leaks it`
	if err != nil {
		return err
	}
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account).Scan(&balance); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if balance < cents {
		return fmt.Errorf("account %d: insufficient funds", account)
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, account); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// payoutDeferRollback rolls back with defer.
func payoutDeferRollback(ctx context.Context, tenant string, account, cents int64) error {
	tx, err := db.BeginTenantPg(ctx, tenant)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var balance int64
	if err := tx.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", account).Scan(&balance); err != nil {
		return err
	}
	if balance < cents {
		return fmt.Errorf("account %d: insufficient funds", account)
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, account); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// handleReindexAsyncLeaks leases a connection, hands it to a goroutine on
// the happy path, and returns on the validation path with it held.
func (s *Server) handleReindexAsyncLeaks(w http.ResponseWriter, r *http.Request) {
	l := &repo.Ledger{Tenant: tenantOf(r), Timeout: time.Minute}
	lease, err := l.Lease(r.Context()) // want `lease \(\*db\.Lease from l\.Lease\) is not released on every path: the return at line 178 leaks it`
	if err != nil {
		http.Error(w, "lease", http.StatusServiceUnavailable)
		return
	}
	table := r.URL.Query().Get("table")
	if table != "entries" && table != "accounts" {
		http.Error(w, "unknown table", http.StatusBadRequest)
		return
	}
	go func() {
		defer lease.Release()
		if err := lease.Exec(context.Background(), "REINDEX TABLE "+table); err != nil {
			s.log.Error("reindex", "table", table, "err", err)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}

// handleReindexAsyncHandsOver validates first, then hands the lease to the
// goroutine, which releases it.
func (s *Server) handleReindexAsyncHandsOver(w http.ResponseWriter, r *http.Request) {
	table := r.URL.Query().Get("table")
	if table != "entries" && table != "accounts" {
		http.Error(w, "unknown table", http.StatusBadRequest)
		return
	}
	l := &repo.Ledger{Tenant: tenantOf(r), Timeout: time.Minute}
	lease, err := l.Lease(r.Context())
	if err != nil {
		http.Error(w, "lease", http.StatusServiceUnavailable)
		return
	}
	go func() {
		defer lease.Release()
		if err := lease.Exec(context.Background(), "REINDEX TABLE "+table); err != nil {
			s.log.Error("reindex", "table", table, "err", err)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}
