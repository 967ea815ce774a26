package sqlxreal

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

const (
	listAccounts   = `SELECT id, owner, balance FROM accounts WHERE owner = ?`
	accountsByName = `SELECT id, owner, balance FROM accounts WHERE owner = :owner`
	listIDs        = `SELECT id FROM accounts`
)

// Account is scanned with StructScan.
type Account struct {
	ID      int64  `db:"id"`
	Owner   string `db:"owner"`
	Balance int    `db:"balance"`
}

// (*sqlx.DB).Queryx -> *sqlx.Rows; Close is promoted from *sql.Rows.

func (r *AccountRepo) accountsQueryxLeaks(owner string) ([]Account, error) {
	rows, err := r.db.Queryx(listAccounts, owner) // want `rows \(\*sqlx\.Rows from r\.db\.Queryx\) is not closed on every path: the return at line 34 leaks it`
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err) // <- leaks rows
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (r *AccountRepo) accountsQueryxDeferClose(owner string) ([]Account, error) {
	rows, err := r.db.Queryx(listAccounts, owner)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// (*sqlx.DB).QueryxContext -> *sqlx.Rows.

func (r *AccountRepo) firstAccountQueryxContextLeaks(ctx context.Context, owner string) (*Account, error) {
	rows, err := r.db.QueryxContext(ctx, listAccounts, owner) // want `rows \(\*sqlx\.Rows from r\.db\.QueryxContext\) is not closed on every path: the return at line 70 leaks it`
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			break
		}
		return &a, nil // <- leaks rows
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, nil
}

func (r *AccountRepo) firstAccountQueryxContextDeferClose(ctx context.Context, owner string) (*Account, error) {
	rows, err := r.db.QueryxContext(ctx, listAccounts, owner)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err)
		}
		return &a, nil
	}
	return nil, rows.Err()
}

// (*sqlx.DB).NamedQuery -> *sqlx.Rows.

func (r *AccountRepo) balancesNamedQueryLeaks(owner string) (map[int64]int, error) {
	rows, err := r.db.NamedQuery(accountsByName, map[string]any{"owner": owner}) // want `rows \(\*sqlx\.Rows from r\.db\.NamedQuery\) is not closed on every path: the return at line 105 leaks it`
	if err != nil {
		return nil, fmt.Errorf("named query: %w", err)
	}
	out := make(map[int64]int)
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err) // <- leaks rows
		}
		out[a.ID] = a.Balance
	}
	return out, rows.Err()
}

// rows.Next() returning false closes the rows: a loop run to exhaustion releases them.
func (r *AccountRepo) balancesNamedQueryNextExhausted(owner string) (map[int64]int, error) {
	rows, err := r.db.NamedQuery(accountsByName, map[string]any{"owner": owner})
	if err != nil {
		return nil, fmt.Errorf("named query: %w", err)
	}
	out := make(map[int64]int)
	var scanErr error
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			scanErr = err
			continue
		}
		out[a.ID] = a.Balance
	}
	if scanErr != nil {
		return nil, fmt.Errorf("scan account: %w", scanErr)
	}
	return out, rows.Err()
}

// (*sqlx.DB).NamedQueryContext -> *sqlx.Rows.

func (r *AccountRepo) ownerAccountsNamedQueryContextLeaks(ctx context.Context, owner string) ([]Account, error) {
	arg := Account{Owner: owner}
	rows, err := r.db.NamedQueryContext(ctx, accountsByName, arg) // want `rows \(\*sqlx\.Rows from r\.db\.NamedQueryContext\) is not closed on every path: the return at line 146 leaks it`
	if err != nil {
		return nil, fmt.Errorf("named query: %w", err)
	}
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err) // <- leaks rows
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (r *AccountRepo) ownerAccountsNamedQueryContextDeferClose(ctx context.Context, owner string) ([]Account, error) {
	arg := Account{Owner: owner}
	rows, err := r.db.NamedQueryContext(ctx, accountsByName, arg)
	if err != nil {
		return nil, fmt.Errorf("named query: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// (*sqlx.Tx).Queryx -> *sqlx.Rows.

func lockedAccountsTxQueryxLeaks(tx *sqlx.Tx, owner string) ([]Account, error) {
	rows, err := tx.Queryx(listAccounts+` FOR UPDATE`, owner) // want `rows \(\*sqlx\.Rows from tx\.Queryx\) is not closed on every path: the return at line 182 leaks it`
	if err != nil {
		return nil, fmt.Errorf("lock accounts: %w", err)
	}
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err) // <- leaks rows
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func lockedAccountsTxQueryxDeferClose(tx *sqlx.Tx, owner string) ([]Account, error) {
	rows, err := tx.Queryx(listAccounts+` FOR UPDATE`, owner)
	if err != nil {
		return nil, fmt.Errorf("lock accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.StructScan(&a); err != nil {
			return nil, fmt.Errorf("scan account: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// The embedded database/sql method: (*sqlx.DB).QueryContext is (*sql.DB).QueryContext -> *sql.Rows.

func (r *AccountRepo) idsEmbeddedQueryContextLeaks(ctx context.Context) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx, listIDs) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 217 leaks it`
	if err != nil {
		return nil, fmt.Errorf("list ids: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan id: %w", err) // <- leaks rows
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (r *AccountRepo) idsEmbeddedQueryContextDeferClose(ctx context.Context) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx, listIDs)
	if err != nil {
		return nil, fmt.Errorf("list ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan id: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
