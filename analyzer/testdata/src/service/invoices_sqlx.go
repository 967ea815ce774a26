package service

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// payInvoiceSwitchLeaks settles an invoice according to its status; the void
// branch of the switch returns without ending the transaction.
func (r *InvoiceRepo) payInvoiceSwitchLeaks(ctx context.Context, id int64, paidAt time.Time) error {
	tx := r.db.MustBeginTx(ctx, nil) // want `tx \(\*sqlx\.Tx from r\.db\.MustBeginTx\) is not committed or rolled back on every path: the return at line 30 leaks it`
	var status string
	if err := tx.GetContext(ctx, &status, `SELECT status FROM invoices WHERE id = $1 FOR UPDATE`, id); err != nil {
		_ = tx.Rollback()
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("invoice %d: %w", id, errNotFound)
		}
		return fmt.Errorf("invoice %d: %w", id, err)
	}
	switch status {
	case "paid":
		_ = tx.Rollback()
		return errAlreadyPaid
	case "void":
		return fmt.Errorf("invoice %d: %w", id, errVoided)
	case "open", "overdue":
		tx.MustExecContext(ctx, `UPDATE invoices SET status = 'paid', paid_at = $1 WHERE id = $2`, paidAt, id)
	default:
		_ = tx.Rollback()
		return fmt.Errorf("invoice %d: unexpected status %q", id, status)
	}
	return tx.Commit()
}

// payInvoiceSwitchDeferRollback defers the rollback through the embedded
// *sql.Tx.
func (r *InvoiceRepo) payInvoiceSwitchDeferRollback(ctx context.Context, id int64, paidAt time.Time) error {
	tx := r.db.MustBeginTx(ctx, nil)
	defer tx.Rollback()
	var status string
	if err := tx.GetContext(ctx, &status, `SELECT status FROM invoices WHERE id = $1 FOR UPDATE`, id); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("invoice %d: %w", id, errNotFound)
		}
		return fmt.Errorf("invoice %d: %w", id, err)
	}
	switch status {
	case "paid":
		return errAlreadyPaid
	case "void":
		return fmt.Errorf("invoice %d: %w", id, errVoided)
	case "open", "overdue":
		tx.MustExecContext(ctx, `UPDATE invoices SET status = 'paid', paid_at = $1 WHERE id = $2`, paidAt, id)
	default:
		return fmt.Errorf("invoice %d: unexpected status %q", id, status)
	}
	return tx.Commit()
}

const purgeLockID = 4242

