package pgx

import (
	"github.com/jackc/pgx/v5/pgconn"
)

// QueuedQuery is a query that has been queued for execution via a Batch.
type QueuedQuery struct {
	SQL       string
	Arguments []any
}

func (qq *QueuedQuery) Query(fn func(rows Rows) error)           {}
func (qq *QueuedQuery) QueryRow(fn func(row Row) error)          {}
func (qq *QueuedQuery) Exec(fn func(ct pgconn.CommandTag) error) {}

// Batch queries are a way of bundling multiple queries together.
type Batch struct {
	QueuedQueries []*QueuedQuery

	txOptions *TxOptions
}

func (b *Batch) BeginTx(txOptions TxOptions) { b.txOptions = &txOptions }

func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery {
	qq := &QueuedQuery{SQL: query, Arguments: arguments}
	b.QueuedQueries = append(b.QueuedQueries, qq)
	return qq
}

func (b *Batch) Len() int { return len(b.QueuedQueries) }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
	Tx() Tx
}
