package paths

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 4: a deferred closure that releases only when err != nil releases
// only on the paths where err != nil at the return; the other paths must hand
// the value over or they leak.

// cancelOrderNamedErrLeaks takes the "nothing to do" exit with err == nil, so
// the deferred rollback does not run and nothing commits.
func (s *orderService) cancelOrderNamedErrLeaks(ctx context.Context, id int64) (err error) {
	tx, err := s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 34 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	res, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status <> 'cancelled'`, id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	return tx.Commit()
}

// cancelOrderNamedErrRollsBackNoop ends the transaction on the "nothing to
// do" exit as well.
func (s *orderService) cancelOrderNamedErrRollsBackNoop(ctx context.Context, id int64) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	res, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status <> 'cancelled'`, id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return tx.Rollback()
	}
	return tx.Commit()
}

// shipOrderNamedErrCommitInDefer commits or rolls back in the deferred
// closure depending on err: both outcomes release.
func (s *orderService) shipOrderNamedErrCommitInDefer(ctx context.Context, id int64, carrier string) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	if _, err = tx.ExecContext(ctx, `UPDATE orders SET status = 'shipped' WHERE id = $1`, id); err != nil {
		return err
	}
	if carrier == "" {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO shipments (order_id, carrier) VALUES ($1, $2)`, id, carrier)
	return err
}

// openReportConnCapturedErrLeaks closes in a deferred closure keyed on the
// captured err, but the schema step shadows err: on that return the captured
// err is still nil and the connection is not returned either.
func (r *reportRepo) openReportConnCapturedErrLeaks(ctx context.Context, schema string) (*sql.Conn, error) {
	conn, err := r.replica.Conn(ctx) // want `conn \(\*sql\.Conn from r\.replica\.Conn\) is not closed on every path: the return at line 106 leaks it`
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	if err = conn.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SET search_path TO "+schema); err != nil {
		return nil, fmt.Errorf("set search path %s: %w", schema, err)
	}
	return conn, nil
}

// openReportConnCapturedErrCloses assigns the captured err on every failure
// and hands the connection to the caller on success.
func (r *reportRepo) openReportConnCapturedErrCloses(ctx context.Context, schema string) (*sql.Conn, error) {
	conn, err := r.replica.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	if err = conn.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	if _, err = conn.ExecContext(ctx, "SET search_path TO "+schema); err != nil {
		return nil, fmt.Errorf("set search path %s: %w", schema, err)
	}
	return conn, nil
}
