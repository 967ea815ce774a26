// Package repo holds the tenant-scoped repositories. Its connections come
// from package db through wrappers of wrappers; its helpers borrow or
// release what they are given.
package repo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"

	"mt/db"
)

var errNoStatus = errors.New("status is required")

// Orders is the database/sql repository of a tenant's orders.
type Orders struct {
	Tenant string
}

// conn wraps db.TenantConnWithSchema: a wrapper in another package.
func (o *Orders) conn(ctx context.Context) (*sql.Conn, error) {
	c, err := db.TenantConnWithSchema(ctx, o.Tenant)
	if err != nil {
		return nil, fmt.Errorf("orders of %s: %w", o.Tenant, err)
	}
	return c, nil
}

// Conn wraps conn: a wrapper of a wrapper of a wrapper.
func (o *Orders) Conn(ctx context.Context) (*sql.Conn, error) {
	return o.conn(ctx)
}

// Begin starts a read-committed transaction on the tenant's pool.
func (o *Orders) Begin(ctx context.Context) (*sql.Tx, error) {
	return db.BeginTenant(ctx, o.Tenant, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
}

// Rows runs a query on the tenant's pool.
func (o *Orders) Rows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.QueryTenant(ctx, o.Tenant, query, args...)
}

// Pinned takes a connection and returns it with the function that gives it
// back, for callers that hold it across several calls.
func (o *Orders) Pinned(ctx context.Context) (*sql.Conn, func(), error) {
	c, err := o.conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	release := func() {
		if err := c.Close(); err != nil {
			fmt.Printf("release pinned connection of %s: %v\n", o.Tenant, err)
		}
	}
	return c, release, nil
}

// Line is an order line.
type Line struct {
	SKU string
	Qty int
}

// insertLines only uses the transaction: a borrower method.
func (o *Orders) insertLines(ctx context.Context, tx *sql.Tx, order int64, lines []Line) error {
	for _, l := range lines {
		if _, err := tx.ExecContext(ctx, "INSERT INTO order_lines (order_id, sku, qty) VALUES (?, ?, ?)", order, l.SKU, l.Qty); err != nil {
			return fmt.Errorf("line %s: %w", l.SKU, err)
		}
	}
	return nil
}

// Warmup only pings the connection through db.Ping: a borrower of a
// borrower.
func Warmup(ctx context.Context, c *sql.Conn) error {
	if err := db.Ping(ctx, c); err != nil {
		return fmt.Errorf("warmup: %w", err)
	}
	return nil
}

// Done gives back what it is given through db.CloseQuietly: a releaser of
// a releaser.
func Done(c io.Closer) {
	db.CloseQuietly(c)
}

// CountOpenLeaks pings through a borrower and returns its error with the
// connection still held.
func (o *Orders) CountOpenLeaks(ctx context.Context) (int, error) {
	c, err := o.conn(ctx) // want `c \(\*sql\.Conn from o\.conn\) is not closed on every path: the return at line 102 leaks it`
	if err != nil {
		return 0, err
	}
	if err := db.Ping(ctx, c); err != nil {
		return 0, err
	}
	var n int
	err = c.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE status = 'open'").Scan(&n)
	c.Close()
	return n, err
}

