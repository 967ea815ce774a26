package handlers

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"mt/db"
)

// Rollup is the nightly job that rolls every tenant's entries up.
type Rollup struct {
	Tenants []string
	Every   time.Duration
	log     *slog.Logger
}

// RunContinueLeaks skips a tenant whose timeout cannot be set, with its
// connection still held; the cancellation check at the top of the loop is
// the earliest return that can see it.
func (j *Rollup) RunContinueLeaks(ctx context.Context) error {
	for _, tenant := range j.Tenants {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := db.AcquireTenant(ctx, tenant) // want `c \(\*pgxpool\.Conn from db\.AcquireTenant\) is not released on every path: the return at line 26 leaks it`
		if err != nil {
			j.log.Warn("acquire", "tenant", tenant, "err", err)
			continue
		}
		if err := db.SetStatementTimeout(ctx, c, time.Minute); err != nil {
			j.log.Warn("timeout", "tenant", tenant, "err", err)
			continue
		}
		if _, err := c.Exec(ctx, "INSERT INTO rollups SELECT account, sum(cents) FROM entries GROUP BY account"); err != nil {
			j.log.Warn("rollup", "tenant", tenant, "err", err)
		}
		c.Release()
	}
	return nil
}

// RunContinueReleases releases before it skips a tenant.
func (j *Rollup) RunContinueReleases(ctx context.Context) error {
	for _, tenant := range j.Tenants {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := db.AcquireTenant(ctx, tenant)
		if err != nil {
			j.log.Warn("acquire", "tenant", tenant, "err", err)
			continue
		}
		if err := db.SetStatementTimeout(ctx, c, time.Minute); err != nil {
			c.Release()
			j.log.Warn("timeout", "tenant", tenant, "err", err)
			continue
		}
		if _, err := c.Exec(ctx, "INSERT INTO rollups SELECT account, sum(cents) FROM entries GROUP BY account"); err != nil {
			j.log.Warn("rollup", "tenant", tenant, "err", err)
		}
		c.Release()
	}
	return nil
}

// RunDeferInLoop defers the release of every tenant's lease to the end of
// the job.
func (j *Rollup) RunDeferInLoop(ctx context.Context) error {
	for _, tenant := range j.Tenants {
		lease, err := db.AcquireLease(ctx, tenant) // want `lease\.Release is deferred inside a loop: every iteration's \*db\.Lease from db\.AcquireLease stays held until the function returns`
		if err != nil {
			return fmt.Errorf("lease %s: %w", tenant, err)
		}
		defer lease.Release()
		if err := lease.Exec(ctx, "REFRESH MATERIALIZED VIEW balances"); err != nil {
			return fmt.Errorf("refresh %s: %w", tenant, err)
		}
	}
	return nil
}

// RunDeferPerTenant releases each lease when its tenant is done.
func (j *Rollup) RunDeferPerTenant(ctx context.Context) error {
	for _, tenant := range j.Tenants {
		err := func() error {
			lease, err := db.AcquireLease(ctx, tenant)
			if err != nil {
				return fmt.Errorf("lease %s: %w", tenant, err)
			}
			defer lease.Release()
			return lease.Exec(ctx, "REFRESH MATERIALIZED VIEW balances")
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// watchLeaks probes the primary tenant forever; a failed probe skips the
// Close and the next tick takes another connection.
func (j *Rollup) watchLeaks(ctx context.Context, tenant string) {
	for {
		time.Sleep(j.Every)
		c, err := db.TenantConn(ctx, tenant) // want `c \(\*sql\.Conn from db\.TenantConn\) is not closed on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			j.log.Warn("probe", "tenant", tenant, "err", err)
			continue
		}
		if err := db.Ping(ctx, c); err != nil {
			j.log.Warn("probe", "tenant", tenant, "err", err)
			continue
		}
		c.Close()
	}
}

// watchCloses closes the probe connection on both paths.
func (j *Rollup) watchCloses(ctx context.Context, tenant string) {
	for {
		time.Sleep(j.Every)
		c, err := db.TenantConn(ctx, tenant)
		if err != nil {
			j.log.Warn("probe", "tenant", tenant, "err", err)
			continue
		}
		if err := db.Ping(ctx, c); err != nil {
			j.log.Warn("probe", "tenant", tenant, "err", err)
		}
		c.Close()
	}
}

// ExportReport opens its own pool on the reporting replica through a
// creator of package db and closes it: the pool is the job's.
func ExportReport(ctx context.Context, dsn string) (int64, error) {
	pool, err := db.OpenReporting(dsn)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	var n int64
	err = pool.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n)
	return n, err
}

// MigrateTenant creates a pgx pool for the migration and closes it.
func MigrateTenant(ctx context.Context, dsn string, steps []string) error {
	pool, err := db.NewTenantPgPool(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	for i, step := range steps {
		if _, err := pool.Exec(ctx, step); err != nil {
			return fmt.Errorf("step %d: %w", i, err)
		}
	}
	return nil
}

// verifyDSN opens a pool with sql.Open only to ping it, and closes it.
func verifyDSN(ctx context.Context, dsn string) error {
	pool, err := sql.Open("mysql", dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	return pool.PingContext(ctx)
}
