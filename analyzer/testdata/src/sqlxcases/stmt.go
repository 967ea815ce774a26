package sqlxcases

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

func (s *InvoiceService) bulkStatusPreparexLeaks(ids []int64, status string) error {
	stmt, err := s.db.Preparex("update invoices set status = $2 where id = $1") // want `stmt \(\*sqlx\.Stmt from s\.db\.Preparex\) is not closed on every path: the return at line 17 leaks it`
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := stmt.Exec(id, status); err != nil {
			return fmt.Errorf("invoice %d: %w", id, err)
		}
	}
	return stmt.Close()
}

func (s *InvoiceService) bulkStatusPreparexDeferClose(ids []int64, status string) error {
	stmt, err := s.db.Preparex("update invoices set status = $2 where id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.Exec(id, status); err != nil {
			return fmt.Errorf("invoice %d: %w", id, err)
		}
	}
	return nil
}

func bulkInsertPreparexContextOnTxLeaks(ctx context.Context, txx *sqlx.Tx, invoices []Invoice) error {
	stmt, err := txx.PreparexContext(ctx, "insert into invoices (customer_id, total_cents) values ($1, $2)") // want `stmt \(\*sqlx\.Stmt from txx\.PreparexContext\) is not closed on every path: the return at line 44 leaks it`
	if err != nil {
		return err
	}
	for _, inv := range invoices {
		if inv.TotalCents < 0 {
			return fmt.Errorf("invoice for customer %d has a negative total", inv.CustomerID)
		}
		if _, err := stmt.ExecContext(ctx, inv.CustomerID, inv.TotalCents); err != nil {
			stmt.Close()
			return err
		}
	}
	return stmt.Close()
}

func bulkInsertPreparexContextOnTxDeferClose(ctx context.Context, txx *sqlx.Tx, invoices []Invoice) error {
	stmt, err := txx.PreparexContext(ctx, "insert into invoices (customer_id, total_cents) values ($1, $2)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, inv := range invoices {
		if inv.TotalCents < 0 {
			return fmt.Errorf("invoice for customer %d has a negative total", inv.CustomerID)
		}
		if _, err := stmt.ExecContext(ctx, inv.CustomerID, inv.TotalCents); err != nil {
			return err
		}
	}
	return nil
}

func (s *InvoiceService) insertNamedStmtLeaks(invoices []Invoice) error {
	ns, err := s.db.PrepareNamed("insert into invoices (customer_id, total_cents, status) values (:customer_id, :total_cents, :status)") // want `ns \(\*sqlx\.NamedStmt from s\.db\.PrepareNamed\) is not closed on every path: the return at line 78 leaks it`
	if err != nil {
		return err
	}
	for _, inv := range invoices {
		if _, err := ns.Exec(inv); err != nil {
			return err
		}
	}
	return ns.Close()
}

func (s *InvoiceService) insertNamedStmtDeferClose(invoices []Invoice) error {
	ns, err := s.db.PrepareNamed("insert into invoices (customer_id, total_cents, status) values (:customer_id, :total_cents, :status)")
	if err != nil {
		return err
	}
	defer ns.Close()
	for _, inv := range invoices {
		if _, err := ns.Exec(inv); err != nil {
			return err
		}
	}
	return nil
}

// namedStmtRowsLeak: the statement is closed by defer, the rows from ns.QueryxContext are not.
func (s *InvoiceService) namedStmtRowsLeak(ctx context.Context, f invoiceFilter) (int, error) {
	ns, err := s.db.PrepareNamedContext(ctx, "select * from invoices where customer_id = :customer_id and status = :status")
	if err != nil {
		return 0, err
	}
	defer ns.Close()
	rows, err := ns.QueryxContext(ctx, f) // want `rows \(\*sqlx\.Rows from ns\.QueryxContext\) is not closed on every path: the return at line 113 leaks it`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

func (s *InvoiceService) namedStmtRowsDeferClose(ctx context.Context, f invoiceFilter) (int, error) {
	ns, err := s.db.PrepareNamedContext(ctx, "select * from invoices where customer_id = :customer_id and status = :status")
	if err != nil {
		return 0, err
	}
	defer ns.Close()
	rows, err := ns.QueryxContext(ctx, f)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// Repo caches prepared statements for its lifetime.
type Repo struct {
	byID       *sqlx.Stmt
	byCustomer *sqlx.NamedStmt
}

func prepareRepoStoresStmtsInFields(ctx context.Context, db *sqlx.DB, r *Repo) error {
	byID, err := db.PreparexContext(ctx, "select * from invoices where id = $1")
	if err != nil {
		return err
	}
	byCustomer, err := db.PrepareNamedContext(ctx, "select * from invoices where customer_id = :customer_id")
	if err != nil {
		byID.Close()
		return err
	}
	r.byID, r.byCustomer = byID, byCustomer
	return nil
}

func prepareNamedOnTxDeferClose(txx *sqlx.Tx, invoices []Invoice) error {
	ns, err := txx.PrepareNamed("update invoices set total_cents = :total_cents where id = :id")
	if err != nil {
		return err
	}
	defer ns.Close()
	for _, inv := range invoices {
		if _, err := ns.Exec(inv); err != nil {
			return err
		}
	}
	return nil
}
