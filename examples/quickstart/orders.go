// Package quickstart is a small service with the leaks connrelease finds.
// `go run ./cmd/connrelease ./examples/quickstart/` reports each of them.
package quickstart

import (
	"context"
	"database/sql"
	"fmt"
)

// Order is a row of the orders table.
type Order struct {
	ID    int64
	Total int64
}

// Store reads and writes orders.
type Store struct {
	db *sql.DB
}

// OrdersOf leaks its rows when a Scan fails: the early return skips the
// Close at the bottom.
func (s *Store) OrdersOf(ctx context.Context, customer int64) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, total FROM orders WHERE customer = ?", customer)
	if err != nil {
		return nil, fmt.Errorf("query orders: %w", err)
	}
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Total); err != nil {
			return nil, fmt.Errorf("scan order: %w", err)
		}
		out = append(out, o)
	}
	err = rows.Err()
	rows.Close()
	return out, err
}

// Pay leaks the transaction when the update fails.
func (s *Store) Pay(ctx context.Context, order int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET paid = true WHERE id = ?", order); err != nil {
		return fmt.Errorf("pay order %d: %w", order, err)
	}
	return tx.Commit()
}

// Lock leaks its dedicated connection on every path.
func (s *Store) Lock(ctx context.Context, name string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "SELECT GET_LOCK(?, 10)", name)
	return err
}

// Total is correct: the rows are closed by the deferred Close on every path.
func (s *Store) Total(ctx context.Context) (int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT total FROM orders")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var sum int64
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			return 0, err
		}
		sum += t
	}
	return sum, rows.Err()
}
