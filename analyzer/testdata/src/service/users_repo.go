package service

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"time"
)

// emailsByDomainCloseOnSuccessLeaks closes the rows in a deferred closure, but
// only when the function succeeds: the scan-error return inside the loop sets
// the named err, so the closure skips the Close and the rows stay open.
func (r *UserRepo) emailsByDomainCloseOnSuccessLeaks(ctx context.Context, domain string) (emails []string, err error) {
	rows, err := r.db.QueryContext(ctx, `SELECT email FROM users WHERE email LIKE '%@' || $1`, domain) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 28 leaks it`
	if err != nil {
		return nil, fmt.Errorf("emails for %s: %w", domain, err)
	}
	defer func() {
		if err == nil {
			err = rows.Close()
		}
	}()
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("scan email: %w", err)
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// emailsByDomainKeepsFirstError always closes in the deferred closure and only
// keeps the Close error when nothing failed before.
func (r *UserRepo) emailsByDomainKeepsFirstError(ctx context.Context, domain string) (emails []string, err error) {
	rows, err := r.db.QueryContext(ctx, `SELECT email FROM users WHERE email LIKE '%@' || $1`, domain)
	if err != nil {
		return nil, fmt.Errorf("emails for %s: %w", domain, err)
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close rows: %w", cerr)
		}
	}()
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("scan email: %w", err)
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// TenantSession pins one connection to a tenant's search_path.
type TenantSession struct {
	conn   *sql.Conn
	tenant string
}

// Close gives the pinned connection back to the pool.
func (s *TenantSession) Close() error { return s.conn.Close() }

// openTenantSessionLeaks wraps the connection in a session struct before
// configuring it. The second failure closes the session; the first one
// returns with neither the session nor the connection closed.
func (r *UserRepo) openTenantSessionLeaks(ctx context.Context, tenant string) (*TenantSession, error) {
	conn, err := r.db.Conn(ctx) // want `conn \(\*sql\.Conn from r\.db\.Conn\) is not closed on every path: the return at line 76 leaks it`
	if err != nil {
		return nil, fmt.Errorf("tenant %s: checkout: %w", tenant, err)
	}
	sess := &TenantSession{conn: conn, tenant: tenant}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, "tenant_"+tenant); err != nil {
		return nil, fmt.Errorf("tenant %s: search_path: %w", tenant, err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('app.tenant', $1, false)`, tenant); err != nil {
		sess.Close()
		return nil, fmt.Errorf("tenant %s: app.tenant: %w", tenant, err)
	}
	return sess, nil
}

// openTenantSessionClosesOnError closes the session (and so the connection)
// on both failures and hands it to the caller otherwise.
func (r *UserRepo) openTenantSessionClosesOnError(ctx context.Context, tenant string) (*TenantSession, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("tenant %s: checkout: %w", tenant, err)
	}
	sess := &TenantSession{conn: conn, tenant: tenant}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, "tenant_"+tenant); err != nil {
		sess.Close()
		return nil, fmt.Errorf("tenant %s: search_path: %w", tenant, err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('app.tenant', $1, false)`, tenant); err != nil {
		sess.Close()
		return nil, fmt.Errorf("tenant %s: app.tenant: %w", tenant, err)
	}
	return sess, nil
}

// withTx runs fn in a transaction: rolled back when fn fails or panics,
// committed otherwise.
func withTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	return fn(tx)
}

// withTimeoutTxLeaks sets a local statement timeout before handing the
// transaction to fn; when that fails it returns without rolling back.
func withTimeoutTxLeaks(ctx context.Context, db *sql.DB, timeout time.Duration, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 133 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`SET LOCAL statement_timeout = %d`, timeout.Milliseconds())); err != nil {
		return fmt.Errorf("statement timeout: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// withTimeoutTx registers the rollback/commit closure before the first
// statement, so the timeout failure is covered by it.
func withTimeoutTx(ctx context.Context, db *sql.DB, timeout time.Duration, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	if _, err = tx.ExecContext(ctx, fmt.Sprintf(`SET LOCAL statement_timeout = %d`, timeout.Milliseconds())); err != nil {
		return fmt.Errorf("statement timeout: %w", err)
	}
	return fn(tx)
}

// deactivateStaleUsersLeaks collects the stale users inside a withTx
// callback; the limit check inside the rows loop returns from the callback
// with the rows open.
func (r *UserRepo) deactivateStaleUsersLeaks(ctx context.Context, before time.Time, max int) (int, error) {
	var n int
	err := withTx(ctx, r.db, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM users WHERE last_seen < $1 AND active FOR UPDATE`, before) // want `rows \(\*sql\.Rows from tx\.QueryContext\) is not closed on every path: the return at line 185 leaks it`
		if err != nil {
			return fmt.Errorf("stale users: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("scan stale user: %w", err)
			}
			ids = append(ids, id)
			if len(ids) > max {
				return fmt.Errorf("more than %d stale users, refusing to deactivate", max)
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read stale users: %w", err)
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET active = false WHERE id = $1`, id); err != nil {
				return fmt.Errorf("deactivate %d: %w", id, err)
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// deactivateStaleUsersDeferClose defers the Close inside the callback.
func (r *UserRepo) deactivateStaleUsersDeferClose(ctx context.Context, before time.Time, max int) (int, error) {
	var n int
	err := withTx(ctx, r.db, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM users WHERE last_seen < $1 AND active FOR UPDATE`, before)
		if err != nil {
			return fmt.Errorf("stale users: %w", err)
		}
		defer rows.Close()
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("scan stale user: %w", err)
			}
			ids = append(ids, id)
			if len(ids) > max {
				return fmt.Errorf("more than %d stale users, refusing to deactivate", max)
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read stale users: %w", err)
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET active = false WHERE id = $1`, id); err != nil {
				return fmt.Errorf("deactivate %d: %w", id, err)
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// permissionsUntilDenyLeaks evaluates a user's grants in priority order and
// leaves the loop at the first deny-all with a labelled break: the rows were
// not exhausted, and neither exit after the loop closes them.
func (r *UserRepo) permissionsUntilDenyLeaks(ctx context.Context, userID int64) (map[string]bool, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT permission, effect FROM grants WHERE user_id = $1 ORDER BY priority`, userID) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 262 leaks it`
	if err != nil {
		return nil, fmt.Errorf("grants of %d: %w", userID, err)
	}
	perms := make(map[string]bool)
grants:
	for rows.Next() {
		var perm, effect string
		if err := rows.Scan(&perm, &effect); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan grant: %w", err)
		}
		switch effect {
		case "allow":
			perms[perm] = true
		case "deny-all":
			break grants
		default:
			continue
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read grants: %w", err)
	}
	return perms, nil
}

// permissionsUntilDenyDeferClose defers the Close, so the labelled break is
// fine.
func (r *UserRepo) permissionsUntilDenyDeferClose(ctx context.Context, userID int64) (map[string]bool, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT permission, effect FROM grants WHERE user_id = $1 ORDER BY priority`, userID)
	if err != nil {
		return nil, fmt.Errorf("grants of %d: %w", userID, err)
	}
	defer rows.Close()
	perms := make(map[string]bool)
