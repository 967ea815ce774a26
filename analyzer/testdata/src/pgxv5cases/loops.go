package pgxv5cases

import (
	"context"
	"fmt"
	"log"
	"time"
)

// healthLoopContinueLeaks never returns; a failed ping skips the Release and the next
// iteration acquires again.
func (s *Store) healthLoopContinueLeaks(ctx context.Context) {
	for {
		conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			log.Printf("health: acquire: %v", err)
			time.Sleep(time.Second)
			continue
		}
		if err := conn.Ping(ctx); err != nil {
			log.Printf("health: ping: %v", err)
			time.Sleep(time.Second)
			continue
		}
		conn.Release()
		time.Sleep(30 * time.Second)
	}
}

func (s *Store) healthLoopReleaseBeforeContinue(ctx context.Context) {
	for {
		conn, err := s.pool.Acquire(ctx)
		if err != nil {
			log.Printf("health: acquire: %v", err)
			time.Sleep(time.Second)
			continue
		}
		if err := conn.Ping(ctx); err != nil {
			conn.Release()
			log.Printf("health: ping: %v", err)
			time.Sleep(time.Second)
			continue
		}
		conn.Release()
		time.Sleep(30 * time.Second)
	}
}

func (s *Store) countTablesReturnInLoopLeaks(ctx context.Context, tables []string) (int64, error) {
	var total int64
	for _, table := range tables {
		conn, err := s.pool.Acquire(ctx) // want `conn \(\*pgxpool\.Conn from s\.pool\.Acquire\) is not released on every path: the return at line 58 leaks it`
		if err != nil {
			return 0, fmt.Errorf("acquire: %w", err)
		}
		var n int64
		if err := conn.QueryRow(ctx, "select count(*) from "+table).Scan(&n); err != nil {
			return 0, fmt.Errorf("count %s: %w", table, err)
		}
		conn.Release()
		total += n
	}
	return total, nil
}

func (s *Store) countTablesReleaseEachIteration(ctx context.Context, tables []string) (int64, error) {
	var total int64
	for _, table := range tables {
		conn, err := s.pool.Acquire(ctx)
		if err != nil {
			return 0, fmt.Errorf("acquire: %w", err)
		}
		var n int64
		err = conn.QueryRow(ctx, "select count(*) from "+table).Scan(&n)
		conn.Release()
		if err != nil {
			return 0, fmt.Errorf("count %s: %w", table, err)
		}
		total += n
	}
	return total, nil
}

// vacuumSkippedTablesLeaks: the skip path continues while the tx is open; after the last
// iteration that path reaches the final return.
func (s *Store) vacuumSkippedTablesLeaks(ctx context.Context, tables []string, skip map[string]bool) error {
	for _, table := range tables {
		tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 105 leaks it`
		if err != nil {
			log.Printf("begin for %s: %v", table, err)
			continue
		}
		if skip[table] {
			continue
		}
		if _, err := tx.Exec(ctx, "analyze "+table); err != nil {
			log.Printf("analyze %s: %v", table, err)
			_ = tx.Rollback(ctx)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			log.Printf("commit %s: %v", table, err)
		}
	}
	return nil
}

func (s *Store) vacuumSkippedTablesBeforeBegin(ctx context.Context, tables []string, skip map[string]bool) error {
	for _, table := range tables {
		if skip[table] {
			continue
		}
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			log.Printf("begin for %s: %v", table, err)
			continue
		}
		if _, err := tx.Exec(ctx, "analyze "+table); err != nil {
			log.Printf("analyze %s: %v", table, err)
			_ = tx.Rollback(ctx)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			log.Printf("commit %s: %v", table, err)
		}
	}
	return nil
}

func (s *Store) expireSessionsDeferInLoop(ctx context.Context, userIDs []int64) error {
	for _, id := range userIDs {
		conn, err := s.pool.Acquire(ctx) // want `conn\.Release is deferred inside a loop: every iteration's \*pgxpool\.Conn from s\.pool\.Acquire stays held until the function returns`
		if err != nil {
			return err
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, "delete from sessions where user_id = $1", id); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) expireSessionsDeferInClosure(ctx context.Context, userIDs []int64) error {
	for _, id := range userIDs {
		err := func() error {
			conn, err := s.pool.Acquire(ctx)
			if err != nil {
				return err
			}
			defer conn.Release()
			_, err = conn.Exec(ctx, "delete from sessions where user_id = $1", id)
			return err
		}()
		if err != nil {
			return fmt.Errorf("expire sessions for %d: %w", id, err)
		}
	}
	return nil
}

// dryRunScriptsDeferInLoop rolls every transaction back, but only when the function returns.
func (s *Store) dryRunScriptsDeferInLoop(ctx context.Context, scripts []string) error {
	for _, script := range scripts {
		tx, err := s.pool.Begin(ctx) // want `tx\.Rollback is deferred inside a loop: every iteration's pgx\.Tx from s\.pool\.Begin stays held until the function returns`
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, script); err != nil {
			return fmt.Errorf("dry run %q: %w", script, err)
		}
	}
	return nil
}

func (s *Store) dryRunScriptsRollbackPerScript(ctx context.Context, scripts []string) error {
	for _, script := range scripts {
		if err := s.dryRun(ctx, script); err != nil {
			return fmt.Errorf("dry run %q: %w", script, err)
		}
	}
	return nil
}

func (s *Store) dryRun(ctx context.Context, script string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, script)
	return err
}
