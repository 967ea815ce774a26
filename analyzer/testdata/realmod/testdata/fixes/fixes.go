// Package fixes checks the suggested fixes on the real clickhouse-go and
// kafka-go APIs: `defer batch.Close()`, the library's own advice, a no-op
// after Send; `defer rows.Close()`; `defer conn.Close()`.
package fixes

import (
	"context"
	"errors"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/segmentio/kafka-go"
)

func insert(ctx context.Context, conn driver.Conn, ids []uint64) error {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO events") // want `batch \(driver\.Batch from conn\.PrepareBatch\) is not sent, aborted or closed on every path: the return at line 20 leaks it`
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return errors.New("nothing to insert")
	}
	for _, id := range ids {
		if err := batch.Append(id); err != nil {
			return err
		}
	}
	return batch.Send()
}

func count(ctx context.Context, conn driver.Conn) (n uint64, err error) {
	rows, err := conn.Query(ctx, "SELECT count() FROM events") // want `rows \(driver\.Rows from conn\.Query\) is not closed on every path: the return at line 36 leaks it`
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		return n, rows.Scan(&n)
	}
	return 0, rows.Err()
}

func lastOffset(ctx context.Context, addr, topic string) (int64, error) {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0) // want `conn \(\*kafka\.Conn from kafka\.DialLeader\) is not closed on every path: the return at line 46 leaks it`
	if err != nil {
		return 0, err
	}
	return conn.ReadLastOffset()
}
