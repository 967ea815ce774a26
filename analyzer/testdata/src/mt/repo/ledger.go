package repo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"mt/db"
)

// Entry is a row of a tenant's ledger.
type Entry struct {
	ID    int64
	Cents int64
	Memo  string
}

// Ledger is the pgx repository of a tenant's ledger.
type Ledger struct {
	Tenant  string
	Timeout time.Duration
}

// Acquire takes a connection through db.AcquireTenant and sets its
// statement timeout; when that fails it releases the connection itself.
func (l *Ledger) Acquire(ctx context.Context) (*pgxpool.Conn, error) {
	c, err := db.AcquireTenant(ctx, l.Tenant)
	if err != nil {
		return nil, err
	}
	if err := db.SetStatementTimeout(ctx, c, l.Timeout); err != nil {
		c.Release()
		return nil, err
	}
	return c, nil
}

// Begin starts a transaction through db.BeginTenantPg.
func (l *Ledger) Begin(ctx context.Context) (pgx.Tx, error) {
	return db.BeginTenantPg(ctx, l.Tenant)
}

// Lease leases a connection through db.AcquireLease.
func (l *Ledger) Lease(ctx context.Context) (*db.Lease, error) {
	return db.AcquireLease(ctx, l.Tenant)
}

// PoolFor hands out the tenant's shared pgx pool through db.TenantPgPool.
func PoolFor(tenant string) (*pgxpool.Pool, error) {
	p, err := db.TenantPgPool(tenant)
	if err != nil {
		return nil, fmt.Errorf("ledger pool: %w", err)
	}
	return p, nil
}

// BalanceLeaks returns on the no-rows path with the connection held.
func (l *Ledger) BalanceLeaks(ctx context.Context, account int64) (int64, error) {
	c, err := l.Acquire(ctx) // want `c \(\*pgxpool\.Conn from l\.Acquire\) is not released on every path: the return at line 70 leaks it`
	if err != nil {
		return 0, err
	}
	var cents int64
	err = c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&cents)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	c.Release()
	return cents, err
}

// BalanceDeferRelease gives the connection to db.Release with defer.
func (l *Ledger) BalanceDeferRelease(ctx context.Context, account int64) (int64, error) {
	start := time.Now()
	c, err := l.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer db.Release(c, start)
	var cents int64
	err = c.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = $1", account).Scan(&cents)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return cents, err
}

// EntriesLeaks returns from inside the rows loop with the rows open.
func (l *Ledger) EntriesLeaks(ctx context.Context, account int64) ([]Entry, error) {
	c, err := l.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Release()
	// Not a leak: pgxpool's deferred Release destroys a connection that is still
	// in a transaction or busy with rows, and the server rolls back (measured by
	// the runtime oracle, oracle/cases PooledConnTxAbandoned, PooledConnRowsAbandoned).
	rows, err := c.Query(ctx, "SELECT id, cents, memo FROM entries WHERE account = $1 ORDER BY id", account)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.ID, &e.Cents, &e.Memo); err != nil {
			return nil, fmt.Errorf("scan entry: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EntriesCollect lets pgx.CollectRows close the rows.
func (l *Ledger) EntriesCollect(ctx context.Context, account int64) ([]Entry, error) {
	c, err := l.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer c.Release()
	rows, err := c.Query(ctx, "SELECT id, cents, memo FROM entries WHERE account = $1 ORDER BY id", account)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Entry])
}

// TransferLeaks returns the debit's error without a rollback.
func (l *Ledger) TransferLeaks(ctx context.Context, from, to, cents int64) error {
	tx, err := l.Begin(ctx) // want `tx \(pgx\.Tx from l\.Begin\) is not committed or rolled back on every path: the return at line 138 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		return fmt.Errorf("debit %d: %w", from, err)
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("credit %d: %w", to, err)
	}
	return tx.Commit(ctx)
}

// TransferDeferRollback rolls back with defer and commits at the end.
func (l *Ledger) TransferDeferRollback(ctx context.Context, from, to, cents int64) error {
	tx, err := l.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", cents, from); err != nil {
		return fmt.Errorf("debit %d: %w", from, err)
	}
	if _, err := tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, to); err != nil {
		return fmt.Errorf("credit %d: %w", to, err)
	}
	return tx.Commit(ctx)
}

// PostAbortOnErrorLeaks lets db.AbortOnError roll back on the error paths,
// then returns on the zero-amount path with the transaction open.
func (l *Ledger) PostAbortOnErrorLeaks(ctx context.Context, account, cents int64, memo string) error {
	tx, err := l.Begin(ctx) // want `tx \(pgx\.Tx from l\.Begin\) is not committed or rolled back on every path: the return at line 175 leaks it`
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "INSERT INTO entries (account, cents, memo) VALUES ($1, $2, $3)", account, cents, memo)
	if err := db.AbortOnError(ctx, tx, err); err != nil {
		return err
	}
	if cents == 0 {
		return nil
	}
	_, err = tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, account)
	if err := db.AbortOnError(ctx, tx, err); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// PostAbortOnErrorCommits lets db.AbortOnError roll back on the error paths
// and commits on the others.
func (l *Ledger) PostAbortOnErrorCommits(ctx context.Context, account, cents int64, memo string) error {
	tx, err := l.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "INSERT INTO entries (account, cents, memo) VALUES ($1, $2, $3)", account, cents, memo)
	if err := db.AbortOnError(ctx, tx, err); err != nil {
		return err
	}
	if cents != 0 {
		_, err = tx.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", cents, account)
		if err := db.AbortOnError(ctx, tx, err); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// ReconcileLeaks leaks the lease when the first statement fails.
func (l *Ledger) ReconcileLeaks(ctx context.Context) error {
	lease, err := l.Lease(ctx) // want `lease \(\*db\.Lease from l\.Lease\) is not released on every path: the return at line 211 leaks it`
	if err != nil {
		return err
	}
	if err := lease.Exec(ctx, "SELECT pg_advisory_lock(42)"); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	err = lease.Exec(ctx, "UPDATE accounts a SET balance = s.total FROM sums s WHERE s.account = a.id")
	lease.Release()
	return err
}

// ReconcileDeferRelease releases the lease on every path.
func (l *Ledger) ReconcileDeferRelease(ctx context.Context) error {
	lease, err := l.Lease(ctx)
	if err != nil {
		return err
	}
	defer lease.Release()
	if err := lease.Exec(ctx, "SELECT pg_advisory_lock(42)"); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	return lease.Exec(ctx, "UPDATE accounts a SET balance = s.total FROM sums s WHERE s.account = a.id")
}
