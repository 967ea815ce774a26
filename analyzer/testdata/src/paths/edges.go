package paths

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 2: nothing is held on the edge where the acquisition's err != nil or
// where the acquired value == nil.

// connErrEqualNilBranchCloses uses the inverted check: the err != nil path
// falls through to the return with nothing held.
func connErrEqualNilBranchCloses(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err == nil {
		err = conn.PingContext(ctx)
		conn.Close()
	}
	return err
}

// connErrEqualNilBranchLeaks returns from inside the err == nil branch.
func connErrEqualNilBranchLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 28 leaks it`
	if err == nil {
		if err = conn.PingContext(ctx); err != nil {
			return fmt.Errorf("ping: %w", err)
		}
		conn.Close()
	}
	return err
}

// connNilValueReturnsUnheld checks the value instead of the error.
func connNilValueReturnsUnheld(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if conn == nil {
		return fmt.Errorf("%w: %v", errNoConn, err)
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}

// connNilValueThenPingLeaks checks the value, then leaks on a failed ping.
func connNilValueThenPingLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 52 leaks it`
	if conn == nil {
		return fmt.Errorf("%w: %v", errNoConn, err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return conn.Close()
}

// txReusedErrIsNotTheAcquisitionErrLeaks reuses err for a later call: that
// err != nil edge is not the acquisition's, the transaction is held there.
func (s *orderService) txReusedErrIsNotTheAcquisitionErrLeaks(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 66 leaks it`
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, id)
	if err != nil {
		return err
	}
	return tx.Commit()
}

// txReusedErrRollsBack rolls back on the later err != nil edge.
func (s *orderService) txReusedErrRollsBack(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, id)
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