// CountOpenDeferClose closes the connection on every path.
func (o *Orders) CountOpenDeferClose(ctx context.Context) (int, error) {
	c, err := o.conn(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if err := db.Ping(ctx, c); err != nil {
		return 0, err
	}
	var n int
	err = c.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE status = 'open'").Scan(&n)
	return n, err
}

// IDsByStatusLeaks checks the columns and returns their error with the rows
// open.
func (o *Orders) IDsByStatusLeaks(ctx context.Context, status string) ([]int64, error) {
	rows, err := o.Rows(ctx, "SELECT id FROM orders WHERE status = ?", status) // want `rows \(\*sql\.Rows from o\.Rows\) is not closed on every path: the return at line 134 leaks it`
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if len(cols) != 1 {
		rows.Close()
		return nil, fmt.Errorf("want one column, got %d", len(cols))
	}
	return db.CollectIDs(rows)
}

// IDsByStatusCollects hands the rows to db.CollectIDs, which closes them.
func (o *Orders) IDsByStatusCollects(ctx context.Context, status string) ([]int64, error) {
	if status == "" {
		return nil, errNoStatus
	}
	rows, err := o.Rows(ctx, "SELECT id FROM orders WHERE status = ?", status)
	if err != nil {
		return nil, err
	}
	return db.CollectIDs(rows)
}

// CancelLeaks returns the first statement's error without a rollback.
func (o *Orders) CancelLeaks(ctx context.Context, id int64) error {
	tx, err := o.Begin(ctx) // want `tx \(\*sql\.Tx from o\.Begin\) is not committed or rolled back on every path: the return at line 162 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET status = 'cancelled' WHERE id = ?", id); err != nil {
		return fmt.Errorf("cancel order %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM reservations WHERE order_id = ?", id); err != nil {
		tx.Rollback()
		return fmt.Errorf("release reservations of %d: %w", id, err)
	}
	return tx.Commit()
}

// CancelEndTx gives the transaction to db.EndTx on every path.
func (o *Orders) CancelEndTx(ctx context.Context, id int64) error {
	tx, err := o.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE orders SET status = 'cancelled' WHERE id = ?", id)
	if err == nil {
		_, err = tx.ExecContext(ctx, "DELETE FROM reservations WHERE order_id = ?", id)
	}
	return db.EndTx(tx, err)
}

// ArchiveNothingToDoLeaks rolls back in a deferred closure when err is set,
// but the nothing-to-archive path returns nil with the transaction open.
func (o *Orders) ArchiveNothingToDoLeaks(ctx context.Context, before time.Time) (err error) {
	tx, err := o.Begin(ctx) // want `tx \(\*sql\.Tx from o\.Begin\) is not committed or rolled back on every path: the return at line 201 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	var n int
	if err = tx.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE created_at < ?", before).Scan(&n); err != nil {
		return fmt.Errorf("count old orders: %w", err)
	}
	if n == 0 {
		return nil
	}
	if _, err = tx.ExecContext(ctx, "INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < ?", before); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return tx.Commit()
}

// ArchiveNothingToDoCommits commits on the nothing-to-archive path too.
func (o *Orders) ArchiveNothingToDoCommits(ctx context.Context, before time.Time) (err error) {
	tx, err := o.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	var n int
	if err = tx.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE created_at < ?", before).Scan(&n); err != nil {
		return fmt.Errorf("count old orders: %w", err)
	}
	if n == 0 {
		return tx.Commit()
	}
	if _, err = tx.ExecContext(ctx, "INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < ?", before); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return tx.Commit()
}

// CreateWithLinesLeaks returns the borrower's error without a rollback.
func (o *Orders) CreateWithLinesLeaks(ctx context.Context, lines []Line) (int64, error) {
	tx, err := o.Begin(ctx) // want `tx \(\*sql\.Tx from o\.Begin\) is not committed or rolled back on every path: the return at line 246 leaks it`
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO orders (status) VALUES ('new')")
	if err != nil {
		tx.Rollback()
		return 0, err
	}
	id, _ := res.LastInsertId()
	if err := o.insertLines(ctx, tx, id, lines); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// CreateWithLinesRollsBack rolls back when the borrower fails.
func (o *Orders) CreateWithLinesRollsBack(ctx context.Context, lines []Line) (int64, error) {
	tx, err := o.Begin(ctx)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO orders (status) VALUES ('new')")
	if err != nil {
		tx.Rollback()
		return 0, err
	}
	id, _ := res.LastInsertId()
	if err := o.insertLines(ctx, tx, id, lines); err != nil {
		tx.Rollback()
		return 0, err
	}
	return id, tx.Commit()
}
