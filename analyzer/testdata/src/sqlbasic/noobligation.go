package sqlbasic

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Calls that create no obligation: QueryRow(...).Scan and tx.Stmt(stmt).

// emailQueryRowContextScan reads one value; the *sql.Row needs no Close.
func (r *userRepo) emailQueryRowContextScan(ctx context.Context, id int64) (string, error) {
	var email string
	err := r.db.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, id).Scan(&email)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNotFound
	}
	if err != nil {
		return "", fmt.Errorf("load email of %d: %w", id, err)
	}
	return email, nil
}

// balanceTxQueryRowScan reads inside a transaction with QueryRow.
func balanceTxQueryRowScan(tx *sql.Tx, id int64) (int64, error) {
	row := tx.QueryRow(`SELECT balance FROM accounts WHERE id = $1`, id)
	var balance int64
	if err := row.Scan(&balance); err != nil {
		return 0, fmt.Errorf("balance of %d: %w", id, err)
	}
	return balance, nil
}

// insertWithTxStmt rebinds a long-lived statement to a transaction; the
// transaction-specific statement is not an obligation of its own.
func insertWithTxStmt(ctx context.Context, tx *sql.Tx, insert *sql.Stmt, emails []string) error {
	txInsert := tx.Stmt(insert)
	for _, e := range emails {
		if _, err := txInsert.ExecContext(ctx, e); err != nil {
			return fmt.Errorf("insert %s: %w", e, err)
		}
	}
	return nil
}
