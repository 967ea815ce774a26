package paths

import (
	"context"
	"database/sql"
	"log"
)

// Point 8: re-acquiring while the previous value is still held leaks it;
// continue and break paths count like any other path.

type monitor struct {
	db       *sql.DB
	ticks    <-chan struct{}
	failures int
}

// heartbeatReacquireLeaks skips to the next tick after a failed ping with the
// connection still checked out; the loop never returns.
func (m *monitor) heartbeatReacquireLeaks(ctx context.Context) {
	for {
		<-m.ticks
		conn, err := m.db.Conn(ctx) // want `conn \(\*sql\.Conn from m\.db\.Conn\) is not closed on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			m.failures++
			continue
		}
		if err := conn.PingContext(ctx); err != nil {
			m.failures++
			continue
		}
		conn.Close()
	}
}

// heartbeatClosesBeforeContinue releases before skipping to the next tick.
func (m *monitor) heartbeatClosesBeforeContinue(ctx context.Context) {
	for {
		<-m.ticks
		conn, err := m.db.Conn(ctx)
		if err != nil {
			m.failures++
			continue
		}
		if err := conn.PingContext(ctx); err != nil {
			m.failures++
			conn.Close()
			continue
		}
		conn.Close()
	}
}

// archiveBatchContinueLeaks keeps the failed order's transaction open when it
// moves on to the next order; the last one is still open at the return.
func (s *orderService) archiveBatchContinueLeaks(ctx context.Context, ids []int64) int {
	archived := 0
	for _, id := range ids {
		tx, err := s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 74 leaks it`
		if err != nil {
			log.Printf("archive %d: begin: %v", id, err)
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO orders_archive SELECT * FROM orders WHERE id = $1`, id); err != nil {
			log.Printf("archive %d: %v", id, err)
			continue
		}
		if err := tx.Commit(); err != nil {
			log.Printf("archive %d: commit: %v", id, err)
			continue
		}
		archived++
	}
	return archived
}

// archiveBatchRollsBackBeforeContinue ends the transaction before moving on.
func (s *orderService) archiveBatchRollsBackBeforeContinue(ctx context.Context, ids []int64) int {
	archived := 0
	for _, id := range ids {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			log.Printf("archive %d: begin: %v", id, err)
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO orders_archive SELECT * FROM orders WHERE id = $1`, id); err != nil {
			log.Printf("archive %d: %v", id, err)
			tx.Rollback()
			continue
		}
		if err := tx.Commit(); err != nil {
			log.Printf("archive %d: commit: %v", id, err)
			continue
		}
		archived++
	}
	return archived
}

// firstBusyShardBreakLeaks breaks out of the loop holding the busy shard's
// connection.
func firstBusyShardBreakLeaks(ctx context.Context, shards []*sql.DB) int {
	found := -1
	for i, shard := range shards {
		conn, err := shard.Conn(ctx) // want `conn \(\*sql\.Conn from shard\.Conn\) is not closed on every path: the return at line 121 leaks it`
		if err != nil {
			log.Printf("shard %d: %v", i, err)
			continue
		}
		var backlog int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE done = false`).Scan(&backlog); err != nil {
			conn.Close()
			continue
		}
		if backlog > 0 {
			found = i
			break
		}
		conn.Close()
	}
	return found
}

// firstBusyShardClosesBeforeBreak releases before breaking out.
func firstBusyShardClosesBeforeBreak(ctx context.Context, shards []*sql.DB) int {
	found := -1
	for i, shard := range shards {
		conn, err := shard.Conn(ctx)
		if err != nil {
			log.Printf("shard %d: %v", i, err)
			continue
		}
		var backlog int
		err = conn.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE done = false`).Scan(&backlog)
		conn.Close()
		if err != nil {
			continue
		}
		if backlog > 0 {
			found = i
			break
		}
	}
	return found
}
