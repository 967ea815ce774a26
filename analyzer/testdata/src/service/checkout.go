package service

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
)

// handleLockStatusCanceledQuiet treats a cancelled checkout as a client that
// went away: errors.Is(err, context.Canceled) holding implies err != nil, so
// nothing is held on that branch.
func (s *Server) handleLockStatusCanceledQuiet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	conn, err := s.db.Conn(ctx)
	switch {
	case errors.Is(err, context.Canceled):
		return
	case err != nil:
		http.Error(w, "checkout", http.StatusServiceUnavailable)
		return
	}
	defer conn.Close()
	var waiting int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks WHERE NOT granted`).Scan(&waiting); err != nil {
		http.Error(w, "lock status", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]int{"waiting": waiting})
}

// handleLockStatusCanceledQuietLeaks has the same checkout, but the HEAD
// request exits before the deferred Close is registered.
func (s *Server) handleLockStatusCanceledQuietLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	conn, err := s.db.Conn(ctx) // want `conn \(\*sql\.Conn from s\.db\.Conn\) is not closed on every path: the return at line 51 leaks it`
	switch {
	case errors.Is(err, context.Canceled):
		return
	case err != nil:
		http.Error(w, "checkout", http.StatusServiceUnavailable)
		return
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	defer conn.Close()
	var waiting int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks WHERE NOT granted`).Scan(&waiting); err != nil {
		http.Error(w, "lock status", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]int{"waiting": waiting})
}

// checkoutWithRetry retries the checkout into variables declared outside the
// loop; after the loop err tells whether conn is held, and the deferred
// Close covers every later exit.
func (s *Server) checkoutWithRetry(ctx context.Context, schema string) (int64, error) {
	var (
		conn *sql.Conn
		err  error
	)
	for attempt := 0; attempt < 3; attempt++ {
		conn, err = s.db.Conn(ctx)
		if err == nil {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	if err != nil {
		return 0, fmt.Errorf("checkout after retries: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, schema); err != nil {
		return 0, fmt.Errorf("search_path %s: %w", schema, err)
	}
	var n int64
	err = conn.QueryRowContext(ctx, `SELECT count(*) FROM accounts`).Scan(&n)
	return n, err
}

// checkoutWithRetryLeaks sets the search path before registering the Close.
func (s *Server) checkoutWithRetryLeaks(ctx context.Context, schema string) (int64, error) {
	var (
		conn *sql.Conn
		err  error
	)
	for attempt := 0; attempt < 3; attempt++ {
		conn, err = s.db.Conn(ctx) // want `conn \(\*sql\.Conn from s\.db\.Conn\) is not closed on every path: the return at line 106 leaks it`
		if err == nil {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 100 * time.Millisecond)
	}
	if err != nil {
		return 0, fmt.Errorf("checkout after retries: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, schema); err != nil {
		return 0, fmt.Errorf("search_path %s: %w", schema, err)
	}
	defer conn.Close()
	var n int64
	err = conn.QueryRowContext(ctx, `SELECT count(*) FROM accounts`).Scan(&n)
	return n, err
}

// consumeJobsBreakOutOfSelectLeaks applies jobs on one connection until the
// context ends or the channel closes; both labelled breaks out of the select
// reach the final return, which never closes the connection.
func (w *Worker) consumeJobsBreakOutOfSelectLeaks(ctx context.Context, jobs <-chan Job) error {
	conn, err := w.db.Conn(ctx) // want `conn \(\*sql\.Conn from w\.db\.Conn\) is not closed on every path: the return at line 137 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case job, ok := <-jobs:
			if !ok {
				break loop
			}
			if _, err := conn.ExecContext(ctx, `UPDATE jobs SET state = 'done' WHERE id = $1`, job.ID); err != nil {
				conn.Close()
				return fmt.Errorf("job %d: %w", job.ID, err)
			}
		}
	}
	return ctx.Err()
}

// consumeJobsBreakOutOfSelect closes after the loop.
func (w *Worker) consumeJobsBreakOutOfSelect(ctx context.Context, jobs <-chan Job) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case job, ok := <-jobs:
			if !ok {
				break loop
			}
			if _, err := conn.ExecContext(ctx, `UPDATE jobs SET state = 'done' WHERE id = $1`, job.ID); err != nil {
				conn.Close()
				return fmt.Errorf("job %d: %w", job.ID, err)
			}
		}
	}
	conn.Close()
	return ctx.Err()
}

