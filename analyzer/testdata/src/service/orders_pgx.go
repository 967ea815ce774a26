package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

const maxTransferAttempts = 5

// isSerializationFailure reports whether err is SQLSTATE 40001.
func isSerializationFailure(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "40001"
}

// transferRetryLeaks retries serialization failures and rolls back before
// each retry, but a statement that fails for any other reason returns with the
// transaction open. (A failed Commit has ended the transaction.)
func (s *OrderStore) transferRetryLeaks(ctx context.Context, from, to, cents int64) error {
	for attempt := 1; ; attempt++ {
		tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) // want `tx \(pgx\.Tx from s\.pool\.BeginTx\) is not committed or rolled back on every path: the return at line 44 leaks it`
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents - $1 WHERE id = $2`, cents, from)
		if err == nil {
			_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents + $1 WHERE id = $2`, cents, to)
		}
		if err == nil {
			if err = tx.Commit(ctx); err == nil {
				return nil
			}
		}
		if isSerializationFailure(err) && attempt < maxTransferAttempts {
			_ = tx.Rollback(ctx)
			continue
		}
		return fmt.Errorf("transfer %d -> %d (attempt %d): %w", from, to, attempt, err)
	}
}

// transferRetryRollsBack rolls back before giving up as well (a no-op after
// a failed Commit).
func (s *OrderStore) transferRetryRollsBack(ctx context.Context, from, to, cents int64) error {
	for attempt := 1; ; attempt++ {
		tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents - $1 WHERE id = $2`, cents, from)
		if err == nil {
			_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents + $1 WHERE id = $2`, cents, to)
		}
		if err == nil {
			if err = tx.Commit(ctx); err == nil {
				return nil
			}
		}
		_ = tx.Rollback(ctx)
		if isSerializationFailure(err) && attempt < maxTransferAttempts {
			continue
		}
		return fmt.Errorf("transfer %d -> %d (attempt %d): %w", from, to, attempt, err)
	}
}

// transferRetryDeferInLoop defers the rollback inside the retry loop: a failed
// attempt's transaction stays open while the next attempt runs.
func (s *OrderStore) transferRetryDeferInLoop(ctx context.Context, from, to, cents int64) error {
	for attempt := 1; ; attempt++ {
		tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) // want `tx\.Rollback is deferred inside a loop: every iteration's pgx\.Tx from s\.pool\.BeginTx stays held until the function returns`
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer tx.Rollback(ctx)
		_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents - $1 WHERE id = $2`, cents, from)
		if err == nil {
			_, err = tx.Exec(ctx, `UPDATE wallets SET cents = cents + $1 WHERE id = $2`, cents, to)
		}
		if err == nil {
			if err = tx.Commit(ctx); err == nil {
				return nil
			}
		}
		if isSerializationFailure(err) && attempt < maxTransferAttempts {
			continue
		}
		return fmt.Errorf("transfer %d -> %d (attempt %d): %w", from, to, attempt, err)
	}
}

// transferRetryClosurePerAttempt scopes each attempt in a closure, so the
// deferred rollback runs at the end of the attempt; it backs off between
// attempts unless the context ends.
func (s *OrderStore) transferRetryClosurePerAttempt(ctx context.Context, from, to, cents int64) error {
	for attempt := 1; ; attempt++ {
		err := func() error {
			tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
			if err != nil {
				return fmt.Errorf("begin: %w", err)
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, `UPDATE wallets SET cents = cents - $1 WHERE id = $2`, cents, from); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE wallets SET cents = cents + $1 WHERE id = $2`, cents, to); err != nil {
				return err
			}
			return tx.Commit(ctx)
		}()
		if err == nil {
			return nil
		}
		if !isSerializationFailure(err) || attempt == maxTransferAttempts {
			return fmt.Errorf("transfer %d -> %d (attempt %d): %w", from, to, attempt, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt) * 20 * time.Millisecond):
		}
	}
}

// LineItem is one line of an order.
type LineItem struct {
	SKU string
	Qty int
}

// reserveStockBatchLeaks queues one reservation per line; a failed Exec
// returns without closing the batch results (the out-of-stock exit closes).
func (s *OrderStore) reserveStockBatchLeaks(ctx context.Context, items []LineItem) error {
	batch := &pgx.Batch{}
	for _, it := range items {
		batch.Queue(`UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND available - reserved >= $1`, it.Qty, it.SKU)
	}
	br := s.pool.SendBatch(ctx, batch) // want `br \(pgx\.BatchResults from s\.pool\.SendBatch\) is not closed on every path: the return at line 148 leaks it`
	for _, it := range items {
		ct, err := br.Exec()
		if err != nil {
			return fmt.Errorf("reserve %s: %w", it.SKU, err)
		}
		if ct.RowsAffected() == 0 {
			_ = br.Close()
			return fmt.Errorf("reserve %s: %w", it.SKU, errOutOfStock)
		}
	}
	return br.Close()
}

