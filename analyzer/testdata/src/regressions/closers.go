package regressions

import (
	"context"
	"database/sql"
	"fmt"
)

// Shapes that sqlclosecheck and rowserrcheck are known to flag although the
// rows are released. None of them may be reported.

// deferCloseRowsHelper defers a package helper that closes the rows.
func (s *userStore) deferCloseRowsHelper(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT email FROM users WHERE active`)
	if err != nil {
		return nil, fmt.Errorf("active emails: %w", err)
	}
	defer closeRows(rows)
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("scan email: %w", err)
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}

// deferCloseQuietlyIOCloser defers a helper taking an io.Closer.
func (s *userStore) deferCloseQuietlyIOCloser(ctx context.Context, team string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM users WHERE team = $1`, team)
	if err != nil {
		return nil, fmt.Errorf("team %s: %w", team, err)
	}
	defer closeQuietly(rows)
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("scan name: %w", err)
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// deferredClosureDiscardsCloseError closes inside a deferred closure.
func (s *userStore) deferredClosureDiscardsCloseError(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM users WHERE locked`)
	if err != nil {
		return 0, fmt.Errorf("locked users: %w", err)
	}
	defer func() { _ = rows.Close() }()
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, fmt.Errorf("scan id: %w", err)
		}
		n++
	}
	return n, rows.Err()
}

// deferredClosureJoinsCloseError closes inside a deferred closure that folds
// the close error into the named result.
func (s *userStore) deferredClosureJoinsCloseError(ctx context.Context, domain string) (emails []string, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT email FROM users WHERE email LIKE '%@' || $1`, domain)
	if err != nil {
		return nil, fmt.Errorf("emails in %s: %w", domain, err)
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
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

// closeOnEveryPathWithoutDefer closes explicitly before each return.
func (s *userStore) closeOnEveryPathWithoutDefer(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM users WHERE deleted_at IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("deleted users: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan id: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("iterate deleted users: %w", err)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("close: %w", err)
	}
	return ids, nil
}

// cursor pairs rows with the query that produced them.
type cursor struct {
	rows  *sql.Rows
	query string
}

// closeViaStructFieldAlias keeps the rows in a local struct and closes them
// through the field.
func (s *userStore) closeViaStructFieldAlias(ctx context.Context) ([]int64, error) {
	const q = `SELECT id FROM users ORDER BY created_at DESC LIMIT 100`
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("recent users: %w", err)
	}
	c := cursor{rows: rows, query: q}
	defer c.rows.Close()
	var ids []int64
	for c.rows.Next() {
		var id int64
		if err := c.rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: scan: %w", c.query, err)
		}
		ids = append(ids, id)
	}
	return ids, c.rows.Err()
}

// rowsSentOnChannel hands the rows to a consumer goroutine.
func (s *userStore) rowsSentOnChannel(ctx context.Context, out chan<- *sql.Rows) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, email FROM users`)
	if err != nil {
		return fmt.Errorf("export users: %w", err)
	}
	out <- rows
	return nil
}

// rowsPassedToScanHelper lets a helper drain, check Err and close.
func (s *userStore) rowsPassedToScanHelper(ctx context.Context, team string) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM users WHERE team = $1`, team)
	if err != nil {
		return nil, fmt.Errorf("team %s: %w", team, err)
	}
	return scanIDs(rows)
}

// rowsReturnedToCaller returns the rows; the caller closes them.
func (s *userStore) rowsReturnedToCaller(ctx context.Context, since int64) (*sql.Rows, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, email FROM users WHERE id > $1`, since)
	if err != nil {
		return nil, fmt.Errorf("users since %d: %w", since, err)
	}
	return rows, nil
}

// stmtReturnedToCaller returns the prepared statement; the caller closes it.
func (s *userStore) stmtReturnedToCaller(ctx context.Context) (*sql.Stmt, error) {
	stmt, err := s.db.PrepareContext(ctx, `SELECT email FROM users WHERE id = $1`)
	if err != nil {
		return nil, fmt.Errorf("prepare email lookup: %w", err)
	}
	return stmt, nil
}
