package regressions

import (
	"context"
	"fmt"
)

// Transaction shapes that must not be reported, and one that must.

// txDeferRollbackReturnCommit defers the rollback and returns the commit.
func (s *userStore) txDeferRollbackReturnCommit(ctx context.Context, id int64, email string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)`, email).Scan(&taken); err != nil {
		return fmt.Errorf("check email: %w", err)
	}
	if taken {
		return errEmailTaken
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, id); err != nil {
		return fmt.Errorf("change email of %d: %w", id, err)
	}
	return tx.Commit()
}

// rollbackInEachErrorBranchCommitAtEnd rolls back explicitly in every error
// branch and commits at the end.
func (s *userStore) rollbackInEachErrorBranchCommitAtEnd(ctx context.Context, id int64, email string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)`, email).Scan(&taken); err != nil {
		tx.Rollback()
		return fmt.Errorf("check email: %w", err)
	}
	if taken {
		tx.Rollback()
		return errEmailTaken
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, id); err != nil {
		tx.Rollback()
		return fmt.Errorf("change email of %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rollbackMissingInOneBranchLeaks rolls back in the error branches but not on
// the business-rule exit; linters that only look for some Rollback call are
// satisfied by it.
func (s *userStore) rollbackMissingInOneBranchLeaks(ctx context.Context, id int64, email string) error {
	tx, err := s.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from s\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 70 leaks it`
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)`, email).Scan(&taken); err != nil {
		tx.Rollback()
		return fmt.Errorf("check email: %w", err)
	}
	if taken {
		return errEmailTaken
	}
	if _, err := tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, id); err != nil {
		tx.Rollback()
		return fmt.Errorf("change email of %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
