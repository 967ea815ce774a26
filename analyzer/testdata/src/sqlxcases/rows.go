package sqlxcases

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/jmoiron/sqlx"
)

func (s *InvoiceService) overdueStructScanErrorLeaks(now time.Time) ([]Invoice, error) {
	rows, err := s.db.Queryx("select * from invoices where status = 'issued' and due_at < $1", now) // want `rows \(\*sqlx\.Rows from s\.db\.Queryx\) is not closed on every path: the return at line 21 leaks it`
	if err != nil {
		return nil, err
	}
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return nil, fmt.Errorf("scan invoice: %w", err)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// overdueDeferClose closes through the embedded *sql.Rows.
func (s *InvoiceService) overdueDeferClose(now time.Time) ([]Invoice, error) {
	rows, err := s.db.Queryx("select * from invoices where status = 'issued' and due_at < $1", now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return nil, fmt.Errorf("scan invoice: %w", err)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// customerTotalsNextToExhaustion: Next returning false closes the rows.
func (s *InvoiceService) customerTotalsNextToExhaustion(ctx context.Context) (map[int64]int64, error) {
	rows, err := s.db.QueryxContext(ctx, "select customer_id, sum(total_cents) as total_cents from invoices group by customer_id")
	if err != nil {
		return nil, err
	}
	totals := make(map[int64]int64)
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			log.Printf("customer totals: %v", err)
			continue
		}
		totals[inv.CustomerID] = inv.TotalCents
	}
	return totals, rows.Err()
}

func (s *InvoiceService) latestInvoiceIfAnyLeaks(ctx context.Context, customerID int64) (*Invoice, error) {
	rows, err := s.db.QueryxContext(ctx, "select * from invoices where customer_id = $1 order by issued_at desc limit 1", customerID) // want `rows \(\*sqlx\.Rows from s\.db\.QueryxContext\) is not closed on every path: the return at line 77 leaks it`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	var inv Invoice
	if err := rows.StructScan(&inv); err != nil {
		rows.Close()
		return nil, err
	}
	return &inv, nil
}

func (s *InvoiceService) latestInvoiceIfAnyDeferClose(ctx context.Context, customerID int64) (*Invoice, error) {
	rows, err := s.db.QueryxContext(ctx, "select * from invoices where customer_id = $1 order by issued_at desc limit 1", customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var inv Invoice
	if err := rows.StructScan(&inv); err != nil {
		return nil, err
	}
	return &inv, nil
}

type invoiceFilter struct {
	CustomerID int64  `db:"customer_id"`
	Status     string `db:"status"`
}

func (s *InvoiceService) namedQueryFirstMatchLeaks(f invoiceFilter) (int64, error) {
	rows, err := s.db.NamedQuery("select id from invoices where customer_id = :customer_id and status = :status", f) // want `rows \(\*sqlx\.Rows from s\.db\.NamedQuery\) is not closed on every path: the return at line 112 leaks it`
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		return id, nil
	}
	return 0, errInvoiceNotFound
}

func (s *InvoiceService) namedQueryFirstMatchDeferClose(f invoiceFilter) (int64, error) {
	rows, err := s.db.NamedQuery("select id from invoices where customer_id = :customer_id and status = :status", f)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		return id, nil
	}
	return 0, errInvoiceNotFound
}

