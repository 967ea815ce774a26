package pgx

import (
	"github.com/jackc/pgconn"
)

type batchItem struct {
	query     string
	arguments []interface{}
}

// Batch queries are a way of bundling multiple queries together.
type Batch struct {
	items []*batchItem
}

func (b *Batch) Queue(query string, arguments ...interface{}) {
	b.items = append(b.items, &batchItem{query: query, arguments: arguments})
}

func (b *Batch) Len() int { return len(b.items) }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	QueryFunc(scans []interface{}, f func(QueryFuncRow) error) (pgconn.CommandTag, error)
	Close() error
}