grants:
	for rows.Next() {
		var perm, effect string
		if err := rows.Scan(&perm, &effect); err != nil {
			return nil, fmt.Errorf("scan grant: %w", err)
		}
		switch effect {
		case "allow":
			perms[perm] = true
		case "deny-all":
			break grants
		default:
			continue
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read grants: %w", err)
	}
	return perms, nil
}

// featureFlagsSwitchBreakExhausts uses a plain break inside a switch, which
// only leaves the switch: the loop still runs rows.Next to exhaustion.
func (r *UserRepo) featureFlagsSwitchBreakExhausts(ctx context.Context, userID int64) (map[string]bool, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT flag, state FROM user_flags WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("flags of %d: %w", userID, err)
	}
	flags := make(map[string]bool)
	for rows.Next() {
		var flag, state string
		if err := rows.Scan(&flag, &state); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan flag: %w", err)
		}
		switch state {
		case "inherit":
			break
		case "on":
			flags[flag] = true
		case "off":
			flags[flag] = false
		}
	}
	return flags, rows.Err()
}

// closeLogged calls closeFn and logs a failure; meant for defer.
func closeLogged(log *slog.Logger, what string, closeFn func() error) {
	if err := closeFn(); err != nil {
		log.Warn("close failed", "what", what, "err", err)
	}
}

// recentLoginsDeferMethodValue defers the Close method value through a
// logging helper.
func (r *UserRepo) recentLoginsDeferMethodValue(ctx context.Context, userID int64, limit int) ([]time.Time, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT at FROM logins WHERE user_id = $1 ORDER BY at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("logins of %d: %w", userID, err)
	}
	defer closeLogged(r.log, "recent logins", rows.Close)
	var out []time.Time
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(&at); err != nil {
			return nil, fmt.Errorf("scan login: %w", err)
		}
		out = append(out, at)
		if len(out) == limit {
			return out, nil
		}
	}
	return out, rows.Err()
}

// recentLoginsMethodValueLeaks keeps the Close method value for later, but
// the full-page exit inside the loop never calls it.
func (r *UserRepo) recentLoginsMethodValueLeaks(ctx context.Context, userID int64, limit int) ([]time.Time, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT at FROM logins WHERE user_id = $1 ORDER BY at DESC`, userID) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 369 leaks it`
	if err != nil {
		return nil, fmt.Errorf("logins of %d: %w", userID, err)
	}
	closeRows := rows.Close
	var out []time.Time
	for rows.Next() {
		var at time.Time
		if err := rows.Scan(&at); err != nil {
			closeRows()
			return nil, fmt.Errorf("scan login: %w", err)
		}
		out = append(out, at)
		if len(out) == limit {
			return out, nil
		}
	}
	if err := closeRows(); err != nil {
		return nil, fmt.Errorf("close logins: %w", err)
	}
	return out, rows.Err()
}

