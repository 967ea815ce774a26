//go:build dbservers

package cases

import (
	"context"
	"fmt"

	"github.com/connrelease/connrelease/oracle/cases/helpers"
)

// WrapperConnEarlyReturnLeaks takes its connection through helpers.OpenConn
// and returns early without closing it.
func WrapperConnEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := helpers.OpenConn(ctx, d.DB)
	if err != nil {
		return err
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), in.ItemID)
	helpers.CloseQuietly(conn)
	return err // path: done
}

// WrapperConnCloseQuietly defers helpers.CloseQuietly.
func WrapperConnCloseQuietly(ctx context.Context, d Deps, in Input) error {
	conn, err := helpers.OpenConn(ctx, d.DB)
	if err != nil {
		return err
	}
	defer helpers.CloseQuietly(conn)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), in.ItemID)
	return err // path: done
}

// WrapperBorrowerLeaks hands the connection to helpers.Healthy, which only
// pings it, and drops it.
func WrapperBorrowerLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	if err := helpers.Healthy(ctx, conn); err != nil {
		return err // path: unhealthy
	}
	return nil // path: done
}

// WrapperTxFinish begins through helpers.Begin and ends through
// helpers.Finish, which commits or rolls back.
func WrapperTxFinish(ctx context.Context, d Deps, in Input) error {
	tx, err := helpers.Begin(ctx, d.DB)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount)
	return helpers.Finish(tx, err) // path: done
}

// WrapperTxLeaks begins through helpers.Begin and returns on the failed
// write without ending the transaction.
func WrapperTxLeaks(ctx context.Context, d Deps, in Input) error {
	tx, err := helpers.Begin(ctx, d.DB)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return helpers.Finish(tx, nil) // path: committed
}

// WrapperPoolAcquireRelease acquires through helpers.AcquireAudit and
// releases through helpers.ReleaseAudit.
func WrapperPoolAcquireRelease(ctx context.Context, d Deps, in Input) error {
	c, err := helpers.AcquireAudit(ctx, d.Pool)
	if err != nil {
		return err
	}
	defer helpers.ReleaseAudit(c)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = c.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount)
	return err // path: done
}

// WrapperPoolAcquireLeaks acquires through helpers.AcquireAudit and returns
// early without releasing.
func WrapperPoolAcquireLeaks(ctx context.Context, d Deps, in Input) error {
	c, err := helpers.AcquireAudit(ctx, d.Pool)
	if err != nil {
		return err
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = c.Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount)
	helpers.ReleaseAudit(c)
	return err // path: done
}
