//go:build dbservers

package cases

import (
	"context"
	"fmt"
)

// PuddleAcquireEarlyReturnLeaks takes a connection out of a puddle pool
// and returns early on an invalid request without releasing it.
func PuddleAcquireEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = res.Value().Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	res.Release()
	return err // path: done
}

// PuddleAcquireDeferRelease defers the Release.
func PuddleAcquireDeferRelease(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer res.Release()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = res.Value().Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	return err // path: done
}

// PuddleDestroyOnErrorLeaks destroys the connection when its write fails
// and puts it back unused on a dry run, but forgets it after a good write.
func PuddleDestroyOnErrorLeaks(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if in.DryRun {
		res.ReleaseUnused()
		return nil // path: dry-run
	}
	if _, err := res.Value().Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount); err != nil {
		res.Destroy()
		return err // path: write-failed
	}
	return nil // path: done
}

// PuddleDestroyOnError releases it after a good write.
func PuddleDestroyOnError(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if in.DryRun {
		res.ReleaseUnused()
		return nil // path: dry-run
	}
	if _, err := res.Value().Exec(ctx, "INSERT INTO oracle_ledger (id, item_id, amount) VALUES ($1, $2, $3)", in.EntryID, in.ItemID, in.Amount); err != nil {
		res.Destroy()
		return err // path: write-failed
	}
	res.Release()
	return nil // path: done
}

// PuddleTryAcquireLeaks takes an idle connection if there is one and
// forgets it on an invalid request.
func PuddleTryAcquireLeaks(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.TryAcquire(ctx)
	if err != nil {
		return fmt.Errorf("try acquire: %w", err) // path: not-available
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	defer res.Release()
	_, err = res.Value().Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	return err // path: done
}

// PuddleReleaseDeferredInLoop defers each item's Release inside the loop.
func PuddleReleaseDeferredInLoop(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		res, err := d.Puddle.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("acquire: %w", err)
		}
		defer res.Release()
		if _, err := res.Value().Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", id); err != nil {
			return fmt.Errorf("restock %d: %w", id, err)
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// PuddleHijackClose takes a connection out of the pool for good and closes
// it when done.
func PuddleHijackClose(ctx context.Context, d Deps, in Input) error {
	res, err := d.Puddle.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	res.Hijack()
	conn := res.Value()
	defer conn.Close(ctx)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = conn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = $1", in.ItemID)
	return err // path: done
}
