package sqlbasic

import (
	"context"
	"database/sql"
	"fmt"
)

// Prepare/PrepareContext on DB, Conn and Tx -> *sql.Stmt, released by Close.

// importEmailsPrepareLeaks stops at the first failed insert and keeps the
// statement prepared.
func (r *userRepo) importEmailsPrepareLeaks(emails []string) error {
	stmt, err := r.db.Prepare(`INSERT INTO users (email) VALUES ($1)`) // want `stmt \(\*sql\.Stmt from r\.db\.Prepare\) is not closed on every path: the return at line 20 leaks it`
	if err != nil {
		return fmt.Errorf("prepare insert: %w", err)
	}
	for _, e := range emails {
		if _, err := stmt.Exec(e); err != nil {
			return fmt.Errorf("insert %s: %w", e, err)
		}
	}
	return stmt.Close()
}

// importEmailsPrepareDeferClose defers the Close.
func (r *userRepo) importEmailsPrepareDeferClose(emails []string) error {
	stmt, err := r.db.Prepare(`INSERT INTO users (email) VALUES ($1)`)
	if err != nil {
		return fmt.Errorf("prepare insert: %w", err)
	}
	defer stmt.Close()
	for _, e := range emails {
		if _, err := stmt.Exec(e); err != nil {
			return fmt.Errorf("insert %s: %w", e, err)
		}
	}
	return nil
}

// touchUsersPrepareContextLeaks closes on one failure but not on the other.
func (r *userRepo) touchUsersPrepareContextLeaks(ctx context.Context, ids []int64) (int64, error) {
	stmt, err := r.db.PrepareContext(ctx, `UPDATE users SET seen_at = now() WHERE id = $1`) // want `stmt \(\*sql\.Stmt from r\.db\.PrepareContext\) is not closed on every path: the return at line 56 leaks it`
	if err != nil {
		return 0, fmt.Errorf("prepare touch: %w", err)
	}
	var total int64
	for _, id := range ids {
		res, err := stmt.ExecContext(ctx, id)
		if err != nil {
			stmt.Close()
			return total, fmt.Errorf("touch %d: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, stmt.Close()
}

// touchUsersPrepareContextClosesEveryPath closes on both failures.
func (r *userRepo) touchUsersPrepareContextClosesEveryPath(ctx context.Context, ids []int64) (int64, error) {
	stmt, err := r.db.PrepareContext(ctx, `UPDATE users SET seen_at = now() WHERE id = $1`)
	if err != nil {
		return 0, fmt.Errorf("prepare touch: %w", err)
	}
	var total int64
	for _, id := range ids {
		res, err := stmt.ExecContext(ctx, id)
		if err != nil {
			stmt.Close()
			return total, fmt.Errorf("touch %d: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			stmt.Close()
			return total, err
		}
		total += n
	}
	return total, stmt.Close()
}

// auditConnPrepareContextLeaks prepares on a pinned connection and returns
// early on a bad argument.
func auditConnPrepareContextLeaks(ctx context.Context, conn *sql.Conn, actor string, events []string) error {
	stmt, err := conn.PrepareContext(ctx, `INSERT INTO audit_log (actor, event) VALUES ($1, $2)`) // want `stmt \(\*sql\.Stmt from conn\.PrepareContext\) is not closed on every path: the return at line 94 leaks it`
	if err != nil {
		return fmt.Errorf("prepare audit insert: %w", err)
	}
	if actor == "" {
		return fmt.Errorf("audit: empty actor")
	}
	for _, ev := range events {
		if _, err := stmt.ExecContext(ctx, actor, ev); err != nil {
			stmt.Close()
			return fmt.Errorf("audit %s: %w", ev, err)
		}
	}
	return stmt.Close()
}

// auditConnPrepareContextDeferClose defers the Close.
func auditConnPrepareContextDeferClose(ctx context.Context, conn *sql.Conn, actor string, events []string) error {
	stmt, err := conn.PrepareContext(ctx, `INSERT INTO audit_log (actor, event) VALUES ($1, $2)`)
	if err != nil {
		return fmt.Errorf("prepare audit insert: %w", err)
	}
	defer stmt.Close()
	if actor == "" {
		return fmt.Errorf("audit: empty actor")
	}
	for _, ev := range events {
		if _, err := stmt.ExecContext(ctx, actor, ev); err != nil {
			return fmt.Errorf("audit %s: %w", ev, err)
		}
	}
	return nil
}

// copyTagsTxPrepareLeaks keeps the statement when an insert fails.
func copyTagsTxPrepareLeaks(tx *sql.Tx, userID int64, tags []string) error {
	stmt, err := tx.Prepare(`INSERT INTO user_tags (user_id, tag) VALUES ($1, $2)`) // want `stmt \(\*sql\.Stmt from tx\.Prepare\) is not closed on every path: the return at line 131 leaks it`
	if err != nil {
		return fmt.Errorf("prepare tag insert: %w", err)
	}
	for _, tag := range tags {
		if _, err := stmt.Exec(userID, tag); err != nil {
			return fmt.Errorf("tag %d with %q: %w", userID, tag, err)
		}
	}
	return stmt.Close()
}

// copyTagsTxPrepareDeferClose defers the Close.
func copyTagsTxPrepareDeferClose(tx *sql.Tx, userID int64, tags []string) error {
	stmt, err := tx.Prepare(`INSERT INTO user_tags (user_id, tag) VALUES ($1, $2)`)
	if err != nil {
		return fmt.Errorf("prepare tag insert: %w", err)
	}
	defer stmt.Close()
	for _, tag := range tags {
		if _, err := stmt.Exec(userID, tag); err != nil {
			return fmt.Errorf("tag %d with %q: %w", userID, tag, err)
		}
	}
	return nil
}

// archiveTxPrepareContextLeaks returns early when the context is done.
func archiveTxPrepareContextLeaks(ctx context.Context, tx *sql.Tx, ids []int64) error {
	stmt, err := tx.PrepareContext(ctx, `UPDATE orders SET archived = true WHERE id = $1`) // want `stmt \(\*sql\.Stmt from tx\.PrepareContext\) is not closed on every path: the return at line 160 leaks it`
	if err != nil {
		return fmt.Errorf("prepare archive: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			stmt.Close()
			return fmt.Errorf("archive order %d: %w", id, err)
		}
	}
	return stmt.Close()
}

// archiveTxPrepareContextClosesEveryPath closes before each return.
func archiveTxPrepareContextClosesEveryPath(ctx context.Context, tx *sql.Tx, ids []int64) error {
	stmt, err := tx.PrepareContext(ctx, `UPDATE orders SET archived = true WHERE id = $1`)
	if err != nil {
		return fmt.Errorf("prepare archive: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			stmt.Close()
			return err
		}
		if _, err := stmt.ExecContext(ctx, id); err != nil {
			stmt.Close()
			return fmt.Errorf("archive order %d: %w", id, err)
		}
	}
	return stmt.Close()
}
