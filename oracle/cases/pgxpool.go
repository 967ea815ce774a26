//go:build dbservers

package cases

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PoolAcquireEarlyReturnLeaks takes a pooled connection and returns early
// on an invalid request without releasing it.
func PoolAcquireEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var name string
	err = c.QueryRow(ctx, "SELECT name FROM oracle_items WHERE id = $1", in.ItemID).Scan(&name)
	c.Release()
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// PoolAcquireDeferRelease defers the Release.
func PoolAcquireDeferRelease(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer c.Release()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var name string
	err = c.QueryRow(ctx, "SELECT name FROM oracle_items WHERE id = $1", in.ItemID).Scan(&name)
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// PoolReleaseDeferredInLoop defers each item's Release inside the loop.
func PoolReleaseDeferredInLoop(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		c, err := d.Pool.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("acquire: %w", err)
		}
		defer c.Release()
		if _, err := c.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", id); err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// PoolHijackClose takes a connection out of the pool for good and closes
// it when done.
func PoolHijackClose(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	conn := c.Hijack()
	defer conn.Close(ctx)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	return err // path: done
}

// PoolHijackLeaks hijacks a connection, which no Release gives back, and
// forgets to close it on the invalid request.
func PoolHijackLeaks(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	conn := c.Hijack()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	if cerr := conn.Close(ctx); err == nil {
		err = cerr
	}
	return err // path: done
}

// PoolTxDeferRollback begins on the pool, defers the Rollback and commits.
func PoolTxDeferRollback(ctx context.Context, d Deps, in Input) error {
	tx, err := d.Pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.TxIsoLevel(in.PgIsolation)})
	if err != nil {
		return fmt.Errorf("begin: %w", err) // path: begin-failed
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit(ctx) // path: committed
}

// PoolTxErrorBranchLeaks returns on the failed write with the transaction,
// and its pooled connection, still open.
func PoolTxErrorBranchLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := d.Pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return tx.Commit(ctx) // path: committed
}

// PoolTxNeitherLeaks neither commits nor rolls back on the dry run.
func PoolTxNeitherLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := d.Pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, "UPDATE oracle_items SET qty = qty - $1 WHERE id = $2", in.Amount, in.ItemID); err != nil {
		tx.Rollback(ctx)
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit(ctx) // path: committed
}

// PooledConnTxAbandoned begins on a pooled connection and releases the
// connection with the dry run's transaction still open.
func PooledConnTxAbandoned(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer c.Release()
	tx, err := c.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, "UPDATE oracle_items SET qty = qty - $1 WHERE id = $2", in.Amount, in.ItemID); err != nil {
		tx.Rollback(ctx)
		return fmt.Errorf("take stock: %w", err) // path: update-failed
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	return tx.Commit(ctx) // path: committed
}

// PooledConnRowsAbandoned reads the first rows of a pooled connection's
// query and releases the connection with the rows still open.
func PooledConnRowsAbandoned(ctx context.Context, d Deps, in Input) error {
	c, err := d.Pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer c.Release()
	rows, err := c.Query(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
		if in.Limit > 0 && n >= in.Limit {
			break
		}
	}
	return rows.Err() // path: done
}

// PoolRowsReturnInsideLoopLeaks returns from inside the rows loop when it
// finds the name, without closing the rows (and their pooled connection).
func PoolRowsReturnInsideLoopLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			rows.Close()
			return fmt.Errorf("scan: %w", err)
		}
		if it.Name == in.Name {
			return nil // path: found
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return ErrNotFound // path: not-found
}

// PoolRowsExhaustedNoClose reads every row and never calls Close.
func PoolRowsExhaustedNoClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items WHERE id >= $1 ORDER BY id", in.ItemID)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list: %w", err)
	}
	if n == 0 {
		return ErrNotFound // path: none
	}
	return nil // path: done
}

// PoolRowsBreakLeaks breaks out of the rows loop at Limit without Close.
func PoolRowsBreakLeaks(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
		if in.Limit > 0 && n >= in.Limit {
			break
		}
	}
	return rows.Err() // path: done
}

// PoolRowsDeferClose defers the Close and breaks at Limit.
func PoolRowsDeferClose(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items ORDER BY id")
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if in.Limit > 0 && n >= in.Limit {
			break
		}
	}
	return rows.Err() // path: done
}

// PoolCollectRows gives the rows to pgx.CollectRows, which closes them.
func PoolCollectRows(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items WHERE id >= $1 ORDER BY id", in.ItemID)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	items, err := pgx.CollectRows(rows, pgx.RowToStructByName[Item])
	if err != nil {
		return fmt.Errorf("collect: %w", err) // path: collect-failed
	}
	if len(items) == 0 {
		return ErrNotFound // path: none
	}
	return nil // path: done
}

// PoolCollectOneRow gives the rows to pgx.CollectOneRow, which closes them,
// found or not.
func PoolCollectOneRow(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items WHERE id = $1", in.ItemID)
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	_, err = pgx.CollectOneRow(rows, pgx.RowToStructByName[Item])
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// PoolForEachRow gives the rows to pgx.ForEachRow, which closes them, also
// when its function stops it with an error.
func PoolForEachRow(ctx context.Context, d Deps, in Input) error {
	rows, err := d.Pool.Query(ctx, "SELECT id, name FROM oracle_items WHERE id >= $1 ORDER BY id", in.ItemID)
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	var it Item
	_, err = pgx.ForEachRow(rows, []any{&it.ID, &it.Name}, func() error {
		if it.Name == in.Name {
			return fmt.Errorf("item %d is %q: %w", it.ID, it.Name, ErrInvalid)
		}
		return nil
	})
	return err // path: done
}

// PoolSendBatchLeaks sends a batch and returns on the first failed result
// without closing the results.
func PoolSendBatchLeaks(ctx context.Context, d Deps, in Input) error {
	b := &pgx.Batch{}
	for i, id := range in.ItemIDs {
		b.Queue("INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID+int64(i), id, in.Amount)
	}
	br := d.Pool.SendBatch(ctx, b)
	for range in.ItemIDs {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("write entries: %w", err) // path: write-failed
		}
	}
	return br.Close() // path: done
}

// PoolSendBatchClose defers the results' Close.
func PoolSendBatchClose(ctx context.Context, d Deps, in Input) error {
	b := &pgx.Batch{}
	for i, id := range in.ItemIDs {
		b.Queue("INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID+int64(i), id, in.Amount)
	}
	br := d.Pool.SendBatch(ctx, b)
	defer br.Close()
	for range in.ItemIDs {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("write entries: %w", err) // path: write-failed
		}
	}
	return nil // path: done
}

// PoolBeginFuncNoObligation runs the write in pgx.BeginFunc, which commits
// or rolls back itself.
func PoolBeginFuncNoObligation(ctx context.Context, d Deps, in Input) error {
	return pgx.BeginFunc(ctx, d.Pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount)
		return err
	}) // path: done
}

// PoolAcquireFuncNoObligation uses AcquireFunc, which releases itself.
func PoolAcquireFuncNoObligation(ctx context.Context, d Deps, in Input) error {
	return d.Pool.AcquireFunc(ctx, func(c *pgxpool.Conn) error {
		var name string
		return c.QueryRow(ctx, "SELECT name FROM oracle_items WHERE id = $1", in.ItemID).Scan(&name)
	}) // path: done
}
