package ownership

import (
	"context"
	"database/sql"
	"fmt"
	"log"
)

// Point 5: channels and goroutines.

// lendConnOnChannel sends the connection to whoever receives it, or closes it
// when nobody is waiting any more.
func lendConnOnChannel(ctx context.Context, db *sql.DB, out chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	select {
	case out <- conn:
		return nil
	case <-ctx.Done():
		conn.Close()
		return ctx.Err()
	}
}

// lendConnOnChannelCancelLeaks gives up on cancellation without closing.
func lendConnOnChannelCancelLeaks(ctx context.Context, db *sql.DB, out chan<- *sql.Conn) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 38 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	select {
	case out <- conn:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// streamRowsInGoroutine lets a goroutine own the rows.
func streamRowsInGoroutine(ctx context.Context, db *sql.DB, out chan<- string) error {
	rows, err := db.QueryContext(ctx, `SELECT email FROM users`)
	if err != nil {
		return fmt.Errorf("stream emails: %w", err)
	}
	go func() {
		defer close(out)
		defer rows.Close()
		for rows.Next() {
			var email string
			if err := rows.Scan(&email); err != nil {
				log.Printf("stream emails: %v", err)
				return
			}
			out <- email
		}
	}()
	return nil
}

// streamRowsInGoroutineColumnsLeaks validates the columns before starting the
// goroutine and returns without closing.
func streamRowsInGoroutineColumnsLeaks(ctx context.Context, db *sql.DB, out chan<- string) error {
	rows, err := db.QueryContext(ctx, `SELECT email FROM users`) // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 71 leaks it`
	if err != nil {
		return fmt.Errorf("stream emails: %w", err)
	}
	if cols, err := rows.Columns(); err != nil || len(cols) != 1 {
		return fmt.Errorf("stream emails: unexpected columns %v: %v", cols, err)
	}
	go func() {
		defer close(out)
		defer rows.Close()
		for rows.Next() {
			var email string
			if err := rows.Scan(&email); err != nil {
				log.Printf("stream emails: %v", err)
				return
			}
			out <- email
		}
	}()
	return nil
}

// replicationWorker owns the connection it is given.
func replicationWorker(conn *sql.Conn, slot string) {
	defer conn.Close()
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, `SELECT pg_replication_slot_advance($1, pg_current_wal_lsn())`, slot); err != nil {
		log.Printf("advance slot %s: %v", slot, err)
	}
}

// startReplicationGoWorker hands the connection to `go replicationWorker`.
func startReplicationGoWorker(ctx context.Context, db *sql.DB, slot string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("replication conn: %w", err)
	}
	go replicationWorker(conn, slot)
	return nil
}

// startReplicationGoWorkerPingLeaks returns before starting the worker.
func startReplicationGoWorkerPingLeaks(ctx context.Context, db *sql.DB, slot string) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 114 leaks it`
	if err != nil {
		return fmt.Errorf("replication conn: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("replication ping: %w", err)
	}
	go replicationWorker(conn, slot)
	return nil
}
