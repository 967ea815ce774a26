package service

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"time"
)

// rowQuerier is what the report needs from a *sql.DB or a *sql.Conn.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// revenueReportOptionalReplica pins a replica connection only when asked;
// the release function is a no-op or the connection's Close method value,
// and it is deferred on every path that holds the connection.
func (s *Server) revenueReportOptionalReplica(ctx context.Context, useReplica bool, since time.Time) (int64, error) {
	var q rowQuerier = s.db
	release := func() error { return nil }
	if useReplica {
		conn, err := s.replica.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("replica checkout: %w", err)
		}
		q = conn
		release = conn.Close
	}
	defer release()
	var cents int64
	if err := q.QueryRowContext(ctx, `SELECT coalesce(sum(cents), 0) FROM payments WHERE at >= $1`, since).Scan(&cents); err != nil {
		return 0, fmt.Errorf("revenue since %s: %w", since.Format(time.DateOnly), err)
	}
	return cents, nil
}

// revenueReportOptionalReplicaLeaks checks replication lag before deferring
// the release; a lagging replica returns with the connection held.
func (s *Server) revenueReportOptionalReplicaLeaks(ctx context.Context, useReplica bool, since time.Time) (int64, error) {
	var q rowQuerier = s.db
	release := func() error { return nil }
	if useReplica {
		conn, err := s.replica.Conn(ctx) // want `conn \(\*sql\.Conn from s\.replica\.Conn\) is not closed on every path: the return at line 50 leaks it`
		if err != nil {
			return 0, fmt.Errorf("replica checkout: %w", err)
		}
		var lag float64
		if err := conn.QueryRowContext(ctx, `SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())`).Scan(&lag); err != nil || lag > 30 {
			return 0, fmt.Errorf("replica lagging %.0fs: %v", lag, err)
		}
		q = conn
		release = conn.Close
	}
	defer release()
	var cents int64
	if err := q.QueryRowContext(ctx, `SELECT coalesce(sum(cents), 0) FROM payments WHERE at >= $1`, since).Scan(&cents); err != nil {
		return 0, fmt.Errorf("revenue since %s: %w", since.Format(time.DateOnly), err)
	}
	return cents, nil
}

// importTagsTxStmt prepares once on the DB and binds the statement to the
// transaction with StmtContext, which creates nothing to close.
func (r *UserRepo) importTagsTxStmt(ctx context.Context, insert *sql.Stmt, userID int64, tags []string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	stmt := tx.StmtContext(ctx, insert)
	for _, tag := range tags {
		if _, err := stmt.ExecContext(ctx, userID, tag); err != nil {
			return fmt.Errorf("tag %q: %w", tag, err)
		}
	}
	return tx.Commit()
}

// overdueTotalsLabelledContinueLeaks sums overdue invoices per region and
// caps each total; reaching the cap jumps to the next region out of the rows
// loop with `continue regions`, leaving that region's rows open.
func (r *InvoiceRepo) overdueTotalsLabelledContinueLeaks(ctx context.Context, regions []string, limit int64) map[string]int64 {
	totals := make(map[string]int64)
regions:
	for _, region := range regions {
		rows, err := r.db.QueryxContext(ctx, `SELECT cents FROM invoices WHERE region = $1 AND status = 'overdue'`, region) // want `rows \(\*sqlx\.Rows from r\.db\.QueryxContext\) is not closed on every path: the return at line 106 leaks it`
		if err != nil {
			log.Printf("overdue totals %s: %v", region, err)
			continue
		}
		for rows.Next() {
			var cents int64
			if err := rows.Scan(&cents); err != nil {
				log.Printf("overdue totals %s: scan: %v", region, err)
				rows.Close()
				continue regions
			}
			totals[region] += cents
			if totals[region] >= limit {
				totals[region] = limit
				continue regions
			}
		}
	}
	return totals
}

// overdueTotalsLabelledContinueCloses closes before jumping to the next
// region.
func (r *InvoiceRepo) overdueTotalsLabelledContinueCloses(ctx context.Context, regions []string, limit int64) map[string]int64 {
	totals := make(map[string]int64)
regions:
	for _, region := range regions {
		rows, err := r.db.QueryxContext(ctx, `SELECT cents FROM invoices WHERE region = $1 AND status = 'overdue'`, region)
		if err != nil {
			log.Printf("overdue totals %s: %v", region, err)
			continue
		}
		for rows.Next() {
			var cents int64
			if err := rows.Scan(&cents); err != nil {
				log.Printf("overdue totals %s: scan: %v", region, err)
				rows.Close()
				continue regions
			}
			totals[region] += cents
			if totals[region] >= limit {
				totals[region] = limit
				rows.Close()
				continue regions
			}
		}
	}
	return totals
}

