package sqlxreal

import (
	"context"
	"fmt"
)

const setTimeout = `SET SESSION max_execution_time = 5000`

// (*sqlx.DB).Connx -> *sqlx.Conn; Close is promoted from *sql.Conn.

func (r *AccountRepo) pinnedSessionConnxLeaks(ctx context.Context) (int, error) {
	conn, err := r.db.Connx(ctx) // want `conn \(\*sqlx\.Conn from r\.db\.Connx\) is not closed on every path: the return at line 18 leaks it`
	if err != nil {
		return 0, fmt.Errorf("conn: %w", err)
	}
	if _, err := conn.ExecContext(ctx, setTimeout); err != nil {
		return 0, fmt.Errorf("set timeout: %w", err) // <- leaks conn
	}
	var n int
	err = conn.GetContext(ctx, &n, `SELECT count(*) FROM accounts`)
	_ = conn.Close()
	return n, err
}

func (r *AccountRepo) pinnedSessionConnxDeferClose(ctx context.Context) (int, error) {
	conn, err := r.db.Connx(ctx)
	if err != nil {
		return 0, fmt.Errorf("conn: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, setTimeout); err != nil {
		return 0, fmt.Errorf("set timeout: %w", err)
	}
	var n int
	if err := conn.GetContext(ctx, &n, `SELECT count(*) FROM accounts`); err != nil {
		return 0, fmt.Errorf("count accounts: %w", err)
	}
	return n, nil
}

// A Close deferred inside the loop that acquires the conn.

func (r *AccountRepo) pingSessionsDeferInLoop(ctx context.Context, n int) error {
	for i := 0; i < n; i++ {
		conn, err := r.db.Connx(ctx) // want `conn\.Close is deferred inside a loop: every iteration's \*sqlx\.Conn from r\.db\.Connx stays held until the function returns`
		if err != nil {
			return fmt.Errorf("conn %d: %w", i, err)
		}
		defer conn.Close()
		if err := conn.PingContext(ctx); err != nil {
			return fmt.Errorf("ping %d: %w", i, err)
		}
	}
	return nil
}

func (r *AccountRepo) pingSessionsClosePerIteration(ctx context.Context, n int) error {
	for i := 0; i < n; i++ {
		err := func() error {
			conn, err := r.db.Connx(ctx)
			if err != nil {
				return fmt.Errorf("conn %d: %w", i, err)
			}
			defer conn.Close()
			return conn.PingContext(ctx)
		}()
		if err != nil {
			return fmt.Errorf("ping %d: %w", i, err)
		}
	}
	return nil
}
