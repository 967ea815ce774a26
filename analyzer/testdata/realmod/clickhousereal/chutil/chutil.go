// Package chutil holds helpers whose facts carry clickhouse-go's rows and
// batches to the package that calls them.
package chutil

import (
	"context"
	"fmt"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// NewInsert prepares a batch for table: an acquirer to its callers.
func NewInsert(ctx context.Context, conn driver.Conn, table string) (driver.Batch, error) {
	batch, err := conn.PrepareBatch(ctx, "INSERT INTO "+table)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", table, err)
	}
	return batch, nil
}

// Events queries the events of a tenant: an acquirer of rows.
func Events(ctx context.Context, conn driver.Conn, tenant string) (driver.Rows, error) {
	return conn.Query(ctx, "SELECT id, kind FROM events WHERE tenant = ?", tenant)
}

// SendAll appends every row and sends the batch: it gives the batch back
// on every path (Append gives it back when it fails, Send always).
func SendAll(batch driver.Batch, rows [][]any) error {
	for _, r := range rows {
		if err := batch.Append(r...); err != nil {
			return err
		}
	}
	return batch.Send()
}

// RowCount only reads the batch: a borrower.
func RowCount(batch driver.Batch) int {
	return batch.Rows()
}
