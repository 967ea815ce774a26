package clickhousereal

import (
	"context"
	"errors"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"realmod/clickhousereal/chutil"
)

// driver.Conn.PrepareBatch -> driver.Batch: it holds its connection, in the
// middle of an INSERT, until Send, Abort or Close (conn_batch.go).

func (s *Store) insertValidateLeaks(ctx context.Context, events []Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events") // want `batch \(driver\.Batch from s\.conn\.PrepareBatch\) is not sent, aborted or closed on every path: the return at line 22 leaks it`
	if err != nil {
		return err
	}
	if len(events) == 0 {
		return errors.New("nothing to insert") // <- leaks batch
	}
	for _, e := range events {
		if err := batch.Append(e.ID, e.Kind); err != nil {
			return err
		}
	}
	return batch.Send()
}

// A failed Append gives the connection back (conn_batch.go Append): the
// library's own example returns without Close.
func (s *Store) insertAppendErrorReturns(ctx context.Context, events []Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	for _, e := range events {
		if err := batch.Append(e.ID, e.Kind); err != nil {
			return fmt.Errorf("append %d: %w", e.ID, err)
		}
	}
	return batch.Send()
}

// A failed AppendStruct does not, when the struct does not map to the
// columns (conn_batch.go AppendStruct returns before Append).
func (s *Store) insertStructsLeaks(ctx context.Context, events []Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events") // want `batch \(driver\.Batch from s\.conn\.PrepareBatch\) is not sent, aborted or closed on every path: the return at line 56 leaks it`
	if err != nil {
		return err
	}
	for i := range events {
		if err := batch.AppendStruct(&events[i]); err != nil {
			return err // <- leaks batch
		}
	}
	return batch.Send()
}

// The library's advice: defer Close right after PrepareBatch; after Send
// it does nothing.
func (s *Store) insertStructsDeferClose(ctx context.Context, events []Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	defer batch.Close()
	for i := range events {
		if err := batch.AppendStruct(&events[i]); err != nil {
			return err
		}
	}
	return batch.Send()
}

// A failed Flush keeps the connection unless the pipe broke.
func (s *Store) insertFlushLeaks(ctx context.Context, chunks [][]Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events") // want `batch \(driver\.Batch from s\.conn\.PrepareBatch\) is not sent, aborted or closed on every path: the return at line 91 leaks it`
	if err != nil {
		return err
	}
	for _, chunk := range chunks {
		for _, e := range chunk {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				return err
			}
		}
		if err := batch.Flush(); err != nil {
			return fmt.Errorf("flush: %w", err) // <- leaks batch
		}
	}
	return batch.Send()
}

func (s *Store) insertFlushAbort(ctx context.Context, chunks [][]Event) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	for _, chunk := range chunks {
		for _, e := range chunk {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				return err
			}
		}
		if err := batch.Flush(); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("flush: %w", err)
		}
	}
	return batch.Send()
}

// A failed Append of a column of the batch is another value's error:
// the batch is reported unless closed. Over HTTP it keeps its connection
// (conn_http_batch.go Column); over the native protocol it would not.
func (s *Store) insertColumnsLeaks(ctx context.Context, ids []uint64, kinds []string) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events") // want `batch \(driver\.Batch from s\.conn\.PrepareBatch\) is not sent, aborted or closed on every path: the return at line 125 leaks it`
	if err != nil {
		return err
	}
	if err := batch.Column(0).Append(ids); err != nil {
		return err // <- leaks batch
	}
	if err := batch.Column(1).Append(kinds); err != nil {
		return err
	}
	return batch.Send()
}

func (s *Store) insertColumnsDeferClose(ctx context.Context, ids []uint64, kinds []string) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	defer batch.Close()
	if err := batch.Column(0).Append(ids); err != nil {
		return err
	}
	if err := batch.Column(1).Append(kinds); err != nil {
		return err
	}
	return batch.Send()
}

// A batch per tenant, flushed in the loop and finished by a Close deferred
// there: every tenant's connection stays held until the function returns.
func (s *Store) flushPerTenantDeferInLoop(ctx context.Context, byTenant map[string][]Event) error {
	for tenant, events := range byTenant {
		batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events_"+tenant) // want `batch\.Close is deferred inside a loop: every iteration's driver\.Batch from s\.conn\.PrepareBatch stays held until the function returns`
		if err != nil {
			return err
		}
		defer batch.Close()
		for _, e := range events {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				return err
			}
		}
		if err := batch.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// Sent in each iteration, the batch is given back there: the Close
// deferred in the loop does nothing more (conn_batch.go Close after Send).
func (s *Store) insertPerTenantDeferCloseAndSend(ctx context.Context, byTenant map[string][]Event) error {
	for tenant, events := range byTenant {
		batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events_"+tenant)
		if err != nil {
			return err
		}
		defer batch.Close()
		for _, e := range events {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				return err
			}
		}
		if err := batch.Send(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertPerTenant(ctx context.Context, byTenant map[string][]Event) error {
	for tenant, events := range byTenant {
		batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events_"+tenant)
		if err != nil {
			return err
		}
		for _, e := range events {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				return err
			}
		}
		if err := batch.Send(); err != nil {
			return err
		}
	}
	return nil
}

// A batch started for nothing.
func (s *Store) prepareOnlyDiscarded(ctx context.Context) error {
	_, err := s.conn.PrepareBatch(ctx, "INSERT INTO events") // want `the driver\.Batch from s\.conn\.PrepareBatch is discarded and never sent, aborted or closed`
	return err
}

// Through the facts of another package: NewInsert acquires, SendAll gives
// back, RowCount only borrows.
func (s *Store) insertViaHelpersLeaks(ctx context.Context, rows [][]any) (int, error) {
	batch, err := chutil.NewInsert(ctx, s.conn, "events") // want `batch \(driver\.Batch from chutil\.NewInsert\) is not sent, aborted or closed on every path: the return at line 226 leaks it`
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if err := batch.Append(r...); err != nil {
			return 0, err
		}
	}
	return chutil.RowCount(batch), nil // <- leaks batch
}

func (s *Store) insertViaHelpers(ctx context.Context, rows [][]any) error {
	batch, err := chutil.NewInsert(ctx, s.conn, "events")
	if err != nil {
		return err
	}
	return chutil.SendAll(batch, rows)
}

// Kept in a field: the struct owns it now.
type Inserter struct {
	batch driver.Batch
}

func (s *Store) startInserter(ctx context.Context, in *Inserter) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	in.batch = batch
	return nil
}

// Sent by a goroutine on every path.
func (s *Store) insertInBackground(ctx context.Context, events []Event, done chan<- error) error {
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
	if err != nil {
		return err
	}
	go func() {
		for _, e := range events {
			if err := batch.Append(e.ID, e.Kind); err != nil {
				done <- err
				return
			}
		}
		done <- batch.Send()
	}()
	return nil
}
