package paths

import (
	"context"
	"fmt"
)

// Point 12: an acquisition inside a function literal is judged inside it.

// regionTotalsClosureLeaks leaks from the loader closure; the return line is
// the closure's.
func (r *reportRepo) regionTotalsClosureLeaks(ctx context.Context, regions []string) (map[string]int64, error) {
	load := func(region string) (int64, error) {
		conn, err := r.replica.Conn(ctx) // want `conn \(\*sql\.Conn from r\.replica\.Conn\) is not closed on every path: the return at line 20 leaks it`
		if err != nil {
			return 0, err
		}
		var total int64
		if err := conn.QueryRowContext(ctx, `SELECT sum(amount) FROM sales WHERE region = $1`, region).Scan(&total); err != nil {
			return 0, fmt.Errorf("total of %s: %w", region, err)
		}
		return total, conn.Close()
	}
	totals := make(map[string]int64, len(regions))
	for _, region := range regions {
		t, err := load(region)
		if err != nil {
			return nil, err
		}
		totals[region] = t
	}
	return totals, nil
}

// regionTotalsClosureDeferClose defers the Close inside the closure.
func (r *reportRepo) regionTotalsClosureDeferClose(ctx context.Context, regions []string) (map[string]int64, error) {
	load := func(region string) (int64, error) {
		conn, err := r.replica.Conn(ctx)
		if err != nil {
			return 0, err
		}
		defer conn.Close()
		var total int64
		if err := conn.QueryRowContext(ctx, `SELECT sum(amount) FROM sales WHERE region = $1`, region).Scan(&total); err != nil {
			return 0, fmt.Errorf("total of %s: %w", region, err)
		}
		return total, nil
	}
	totals := make(map[string]int64, len(regions))
	for _, region := range regions {
		t, err := load(region)
		if err != nil {
			return nil, err
		}
		totals[region] = t
	}
	return totals, nil
}

// vacuumAsyncGoroutineLeaks falls off the end of the goroutine body with the
// connection checked out: the implicit return is the literal's closing brace.
func (r *reportRepo) vacuumAsyncGoroutineLeaks(ctx context.Context, done chan<- error) {
	go func() {
		conn, err := r.primary.Conn(ctx) // want `conn \(\*sql\.Conn from r\.primary\.Conn\) is not closed on every path: the return at line 71 leaks it`
		if err != nil {
			done <- err
			return
		}
		_, err = conn.ExecContext(ctx, "VACUUM ANALYZE")
		done <- err
	}()
}

// vacuumAsyncGoroutineDeferClose closes inside the goroutine body.
func (r *reportRepo) vacuumAsyncGoroutineDeferClose(ctx context.Context, done chan<- error) {
	go func() {
		conn, err := r.primary.Conn(ctx)
		if err != nil {
			done <- err
			return
		}
		defer conn.Close()
		_, err = conn.ExecContext(ctx, "VACUUM ANALYZE")
		done <- err
	}()
}
