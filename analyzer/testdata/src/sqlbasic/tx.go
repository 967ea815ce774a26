package sqlbasic

import (
	"context"
	"database/sql"
	"fmt"
)

// (*sql.DB).Begin, (*sql.DB).BeginTx and (*sql.Conn).BeginTx -> *sql.Tx,
// released by Commit or Rollback.

// renameBeginLeaks leaves the transaction open when the user does not exist.
func (r *userRepo) renameBeginLeaks(id int64, name string) error {
	tx, err := r.db.Begin() // want `tx \(\*sql\.Tx from r\.db\.Begin\) is not committed or rolled back on every path: the return at line 24 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	res, err := tx.Exec(`UPDATE users SET name = $1 WHERE id = $2`, name, id)
	if err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("rename user %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return tx.Commit()
}

// renameBeginRollsBack rolls back on every early return.
func (r *userRepo) renameBeginRollsBack(id int64, name string) error {
	tx, err := r.db.Begin()
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	res, err := tx.Exec(`UPDATE users SET name = $1 WHERE id = $2`, name, id)
	if err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("rename user %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		_ = tx.Rollback()
		return errNotFound
	}
	return tx.Commit()
}

// deactivateBeginTxLeaks forgets the rollback on the first failure only.
func (r *userRepo) deactivateBeginTxLeaks(ctx context.Context, id int64) error {
	tx, err := r.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) // want `tx \(\*sql\.Tx from r\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 54 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET active = false WHERE id = $1`, id); err != nil {
		return fmt.Errorf("deactivate user %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("drop sessions of %d: %w", id, err)
	}
	return tx.Commit()
}

// deactivateBeginTxDeferRollback defers the rollback and commits at the end.
func (r *userRepo) deactivateBeginTxDeferRollback(ctx context.Context, id int64) error {
	tx, err := r.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE users SET active = false WHERE id = $1`, id); err != nil {
		return fmt.Errorf("deactivate user %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
		return fmt.Errorf("drop sessions of %d: %w", id, err)
	}
	return tx.Commit()
}

// bumpCounterConnBeginTxLeaks runs a transaction on a pinned connection and
// leaves it open when the advisory lock cannot be taken.
func bumpCounterConnBeginTxLeaks(ctx context.Context, conn *sql.Conn, key string) error {
	tx, err := conn.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from conn\.BeginTx\) is not committed or rolled back on every path: the return at line 87 leaks it`
	if err != nil {
		return fmt.Errorf("begin on pinned connection: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, key); err != nil {
		return fmt.Errorf("lock %s: %w", key, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE counters SET n = n + 1 WHERE key = $1`, key); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("bump %s: %w", key, err)
	}
	return tx.Commit()
}

// bumpCounterConnBeginTxRollsBack rolls back on both failures.
func bumpCounterConnBeginTxRollsBack(ctx context.Context, conn *sql.Conn, key string) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin on pinned connection: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, key); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("lock %s: %w", key, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE counters SET n = n + 1 WHERE key = $1`, key); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("bump %s: %w", key, err)
	}
	return tx.Commit()
}
