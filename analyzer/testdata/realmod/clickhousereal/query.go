// Package clickhousereal exercises the connrelease catalog against the real
// github.com/ClickHouse/clickhouse-go/v2 native API (vendored).
package clickhousereal

import (
	"context"
	"errors"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"realmod/clickhousereal/chutil"
)

// Store is a typical service component holding the pool of clickhouse.Open.
type Store struct {
	conn driver.Conn
}

type Event struct {
	ID   uint64
	Kind string
}

// driver.Conn.Query -> driver.Rows: a failed Scan does not close them
// (clickhouse_rows.go Scan), so the return inside the loop leaks.
func (s *Store) eventsScanErrorLeaks(ctx context.Context, tenant string) ([]Event, error) {
	rows, err := s.conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant) // want `rows \(driver\.Rows from s\.conn\.Query\) is not closed on every path: the return at line 37 leaks it`
	if err != nil {
		return nil, err
	}
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Kind); err != nil {
			return nil, fmt.Errorf("scan event: %w", err) // <- leaks rows
		}
		out = append(out, e)
	}
	rows.Close()
	return out, rows.Err()
}

func (s *Store) eventsDeferClose(ctx context.Context, tenant string) ([]Event, error) {
	rows, err := s.conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Kind); err != nil {
			return nil, fmt.Errorf("scan event: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Next returning false closes the rows (clickhouse_rows.go Next's deferred
// Close): read to the end, they need no Close.
func (s *Store) eventsReadToEnd(ctx context.Context, tenant string) ([]Event, error) {
	rows, err := s.conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant)
	if err != nil {
		return nil, err
	}
	var out []Event
	for rows.Next() {
		var e Event
		_ = rows.ScanStruct(&e)
		out = append(out, e)
	}
	return out, rows.Err()
}

// A break leaves them open.
func (s *Store) firstKindBreakLeaks(ctx context.Context, tenant string) (string, error) {
	rows, err := s.conn.Query(ctx, "SELECT kind FROM events WHERE tenant = ?", tenant) // want `rows \(driver\.Rows from s\.conn\.Query\) is not closed on every path: the return at line 90 leaks it`
	if err != nil {
		return "", err
	}
	var kind string
	for rows.Next() {
		if err := rows.Scan(&kind); err == nil {
			break
		}
	}
	return kind, rows.Err()
}

// A query run for its side effect: its rows are dropped.
func (s *Store) touchDiscarded(ctx context.Context) error {
	if _, err := s.conn.Query(ctx, "SELECT 1"); err != nil { // want `the driver\.Rows from s\.conn\.Query is discarded and never closed`
		return err
	}
	return nil
}

// QueryRow, Select and Exec hold nothing once they return: Select closes
// its rows (scan.go scanSelect), Exec releases its connection
// (clickhouse.go Exec), and a Row has nothing to close.
func (s *Store) countQueryRowSelectExec(ctx context.Context, tenant string) (uint64, error) {
	var n uint64
	if err := s.conn.QueryRow(ctx, "SELECT count() FROM events WHERE tenant = ?", tenant).Scan(&n); err != nil {
		return 0, err
	}
	var events []Event
	if err := s.conn.Select(ctx, &events, "SELECT id, kind FROM events WHERE tenant = ?", tenant); err != nil {
		return 0, err
	}
	return n, s.conn.Exec(ctx, "OPTIMIZE TABLE events")
}

// Returned to the caller, the rows are the caller's.
func (s *Store) openEvents(ctx context.Context, tenant string) (driver.Rows, error) {
	rows, err := s.conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant)
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", tenant, err)
	}
	return rows, nil
}

// openEvents is an acquirer: its caller holds what it returns.
func (s *Store) firstEventViaHelperLeaks(ctx context.Context, tenant string) (Event, error) {
	rows, err := s.openEvents(ctx, tenant) // want `rows \(driver\.Rows from s\.openEvents\) is not closed on every path: the return at line 136 leaks it`
	if err != nil {
		return Event{}, err
	}
	var e Event
	if !rows.Next() {
		return e, errors.New("no event")
	}
	err = rows.Scan(&e.ID, &e.Kind)
	return e, err // <- leaks rows
}

// The acquirer of another package, through its fact.
func (s *Store) kindsViaOtherPackageLeaks(ctx context.Context, tenant string) (int, error) {
	rows, err := chutil.Events(ctx, s.conn, tenant) // want `rows \(driver\.Rows from chutil\.Events\) is not closed on every path: the return at line 149 leaks it`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n > 100 {
			return n, nil // <- leaks rows
		}
	}
	return n, nil
}

func (s *Store) kindsViaOtherPackage(ctx context.Context, tenant string) (int, error) {
	rows, err := chutil.Events(ctx, s.conn, tenant)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if n > 100 {
			return n, nil
		}
	}
	return n, nil
}

// A Close deferred in the loop keeps every table's rows, and connection,
// until the function returns.
func (s *Store) countTablesDeferInLoop(ctx context.Context, tables []string) (int, error) {
	total := 0
	for _, t := range tables {
		rows, err := s.conn.Query(ctx, "SELECT count() FROM "+t) // want `rows\.Close is deferred inside a loop: every iteration's driver\.Rows from s\.conn\.Query stays held until the function returns`
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// A continue that skips the Close keeps the rows into the next iteration,
// whose failed Query returns with them still open.
func (s *Store) countTablesContinueLeaks(ctx context.Context, tables []string) (int, error) {
	total := 0
	for _, t := range tables {
		rows, err := s.conn.Query(ctx, "SELECT count() FROM "+t) // want `rows \(driver\.Rows from s\.conn\.Query\) is not closed on every path: the return at line 199 leaks it`
		if err != nil {
			return 0, err // <- leaks the rows of the iteration before
		}
		if len(rows.Columns()) != 1 {
			continue // <- keeps rows
		}
		var n int
		if rows.Next() {
			_ = rows.Scan(&n)
		}
		rows.Close()
		total += n
	}
	return total, nil
}

func (s *Store) countTablesCloseEachIteration(ctx context.Context, tables []string) (int, error) {
	total := 0
	for _, t := range tables {
		rows, err := s.conn.Query(ctx, "SELECT count() FROM "+t)
		if err != nil {
			return 0, err
		}
		var n int
		if rows.Next() {
			_ = rows.Scan(&n)
		}
		rows.Close()
		total += n
	}
	return total, nil
}

// Handed to a goroutine that closes them, the rows are given back.
func (s *Store) streamEvents(ctx context.Context, tenant string, out chan<- Event) error {
	rows, err := s.conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant)
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		for rows.Next() {
			var e Event
			if rows.Scan(&e.ID, &e.Kind) != nil {
				return
			}
			out <- e
		}
	}()
	return nil
}

// clickhouse.Open creates the pool: the function that opened it may close
// it.
func migrate(ctx context.Context, opts *clickhouse.Options) error {
	conn, err := clickhouse.Open(opts)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS events (id UInt64, kind String) ENGINE = MergeTree ORDER BY id")
}

var shared driver.Conn

// A pool kept for every request must not be closed by one of them.
func purgeShared(ctx context.Context) error {
	defer shared.Close() // want `closing the shared pool shared \(driver\.Conn from the package-level variable shared\) breaks every other user of it`
	return shared.Exec(ctx, "TRUNCATE TABLE events")
}