// purgeDraftsAdvisoryLockLeaks takes a session advisory lock on a dedicated
// connection; when another instance holds the lock it returns before the
// deferred Close is registered.
func (r *InvoiceRepo) purgeDraftsAdvisoryLockLeaks(ctx context.Context, before time.Time) (int64, error) {
	conn, err := r.db.Connx(ctx) // want `conn \(\*sqlx\.Conn from r\.db\.Connx\) is not closed on every path: the return at line 81 leaks it`
	if err != nil {
		return 0, fmt.Errorf("checkout: %w", err)
	}
	var locked bool
	if err := conn.GetContext(ctx, &locked, `SELECT pg_try_advisory_lock($1)`, purgeLockID); err != nil {
		conn.Close()
		return 0, fmt.Errorf("try lock: %w", err)
	}
	if !locked {
		return 0, nil
	}
	defer conn.Close()
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, purgeLockID)
	res, err := conn.ExecContext(ctx, `DELETE FROM invoices WHERE status = 'draft' AND created_at < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("purge: %w", err)
	}
	return res.RowsAffected()
}

// purgeDraftsAdvisoryLock defers the Close before trying the lock.
func (r *InvoiceRepo) purgeDraftsAdvisoryLock(ctx context.Context, before time.Time) (int64, error) {
	conn, err := r.db.Connx(ctx)
	if err != nil {
		return 0, fmt.Errorf("checkout: %w", err)
	}
	defer conn.Close()
	var locked bool
	if err := conn.GetContext(ctx, &locked, `SELECT pg_try_advisory_lock($1)`, purgeLockID); err != nil {
		return 0, fmt.Errorf("try lock: %w", err)
	}
	if !locked {
		return 0, nil
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, purgeLockID)
	res, err := conn.ExecContext(ctx, `DELETE FROM invoices WHERE status = 'draft' AND created_at < $1`, before)
	if err != nil {
		return 0, fmt.Errorf("purge: %w", err)
	}
	return res.RowsAffected()
}

// InvoiceWriter holds the prepared statements of the billing run.
type InvoiceWriter struct {
	insert   *sqlx.NamedStmt
	markPaid *sqlx.NamedStmt
}

// NewInvoiceWriterLeaks prepares both statements; when the second Prepare
// fails the first statement is never closed.
func NewInvoiceWriterLeaks(ctx context.Context, db *sqlx.DB) (*InvoiceWriter, error) {
	insert, err := db.PrepareNamedContext(ctx, `INSERT INTO invoices (customer_id, cents) VALUES (:customer_id, :cents)`) // want `insert \(\*sqlx\.NamedStmt from db\.PrepareNamedContext\) is not closed on every path: the return at line 129 leaks it`
	if err != nil {
		return nil, fmt.Errorf("prepare insert: %w", err)
	}
	markPaid, err := db.PrepareNamedContext(ctx, `UPDATE invoices SET status = 'paid' WHERE id = :id`)
	if err != nil {
		return nil, fmt.Errorf("prepare mark paid: %w", err)
	}
	return &InvoiceWriter{insert: insert, markPaid: markPaid}, nil
}

// NewInvoiceWriter closes the first statement when the second fails.
func NewInvoiceWriter(ctx context.Context, db *sqlx.DB) (*InvoiceWriter, error) {
	insert, err := db.PrepareNamedContext(ctx, `INSERT INTO invoices (customer_id, cents) VALUES (:customer_id, :cents)`)
	if err != nil {
		return nil, fmt.Errorf("prepare insert: %w", err)
	}
	markPaid, err := db.PrepareNamedContext(ctx, `UPDATE invoices SET status = 'paid' WHERE id = :id`)
	if err != nil {
		_ = insert.Close()
		return nil, fmt.Errorf("prepare mark paid: %w", err)
	}
	return &InvoiceWriter{insert: insert, markPaid: markPaid}, nil
}

// invoicesForCustomersLeaks expands the id list with sqlx.In and rejects the
// whole batch at the first invoice of a blocked customer, inside the rows
// loop, without closing the rows.
func (r *InvoiceRepo) invoicesForCustomersLeaks(ctx context.Context, customerIDs []int64, blocked map[int64]bool) ([]Invoice, error) {
	query, args, err := sqlx.In(`SELECT id, customer_id, cents, status FROM invoices WHERE customer_id IN (?)`, customerIDs)
	if err != nil {
		return nil, fmt.Errorf("expand ids: %w", err)
	}
	rows, err := r.db.QueryxContext(ctx, r.db.Rebind(query), args...) // want `rows \(\*sqlx\.Rows from r\.db\.QueryxContext\) is not closed on every path: the return at line 168 leaks it`
	if err != nil {
		return nil, fmt.Errorf("invoices: %w", err)
	}
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan invoice: %w", err)
		}
		if blocked[inv.CustomerID] {
			return nil, fmt.Errorf("customer %d: %w", inv.CustomerID, errCustomerBlocked)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// invoicesForCustomersDeferClose defers the Close.
func (r *InvoiceRepo) invoicesForCustomersDeferClose(ctx context.Context, customerIDs []int64, blocked map[int64]bool) ([]Invoice, error) {
	query, args, err := sqlx.In(`SELECT id, customer_id, cents, status FROM invoices WHERE customer_id IN (?)`, customerIDs)
	if err != nil {
		return nil, fmt.Errorf("expand ids: %w", err)
	}
	rows, err := r.db.QueryxContext(ctx, r.db.Rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("invoices: %w", err)
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return nil, fmt.Errorf("scan invoice: %w", err)
		}
		if blocked[inv.CustomerID] {
			return nil, fmt.Errorf("customer %d: %w", inv.CustomerID, errCustomerBlocked)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}
