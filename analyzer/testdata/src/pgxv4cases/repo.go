package pgxv4cases

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

// OrderRepo is the order repository of the legacy (pgx v4) service.
type OrderRepo struct {
	pool *pgxpool.Pool
}

var errOrderNotFound = errors.New("order not found")

func NewOrderRepo(ctx context.Context, dsn string) (*OrderRepo, error) {
	pool, err := pgxpool.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &OrderRepo{pool: pool}, nil
}

func (r *OrderRepo) orderStatusEarlyReturnLeaks(ctx context.Context, id int64) (string, error) {
	conn, err := r.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from r\.pool\.Acquire\) is not released on every path: the return at line 37 leaks it`
	if err != nil {
		return "", err
	}
	var status string
	err = conn.QueryRow(ctx, "select status from orders where id = $1", id).Scan(&status)
	if err == pgx.ErrNoRows {
		return "", errOrderNotFound
	}
	conn.Release()
	return status, err
}

func (r *OrderRepo) orderStatusDeferRelease(ctx context.Context, id int64) (string, error) {
	conn, err := r.pool.Acquire(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Release()
	var status string
	err = conn.QueryRow(ctx, "select status from orders where id = $1", id).Scan(&status)
	if err == pgx.ErrNoRows {
		return "", errOrderNotFound
	}
	return status, err
}

func (r *OrderRepo) detachForCopyLeaks(ctx context.Context, table string) (*pgx.Conn, error) {
	pc, err := r.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack() // want `conn \(\*pgx\.Conn from pc\.Hijack\) is not closed on every path: the return at line 64 leaks it`
	if _, err := conn.Exec(ctx, "lock table "+pgx.Identifier{table}.Sanitize()+" in share mode"); err != nil {
		return nil, err
	}
	return conn, nil
}

func (r *OrderRepo) detachForCopyClosesOnError(ctx context.Context, table string) (*pgx.Conn, error) {
	pc, err := r.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	conn := pc.Hijack()
	if _, err := conn.Exec(ctx, "lock table "+pgx.Identifier{table}.Sanitize()+" in share mode"); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return conn, nil
}

func checkReplicaLeaks(ctx context.Context, dsn string) (bool, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 89 leaks it`
	if err != nil {
		return false, err
	}
	var inRecovery bool
	if err := conn.QueryRow(ctx, "select pg_is_in_recovery()").Scan(&inRecovery); err != nil {
		return false, fmt.Errorf("pg_is_in_recovery: %w", err)
	}
	return inRecovery, conn.Close(ctx)
}

func checkReplicaDeferClose(ctx context.Context, dsn string) (bool, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return false, err
	}
	defer conn.Close(ctx)
	var inRecovery bool
	if err := conn.QueryRow(ctx, "select pg_is_in_recovery()").Scan(&inRecovery); err != nil {
		return false, fmt.Errorf("pg_is_in_recovery: %w", err)
	}
	return inRecovery, nil
}

func (r *OrderRepo) cancelOrderEarlyReturnLeaks(ctx context.Context, id int64, reason string) error {
	tx, err := r.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}) // want `tx \(pgx\.Tx from r\.pool\.BeginTx\) is not committed or rolled back on every path: the return at line 118 leaks it`
	if err != nil {
		return err
	}
	ct, err := tx.Exec(ctx, "update orders set status = 'cancelled', reason = $2 where id = $1 and status = 'open'", id, reason)
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if ct.RowsAffected() == 0 {
		return errOrderNotFound
	}
	return tx.Commit(ctx)
}

func (r *OrderRepo) cancelOrderDeferRollback(ctx context.Context, id int64, reason string) error {
	tx, err := r.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	ct, err := tx.Exec(ctx, "update orders set status = 'cancelled', reason = $2 where id = $1 and status = 'open'", id, reason)
	if err != nil {
		return err
	}
	if ct.RowsAffected() == 0 {
		return errOrderNotFound
	}
	return tx.Commit(ctx)
}

func (r *OrderRepo) beginFuncMethodHasNoObligation(ctx context.Context, id int64) error {
	return r.pool.BeginFunc(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "update orders set archived = true where id = $1", id)
		return err
	})
}

func (r *OrderRepo) orderIDsReturnInsideNextLoopLeaks(ctx context.Context, customerID int64) ([]int64, error) {
	rows, err := r.pool.Query(ctx, "select id from orders where customer_id = $1", customerID) // Not a leak: a pgx Scan that fails closes the rows (rows.fatal).
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

func (r *OrderRepo) orderIDsDeferClose(ctx context.Context, customerID int64) ([]int64, error) {
	rows, err := r.pool.Query(ctx, "select id from orders where customer_id = $1", customerID)
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

// orderTotalsNextToExhaustion relies on Next returning false to close the rows.
func (r *OrderRepo) orderTotalsNextToExhaustion(ctx context.Context) (map[int64]int64, error) {
	rows, err := r.pool.Query(ctx, "select customer_id, sum(total_cents) from orders group by 1")
	if err != nil {
		return nil, err
	}
	totals := make(map[int64]int64)
	for rows.Next() {
		var customer, cents int64
		if err := rows.Scan(&customer, &cents); err != nil {
			log.Printf("order totals: %v", err)
			continue
		}
		totals[customer] = cents
	}
	return totals, rows.Err()
}

func (r *OrderRepo) queryFuncHasNoObligation(ctx context.Context) ([]int64, error) {
	var id int64
	var ids []int64
	_, err := r.pool.QueryFunc(ctx, "select id from orders where status = 'open'", nil, []interface{}{&id}, func(pgx.QueryFuncRow) error {
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

func (r *OrderRepo) touchOrdersBatchResultsLeak(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("update orders set touched_at = now() where id = $1", id)
	}
	br := r.pool.SendBatch(ctx, b) // want `br \(pgx\.BatchResults from r\.pool\.SendBatch\) is not closed on every path: the return at line 215 leaks it`
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return br.Close()
}

func (r *OrderRepo) touchOrdersDeferClose(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("update orders set touched_at = now() where id = $1", id)
	}
	br := r.pool.SendBatch(ctx, b)
	defer br.Close()
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

func (r *OrderRepo) purgeWithQueryDiscarded(ctx context.Context, before time.Time) error {
	_, err := r.pool.Query(ctx, "delete from orders where archived and created_at < $1", before) // want `the pgx\.Rows from r\.pool\.Query is discarded and never closed`
	return err
}

func (r *OrderRepo) purgeWithExec(ctx context.Context, before time.Time) error {
	_, err := r.pool.Exec(ctx, "delete from orders where archived and created_at < $1", before)
	return err
}

func (r *OrderRepo) reindexDeferInLoop(ctx context.Context, indexes []string) error {
	for _, idx := range indexes {
		conn, err := r.pool.Acquire(ctx) // want `conn\.Release is deferred inside a loop: every iteration's \*pgxpool\.Conn from r\.pool\.Acquire stays held until the function returns`
		if err != nil {
			return err
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, "reindex index concurrently "+pgx.Identifier{idx}.Sanitize()); err != nil {
			return fmt.Errorf("reindex %s: %w", idx, err)
		}
	}
	return nil
}

func (r *OrderRepo) reindexReleaseEachIteration(ctx context.Context, indexes []string) error {
	for _, idx := range indexes {
		conn, err := r.pool.Acquire(ctx)
		if err != nil {
			return err
		}
		_, err = conn.Exec(ctx, "reindex index concurrently "+pgx.Identifier{idx}.Sanitize())
		conn.Release()
		if err != nil {
			return fmt.Errorf("reindex %s: %w", idx, err)
		}
	}
	return nil
}
