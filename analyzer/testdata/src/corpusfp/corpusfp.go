// Package corpusfp holds the false positives the corpus triage found
// (bench/results/triage-*.md), each named after its source, beside a leak
// twin that must still be reported.
package corpusfp

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"
)

// pgxExamplesTodoScanError is pgx v5.12.0 examples/todo/main.go:74: a Scan
// that fails closes pgx's rows.
func pgxExamplesTodoScanError(ctx context.Context, conn *pgx.Conn) error {
	rows, _ := conn.Query(ctx, "select * from tasks")
	for rows.Next() {
		var id int32
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgxTodoBreakLeaks is its twin: a break out of the loop leaves the rows open.
func pgxTodoBreakLeaks(ctx context.Context, conn *pgx.Conn) error {
	rows, _ := conn.Query(ctx, "select * from tasks") // want `rows \(pgx\.Rows from conn\.Query\) is not closed on every path: the return at line 35 leaks it`
	for rows.Next() {
		break
	}
	return rows.Err()
}

// pgxpoolTestRequireErrorIs is pgx v5.12.0 pgxpool/pool_test.go:155: the
// test goes on only where the acquisition failed.
func pgxpoolTestRequireErrorIs(t *testing.T, pool *pgxpool.Pool) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := pool.Acquire(ctx)
	require.ErrorIs(t, err, context.Canceled)
}

// pgxpoolRequireNoErrorLeaks is its twin: after NoError the test holds the
// connection, and drops it.
func pgxpoolRequireNoErrorLeaks(t *testing.T, pool *pgxpool.Pool) {
	c, err := pool.Acquire(context.Background()) // want `c \(\*pgxpool\.Conn from pool\.Acquire\) is not released on every path: the return at line 53 leaks it`
	require.NoError(t, err)
	_ = c.Ping(context.Background())
}

// pgxCompositeTestRequireFalseNext is pgx v5.12.0 pgtype/composite_test.go:460:
// the test goes on only where Next returned false, which closed the rows.
func pgxCompositeTestRequireFalseNext(t *testing.T, conn *pgx.Conn) {
	rows, err := conn.Query(context.Background(), "select 1 where false")
	require.NoError(t, err)
	require.False(t, rows.Next())
}

// pgxRequireTrueNextLeaks is its twin: Next returned true, the rows are open.
func pgxRequireTrueNextLeaks(t *testing.T, conn *pgx.Conn) {
	rows, err := conn.Query(context.Background(), "select 1") // want `rows \(pgx\.Rows from conn\.Query\) is not closed on every path: the return at line 68 leaks it`
	require.NoError(t, err)
	require.True(t, rows.Next())
}

// pgxBatchTxTestNestedTx is pgx v5.12.0 batch_tx_test.go:256: a savepoint
// ends with the transaction it was begun in.
func pgxBatchTxTestNestedTx(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	nested, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = nested.Exec(ctx, "select 1")
	return err
}

// pgxNestedTxParentLeaks is its twin: the parent is never ended.
func pgxNestedTxParentLeaks(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx) // want `tx \(pgx\.Tx from conn\.Begin\) is not committed or rolled back on every path: the return at line 94 leaks it`
	if err != nil {
		return err
	}
	nested, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	defer nested.Rollback(ctx)
	return errors.New("abandoned")
}

// pgxConnTestRequirePanics is pgx v5.12.0 conn_test.go:111: the function
// literal is expected to panic, it never returns.
func pgxConnTestRequirePanics(t *testing.T, ctx context.Context) {
	require.Panics(t, func() {
		pgx.ConnectConfig(ctx, &pgx.ConnConfig{})
	})
}

// entDriverCloseFunc is ent v0.14.5 dialect/sql/driver.go:208: the
// connection is closed through a method value behind a nil check; the nil
// branch is the one where nothing was acquired.
func entDriverCloseFunc(ctx context.Context, db *pgxpool.Pool, tx bool) error {
	var cf func()
	if !tx {
		c, err := db.Acquire(ctx)
		if err != nil {
			return err
		}
		cf = c.Release
	}
	if cf != nil {
		cf()
	}
	return nil
}