// topCustomersJoinClose stops reading after n rows and closes inside the
// return expression with errors.Join.
func (r *UserRepo) topCustomersJoinClose(ctx context.Context, n int) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT customer_id FROM revenue ORDER BY cents DESC`)
	if err != nil {
		return nil, fmt.Errorf("top customers: %w", err)
	}
	var ids []int64
	for rows.Next() && len(ids) < n {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, errors.Join(fmt.Errorf("scan customer: %w", err), rows.Close())
		}
		ids = append(ids, id)
	}
	return ids, errors.Join(rows.Err(), rows.Close())
}

// handleSavePreferences opens a transaction only for PUT and defers the
// rollback inside the same if: the other methods hold nothing.
func (s *Server) handleSavePreferences(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	prefs := map[string]string{}
	if err := json.NewDecoder(r.Body).Decode(&prefs); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var tx *sql.Tx
	if r.Method == http.MethodPut {
		var err error
		tx, err = s.db.BeginTx(ctx, nil)
		if err != nil {
			http.Error(w, "begin", http.StatusServiceUnavailable)
			return
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `DELETE FROM preferences WHERE user_id = $1`, r.Header.Get("X-User-ID")); err != nil {
			http.Error(w, "reset preferences", http.StatusInternalServerError)
			return
		}
	}
	for k, v := range prefs {
		var err error
		if tx != nil {
			_, err = tx.ExecContext(ctx, `INSERT INTO preferences (user_id, key, value) VALUES ($1, $2, $3)`, r.Header.Get("X-User-ID"), k, v)
		} else {
			_, err = s.db.ExecContext(ctx, `INSERT INTO preferences (user_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO UPDATE SET value = $3`, r.Header.Get("X-User-ID"), k, v)
		}
		if err != nil {
			http.Error(w, "save preference", http.StatusInternalServerError)
			return
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			http.Error(w, "commit", http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleSavePreferencesLeaks resets the preferences before registering the
// rollback; a failed reset returns with the PUT transaction open.
func (s *Server) handleSavePreferencesLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	prefs := map[string]string{}
	if err := json.NewDecoder(r.Body).Decode(&prefs); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var tx *sql.Tx
	if r.Method == http.MethodPut {
		var err error
		tx, err = s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 246 leaks it`
		if err != nil {
			http.Error(w, "begin", http.StatusServiceUnavailable)
			return
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM preferences WHERE user_id = $1`, r.Header.Get("X-User-ID")); err != nil {
			http.Error(w, "reset preferences", http.StatusInternalServerError)
			return
		}
		defer tx.Rollback()
	}
	for k, v := range prefs {
		var err error
		if tx != nil {
			_, err = tx.ExecContext(ctx, `INSERT INTO preferences (user_id, key, value) VALUES ($1, $2, $3)`, r.Header.Get("X-User-ID"), k, v)
		} else {
			_, err = s.db.ExecContext(ctx, `INSERT INTO preferences (user_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO UPDATE SET value = $3`, r.Header.Get("X-User-ID"), k, v)
		}
		if err != nil {
			http.Error(w, "save preference", http.StatusInternalServerError)
			return
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			http.Error(w, "commit", http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// refundOrderDeferredBeforeBegin registers the finishing closure before the
// transaction exists; it reads tx when it runs, and commits or rolls back.
func (s *OrderStore) refundOrderDeferredBeforeBegin(ctx context.Context, orderID int64) (err error) {
	var tx pgx.Tx
	defer func() {
		if tx == nil {
			return
		}
		if err != nil {
			_ = tx.Rollback(ctx)
			return
		}
		err = tx.Commit(ctx)
	}()
	tx, err = s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	ct, err := tx.Exec(ctx, `UPDATE orders SET status = 'refunded' WHERE id = $1 AND status = 'paid'`, orderID)
	if err != nil {
		return fmt.Errorf("refund %d: %w", orderID, err)
	}
	if ct.RowsAffected() == 0 {
		return nil
	}
	_, err = tx.Exec(ctx, `INSERT INTO refunds (order_id) VALUES ($1)`, orderID)
	return err
}

// refundOrderDeferredBeforeBeginLeaks registers a closure that only rolls
// back on error; the "already refunded" exit returns nil without committing.
func (s *OrderStore) refundOrderDeferredBeforeBeginLeaks(ctx context.Context, orderID int64) (err error) {
	var tx pgx.Tx
	defer func() {
		if err != nil && tx != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	tx, err = s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 318 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	ct, err := tx.Exec(ctx, `UPDATE orders SET status = 'refunded' WHERE id = $1 AND status = 'paid'`, orderID)
	if err != nil {
		return fmt.Errorf("refund %d: %w", orderID, err)
	}
	if ct.RowsAffected() == 0 {
		return nil
	}
	if _, err = tx.Exec(ctx, `INSERT INTO refunds (order_id) VALUES ($1)`, orderID); err != nil {
		return fmt.Errorf("record refund %d: %w", orderID, err)
	}
	return tx.Commit(ctx)
}
