package repo

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"mt/db"
)

// Invoice is a row of the invoices table.
type Invoice struct {
	ID    int64  `db:"id"`
	Cents int64  `db:"cents"`
	State string `db:"state"`
}

// Invoices is the sqlx repository of a tenant's invoices.
type Invoices struct {
	Tenant string
}

// conn wraps db.TenantConnx.
func (iv *Invoices) conn(ctx context.Context) (*sqlx.Conn, error) {
	c, err := db.TenantConnx(ctx, iv.Tenant)
	if err != nil {
		return nil, fmt.Errorf("invoices of %s: %w", iv.Tenant, err)
	}
	return c, nil
}

// OverdueLeaks returns the select's error with the connection held.
func (iv *Invoices) OverdueLeaks(ctx context.Context) ([]Invoice, error) {
	c, err := iv.conn(ctx) // want `c \(\*sqlx\.Conn from iv\.conn\) is not closed on every path: the return at line 41 leaks it`
	if err != nil {
		return nil, err
	}
	var out []Invoice
	if err := c.SelectContext(ctx, &out, "SELECT id, cents, state FROM invoices WHERE due < now() AND state = 'open'"); err != nil {
		return nil, fmt.Errorf("select overdue: %w", err)
	}
	return out, c.Close()
}

// OverdueDeferClose closes the connection on every path.
func (iv *Invoices) OverdueDeferClose(ctx context.Context) ([]Invoice, error) {
	c, err := iv.conn(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out []Invoice
	if err := c.SelectContext(ctx, &out, "SELECT id, cents, state FROM invoices WHERE due < now() AND state = 'open'"); err != nil {
		return nil, fmt.Errorf("select overdue: %w", err)
	}
	return out, nil
}

// MarkPaidLeaks closes the connection but forgets the transaction on the
// not-found path.
func (iv *Invoices) MarkPaidLeaks(ctx context.Context, id int64) error {
	c, err := iv.conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	tx, err := c.BeginTxx(ctx, nil) // want `tx \(\*sqlx\.Tx from c\.BeginTxx\) is not committed or rolled back on every path: the return at line 78 leaks it`
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "UPDATE invoices SET state = 'paid' WHERE id = ? AND state = 'open'", id)
	if err != nil {
		tx.Rollback()
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("invoice %d is not open", id)
	}
	return tx.Commit()
}

// MarkPaidDeferRollback rolls back with defer.
func (iv *Invoices) MarkPaidDeferRollback(ctx context.Context, id int64) error {
	c, err := iv.conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	tx, err := c.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "UPDATE invoices SET state = 'paid' WHERE id = ? AND state = 'open'", id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("invoice %d is not open", id)
	}
	return tx.Commit()
}
