// Package sqlxreal exercises the connrelease catalog against the real
// github.com/jmoiron/sqlx API (vendored). Releases reached through the
// embedded database/sql types (tx.Commit, rows.Close, conn.Close) count.
package sqlxreal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

const (
	debitAccount  = `UPDATE accounts SET balance = balance - ? WHERE id = ?`
	creditAccount = `UPDATE accounts SET balance = balance + ? WHERE id = ?`
	insertLedger  = `INSERT INTO ledger (account_id, amount) VALUES (?, ?)`
	lockAccount   = `SELECT balance FROM accounts WHERE id = ? FOR UPDATE`
)

var errInsufficientFunds = errors.New("insufficient funds")

// AccountRepo is a typical repository holding a *sqlx.DB.
type AccountRepo struct {
	db *sqlx.DB
}

// (*sqlx.DB).Beginx -> *sqlx.Tx; Commit/Rollback are promoted from *sql.Tx.

func (r *AccountRepo) transferBeginxLeaks(from, to int64, amount int) error {
	tx, err := r.db.Beginx() // want `tx \(\*sqlx\.Tx from r\.db\.Beginx\) is not committed or rolled back on every path: the return at line 37 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(debitAccount, amount, from); err != nil {
		return fmt.Errorf("debit %d: %w", from, err) // <- leaks tx
	}
	if _, err := tx.Exec(creditAccount, amount, to); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("credit %d: %w", to, err)
	}
	return tx.Commit()
}

func (r *AccountRepo) transferBeginxDeferRollback(from, to int64, amount int) error {
	tx, err := r.db.Beginx()
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(debitAccount, amount, from); err != nil {
		return fmt.Errorf("debit %d: %w", from, err)
	}
	if _, err := tx.Exec(creditAccount, amount, to); err != nil {
		return fmt.Errorf("credit %d: %w", to, err)
	}
	return tx.Commit()
}

// (*sqlx.DB).BeginTxx -> *sqlx.Tx.

func (r *AccountRepo) withdrawBeginTxxLeaks(ctx context.Context, id int64, amount int) error {
	tx, err := r.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want `tx \(\*sqlx\.Tx from r\.db\.BeginTxx\) is not committed or rolled back on every path: the return at line 74 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	var balance int
	if err := tx.GetContext(ctx, &balance, lockAccount, id); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("lock account %d: %w", id, err)
	}
	if balance < amount {
		return errInsufficientFunds // <- leaks tx
	}
	if _, err := tx.ExecContext(ctx, debitAccount, amount, id); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("debit %d: %w", id, err)
	}
	return tx.Commit()
}

func (r *AccountRepo) withdrawBeginTxxDeferRollback(ctx context.Context, id int64, amount int) error {
	tx, err := r.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var balance int
	if err := tx.GetContext(ctx, &balance, lockAccount, id); err != nil {
		return fmt.Errorf("lock account %d: %w", id, err)
	}
	if balance < amount {
		return errInsufficientFunds
	}
	if _, err := tx.ExecContext(ctx, debitAccount, amount, id); err != nil {
		return fmt.Errorf("debit %d: %w", id, err)
	}
	return tx.Commit()
}

// (*sqlx.DB).MustBegin -> *sqlx.Tx (no error result).

func (r *AccountRepo) postLedgerMustBeginLeaks(id int64, amount int) error {
	tx := r.db.MustBegin() // want `tx \(\*sqlx\.Tx from r\.db\.MustBegin\) is not committed or rolled back on every path: the return at line 107 leaks it`
	if _, err := tx.Exec(insertLedger, id, amount); err != nil {
		return fmt.Errorf("insert ledger: %w", err) // <- leaks tx
	}
	return tx.Commit()
}

func (r *AccountRepo) postLedgerMustBeginRollbackOnError(id int64, amount int) error {
	tx := r.db.MustBegin()
	if _, err := tx.Exec(insertLedger, id, amount); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return fmt.Errorf("insert ledger: %w", err)
	}
	return tx.Commit()
}

// (*sqlx.DB).MustBeginTx -> *sqlx.Tx.

func (r *AccountRepo) postLedgerMustBeginTxLeaks(ctx context.Context, id int64, amount int) error {
	tx := r.db.MustBeginTx(ctx, nil) // want `tx \(\*sqlx\.Tx from r\.db\.MustBeginTx\) is not committed or rolled back on every path: the return at line 128 leaks it`
	if amount == 0 {
		return nil // <- leaks tx
	}
	tx.MustExecContext(ctx, insertLedger, id, amount)
	return tx.Commit()
}

func (r *AccountRepo) postLedgerMustBeginTxDeferRollback(ctx context.Context, id int64, amount int) error {
	tx := r.db.MustBeginTx(ctx, nil)
	defer tx.Rollback()
	if amount == 0 {
		return nil
	}
	tx.MustExecContext(ctx, insertLedger, id, amount)
	return tx.Commit()
}

// (*sqlx.Conn).BeginTxx -> *sqlx.Tx.

func creditOnConnBeginTxxLeaks(ctx context.Context, conn *sqlx.Conn, id int64, amount int) error {
	tx, err := conn.BeginTxx(ctx, nil) // want `tx \(\*sqlx\.Tx from conn\.BeginTxx\) is not committed or rolled back on every path: the return at line 152 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, creditAccount, amount, id); err != nil {
		return fmt.Errorf("credit %d: %w", id, err) // <- leaks tx
	}
	return tx.Commit()
}

func creditOnConnBeginTxxDeferRollback(ctx context.Context, conn *sqlx.Conn, id int64, amount int) error {
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, creditAccount, amount, id); err != nil {
		return fmt.Errorf("credit %d: %w", id, err)
	}
	return tx.Commit()
}
