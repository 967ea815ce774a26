// Package service uses store's interfaces and imports no database library.
package service

import (
	"context"

	"ifaces/store"
)

// renameLeaks: a failed Exec returns with the transaction open.
func renameLeaks(ctx context.Context, b store.Beginner) error {
	tx, err := b.Begin(ctx) // want `tx \(store\.Tx from b\.Begin\) is not committed or rolled back on every path: the return at line 17 leaks it`
	if err != nil {
		return err
	}
	if err := tx.Exec(ctx, "UPDATE users SET name = $1", "x"); err != nil {
		return err
	}
	return tx.Commit()
}

// rename rolls back on every path.
func rename(ctx context.Context, b store.Beginner) error {
	tx, err := b.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.Exec(ctx, "UPDATE users SET name = $1", "x"); err != nil {
		return err
	}
	return tx.Commit()
}

// inCurrentTx uses the transaction a getter returns: someone else ends it.
func inCurrentTx(ctx context.Context, b store.Beginner) error {
	return b.CurrentTx(ctx).Exec(ctx, "DELETE FROM sessions")
}

// pingLeaks forgets the connection when Ping fails.
func pingLeaks(ctx context.Context, p store.Pool) error {
	c, err := p.Acquire(ctx) // want `c \(store\.Conn from p\.Acquire\) is not released on every path: the return at line 47 leaks it`
	if err != nil {
		return err
	}
	if err := c.Ping(ctx); err != nil {
		return err
	}
	c.Release()
	return nil
}

// ping releases it on every path.
func ping(ctx context.Context, p store.Pool) error {
	c, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	return c.Ping(ctx)
}