// reserveStockBatchDeferClose closes in a deferred closure that keeps the
// first error.
func (s *OrderStore) reserveStockBatchDeferClose(ctx context.Context, items []LineItem) (err error) {
	batch := &pgx.Batch{}
	for _, it := range items {
		batch.Queue(`UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND available - reserved >= $1`, it.Qty, it.SKU)
	}
	br := s.pool.SendBatch(ctx, batch)
	defer func() {
		if cerr := br.Close(); err == nil {
			err = cerr
		}
	}()
	for _, it := range items {
		ct, err := br.Exec()
		if err != nil {
			return fmt.Errorf("reserve %s: %w", it.SKU, err)
		}
		if ct.RowsAffected() == 0 {
			return fmt.Errorf("reserve %s: %w", it.SKU, errOutOfStock)
		}
	}
	return nil
}

// followOrderEventsLeaks listens on a pooled connection until the context
// ends; cancellation is treated as a clean stop and skips the Release.
func (s *OrderStore) followOrderEventsLeaks(ctx context.Context, handle func(orderID string)) error {
	conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 198 leaks it`
	if err != nil {
		return fmt.Errorf("acquire listener: %w", err)
	}
	if _, err := conn.Exec(ctx, `LISTEN order_events`); err != nil {
		conn.Release()
		return fmt.Errorf("listen: %w", err)
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return nil
		case err != nil:
			conn.Release()
			return fmt.Errorf("wait for notification: %w", err)
		}
		handle(n.Payload)
	}
}

// followOrderEventsDeferRelease defers the Release.
func (s *OrderStore) followOrderEventsDeferRelease(ctx context.Context, handle func(orderID string)) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire listener: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `LISTEN order_events`); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return nil
		case err != nil:
			return fmt.Errorf("wait for notification: %w", err)
		}
		handle(n.Payload)
	}
}

// pgRepo is a generic table repository over the pool.
type pgRepo[T any] struct {
	pool  *pgxpool.Pool
	table string
}

// All collects every row; CollectRows closes the rows.
func (r *pgRepo[T]) All(ctx context.Context) ([]T, error) {
	rows, err := r.pool.Query(ctx, `SELECT * FROM `+r.table)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.table, err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[T])
}

// FirstLeaks scans the first row by hand. RowToStructByName only reads the
// current row, and the success exit returns with the rows still open.
func (r *pgRepo[T]) FirstLeaks(ctx context.Context) (T, bool, error) {
	var zero T
	rows, err := r.pool.Query(ctx, `SELECT * FROM `+r.table+` ORDER BY id LIMIT 1`) // want `rows \(pgx\.Rows from r\.pool\.Query\) is not closed on every path: the return at line 260 leaks it`
	if err != nil {
		return zero, false, fmt.Errorf("%s: %w", r.table, err)
	}
	if !rows.Next() {
		return zero, false, rows.Err()
	}
	v, err := pgx.RowToStructByName[T](rows)
	if err != nil {
		rows.Close()
		return zero, false, fmt.Errorf("%s: %w", r.table, err)
	}
	return v, true, nil
}

// First defers the Close.
func (r *pgRepo[T]) First(ctx context.Context) (T, bool, error) {
	var zero T
	rows, err := r.pool.Query(ctx, `SELECT * FROM `+r.table+` ORDER BY id LIMIT 1`)
	if err != nil {
		return zero, false, fmt.Errorf("%s: %w", r.table, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return zero, false, rows.Err()
	}
	v, err := pgx.RowToStructByName[T](rows)
	if err != nil {
		return zero, false, fmt.Errorf("%s: %w", r.table, err)
	}
	return v, true, nil
}

// Product is a row of the products table.
type Product struct {
	ID    int64  `db:"id"`
	SKU   string `db:"sku"`
	Cents int64  `db:"cents"`
}

// firstProducts instantiates the generic repository; it acquires nothing
// itself.
func (s *OrderStore) firstProducts(ctx context.Context) (Product, Product, error) {
	repo := &pgRepo[Product]{pool: s.pool, table: "products"}
	a, _, err := repo.First(ctx)
	if err != nil {
		return Product{}, Product{}, err
	}
	b, _, err := repo.FirstLeaks(ctx)
	return a, b, err
}

// cancelTenantOrderNamedResult shadows err inside the if statements, but each
// return assigns the named result, so the deferred closure sees a non-nil err
// on every failure and rolls back; the success path commits.
func (s *OrderStore) cancelTenantOrderNamedResult(ctx context.Context, tenant string, orderID int64) (err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if _, err := tx.Exec(ctx, `SELECT set_config('app.tenant', $1, true)`, tenant); err != nil {
		return fmt.Errorf("tenant %s: %w", tenant, err)
	}
	ct, err := tx.Exec(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'open'`, orderID)
	if err != nil {
		return fmt.Errorf("cancel %d: %w", orderID, err)
	}
	if ct.RowsAffected() == 0 {
		return errNotCancellable
	}
	return tx.Commit(ctx)
}

