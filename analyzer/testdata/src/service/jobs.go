package service

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// runJobRecoverLeaks turns a panic into an error with a deferred recover. The
// explicit panic for an empty payload is therefore not the end of the
// program: the function returns normally through the recover, and the
// connection, closed only at the bottom, stays checked out.
func (w *Worker) runJobRecoverLeaks(ctx context.Context, job Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("job %d panicked: %v", job.ID, p)
		}
	}()
	conn, err := w.db.Conn(ctx) // want `conn \(\*sql\.Conn from w\.db\.Conn\) is not closed on every path: the return at line 37 leaks it`
	if err != nil {
		return fmt.Errorf("job %d: checkout: %w", job.ID, err)
	}
	if len(job.Payload) == 0 {
		panic("empty payload")
	}
	if _, err := conn.ExecContext(ctx, `UPDATE jobs SET state = 'running' WHERE id = $1`, job.ID); err != nil {
		conn.Close()
		return fmt.Errorf("job %d: start: %w", job.ID, err)
	}
	_, err = conn.ExecContext(ctx, `UPDATE jobs SET state = 'done', result = $2 WHERE id = $1`, job.ID, job.Payload)
	if cerr := conn.Close(); err == nil {
		err = cerr
	}
	return err
}

// runJobRecoverDeferClose defers the Close, which also runs when the panic is
// recovered.
func (w *Worker) runJobRecoverDeferClose(ctx context.Context, job Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("job %d panicked: %v", job.ID, p)
		}
	}()
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("job %d: checkout: %w", job.ID, err)
	}
	defer conn.Close()
	if len(job.Payload) == 0 {
		panic("empty payload")
	}
	if _, err := conn.ExecContext(ctx, `UPDATE jobs SET state = 'running' WHERE id = $1`, job.ID); err != nil {
		return fmt.Errorf("job %d: start: %w", job.ID, err)
	}
	_, err = conn.ExecContext(ctx, `UPDATE jobs SET state = 'done', result = $2 WHERE id = $1`, job.ID, job.Payload)
	return err
}

// runJobPanicsOnCorruptPayload has no recover: the panic ends the program, so
// that path is not a leak even though the Close is only at the bottom.
func (w *Worker) runJobPanicsOnCorruptPayload(ctx context.Context, job Job) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("job %d: checkout: %w", job.ID, err)
	}
	if len(job.Payload) == 0 {
		panic(fmt.Sprintf("job %d: empty payload", job.ID))
	}
	_, err = conn.ExecContext(ctx, `UPDATE jobs SET state = 'done', result = $2 WHERE id = $1`, job.ID, job.Payload)
	if cerr := conn.Close(); err == nil {
		err = cerr
	}
	return err
}

// shardBacklogsLeaks counts pending jobs on every shard in parallel. A shard
// whose statement timeout cannot be set returns from its goroutine before the
// deferred Close is registered.
func (w *Worker) shardBacklogsLeaks(ctx context.Context) (map[int]int64, error) {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		backlogs = make(map[int]int64, len(w.shards))
		errs     []error
	)
	for i, shard := range w.shards {
		wg.Add(1)
		go func(i int, shard *sql.DB) {
			defer wg.Done()
			conn, err := shard.Conn(ctx) // want `conn \(\*sql\.Conn from shard\.Conn\) is not closed on every path: the return at line 104 leaks it`
			if err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: checkout: %w", i, err))
				mu.Unlock()
				return
			}
			if _, err := conn.ExecContext(ctx, `SET statement_timeout = '2s'`); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: timeout: %w", i, err))
				mu.Unlock()
				return
			}
			defer conn.Close()
			var n int64
			if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE state = 'pending'`).Scan(&n); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: count: %w", i, err))
				mu.Unlock()
				return
			}
			mu.Lock()
			backlogs[i] = n
			mu.Unlock()
		}(i, shard)
	}
	wg.Wait()
	return backlogs, errors.Join(errs...)
}

// shardBacklogsDeferClose defers the Close inside each goroutine right after
// the checkout.
func (w *Worker) shardBacklogsDeferClose(ctx context.Context) (map[int]int64, error) {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		backlogs = make(map[int]int64, len(w.shards))
		errs     []error
	)
	for i, shard := range w.shards {
		wg.Add(1)
		go func(i int, shard *sql.DB) {
			defer wg.Done()
			conn, err := shard.Conn(ctx)
			if err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: checkout: %w", i, err))
				mu.Unlock()
				return
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, `SET statement_timeout = '2s'`); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: timeout: %w", i, err))
				mu.Unlock()
				return
			}
			var n int64
			if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE state = 'pending'`).Scan(&n); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("shard %d: count: %w", i, err))
				mu.Unlock()
				return
			}
			mu.Lock()
			backlogs[i] = n
			mu.Unlock()
		}(i, shard)
	}
	wg.Wait()
	return backlogs, errors.Join(errs...)
}

