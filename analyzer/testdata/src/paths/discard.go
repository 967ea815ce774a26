package paths

import (
	"context"
	"database/sql"
	"fmt"
	"log"
)

// Point 11: results that are never bound to a variable.

type poolWarmer struct {
	db *sql.DB
}

// warmDiscardsConn checks a connection out and drops it on the floor.
func (p *poolWarmer) warmDiscardsConn(ctx context.Context) {
	p.db.Conn(ctx) // want `the \*sql\.Conn from p\.db\.Conn is discarded and never closed`
}

// warmClosesConn checks a connection out and gives it back.
func (p *poolWarmer) warmClosesConn(ctx context.Context) {
	conn, err := p.db.Conn(ctx)
	if err != nil {
		log.Printf("warm pool: %v", err)
		return
	}
	conn.Close()
}

// purgeCartsQueryDiscardsRows runs a DELETE through QueryContext and throws
// the rows away.
func (s *orderService) purgeCartsQueryDiscardsRows(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, `DELETE FROM carts WHERE expires_at < now()`) // want `the \*sql\.Rows from s\.db\.QueryContext is discarded and never closed`
	if err != nil {
		return fmt.Errorf("purge carts: %w", err)
	}
	return nil
}

// purgeCartsExec uses ExecContext, which holds nothing.
func (s *orderService) purgeCartsExec(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM carts WHERE expires_at < now()`); err != nil {
		return fmt.Errorf("purge carts: %w", err)
	}
	return nil
}

// canBeginDiscardsTx probes the database by starting a transaction it never
// ends.
func canBeginDiscardsTx(ctx context.Context, db *sql.DB) error {
	if _, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err != nil { // want `the \*sql\.Tx from db\.BeginTx is discarded and never committed or rolled back`
		return fmt.Errorf("database not ready: %w", err)
	}
	return nil
}

// canBeginRollsBack probes the same way and rolls the transaction back.
func canBeginRollsBack(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("database not ready: %w", err)
	}
	return tx.Rollback()
}
