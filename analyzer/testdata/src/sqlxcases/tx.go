package sqlxcases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/jmoiron/sqlx"
)

func (s *InvoiceService) voidInvoiceEarlyReturnLeaks(id int64) error {
	txx, err := s.db.Beginx() // want `txx \(\*sqlx\.Tx from s\.db\.Beginx\) is not committed or rolled back on every path: the return at line 22 leaks it`
	if err != nil {
		return err
	}
	var status string
	if err := txx.Get(&status, "select status from invoices where id = $1 for update", id); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return errInvoiceNotFound
		}
		_ = txx.Rollback()
		return err
	}
	if _, err := txx.Exec("update invoices set status = 'void' where id = $1", id); err != nil {
		_ = txx.Rollback()
		return err
	}
	return txx.Commit()
}

// voidInvoiceDeferRollback releases through the methods promoted from the embedded *sql.Tx.
func (s *InvoiceService) voidInvoiceDeferRollback(id int64) error {
	txx, err := s.db.Beginx()
	if err != nil {
		return err
	}
	defer txx.Rollback()
	var status string
	if err := txx.Get(&status, "select status from invoices where id = $1 for update", id); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return errInvoiceNotFound
		}
		return err
	}
	if _, err := txx.Exec("update invoices set status = 'void' where id = $1", id); err != nil {
		return err
	}
	return txx.Commit()
}

func (s *InvoiceService) rollbackThroughExplicitEmbeddedField(ctx context.Context, id int64) error {
	txx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	defer txx.Tx.Rollback()
	if _, err := txx.ExecContext(ctx, "update invoices set status = 'sent' where id = $1", id); err != nil {
		return err
	}
	return txx.Tx.Commit()
}

// issueInvoiceCapturedErrLeaks: the deferred rollback depends on the captured err, and the
// zero-total path returns with err == nil and no commit.
func (s *InvoiceService) issueInvoiceCapturedErrLeaks(ctx context.Context, inv Invoice) error {
	var err error
	txx, err := s.db.BeginTxx(ctx, nil) // want `txx \(\*sqlx\.Tx from s\.db\.BeginTxx\) is not committed or rolled back on every path: the return at line 83 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = txx.Rollback()
		}
	}()
	if _, err = txx.NamedExecContext(ctx, "insert into invoices (customer_id, total_cents, status) values (:customer_id, :total_cents, 'issued')", inv); err != nil {
		return err
	}
	if inv.TotalCents == 0 {
		return nil
	}
	err = txx.Commit()
	return err
}

func (s *InvoiceService) issueInvoiceCapturedErrRollback(ctx context.Context, inv Invoice) error {
	var err error
	txx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = txx.Rollback()
		}
	}()
	if _, err = txx.NamedExecContext(ctx, "insert into invoices (customer_id, total_cents, status) values (:customer_id, :total_cents, 'issued')", inv); err != nil {
		return err
	}
	err = txx.Commit()
	return err
}

func (s *InvoiceService) markPaidMustBeginLeaks(id int64, paidAt time.Time) error {
	txx := s.db.MustBegin() // want `txx \(\*sqlx\.Tx from s\.db\.MustBegin\) is not committed or rolled back on every path: the return at line 111 leaks it`
	res := txx.MustExec("update invoices set status = 'paid', paid_at = $2 where id = $1", id, paidAt)
	if n, _ := res.RowsAffected(); n == 0 {
		return errInvoiceNotFound
	}
	return txx.Commit()
}

func (s *InvoiceService) markPaidMustBeginRollbackWhenMissing(id int64, paidAt time.Time) error {
	txx := s.db.MustBegin()
	res := txx.MustExec("update invoices set status = 'paid', paid_at = $2 where id = $1", id, paidAt)
	if n, _ := res.RowsAffected(); n == 0 {
		_ = txx.Rollback()
		return errInvoiceNotFound
	}
	return txx.Commit()
}

func (s *InvoiceService) reopenMustBeginTxLeaks(ctx context.Context, id int64) error {
	txx := s.db.MustBeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead}) // want `txx \(\*sqlx\.Tx from s\.db\.MustBeginTx\) is not committed or rolled back on every path: the return at line 129 leaks it`
	if _, err := txx.ExecContext(ctx, "update invoices set status = 'open' where id = $1", id); err != nil {
		return fmt.Errorf("reopen %d: %w", id, err)
	}
	return txx.Commit()
}

func (s *InvoiceService) reopenMustBeginTxDeferRollback(ctx context.Context, id int64) error {
	txx := s.db.MustBeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	defer txx.Rollback()
	if _, err := txx.ExecContext(ctx, "update invoices set status = 'open' where id = $1", id); err != nil {
		return fmt.Errorf("reopen %d: %w", id, err)
	}
	return txx.Commit()
}

// UnitOfWork owns a transaction that the caller finishes.
type UnitOfWork struct {
	tx *sqlx.Tx
}

func (s *InvoiceService) beginUnitOfWorkReturnsTx(ctx context.Context) (*UnitOfWork, error) {
	txx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &UnitOfWork{tx: txx}, nil
}

// Job is a row of the job queue.
type Job struct {
	ID      int64  `db:"id"`
	Payload string `db:"payload"`
}

// pollJobsEmptyQueueLeaks never returns; the empty-queue path continues with the tx open.
func (s *InvoiceService) pollJobsEmptyQueueLeaks(ctx context.Context, handle func(Job) error) {
	for {
		txx, err := s.db.BeginTxx(ctx, nil) // want `txx \(\*sqlx\.Tx from s\.db\.BeginTxx\) is not committed or rolled back on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			log.Printf("poll: begin: %v", err)
			time.Sleep(time.Second)
			continue
		}
		var job Job
		if err := txx.GetContext(ctx, &job, "select id, payload from jobs order by id limit 1 for update skip locked"); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				time.Sleep(5 * time.Second)
				continue
			}
			log.Printf("poll: %v", err)
			_ = txx.Rollback()
			continue
		}
		if err := handle(job); err != nil {
			log.Printf("job %d: %v", job.ID, err)
			_ = txx.Rollback()
			continue
		}
		if _, err := txx.ExecContext(ctx, "delete from jobs where id = $1", job.ID); err != nil {
			_ = txx.Rollback()
			continue
		}
		if err := txx.Commit(); err != nil {
			log.Printf("poll: commit: %v", err)
		}
	}
}

func (s *InvoiceService) pollJobsRollbackWhenEmpty(ctx context.Context, handle func(Job) error) {
	for {
		txx, err := s.db.BeginTxx(ctx, nil)
		if err != nil {
			log.Printf("poll: begin: %v", err)
			time.Sleep(time.Second)
			continue
		}
		var job Job
		if err := txx.GetContext(ctx, &job, "select id, payload from jobs order by id limit 1 for update skip locked"); err != nil {
			_ = txx.Rollback()
			if errors.Is(err, sql.ErrNoRows) {
				time.Sleep(5 * time.Second)
				continue
			}
			log.Printf("poll: %v", err)
			continue
		}
		if err := handle(job); err != nil {
			log.Printf("job %d: %v", job.ID, err)
			_ = txx.Rollback()
			continue
		}
		if _, err := txx.ExecContext(ctx, "delete from jobs where id = $1", job.ID); err != nil {
			_ = txx.Rollback()
			continue
		}
		if err := txx.Commit(); err != nil {
			log.Printf("poll: commit: %v", err)
		}
	}
}