// lastLoginIfInitLeaks acquires in the if statement's init; the branch that
// found a row returns without closing (rows.Next returned true), while the
// fall-through after a false rows.Next holds nothing.
func (r *UserRepo) lastLoginIfInitLeaks(ctx context.Context, userID int64) (time.Time, bool, error) {
	if rows, err := r.db.QueryContext(ctx, `SELECT at FROM logins WHERE user_id = $1 ORDER BY at DESC`, userID); err != nil { // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 147 leaks it`
		return time.Time{}, false, fmt.Errorf("last login of %d: %w", userID, err)
	} else if rows.Next() {
		var at time.Time
		err := rows.Scan(&at)
		return at, err == nil, err
	}
	return time.Time{}, false, nil
}

// lastLoginIfInitCloses closes in the branch that found a row.
func (r *UserRepo) lastLoginIfInitCloses(ctx context.Context, userID int64) (time.Time, bool, error) {
	if rows, err := r.db.QueryContext(ctx, `SELECT at FROM logins WHERE user_id = $1 ORDER BY at DESC`, userID); err != nil {
		return time.Time{}, false, fmt.Errorf("last login of %d: %w", userID, err)
	} else if rows.Next() {
		var at time.Time
		err := rows.Scan(&at)
		rows.Close()
		return at, err == nil, err
	}
	return time.Time{}, false, nil
}

// openReportingConnFlag closes in a deferred closure unless the success flag
// was set just before handing the connection to the caller.
func (r *UserRepo) openReportingConnFlag(ctx context.Context, role string) (*sql.Conn, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	handedOver := false
	defer func() {
		if !handedOver {
			conn.Close()
		}
	}()
	if _, err := conn.ExecContext(ctx, `SELECT set_config('role', $1, false)`, role); err != nil {
		return nil, fmt.Errorf("role %s: %w", role, err)
	}
	if _, err := conn.ExecContext(ctx, `SET default_transaction_read_only = on`); err != nil {
		return nil, fmt.Errorf("read only: %w", err)
	}
	handedOver = true
	return conn, nil
}

// openReportingConnFlagLeaks sets the flag before the last check: the
// read-only failure returns an error with the flag already set, so neither
// the closure nor the caller closes the connection.
func (r *UserRepo) openReportingConnFlagLeaks(ctx context.Context, role string) (*sql.Conn, error) {
	conn, err := r.db.Conn(ctx) // want `conn \(\*sql\.Conn from r\.db\.Conn\) is not closed on every path: the return at line 207 leaks it`
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	handedOver := false
	defer func() {
		if !handedOver {
			conn.Close()
		}
	}()
	if _, err := conn.ExecContext(ctx, `SELECT set_config('role', $1, false)`, role); err != nil {
		return nil, fmt.Errorf("role %s: %w", role, err)
	}
	handedOver = true
	if _, err := conn.ExecContext(ctx, `SET default_transaction_read_only = on`); err != nil {
		return nil, fmt.Errorf("read only: %w", err)
	}
	return conn, nil
}

// startPrewarmLeaks prewarms a table in the background; the goroutine's
// success path falls off the end of the function literal without closing,
// so the leaking exit is the literal's closing brace.
func (w *Worker) startPrewarmLeaks(ctx context.Context, table string) {
	go func() {
		conn, err := w.db.Conn(ctx) // want `conn \(\*sql\.Conn from w\.db\.Conn\) is not closed on every path: the return at line 228 leaks it`
		if err != nil {
			w.log.Error("prewarm checkout", "err", err)
			return
		}
		if _, err := conn.ExecContext(ctx, `SELECT pg_prewarm($1)`, table); err != nil {
			conn.Close()
			w.log.Error("prewarm", "table", table, "err", err)
			return
		}
		w.log.Info("prewarmed", "table", table)
	}()
}

// startPrewarm defers the Close inside the goroutine.
func (w *Worker) startPrewarm(ctx context.Context, table string) {
	go func() {
		conn, err := w.db.Conn(ctx)
		if err != nil {
			w.log.Error("prewarm checkout", "err", err)
			return
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_prewarm($1)`, table); err != nil {
			w.log.Error("prewarm", "table", table, "err", err)
			return
		}
		w.log.Info("prewarmed", "table", table)
	}()
}