// changeEmailFinishClosure routes every exit through a finish closure that
// rolls back on error and commits otherwise.
func (r *UserRepo) changeEmailFinishClosure(ctx context.Context, id int64, email string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	finish := func(err error) error {
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	var current string
	if err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1 FOR UPDATE`, id).Scan(&current); err != nil {
		return finish(fmt.Errorf("load user %d: %w", id, err))
	}
	if current == email {
		return finish(nil)
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)`, email).Scan(&taken); err != nil {
		return finish(fmt.Errorf("check email: %w", err))
	}
	if taken {
		return finish(errEmailTaken)
	}
	_, err = tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, id)
	return finish(err)
}

// changeEmailFinishClosureLeaks has the same finish closure, but the
// "nothing changed" exit bypasses it.
func (r *UserRepo) changeEmailFinishClosureLeaks(ctx context.Context, id int64, email string) error {
	tx, err := r.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from r\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 429 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	finish := func(err error) error {
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	var current string
	if err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1 FOR UPDATE`, id).Scan(&current); err != nil {
		return finish(fmt.Errorf("load user %d: %w", id, err))
	}
	if current == email {
		return nil
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)`, email).Scan(&taken); err != nil {
		return finish(fmt.Errorf("check email: %w", err))
	}
	if taken {
		return finish(errEmailTaken)
	}
	_, err = tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, id)
	return finish(err)
}

// exportUnsentCloserStackLeaks pushes what it opens on a closer stack that a
// deferred closure unwinds, but the connection is pushed only together with
// the statement: a failed Prepare returns with the connection held.
func (s *Server) exportUnsentCloserStackLeaks(ctx context.Context, table string, emit func(id int64) error) (err error) {
	var closers []io.Closer
	defer func() {
		for i := len(closers) - 1; i >= 0; i-- {
			if cerr := closers[i].Close(); cerr != nil && err == nil {
				err = cerr
			}
		}
	}()
	conn, err := s.db.Conn(ctx) // want `conn \(\*sql\.Conn from s\.db\.Conn\) is not closed on every path: the return at line 460 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	stmt, err := conn.PrepareContext(ctx, `SELECT id FROM `+table+` WHERE exported_at IS NULL ORDER BY id`)
	if err != nil {
		return fmt.Errorf("prepare export of %s: %w", table, err)
	}
	closers = append(closers, conn, stmt)
	rows, err := stmt.QueryContext(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	closers = append(closers, rows)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("scan %s: %w", table, err)
		}
		if err := emit(id); err != nil {
			return fmt.Errorf("emit %s/%d: %w", table, id, err)
		}
	}
	return rows.Err()
}

// exportUnsentCloserStack pushes the connection as soon as it has it.
func (s *Server) exportUnsentCloserStack(ctx context.Context, table string, emit func(id int64) error) (err error) {
	var closers []io.Closer
	defer func() {
		for i := len(closers) - 1; i >= 0; i-- {
			if cerr := closers[i].Close(); cerr != nil && err == nil {
				err = cerr
			}
		}
	}()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	closers = append(closers, conn)
	stmt, err := conn.PrepareContext(ctx, `SELECT id FROM `+table+` WHERE exported_at IS NULL ORDER BY id`)
	if err != nil {
		return fmt.Errorf("prepare export of %s: %w", table, err)
	}
	closers = append(closers, stmt)
	rows, err := stmt.QueryContext(ctx)
	if err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	closers = append(closers, rows)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("scan %s: %w", table, err)
		}
		if err := emit(id); err != nil {
			return fmt.Errorf("emit %s/%d: %w", table, id, err)
		}
	}
	return rows.Err()
}

// rowScanner is implemented by pointer types that know their scan targets.
type rowScanner[T any] interface {
	*T
	ScanTargets() []any
}

// ScanTargets lists the columns of a user row.
func (u *userDTO) ScanTargets() []any { return []any{&u.ID, &u.Email} }

// queryAll is the generic repository read: every row scanned into a T.
func queryAll[T any, PT rowScanner[T]](ctx context.Context, db *sql.DB, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(PT(&v).ScanTargets()...); err != nil {
			return nil, fmt.Errorf("scan: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryPageLeaks is queryAll with a page limit; the full-page exit inside the
// loop leaves the rows open.
func queryPageLeaks[T any, PT rowScanner[T]](ctx context.Context, db *sql.DB, limit int, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...) // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 560 leaks it`
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(PT(&v).ScanTargets()...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan: %w", err)
		}
		out = append(out, v)
		if len(out) == limit {
			return out, nil
		}
	}
	return out, rows.Err()
}

// adminsAndFirstPage instantiates both generic readers; it acquires nothing
// itself.
func (r *UserRepo) adminsAndFirstPage(ctx context.Context) ([]userDTO, []userDTO, error) {
	admins, err := queryAll[userDTO](ctx, r.db, `SELECT id, email FROM users WHERE role = 'admin'`)
	if err != nil {
		return nil, nil, err
	}
	page, err := queryPageLeaks[userDTO](ctx, r.db, 50, `SELECT id, email FROM users ORDER BY id`)
	return admins, page, err
}
