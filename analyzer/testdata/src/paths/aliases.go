package paths

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log"
)

// Point 3: aliases of the acquired value release it.

// refreshPhiLeaks picks the pool on a flag; both acquisitions flow into one
// variable and both leak when the refresh fails.
func (r *reportRepo) refreshPhiLeaks(ctx context.Context, fresh bool) error {
	var conn *sql.Conn
	var err error
	if fresh {
		conn, err = r.primary.Conn(ctx) // want `conn \(\*sql\.Conn from r\.primary\.Conn\) is not closed on every path: the return at line 27 leaks it`
	} else {
		conn, err = r.replica.Conn(ctx) // want `conn \(\*sql\.Conn from r\.replica\.Conn\) is not closed on every path: the return at line 27 leaks it`
	}
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "REFRESH MATERIALIZED VIEW daily_totals"); err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	return conn.Close()
}

// refreshPhiDeferClose closes the merged value once.
func (r *reportRepo) refreshPhiDeferClose(ctx context.Context, fresh bool) error {
	var conn *sql.Conn
	var err error
	if fresh {
		conn, err = r.primary.Conn(ctx)
	} else {
		conn, err = r.replica.Conn(ctx)
	}
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "REFRESH MATERIALIZED VIEW daily_totals"); err != nil {
		return fmt.Errorf("refresh: %w", err)
	}
	return nil
}

// connInterfaceAliasDeferClose releases through an io.Closer holding the conn.
func connInterfaceAliasDeferClose(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	var c io.Closer = conn
	defer c.Close()
	return conn.PingContext(ctx)
}

// connInterfaceAliasLeaks closes through the interface only at the end.
func connInterfaceAliasLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 70 leaks it`
	if err != nil {
		return err
	}
	var c io.Closer = conn
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return c.Close()
}

// stmtConversionDeferClose releases through an explicit interface conversion.
func stmtConversionDeferClose(ctx context.Context, db *sql.DB, ids []int64) error {
	stmt, err := db.PrepareContext(ctx, `DELETE FROM carts WHERE id = $1`)
	if err != nil {
		return err
	}
	defer io.Closer(stmt).Close()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("delete cart %d: %w", id, err)
		}
	}
	return nil
}

// stmtMethodValueDeferred defers a method value bound to the statement.
func stmtMethodValueDeferred(ctx context.Context, db *sql.DB, skus []string) error {
	stmt, err := db.PrepareContext(ctx, `UPDATE stock SET reserved = reserved + 1 WHERE sku = $1`)
	if err != nil {
		return fmt.Errorf("prepare reserve: %w", err)
	}
	closeStmt := stmt.Close
	defer closeStmt()
	for _, sku := range skus {
		if _, err := stmt.ExecContext(ctx, sku); err != nil {
			return fmt.Errorf("reserve %s: %w", sku, err)
		}
	}
	return nil
}

// stmtMethodValueLeaks calls the method value only after the loop.
func stmtMethodValueLeaks(ctx context.Context, db *sql.DB, skus []string) error {
	stmt, err := db.PrepareContext(ctx, `UPDATE stock SET reserved = reserved + 1 WHERE sku = $1`) // want `stmt \(\*sql\.Stmt from db\.PrepareContext\) is not closed on every path: the return at line 115 leaks it`
	if err != nil {
		return fmt.Errorf("prepare reserve: %w", err)
	}
	closeStmt := stmt.Close
	for _, sku := range skus {
		if _, err := stmt.ExecContext(ctx, sku); err != nil {
			return fmt.Errorf("reserve %s: %w", sku, err)
		}
	}
	return closeStmt()
}

// txClosureBindingRollsBack calls a local rollback helper on each failure.
func (s *orderService) txClosureBindingRollsBack(ctx context.Context, id int64, lines []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	rollback := func() {
		if rerr := tx.Rollback(); rerr != nil {
			log.Printf("rollback order %d: %v", id, rerr)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE order_id = $1`, id); err != nil {
		rollback()
		return fmt.Errorf("clear lines: %w", err)
	}
	for _, l := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_id, sku) VALUES ($1, $2)`, id, l); err != nil {
			rollback()
			return fmt.Errorf("add line %s: %w", l, err)
		}
	}
	return tx.Commit()
}

// txClosureBindingLeaks forgets the helper in the loop.
func (s *orderService) txClosureBindingLeaks(ctx context.Context, id int64, lines []string) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 162 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	rollback := func() {
		if rerr := tx.Rollback(); rerr != nil {
			log.Printf("rollback order %d: %v", id, rerr)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE order_id = $1`, id); err != nil {
		rollback()
		return fmt.Errorf("clear lines: %w", err)
	}
	for _, l := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_id, sku) VALUES ($1, $2)`, id, l); err != nil {
			return fmt.Errorf("add line %s: %w", l, err)
		}
	}
	return tx.Commit()
}

// connDirectClosureCallCloses releases inside a closure that is called on
// the spot.
func connDirectClosureCallCloses(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	err = conn.PingContext(ctx)
	func() {
		if cerr := conn.Close(); cerr != nil {
			log.Printf("close conn: %v", cerr)
		}
	}()
	return err
}

// connDirectClosureCallLeaks returns before reaching the closure call.
func connDirectClosureCallLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 191 leaks it`
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	func() {
		if cerr := conn.Close(); cerr != nil {
			log.Printf("close conn: %v", cerr)
		}
	}()
	return nil
}

