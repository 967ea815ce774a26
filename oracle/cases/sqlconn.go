//go:build dbservers

package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ConnEarlyReturnLeaks validates the request after taking a connection,
// and its early return forgets the connection.
func ConnEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var name string
	err = conn.QueryRowContext(ctx, d.q("SELECT name FROM oracle_items WHERE id = ?"), in.ItemID).Scan(&name)
	conn.Close()
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// ConnDeferClose is ConnEarlyReturnLeaks with the Close deferred.
func ConnDeferClose(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	defer conn.Close()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	var name string
	err = conn.QueryRowContext(ctx, d.q("SELECT name FROM oracle_items WHERE id = ?"), in.ItemID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// ConnErrorBranchLeaks writes a ledger entry on a connection of its own;
// the error branch of the write returns with the connection.
func ConnErrorBranchLeaks(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return conn.Close() // path: done
}

// ConnErrorBranchClosed closes the connection on the error branch too.
func ConnErrorBranchClosed(ctx context.Context, d Deps, in Input) error {
	conn, err := d.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take a connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, d.q("INSERT INTO oracle_ledger (id, item_id, amount) VALUES (?, ?, ?)"), in.EntryID, in.ItemID, in.Amount); err != nil {
		conn.Close()
		return fmt.Errorf("write entry %d: %w", in.EntryID, err) // path: write-failed
	}
	return conn.Close() // path: done
}

// ConnLoopContinueLeaks takes a connection per item of a batch; the
// continue that skips an invalid item skips the Close too.
func ConnLoopContinueLeaks(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		conn, err := d.DB.Conn(ctx)
		if err != nil {
			return fmt.Errorf("take a connection: %w", err) // path: conn-failed
		}
		if id <= 0 {
			continue
		}
		if _, err := conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), id); err != nil {
			conn.Close()
			return fmt.Errorf("restock %d: %w", id, err) // path: restock-failed
		}
		conn.Close()
		d.Progress(i + 1)
	}
	return nil // path: done
}

// ConnLoopContinueClosed closes before the continue.
func ConnLoopContinueClosed(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		conn, err := d.DB.Conn(ctx)
		if err != nil {
			return fmt.Errorf("take a connection: %w", err)
		}
		if id <= 0 {
			conn.Close()
			continue
		}
		if _, err := conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), id); err != nil {
			conn.Close()
			return fmt.Errorf("restock %d: %w", id, err) // path: restock-failed
		}
		conn.Close()
		d.Progress(i + 1)
	}
	return nil // path: done
}

// ConnDeferInLoop defers each item's Close inside the loop: every
// connection of the batch stays checked out until the function returns.
func ConnDeferInLoop(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		conn, err := d.DB.Conn(ctx)
		if err != nil {
			return fmt.Errorf("take a connection: %w", err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), id); err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// ConnClosedEachIteration gives each item a function of its own, whose
// deferred Close runs at the end of the item.
func ConnClosedEachIteration(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		err := func() error {
			conn, err := d.DB.Conn(ctx)
			if err != nil {
				return fmt.Errorf("take a connection: %w", err)
			}
			defer conn.Close()
			_, err = conn.ExecContext(ctx, d.q("UPDATE oracle_items SET qty = qty + 1 WHERE id = ?"), id)
			return err
		}()
		if err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// QueryRowNoObligation reads one row with QueryRow(...).Scan, which holds
// nothing after Scan, found or not.
func QueryRowNoObligation(ctx context.Context, d Deps, in Input) error {
	var name string
	err := d.DB.QueryRowContext(ctx, d.q("SELECT name FROM oracle_items WHERE id = ?"), in.ItemID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}
