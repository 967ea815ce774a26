//go:build dbservers

package cases

import (
	"context"
	"fmt"

	"github.com/redis/rueidis"
)

// The rueidis cases. Client.Dedicate takes a connection of the client's
// blocking pool for the caller alone and returns the function that stores
// it back (rueidis@v1.0.80/client.go:239, 381); Dedicated's callback form
// gives it back when the callback returns (client.go:231).

// RueidisDedicateEarlyReturnLeaks watches the item's key on a dedicated
// connection, and its early return on an invalid request forgets to cancel.
func RueidisDedicateEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	c, cancel := d.Rueidis.Dedicate()
	if err := c.Do(ctx, c.B().Ping().Build()).Error(); err != nil {
		cancel()
		return fmt.Errorf("ping: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err := c.Do(ctx, c.B().Get().Key(in.itemKey()).Build()).ToString()
	cancel()
	if rueidis.IsRedisNil(err) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RueidisDedicateDeferCancel is RueidisDedicateEarlyReturnLeaks with the
// cancel deferred.
func RueidisDedicateDeferCancel(ctx context.Context, d Deps, in Input) error {
	c, cancel := d.Rueidis.Dedicate()
	defer cancel()
	if err := c.Do(ctx, c.B().Ping().Build()).Error(); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err := c.Do(ctx, c.B().Get().Key(in.itemKey()).Build()).ToString()
	if rueidis.IsRedisNil(err) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RueidisCancelDroppedLeaks drops the cancel function: nothing gives the
// dedicated connection back.
func RueidisCancelDroppedLeaks(ctx context.Context, d Deps, in Input) error {
	c, _ := d.Rueidis.Dedicate()
	err := c.Do(ctx, c.B().Exists().Key(in.itemKey()).Build()).Error()
	return err // path: done
}

// RueidisDedicatedCloseInstead closes the dedicated client instead of
// calling its cancel: the connection is closed and its slot given back
// (client.go:369).
func RueidisDedicatedCloseInstead(ctx context.Context, d Deps, in Input) error {
	c, _ := d.Rueidis.Dedicate()
	defer c.Close()
	err := c.Do(ctx, c.B().Exists().Key(in.itemKey()).Build()).Error()
	return err // path: done
}

// RueidisDedicatedCallback uses Dedicated's callback form, which holds
// nothing after it returns.
func RueidisDedicatedCallback(ctx context.Context, d Deps, in Input) error {
	err := d.Rueidis.Dedicated(func(c rueidis.DedicatedClient) error {
		_, err := c.Do(ctx, c.B().Get().Key(in.itemKey()).Build()).ToString()
		return err
	})
	if rueidis.IsRedisNil(err) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}