func (s *InvoiceService) namedQueryContextMethodDeferClose(ctx context.Context, f invoiceFilter) ([]Invoice, error) {
	rows, err := s.db.NamedQueryContext(ctx, "select * from invoices where customer_id = :customer_id and status = :status", f)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.StructScan(&inv); err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// namedQueryPackageFuncOnTxLeaks: sqlx.NamedQuery only borrows the tx; the rows are the resource.
func namedQueryPackageFuncOnTxLeaks(txx *sqlx.Tx, f invoiceFilter) ([]int64, error) {
	rows, err := sqlx.NamedQuery(txx, "select id from invoices where customer_id = :customer_id and status = :status for update", f) // want `rows \(\*sqlx\.Rows from sqlx\.NamedQuery\) is not closed on every path: the return at line 160 leaks it`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func namedQueryPackageFuncOnTxDeferClose(txx *sqlx.Tx, f invoiceFilter) ([]int64, error) {
	rows, err := sqlx.NamedQuery(txx, "select id from invoices where customer_id = :customer_id and status = :status for update", f)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func namedQueryContextPackageFuncLeaks(ctx context.Context, db *sqlx.DB, f invoiceFilter) (bool, error) {
	rows, err := sqlx.NamedQueryContext(ctx, db, "select 1 from invoices where customer_id = :customer_id and status = :status", f) // want `rows \(\*sqlx\.Rows from sqlx\.NamedQueryContext\) is not closed on every path: the return at line 189 leaks it`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func namedQueryContextPackageFuncDeferClose(ctx context.Context, db *sqlx.DB, f invoiceFilter) (bool, error) {
	rows, err := sqlx.NamedQueryContext(ctx, db, "select 1 from invoices where customer_id = :customer_id and status = :status", f)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	return rows.Next(), rows.Err()
}

// structScanOnlyBorrowsLeaks: sqlx.StructScan does not close the rows it is given.
func (s *InvoiceService) structScanOnlyBorrowsLeaks(ctx context.Context, customerID int64) ([]Invoice, error) {
	rows, err := s.db.QueryxContext(ctx, "select * from invoices where customer_id = $1", customerID) // want `rows \(\*sqlx\.Rows from s\.db\.QueryxContext\) is not closed on every path: the return at line 209 leaks it`
	if err != nil {
		return nil, err
	}
	var out []Invoice
	if err := sqlx.StructScan(rows, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *InvoiceService) structScanDeferClose(ctx context.Context, customerID int64) ([]Invoice, error) {
	rows, err := s.db.QueryxContext(ctx, "select * from invoices where customer_id = $1", customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Invoice
	if err := sqlx.StructScan(rows, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *InvoiceService) selectAndGetHaveNoObligation(ctx context.Context, ids []int64) ([]Invoice, int, error) {
	query, args, err := sqlx.In("select * from invoices where id in (?)", ids)
	if err != nil {
		return nil, 0, err
	}
	var out []Invoice
	if err := s.db.SelectContext(ctx, &out, s.db.Rebind(query), args...); err != nil {
		return nil, 0, err
	}
	var open int
	if err := sqlx.Get(s.db, &open, "select count(*) from invoices where status = 'open'"); err != nil {
		return nil, 0, err
	}
	return out, open, nil
}

// embeddedSQLQueryLeaks uses the database/sql QueryContext promoted from *sql.DB.
func (s *InvoiceService) embeddedSQLQueryLeaks(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "select distinct status from invoices") // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 253 leaks it`
	if err != nil {
		return nil, err
	}
	var statuses []string
	for rows.Next() {
		var st string
		if err := rows.Scan(&st); err != nil {
			return nil, err
		}
		statuses = append(statuses, st)
	}
	return statuses, rows.Err()
}

func (s *InvoiceService) embeddedSQLQueryDeferClose(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "select distinct status from invoices")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var statuses []string
	for rows.Next() {
		var st string
		if err := rows.Scan(&st); err != nil {
			return nil, err
		}
		statuses = append(statuses, st)
	}
	return statuses, rows.Err()
}

func (s *InvoiceService) refreshViewQueryxDiscarded() error {
	_, err := s.db.Queryx("refresh materialized view concurrently invoice_totals") // want `the \*sqlx\.Rows from s\.db\.Queryx is discarded and never closed`
	return err
}

func (s *InvoiceService) refreshViewExec() error {
	_, err := s.db.Exec("refresh materialized view concurrently invoice_totals")
	return err
}