// drainQueuesLeaks claims jobs queue by queue with SKIP LOCKED. A claim that
// fails moves on to the next queue with `continue queues` and the transaction
// still open; after the last queue the function returns holding it.
func (w *Worker) drainQueuesLeaks(ctx context.Context, queues []string, handle func(Job) error) int {
	done := 0
queues:
	for _, queue := range queues {
		for {
			tx, err := w.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from w\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 206 leaks it`
			if err != nil {
				w.log.Error("begin", "queue", queue, "err", err)
				continue queues
			}
			job := Job{Kind: queue}
			err = tx.QueryRowContext(ctx, `SELECT id, payload FROM jobs WHERE queue = $1 AND state = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, queue).Scan(&job.ID, &job.Payload)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				_ = tx.Rollback()
				continue queues
			case err != nil:
				w.log.Error("claim", "queue", queue, "err", err)
				continue queues
			}
			if err := handle(job); err != nil {
				_ = tx.Rollback()
				w.log.Error("handle", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done' WHERE id = $1`, job.ID); err != nil {
				_ = tx.Rollback()
				w.log.Error("mark done", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			if err := tx.Commit(); err != nil {
				w.log.Error("commit", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			done++
		}
	}
	return done
}

// drainQueuesRollsBack rolls back on the failed claim too.
func (w *Worker) drainQueuesRollsBack(ctx context.Context, queues []string, handle func(Job) error) int {
	done := 0
queues:
	for _, queue := range queues {
		for {
			tx, err := w.db.BeginTx(ctx, nil)
			if err != nil {
				w.log.Error("begin", "queue", queue, "err", err)
				continue queues
			}
			job := Job{Kind: queue}
			err = tx.QueryRowContext(ctx, `SELECT id, payload FROM jobs WHERE queue = $1 AND state = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, queue).Scan(&job.ID, &job.Payload)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				_ = tx.Rollback()
				continue queues
			case err != nil:
				_ = tx.Rollback()
				w.log.Error("claim", "queue", queue, "err", err)
				continue queues
			}
			if err := handle(job); err != nil {
				_ = tx.Rollback()
				w.log.Error("handle", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done' WHERE id = $1`, job.ID); err != nil {
				_ = tx.Rollback()
				w.log.Error("mark done", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			if err := tx.Commit(); err != nil {
				w.log.Error("commit", "queue", queue, "job", job.ID, "err", err)
				continue queues
			}
			done++
		}
	}
	return done
}

// rotateTenantKeysClosureLeaks runs one transaction per tenant inside a
// closure; the "already rotated" exit returns from the closure without ending
// the transaction.
func (w *Worker) rotateTenantKeysClosureLeaks(ctx context.Context, tenants []string, newKeyID int64) error {
	for _, tenant := range tenants {
		err := func() error {
			tx, err := w.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from w\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 267 leaks it`
			if err != nil {
				return fmt.Errorf("begin: %w", err)
			}
			var current int64
			if err := tx.QueryRowContext(ctx, `SELECT key_id FROM tenant_keys WHERE tenant = $1 FOR UPDATE`, tenant).Scan(&current); err != nil {
				_ = tx.Rollback()
				return fmt.Errorf("load key: %w", err)
			}
			if current == newKeyID {
				return nil
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tenant_keys SET key_id = $1 WHERE tenant = $2`, newKeyID, tenant); err != nil {
				_ = tx.Rollback()
				return fmt.Errorf("rotate: %w", err)
			}
			return tx.Commit()
		}()
		if err != nil {
			return fmt.Errorf("tenant %s: %w", tenant, err)
		}
	}
	return nil
}

// rotateTenantKeysClosureDefer defers the rollback inside the per-tenant
// closure: it runs at the end of each closure call, not at the end of the loop.
func (w *Worker) rotateTenantKeysClosureDefer(ctx context.Context, tenants []string, newKeyID int64) error {
	for _, tenant := range tenants {
		err := func() error {
			tx, err := w.db.BeginTx(ctx, nil)
			if err != nil {
				return fmt.Errorf("begin: %w", err)
			}
			defer tx.Rollback()
			var current int64
			if err := tx.QueryRowContext(ctx, `SELECT key_id FROM tenant_keys WHERE tenant = $1 FOR UPDATE`, tenant).Scan(&current); err != nil {
				return fmt.Errorf("load key: %w", err)
			}
			if current == newKeyID {
				return nil
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tenant_keys SET key_id = $1 WHERE tenant = $2`, newKeyID, tenant); err != nil {
				return fmt.Errorf("rotate: %w", err)
			}
			return tx.Commit()
		}()
		if err != nil {
			return fmt.Errorf("tenant %s: %w", tenant, err)
		}
	}
	return nil
}
