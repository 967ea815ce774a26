// Package pathsteps holds leaks whose paths (flag -path) TestPathSteps
// checks step by step: the acquisition, each branch taken, the return.
package pathsteps

import (
	"context"
	"database/sql"
	"errors"
)

var errBusy = errors.New("busy")

// ifElseChain leaks on the middle arm of an if/else chain.
func ifElseChain(ctx context.Context, db *sql.DB, n int) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 23 leaks it`
	if err != nil {
		return err
	}
	if n > 3 {
		conn.Close()
		return nil
	} else if n < 0 && n != -1 {
		return errBusy
	}
	return conn.Close()
}

// scanLoop leaks when a Scan inside the rows loop fails.
func scanLoop(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT n FROM t") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 38 leaks it`
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, rows.Close()
}

// switchKind leaks on one case of a tagged switch and one of a tagless
// one.
func switchKind(ctx context.Context, db *sql.DB, kind string, n int) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 56 leaks it`
	if err != nil {
		return err
	}
	switch kind {
	case "a", "b":
		switch {
		case n > 10:
			return nil
		}
	}
	return tx.Commit()
}

// deferredIfFailed rolls back in a deferred closure when err is set, and
// returns with err nil on the path that skips the commit.
func deferredIfFailed(ctx context.Context, db *sql.DB, dryRun bool) (err error) {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 75 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if dryRun {
		return nil
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM t")
	if err != nil {
		return err
	}
	return tx.Commit()
}

// rangeAndFlag leaks when the range loop runs and a flag is set.
func rangeAndFlag(ctx context.Context, db *sql.DB, ids []int, verbose bool) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 95 leaks it`
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !verbose {
			continue
		}
		if id == 0 {
			return errBusy
		}
	}
	return conn.Close()
}

// failedPingInLoop leaks the previous connection when the next
// acquisition fails.
func failedPingInLoop(ctx context.Context, db *sql.DB, names []string, skip bool) {
	for range names {
		conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 107 leaks it`
		if err != nil {
			return
		}
		if skip {
			conn.Close()
			continue
		}
		_ = conn.PingContext(ctx)
	}
}

// lostInLoop skips to the next tick after a failed ping with the
// connection still held; the loop never returns.
func lostInLoop(ctx context.Context, db *sql.DB, ticks <-chan int) {
	for {
		n := <-ticks
		conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			continue
		}
		if err := conn.PingContext(ctx); err != nil || n%2 == 0 {
			continue
		}
		conn.Close()
	}
}

// returnAtEnd leaks at the end of the function when the flag is off.
func returnAtEnd(ctx context.Context, db *sql.DB, flag bool) {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 142 leaks it`
	if err != nil {
		return
	}
	if flag {
		conn.Close()
	}
}

// waitOrCancel leaks when the context is done first.
func waitOrCancel(ctx context.Context, db *sql.DB, done <-chan struct{}) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 154 leaks it`
	if err != nil {
		return err
	}
	select {
	case <-done:
		return conn.Close()
	case <-ctx.Done():
		return ctx.Err()
	}
}
