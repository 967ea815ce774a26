package pgxv5cases

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func (s *Store) renameUserEarlyReturnLeaks(ctx context.Context, id int64, name string) error {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 17 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.Exec(ctx, "update users set name = $1 where id = $2", name, id); err != nil {
		return fmt.Errorf("rename user %d: %w", id, err)
	}
	if _, err := tx.Exec(ctx, "insert into audit_log (user_id, action) values ($1, 'rename')", id); err != nil {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("audit rename %d: %w", id, err)
	}
	return tx.Commit(ctx)
}

func (s *Store) renameUserDeferRollback(ctx context.Context, id int64, name string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "update users set name = $1 where id = $2", name, id); err != nil {
		return fmt.Errorf("rename user %d: %w", id, err)
	}
	if _, err := tx.Exec(ctx, "insert into audit_log (user_id, action) values ($1, 'rename')", id); err != nil {
		return fmt.Errorf("audit rename %d: %w", id, err)
	}
	return tx.Commit(ctx)
}

func (s *Store) serializableOnPooledConnLeaks(ctx context.Context, conn *pgxpool.Conn, sku string, qty int) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable}) // want `tx \(pgx\.Tx from conn\.BeginTx\) is not committed or rolled back on every path: the return at line 52 leaks it`
	if err != nil {
		return err
	}
	var stock int
	if err := tx.QueryRow(ctx, "select stock from inventory where sku = $1", sku).Scan(&stock); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if stock < qty {
		return fmt.Errorf("sku %s: only %d left", sku, stock)
	}
	if _, err := tx.Exec(ctx, "update inventory set stock = stock - $1 where sku = $2", qty, sku); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

func (s *Store) serializableOnPooledConnRollbackEveryPath(ctx context.Context, conn *pgxpool.Conn, sku string, qty int) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return err
	}
	var stock int
	if err := tx.QueryRow(ctx, "select stock from inventory where sku = $1", sku).Scan(&stock); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	if stock < qty {
		_ = tx.Rollback(ctx)
		return fmt.Errorf("sku %s: only %d left", sku, stock)
	}
	if _, err := tx.Exec(ctx, "update inventory set stock = stock - $1 where sku = $2", qty, sku); err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// savepointLeaks opens a savepoint on an outer transaction owned by the caller.
func savepointLeaks(ctx context.Context, tx pgx.Tx, orderID int64) error {
	sp, err := tx.Begin(ctx) // want `sp \(pgx\.Tx from tx\.Begin\) is not committed or rolled back on every path: the return at line 89 leaks it`
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, "update orders set status = 'shipped' where id = $1", orderID); err != nil {
		return err
	}
	return sp.Commit(ctx)
}

func savepointDeferRollback(ctx context.Context, tx pgx.Tx, orderID int64) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	defer sp.Rollback(ctx)
	if _, err := sp.Exec(ctx, "update orders set status = 'shipped' where id = $1", orderID); err != nil {
		return err
	}
	return sp.Commit(ctx)
}

func migrateOnDedicatedConnLeaks(ctx context.Context, conn *pgx.Conn, ddl []string) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadWrite}) // want `tx \(pgx\.Tx from conn\.BeginTx\) is not committed or rolled back on every path: the return at line 113 leaks it`
	if err != nil {
		return err
	}
	for _, stmt := range ddl {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("migration %q: %w", stmt, err)
		}
	}
	return tx.Commit(ctx)
}

func migrateOnDedicatedConnDeferRollback(ctx context.Context, conn *pgx.Conn, ddl []string) error {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadWrite})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, stmt := range ddl {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("migration %q: %w", stmt, err)
		}
	}
	return tx.Commit(ctx)
}

// transferRollbackOnlyOnErrorLeaks: the deferred rollback runs only when err is set, and the
// "nothing to do" path returns nil without committing.
func (s *Store) transferRollbackOnlyOnErrorLeaks(ctx context.Context, from, to int64, cents int64) (err error) {
	tx, err := s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 146 leaks it`
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if cents == 0 {
		return nil
	}
	if _, err = tx.Exec(ctx, "update accounts set balance = balance - $1 where id = $2", cents, from); err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, "update accounts set balance = balance + $1 where id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (s *Store) transferRollbackOnErrorCommitOtherwise(ctx context.Context, from, to int64, cents int64) (err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if _, err = tx.Exec(ctx, "update accounts set balance = balance - $1 where id = $2", cents, from); err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, "update accounts set balance = balance + $1 where id = $2", cents, to); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// markPaidNestedOrTopLevelLeaks begins either a savepoint or a top-level transaction into one variable.
func (s *Store) markPaidNestedOrTopLevelLeaks(ctx context.Context, parent pgx.Tx, orderID int64) error {
	var tx pgx.Tx
	var err error
	if parent != nil {
		tx, err = parent.Begin(ctx) // want `tx \(pgx\.Tx from parent\.Begin\) is not committed or rolled back on every path: the return at line 189 leaks it`
	} else {
		tx, err = s.pool.Begin(ctx) // want `tx \(pgx\.Tx from s\.pool\.Begin\) is not committed or rolled back on every path: the return at line 189 leaks it`
	}
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "update orders set status = 'paid' where id = $1", orderID); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (s *Store) markPaidNestedOrTopLevelDeferRollback(ctx context.Context, parent pgx.Tx, orderID int64) error {
	var tx pgx.Tx
	var err error
	if parent != nil {
		tx, err = parent.Begin(ctx)
	} else {
		tx, err = s.pool.Begin(ctx)
	}
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "update orders set status = 'paid' where id = $1", orderID); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (s *Store) beginFuncHasNoObligation(ctx context.Context, id int64) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "update users set deleted_at = now() where id = $1", id)
		return err
	})
}

func (s *Store) beginTxFuncHasNoObligation(ctx context.Context, id int64) error {
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "update users set deleted_at = now() where id = $1", id)
		return err
	})
}

// unarchivedIDsInsideBeginFuncLeaks: the rows opened inside the callback are judged inside the callback.
func (s *Store) unarchivedIDsInsideBeginFuncLeaks(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "select id from orders where archived = false for update") // Not a leak: a pgx Scan that fails closes the rows (rows.fatal).
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}

func (s *Store) unarchivedIDsInsideBeginFuncDeferClose(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "select id from orders where archived = false for update")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}
