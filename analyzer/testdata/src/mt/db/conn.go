package db

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

// TenantConn takes a connection out of the tenant's cached pool.
func TenantConn(ctx context.Context, tenant string) (*sql.Conn, error) {
	pool, err := TenantDB(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return pool.Conn(ctx)
}

// TenantConnWithSchema takes a connection and switches it to the tenant's
// schema; when that fails it gives the connection back itself.
func TenantConnWithSchema(ctx context.Context, tenant string) (*sql.Conn, error) {
	c, err := TenantConn(ctx, tenant)
	if err != nil {
		return nil, err
	}
	if err := SetSchema(ctx, c, tenant); err != nil {
		c.Close()
		return nil, fmt.Errorf("schema %s: %w", tenant, err)
	}
	return c, nil
}

// TenantConnx takes an sqlx connection out of the tenant's sqlx pool.
func TenantConnx(ctx context.Context, tenant string) (*sqlx.Conn, error) {
	pool, err := TenantX(tenant)
	if err != nil {
		return nil, err
	}
	return pool.Connx(ctx)
}

// AcquireTenant takes a pgx connection out of the tenant's pool.
func AcquireTenant(ctx context.Context, tenant string) (*pgxpool.Conn, error) {
	pool, err := TenantPgPool(tenant)
	if err != nil {
		return nil, err
	}
	c, err := pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("acquire %s: %w", tenant, err)
	}
	return c, nil
}

// BeginTenant starts a transaction on the tenant's pool.
func BeginTenant(ctx context.Context, tenant string, opts *sql.TxOptions) (*sql.Tx, error) {
	pool, err := TenantDB(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return pool.BeginTx(ctx, opts)
}

// BeginTenantPg starts a read-committed pgx transaction on the tenant's pool.
func BeginTenantPg(ctx context.Context, tenant string) (pgx.Tx, error) {
	pool, err := TenantPgPool(tenant)
	if err != nil {
		return nil, err
	}
	return pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
}

// QueryTenant runs a query on the tenant's pool; the caller closes the rows.
func QueryTenant(ctx context.Context, tenant, query string, args ...any) (*sql.Rows, error) {
	pool, err := TenantDB(ctx, tenant)
	if err != nil {
		return nil, err
	}
	rows, err := pool.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", tenant, err)
	}
	return rows, nil
}

// SubscribeTenant subscribes to the tenant's event channel.
func SubscribeTenant(ctx context.Context, tenant string) *redis.PubSub {
	return rdb.Subscribe(ctx, "tenant:"+tenant+":events")
}

// SetSchema only uses the connection: a borrower.
func SetSchema(ctx context.Context, c *sql.Conn, tenant string) error {
	_, err := c.ExecContext(ctx, "USE tenant_"+tenant)
	return err
}

// Ping only uses the connection: a borrower.
func Ping(ctx context.Context, c *sql.Conn) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return c.PingContext(ctx)
}

// SetStatementTimeout only uses the pgx connection: a borrower.
func SetStatementTimeout(ctx context.Context, c *pgxpool.Conn, d time.Duration) error {
	_, err := c.Exec(ctx, fmt.Sprintf("SET statement_timeout = %d", d.Milliseconds()))
	return err
}

// CloseQuietly gives back whatever it is given and logs a failure: a
// releaser through io.Closer.
func CloseQuietly(c io.Closer) {
	if err := c.Close(); err != nil {
		slog.Warn("close", "err", err)
	}
}

// Release gives a pgx connection back and records how long it was held.
func Release(c *pgxpool.Conn, since time.Time) {
	slog.Debug("release", "held", time.Since(since))
	c.Release()
}

// EndTx commits the transaction when err is nil and rolls it back
// otherwise: a releaser on every path.
func EndTx(tx *sql.Tx, err error) error {
	if err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			slog.Warn("rollback", "err", rbErr)
		}
		return err
	}
	return tx.Commit()
}

// CollectIDs reads every id of the rows and closes them.
func CollectIDs(rows *sql.Rows) ([]int64, error) {
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

// CheckConn pings the connection and, when it is broken, gives it back: it
// releases only on the error path, so it is not a releaser.
func CheckConn(ctx context.Context, c *sql.Conn) error {
	if err := c.PingContext(ctx); err != nil {
		c.Close()
		return fmt.Errorf("connection broken: %w", err)
	}
	return nil
}

// AbortOnError rolls the transaction back when err is set and leaves it
// open otherwise: not a releaser either.
func AbortOnError(ctx context.Context, tx pgx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return nil
}
