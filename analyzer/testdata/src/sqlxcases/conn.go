package sqlxcases

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

func (s *InvoiceService) tenantInvoiceCountEarlyReturnLeaks(ctx context.Context, schema string) (int, error) {
	conn, err := s.db.Connx(ctx) // want `conn \(\*sqlx\.Conn from s\.db\.Connx\) is not closed on every path: the return at line 16 leaks it`
	if err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, "set search_path = "+schema); err != nil {
		return 0, fmt.Errorf("set search_path: %w", err)
	}
	var n int
	err = conn.GetContext(ctx, &n, "select count(*) from invoices")
	conn.Close()
	return n, err
}

// tenantInvoiceCountDeferClose closes through the embedded *sql.Conn.
func (s *InvoiceService) tenantInvoiceCountDeferClose(ctx context.Context, schema string) (int, error) {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "set search_path = "+schema); err != nil {
		return 0, fmt.Errorf("set search_path: %w", err)
	}
	var n int
	err = conn.GetContext(ctx, &n, "select count(*) from invoices")
	return n, err
}

func (s *InvoiceService) lockedRecountOnConnLeaks(ctx context.Context, customerID int64) error {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	txx, err := conn.BeginTxx(ctx, nil) // want `txx \(\*sqlx\.Tx from conn\.BeginTxx\) is not committed or rolled back on every path: the return at line 50 leaks it`
	if err != nil {
		return err
	}
	if _, err := txx.ExecContext(ctx, "select pg_advisory_xact_lock($1)", customerID); err != nil {
		return err
	}
	if _, err := txx.ExecContext(ctx, "update customers set invoice_count = (select count(*) from invoices where customer_id = $1) where id = $1", customerID); err != nil {
		_ = txx.Rollback()
		return err
	}
	return txx.Commit()
}

func (s *InvoiceService) lockedRecountOnConnDeferRollback(ctx context.Context, customerID int64) error {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	txx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer txx.Rollback()
	if _, err := txx.ExecContext(ctx, "select pg_advisory_xact_lock($1)", customerID); err != nil {
		return err
	}
	if _, err := txx.ExecContext(ctx, "update customers set invoice_count = (select count(*) from invoices where customer_id = $1) where id = $1", customerID); err != nil {
		return err
	}
	return txx.Commit()
}

// sessionConnFromEmbeddedDB uses the database/sql method promoted from the embedded *sql.DB.
func (s *InvoiceService) sessionConnFromEmbeddedDBLeaks(ctx context.Context) (string, error) {
	conn, err := s.db.Conn(ctx) // want `conn \(\*sql\.Conn from s\.db\.Conn\) is not closed on every path: the return at line 87 leaks it`
	if err != nil {
		return "", err
	}
	var user string
	if err := conn.QueryRowContext(ctx, "select current_user").Scan(&user); err != nil {
		return "", err
	}
	return user, conn.Close()
}

func (s *InvoiceService) sessionConnFromEmbeddedDBDeferClose(ctx context.Context) (string, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var user string
	if err := conn.QueryRowContext(ctx, "select current_user").Scan(&user); err != nil {
		return "", err
	}
	return user, nil
}

func (s *InvoiceService) perTenantConnDeferInLoop(ctx context.Context, schemas []string) (map[string]int, error) {
	counts := make(map[string]int, len(schemas))
	for _, schema := range schemas {
		conn, err := s.db.Connx(ctx) // want `conn\.Close is deferred inside a loop: every iteration's \*sqlx\.Conn from s\.db\.Connx stays held until the function returns`
		if err != nil {
			return nil, err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "set search_path = "+schema); err != nil {
			return nil, err
		}
		var n int
		if err := conn.GetContext(ctx, &n, "select count(*) from invoices"); err != nil {
			return nil, err
		}
		counts[schema] = n
	}
	return counts, nil
}

func (s *InvoiceService) perTenantConnClosedEachIteration(ctx context.Context, schemas []string) (map[string]int, error) {
	counts := make(map[string]int, len(schemas))
	for _, schema := range schemas {
		n, err := s.countInSchema(ctx, schema)
		if err != nil {
			return nil, fmt.Errorf("count %s: %w", schema, err)
		}
		counts[schema] = n
	}
	return counts, nil
}

func (s *InvoiceService) countInSchema(ctx context.Context, schema string) (int, error) {
	conn, err := s.db.Connx(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "set search_path = "+schema); err != nil {
		return 0, err
	}
	var n int
	err = conn.GetContext(ctx, &n, "select count(*) from invoices")
	return n, err
}

// openReportingDB: *sqlx.DB is not a resource of the catalog.
func openReportingDB(ctx context.Context, dsn string) (*sqlx.DB, error) {
	db, err := sqlx.ConnectContext(ctx, "postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	return db, nil
}