// ternMigrateDeferRollbackCommit is tern v2.3.4 migrate/migrate.go:437: the
// deferred Rollback is in the loop, but every iteration commits before the
// next Begin, so nothing stays held across iterations.
func ternMigrateDeferRollbackCommit(ctx context.Context, conn *pgx.Conn, qs []string) error {
	for _, q := range qs {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// ternDeferRollbackNoCommitInLoop is its twin: nothing but the deferred
// Rollback ends each transaction, so every one stays open until the return.
func ternDeferRollbackNoCommitInLoop(ctx context.Context, pool *pgxpool.Pool, qs []string) error {
	for _, q := range qs {
		tx, err := pool.Begin(ctx) // want `tx\.Rollback is deferred inside a loop: every iteration's pgx\.Tx from pool\.Begin stays held until the function returns`
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// ternMigrateUseTx is tern v2.3.4 migrate/migrate.go:437 as it is written:
// the transaction is begun under `if useTx` and committed under a second
// `if useTx`; useTx is computed anew in each iteration, but both checks
// read the same value, so no iteration comes back to the Begin holding one.
func ternMigrateUseTx(ctx context.Context, conn *pgx.Conn, qs []string, disableTx bool) error {
	for _, q := range qs {
		useTx := !disableTx && q != ""
		var tx pgx.Tx
		var err error
		if useTx {
			tx, err = conn.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
		}
		if _, err = conn.Exec(ctx, q); err != nil {
			return err
		}
		if useTx {
			err = tx.Commit(ctx)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ternUseTxCommitOnOtherFlag is its twin: the Commit is under another
// condition, so an iteration with useTx and not commit comes back to the
// Begin with the transaction open.
func ternUseTxCommitOnOtherFlag(ctx context.Context, conn *pgx.Conn, qs []string, disableTx, commit bool) error {
	for _, q := range qs {
		useTx := !disableTx && q != ""
		var tx pgx.Tx
		var err error
		if useTx {
			tx, err = conn.Begin(ctx) // want `tx\.Rollback is deferred inside a loop: every iteration's pgx\.Tx from conn\.Begin stays held until the function returns`
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
		}
		if _, err = conn.Exec(ctx, q); err != nil {
			return err
		}
		if commit {
			err = tx.Commit(ctx)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// useTxNoDefer: begun and committed under the same flag, no defer.
func useTxNoDefer(ctx context.Context, pool *pgxpool.Pool, useTx bool) error {
	var tx pgx.Tx
	var err error
	if useTx {
		tx, err = pool.Begin(ctx)
		if err != nil {
			return err
		}
	}
	if _, err := pool.Exec(ctx, "select 1"); err != nil {
		if useTx {
			tx.Rollback(ctx)
		}
		return err
	}
	if useTx {
		return tx.Commit(ctx)
	}
	return nil
}

// useTxNoDeferForgetsOnError is its twin: the error path ends the
// transaction only when another flag is set.
func useTxNoDeferForgetsOnError(ctx context.Context, pool *pgxpool.Pool, useTx, verbose bool) error {
	var tx pgx.Tx
	var err error
	if useTx {
		tx, err = pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 256 leaks it`
		if err != nil {
			return err
		}
	}
	if _, err := pool.Exec(ctx, "select 1"); err != nil {
		if verbose {
			tx.Rollback(ctx)
		}
		return err
	}
	if useTx {
		return tx.Commit(ctx)
	}
	return nil
}

// loopFlagComputedAnew: the transaction begun in an iteration where use is
// true is still open in a later one where use is false and the function
// returns; the check of use there reads the new value, not the one the
// Begin ran under.
func loopFlagComputedAnew(ctx context.Context, pool *pgxpool.Pool, flags []bool) error {
	var open pgx.Tx
	for _, use := range flags {
		if !use {
			return nil
		}
		if open == nil {
			tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 272 leaks it`
			if err != nil {
				return err
			}
			open = tx
		}
	}
	if open != nil {
		return open.Commit(ctx)
	}
	return nil
}

// loopFlagInvariant is its twin with a flag no iteration changes: the
// transaction an earlier iteration began under useTx cannot meet !useTx in
// a later one, so the early return there holds nothing.
func loopFlagInvariant(ctx context.Context, pool *pgxpool.Pool, useTx bool, queries []string) error {
	var open pgx.Tx
	for _, q := range queries {
		if !useTx {
			return nil
		}
		if open == nil {
			tx, err := pool.Begin(ctx)
			if err != nil {
				return err
			}
			open = tx
		}
		if _, err := open.Exec(ctx, q); err != nil {
			open.Rollback(ctx)
			return err
		}
	}
	if open != nil {
		return open.Commit(ctx)
	}
	return nil
}

// loopFlagInvariantForgets is the twin of that: the same loop, whose
// error path forgets the transaction.
func loopFlagInvariantForgets(ctx context.Context, pool *pgxpool.Pool, useTx bool, queries []string) error {
	var open pgx.Tx
	for _, q := range queries {
		if !useTx {
			return nil
		}
		if open == nil {
			tx, err := pool.Begin(ctx) // want `tx \(pgx\.Tx from pool\.Begin\) is not committed or rolled back on every path: the return at line 331 leaks it`
			if err != nil {
				return err
			}
			open = tx
		}
		if _, err := open.Exec(ctx, q); err != nil {
			return err
		}
	}
	if open != nil {
		return open.Commit(ctx)
	}
	return nil
}

// pgxpoolBatchResultsAfterClose is pgx v5.12.0
// pgxpool/batch_results_test.go:118: a batch sent on a pool the test has
// just closed. A closed pool gives nothing out: pgxpool's SendBatch fails
// to acquire and returns results that hold no connection.
func pgxpoolBatchResultsAfterClose(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	defer pool.Close()
	batch := &pgx.Batch{}
	br := pool.SendBatch(ctx, batch)
	require.Nil(t, br.Tx())
	require.NoError(t, br.Close())
	pool.Close()
	require.Nil(t, pool.SendBatch(ctx, batch).Tx())
}

// batchAfterCloseOnOnePath is its twin: the pool is closed on one path
// only, so on the other the batch holds a connection that nobody gives
// back.
func batchAfterCloseOnOnePath(t *testing.T, ctx context.Context, pool *pgxpool.Pool, done bool) {
	batch := &pgx.Batch{}
	if done {
		pool.Close()
	}
	require.Nil(t, pool.SendBatch(ctx, batch).Tx()) // want `the result of pool\.SendBatch \(pgx\.BatchResults from pool\.SendBatch\) is not closed on every path: the return at line 363 leaks it`
}

// pgxpoolPoolTestHoldFour is pgx v5.12.0 pgxpool/pool_test.go:516: a
// function literal, called at once, whose only work is a loop that holds
// four connections together; its deferred Releases give them all back when
// the loop ends, as the test means them to.
func pgxpoolPoolTestHoldFour(t *testing.T, ctx context.Context, db *pgxpool.Pool) {
	func() {
		for range 4 {
			conn, err := db.Acquire(ctx)
			require.NoError(t, err)
			defer conn.Release()
		}
	}()
}

// holdFourInTest is its twin without the literal: the connections stay
// held until the test returns, past whatever it does next.
func holdFourInTest(t *testing.T, ctx context.Context, db *pgxpool.Pool) {
	for range 4 {
		conn, err := db.Acquire(ctx) // want `conn\.Release is deferred inside a loop: every iteration's \*pgxpool\.Conn from db\.Acquire stays held until the function returns`
		require.NoError(t, err)
		defer conn.Release()
	}
	if _, err := db.Exec(ctx, "select 1"); err != nil {
		t.Fatal(err)
	}
}

// holdFourThenWork is the other twin: the literal goes on working after
// the loop, with every connection still held.
func holdFourThenWork(t *testing.T, ctx context.Context, db *pgxpool.Pool) {
	func() {
		for range 4 {
			conn, err := db.Acquire(ctx) // want `conn\.Release is deferred inside a loop: every iteration's \*pgxpool\.Conn from db\.Acquire stays held until the function returns`
			require.NoError(t, err)
			defer conn.Release()
		}
		if _, err := db.Exec(ctx, "select 1"); err != nil {
			t.Error(err)
		}
	}()
}
