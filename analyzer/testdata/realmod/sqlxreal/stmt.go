package sqlxreal

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

const (
	getAccount      = `SELECT id, owner, balance FROM accounts WHERE id = ?`
	getAccountNamed = `SELECT id, owner, balance FROM accounts WHERE id = :id`
	insertNamed     = `INSERT INTO ledger (account_id, amount) VALUES (:account_id, :amount)`
)

// LedgerEntry is bound by name in NamedStmt executions.
type LedgerEntry struct {
	AccountID int64 `db:"account_id"`
	Amount    int   `db:"amount"`
}

// (*sqlx.DB).Preparex -> *sqlx.Stmt; Close is promoted from *sql.Stmt.

func (r *AccountRepo) accountsByIDPreparexLeaks(ids []int64) ([]Account, error) {
	stmt, err := r.db.Preparex(getAccount) // want `stmt \(\*sqlx\.Stmt from r\.db\.Preparex\) is not closed on every path: the return at line 33 leaks it`
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	out := make([]Account, 0, len(ids))
	for _, id := range ids {
		var a Account
		if err := stmt.Get(&a, id); err != nil {
			return nil, fmt.Errorf("get account %d: %w", id, err) // <- leaks stmt
		}
		out = append(out, a)
	}
	return out, stmt.Close()
}

func (r *AccountRepo) accountsByIDPreparexDeferClose(ids []int64) ([]Account, error) {
	stmt, err := r.db.Preparex(getAccount)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	out := make([]Account, 0, len(ids))
	for _, id := range ids {
		var a Account
		if err := stmt.Get(&a, id); err != nil {
			return nil, fmt.Errorf("get account %d: %w", id, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// (*sqlx.Conn).PreparexContext -> *sqlx.Stmt.

func accountOnConnPreparexContextLeaks(ctx context.Context, conn *sqlx.Conn, id int64) (*Account, error) {
	stmt, err := conn.PreparexContext(ctx, getAccount) // want `stmt \(\*sqlx\.Stmt from conn\.PreparexContext\) is not closed on every path: the return at line 66 leaks it`
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	var a Account
	if err := stmt.GetContext(ctx, &a, id); err != nil {
		return nil, fmt.Errorf("get account %d: %w", id, err) // <- leaks stmt
	}
	if err := stmt.Close(); err != nil {
		return nil, fmt.Errorf("close stmt: %w", err)
	}
	return &a, nil
}

func accountOnConnPreparexContextDeferClose(ctx context.Context, conn *sqlx.Conn, id int64) (*Account, error) {
	stmt, err := conn.PreparexContext(ctx, getAccount)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	var a Account
	if err := stmt.GetContext(ctx, &a, id); err != nil {
		return nil, fmt.Errorf("get account %d: %w", id, err)
	}
	return &a, nil
}

// (*sqlx.DB).PrepareNamed -> *sqlx.NamedStmt, closed with (*sqlx.NamedStmt).Close.

func (r *AccountRepo) accountsPrepareNamedLeaks(ids []int64) ([]Account, error) {
	ns, err := r.db.PrepareNamed(getAccountNamed) // want `ns \(\*sqlx\.NamedStmt from r\.db\.PrepareNamed\) is not closed on every path: the return at line 98 leaks it`
	if err != nil {
		return nil, fmt.Errorf("prepare named: %w", err)
	}
	out := make([]Account, 0, len(ids))
	for _, id := range ids {
		var a Account
		if err := ns.Get(&a, map[string]any{"id": id}); err != nil {
			return nil, fmt.Errorf("get account %d: %w", id, err) // <- leaks ns
		}
		out = append(out, a)
	}
	return out, ns.Close()
}

func (r *AccountRepo) accountsPrepareNamedDeferClose(ids []int64) ([]Account, error) {
	ns, err := r.db.PrepareNamed(getAccountNamed)
	if err != nil {
		return nil, fmt.Errorf("prepare named: %w", err)
	}
	defer ns.Close()
	out := make([]Account, 0, len(ids))
	for _, id := range ids {
		var a Account
		if err := ns.Get(&a, map[string]any{"id": id}); err != nil {
			return nil, fmt.Errorf("get account %d: %w", id, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// (*sqlx.Tx).PrepareNamedContext -> *sqlx.NamedStmt.

func postEntriesPrepareNamedContextLeaks(ctx context.Context, tx *sqlx.Tx, entries []LedgerEntry) error {
	ns, err := tx.PrepareNamedContext(ctx, insertNamed) // want `ns \(\*sqlx\.NamedStmt from tx\.PrepareNamedContext\) is not closed on every path: the return at line 131 leaks it`
	if err != nil {
		return fmt.Errorf("prepare named: %w", err)
	}
	for _, e := range entries {
		if _, err := ns.ExecContext(ctx, e); err != nil {
			return fmt.Errorf("post entry for %d: %w", e.AccountID, err) // <- leaks ns
		}
	}
	return ns.Close()
}

func postEntriesPrepareNamedContextDeferClose(ctx context.Context, tx *sqlx.Tx, entries []LedgerEntry) error {
	ns, err := tx.PrepareNamedContext(ctx, insertNamed)
	if err != nil {
		return fmt.Errorf("prepare named: %w", err)
	}
	defer ns.Close()
	for _, e := range entries {
		if _, err := ns.ExecContext(ctx, e); err != nil {
			return fmt.Errorf("post entry for %d: %w", e.AccountID, err)
		}
	}
	return nil
}
