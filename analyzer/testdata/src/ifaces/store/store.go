// Package store declares a service's own database interfaces and imports no
// database library: its importers reach the database only through them.
package store

import "context"

// Tx is the service's transaction.
type Tx interface {
	Exec(ctx context.Context, query string, args ...any) error
	Commit() error
	Rollback() error
}

// Beginner hands out transactions.
type Beginner interface {
	Begin(ctx context.Context) (Tx, error)
	// CurrentTx is a getter: the transaction the context carries.
	CurrentTx(ctx context.Context) Tx
}

// Conn is a connection taken out of the service's pool.
type Conn interface {
	Ping(ctx context.Context) error
	Release()
}

// Pool hands out connections.
type Pool interface {
	Acquire(ctx context.Context) (Conn, error)
}