// tracedConn embeds the connection; its promoted Close is the conn's Close.
type tracedConn struct {
	*sql.Conn
	label string
}

// connEmbeddedFieldDeferClose releases through the promoted method.
func connEmbeddedFieldDeferClose(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	tc := tracedConn{Conn: conn, label: "reindex"}
	defer tc.Close()
	if _, err := tc.ExecContext(ctx, "REINDEX TABLE users"); err != nil {
		return fmt.Errorf("%s: %w", tc.label, err)
	}
	return nil
}

// connEmbeddedFieldLeaks releases through the promoted method only at the end.
func connEmbeddedFieldLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 229 leaks it`
	if err != nil {
		return err
	}
	tc := tracedConn{Conn: conn, label: "reindex"}
	if _, err := tc.ExecContext(ctx, "REINDEX TABLE users"); err != nil {
		return fmt.Errorf("%s: %w", tc.label, err)
	}
	return tc.Close()
}

// refreshNestedPhiWork picks among three pools through nested branches with
// work between the two merges, so err is a merge of merges; the err check
// still tells, for each acquisition, that it failed.
func (r *reportRepo) refreshNestedPhiWork(ctx context.Context, fresh, replica bool) error {
	var conn *sql.Conn
	var err error
	if fresh {
		if replica {
			conn, err = r.replica.Conn(ctx)
		} else {
			conn, err = r.primary.Conn(ctx)
		}
		log.Print("fresh data")
	} else {
		conn, err = r.primary.Conn(ctx)
	}
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	return conn.Close()
}

// refreshNestedPhiOtherErrorLeaks is its twin: on one path holding the
// connection, err is replaced by another error before the check, which then
// returns with the connection held.
func (r *reportRepo) refreshNestedPhiOtherErrorLeaks(ctx context.Context, fresh, ping bool) error {
	var conn *sql.Conn
	var err error
	if fresh {
		conn, err = r.replica.Conn(ctx) // want `conn \(\*sql\.Conn from r\.replica\.Conn\) is not closed on every path: the return at line 272 leaks it`
	} else {
		conn, err = r.primary.Conn(ctx) // want `conn \(\*sql\.Conn from r\.primary\.Conn\) is not closed on every path: the return at line 272 leaks it`
	}
	log.Print("checked out")
	if ping && err == nil {
		err = r.primary.PingContext(ctx)
	}
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	return conn.Close()
}