// cancelTenantOrderCapturedErrLeaks has unnamed results: the deferred closure
// reads the local err, which the shadowing if statement leaves nil, so the
// tenant failure returns with the transaction open.
func (s *OrderStore) cancelTenantOrderCapturedErrLeaks(ctx context.Context, tenant string, orderID int64) error {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 340 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if _, err := tx.Exec(ctx, `SELECT set_config('app.tenant', $1, true)`, tenant); err != nil {
		return fmt.Errorf("tenant %s: %w", tenant, err)
	}
	ct, err := tx.Exec(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'open'`, orderID)
	if err != nil {
		return fmt.Errorf("cancel %d: %w", orderID, err)
	}
	if ct.RowsAffected() == 0 {
		return errNotCancellable
	}
	return tx.Commit(ctx)
}

// firstOverdueAcrossRegionsLeaks scans region by region and leaves both
// loops at the first overdue order with a labelled break, with that region's
// rows still open.
func (s *OrderStore) firstOverdueAcrossRegionsLeaks(ctx context.Context, regions []string, now time.Time) (int64, error) {
	var found int64
search:
	for _, region := range regions {
		rows, err := s.pool.Query(ctx, `SELECT id, due_at FROM orders WHERE region = $1 AND status = 'open' ORDER BY due_at`, region) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 379 leaks it`
		if err != nil {
			return 0, fmt.Errorf("region %s: %w", region, err)
		}
		for rows.Next() {
			var id int64
			var due time.Time
			if err := rows.Scan(&id, &due); err != nil {
				rows.Close()
				return 0, fmt.Errorf("region %s: scan: %w", region, err)
			}
			if due.Before(now) {
				found = id
				break search
			}
		}
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("region %s: %w", region, err)
		}
	}
	return found, nil
}

// firstOverdueAcrossRegionsClosesBeforeBreak closes before the labelled break.
func (s *OrderStore) firstOverdueAcrossRegionsClosesBeforeBreak(ctx context.Context, regions []string, now time.Time) (int64, error) {
	var found int64
search:
	for _, region := range regions {
		rows, err := s.pool.Query(ctx, `SELECT id, due_at FROM orders WHERE region = $1 AND status = 'open' ORDER BY due_at`, region)
		if err != nil {
			return 0, fmt.Errorf("region %s: %w", region, err)
		}
		for rows.Next() {
			var id int64
			var due time.Time
			if err := rows.Scan(&id, &due); err != nil {
				rows.Close()
				return 0, fmt.Errorf("region %s: scan: %w", region, err)
			}
			if due.Before(now) {
				found = id
				rows.Close()
				break search
			}
		}
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("region %s: %w", region, err)
		}
	}
	return found, nil
}

// claimNextOrderLeaks locks the next open order for a picker; when the queue
// is empty (errors.Is pgx.ErrNoRows) it reports "nothing to do" with the
// transaction open.
func (s *OrderStore) claimNextOrderLeaks(ctx context.Context, picker string) (int64, bool, error) {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 422 leaks it`
	if err != nil {
		return 0, false, fmt.Errorf("begin: %w", err)
	}
	var id int64
	err = tx.QueryRow(ctx, `SELECT id FROM orders WHERE status = 'open' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	} else if err != nil {
		_ = tx.Rollback(ctx)
		return 0, false, fmt.Errorf("claim: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE orders SET status = 'picking', picker = $1 WHERE id = $2`, picker, id); err != nil {
		_ = tx.Rollback(ctx)
		return 0, false, fmt.Errorf("assign %d: %w", id, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, false, fmt.Errorf("commit: %w", err)
	}
	return id, true, nil
}

// claimNextOrderDeferRollback defers the rollback (a no-op after Commit).
func (s *OrderStore) claimNextOrderDeferRollback(ctx context.Context, picker string) (int64, bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	var id int64
	err = tx.QueryRow(ctx, `SELECT id FROM orders WHERE status = 'open' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	} else if err != nil {
		return 0, false, fmt.Errorf("claim: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE orders SET status = 'picking', picker = $1 WHERE id = $2`, picker, id); err != nil {
		return 0, false, fmt.Errorf("assign %d: %w", id, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, false, fmt.Errorf("commit: %w", err)
	}
	return id, true, nil
}

var errTooManyConnections = errors.New("database is out of connections")

// pickListTooManyConnections maps SQLSTATE 53300 from the checkout to a
// retryable error: errors.As matching implies err != nil, so nothing is held
// on that branch.
func (s *OrderStore) pickListTooManyConnections(ctx context.Context, orderID int64) ([]LineItem, error) {
	conn, err := s.pool.Acquire(ctx)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "53300" {
		return nil, errTooManyConnections
	}
	if err != nil {
		return nil, fmt.Errorf("acquire: %w", err)
	}
	defer conn.Release()
	rows, err := conn.Query(ctx, `SELECT sku, qty FROM order_lines WHERE order_id = $1`, orderID)
	if err != nil {
		return nil, fmt.Errorf("lines of %d: %w", orderID, err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (LineItem, error) {
		var it LineItem
		err := row.Scan(&it.SKU, &it.Qty)
		return it, err
	})
}
