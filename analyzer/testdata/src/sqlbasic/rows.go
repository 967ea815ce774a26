package sqlbasic

import (
	"context"
	"database/sql"
	"fmt"
)

// Query/QueryContext on DB, Conn, Tx and Stmt -> *sql.Rows, released by Close
// (or by rows.Next() reporting false).

// listNamesQueryLeaks returns from inside the scan loop without closing.
func (r *userRepo) listNamesQueryLeaks() ([]string, error) {
	rows, err := r.db.Query(`SELECT name FROM users ORDER BY name`) // want `rows \(\*sql\.Rows from r\.db\.Query\) is not closed on every path: the return at line 22 leaks it`
	if err != nil {
		return nil, fmt.Errorf("list names: %w", err)
	}
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

// listNamesQueryDeferClose defers the Close.
func (r *userRepo) listNamesQueryDeferClose() ([]string, error) {
	rows, err := r.db.Query(`SELECT name FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list names: %w", err)
	}
	defer rows.Close()
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

// tableColumnsQueryContextLeaks registers the Close one return too late.
func (r *userRepo) tableColumnsQueryContextLeaks(ctx context.Context, table string) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0") // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 55 leaks it`
	if err != nil {
		return nil, fmt.Errorf("probe %s: %w", table, err)
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	return cols, nil
}

// tableColumnsQueryContextDeferClose registers the Close right away.
func (r *userRepo) tableColumnsQueryContextDeferClose(ctx context.Context, table string) ([]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0")
	if err != nil {
		return nil, fmt.Errorf("probe %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	return cols, nil
}

// lockedAccountsConnQueryContextLeaks bails out on a locked account without
// closing the rows.
func lockedAccountsConnQueryContextLeaks(ctx context.Context, conn *sql.Conn, ids []int64) error {
	rows, err := conn.QueryContext(ctx, `SELECT id, locked FROM accounts WHERE id = ANY($1)`, ids) // want `rows \(\*sql\.Rows from conn\.QueryContext\) is not closed on every path: the return at line 90 leaks it`
	if err != nil {
		return fmt.Errorf("load accounts: %w", err)
	}
	for rows.Next() {
		var id int64
		var locked bool
		if err := rows.Scan(&id, &locked); err != nil {
			rows.Close()
			return fmt.Errorf("scan account: %w", err)
		}
		if locked {
			return fmt.Errorf("account %d is locked", id)
		}
	}
	return rows.Err()
}

// lockedAccountsConnQueryContextClosesFirst closes before each early return.
func lockedAccountsConnQueryContextClosesFirst(ctx context.Context, conn *sql.Conn, ids []int64) error {
	rows, err := conn.QueryContext(ctx, `SELECT id, locked FROM accounts WHERE id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("load accounts: %w", err)
	}
	for rows.Next() {
		var id int64
		var locked bool
		if err := rows.Scan(&id, &locked); err != nil {
			rows.Close()
			return fmt.Errorf("scan account: %w", err)
		}
		if locked {
			rows.Close()
			return fmt.Errorf("account %d is locked", id)
		}
	}
	return rows.Err()
}

// emailsTxQueryLeaks returns from the scan loop without closing.
func emailsTxQueryLeaks(tx *sql.Tx, domain string) ([]string, error) {
	rows, err := tx.Query(`SELECT email FROM users WHERE email LIKE '%@' || $1`, domain) // want `rows \(\*sql\.Rows from tx\.Query\) is not closed on every path: the return at line 127 leaks it`
	if err != nil {
		return nil, fmt.Errorf("emails in %s: %w", domain, err)
	}
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

// emailsTxQueryDeferClose defers the Close.
func emailsTxQueryDeferClose(tx *sql.Tx, domain string) ([]string, error) {
	rows, err := tx.Query(`SELECT email FROM users WHERE email LIKE '%@' || $1`, domain)
	if err != nil {
		return nil, fmt.Errorf("emails in %s: %w", domain, err)
	}
	defer rows.Close()
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

// balancesTxQueryContextLeaks returns from the scan loop without closing.
func balancesTxQueryContextLeaks(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, balance FROM accounts WHERE id = ANY($1) FOR UPDATE`, ids) // want `rows \(\*sql\.Rows from tx\.QueryContext\) is not closed on every path: the return at line 162 leaks it`
	if err != nil {
		return nil, fmt.Errorf("lock balances: %w", err)
	}
	out := make(map[int64]int64, len(ids))
	for rows.Next() {
		var id, balance int64
		if err := rows.Scan(&id, &balance); err != nil {
			return nil, fmt.Errorf("scan balance: %w", err)
		}
		out[id] = balance
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate balances: %w", err)
	}
	return out, nil
}

// balancesTxQueryContextDeferClose defers the Close.
func balancesTxQueryContextDeferClose(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, balance FROM accounts WHERE id = ANY($1) FOR UPDATE`, ids)
	if err != nil {
		return nil, fmt.Errorf("lock balances: %w", err)
	}
	defer rows.Close()
	out := make(map[int64]int64, len(ids))
	for rows.Next() {
		var id, balance int64
		if err := rows.Scan(&id, &balance); err != nil {
			return nil, fmt.Errorf("scan balance: %w", err)
		}
		out[id] = balance
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate balances: %w", err)
	}
	return out, nil
}

// teamNamesStmtQueryLeaks forgets the Close when Columns fails.
func teamNamesStmtQueryLeaks(stmt *sql.Stmt, team string) ([]string, error) {
	rows, err := stmt.Query(team) // want `rows \(\*sql\.Rows from stmt\.Query\) is not closed on every path: the return at line 201 leaks it`
	if err != nil {
		return nil, fmt.Errorf("query team %s: %w", team, err)
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if len(cols) != 1 {
		rows.Close()
		return nil, fmt.Errorf("team query: want 1 column, got %d", len(cols))
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// teamNamesStmtQueryDeferClose defers the Close.
func teamNamesStmtQueryDeferClose(stmt *sql.Stmt, team string) ([]string, error) {
	rows, err := stmt.Query(team)
	if err != nil {
		return nil, fmt.Errorf("query team %s: %w", team, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if len(cols) != 1 {
		return nil, fmt.Errorf("team query: want 1 column, got %d", len(cols))
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// usersByStatusStmtQueryContextLeaks returns from the scan loop without closing.
func usersByStatusStmtQueryContextLeaks(ctx context.Context, stmt *sql.Stmt, status string) ([]user, error) {
	rows, err := stmt.QueryContext(ctx, status) // want `rows \(\*sql\.Rows from stmt\.QueryContext\) is not closed on every path: the return at line 254 leaks it`
	if err != nil {
		return nil, fmt.Errorf("users with status %s: %w", status, err)
	}
	var users []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Email, &u.Name); err != nil {
			return nil, fmt.Errorf("scan user: %w", err)
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// usersByStatusStmtQueryContextClosesOnError closes explicitly in the error
// branch and lets the exhausted loop release the rows otherwise.
func usersByStatusStmtQueryContextClosesOnError(ctx context.Context, stmt *sql.Stmt, status string) ([]user, error) {
	rows, err := stmt.QueryContext(ctx, status)
	if err != nil {
		return nil, fmt.Errorf("users with status %s: %w", status, err)
	}
	var users []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Email, &u.Name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan user: %w", err)
		}
		users = append(users, u)
	}
	return users, rows.Err()
}
