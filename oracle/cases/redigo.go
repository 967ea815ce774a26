//go:build dbservers

package cases

import (
	"context"
	"errors"
	"fmt"

	redigo "github.com/gomodule/redigo/redis"
)

// The redigo cases. Pool.Get and Pool.GetContext hand out a connection of
// the pool, checked out until its Close (redigo@v1.9.3/redis/pool.go:192,
// 206, 470); redis.Dial opens one of its own.

// RedigoGetEarlyReturnLeaks reads the item's name on a connection of the
// pool, and its early return on an invalid request forgets the connection.
func RedigoGetEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	c := d.Redigo.Get()
	if _, err := c.Do("PING"); err != nil {
		c.Close()
		return fmt.Errorf("ping: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err := redigo.String(c.Do("GET", in.itemKey()))
	c.Close()
	if errors.Is(err, redigo.ErrNil) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RedigoGetContextDeferClose takes the connection with GetContext and
// defers its Close after the error check.
func RedigoGetContextDeferClose(ctx context.Context, d Deps, in Input) error {
	c, err := d.Redigo.GetContext(ctx)
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	defer c.Close()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = redigo.String(c.Do("GET", in.itemKey()))
	if errors.Is(err, redigo.ErrNil) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RedigoDiscardedGetLeaks sends one command on a connection of the pool it
// never keeps: the connection stays checked out.
func RedigoDiscardedGetLeaks(ctx context.Context, d Deps, in Input) error {
	_, err := d.Redigo.Get().Do("EXISTS", in.itemKey())
	return err // path: done
}

// RedigoDeferInLoop defers each item's Close inside the loop: every
// connection of the batch stays checked out until the function returns.
func RedigoDeferInLoop(ctx context.Context, d Deps, in Input) error {
	for i, id := range in.ItemIDs {
		c := d.Redigo.Get()
		defer c.Close()
		if _, err := c.Do("GET", Input{ItemID: id}.itemKey()); err != nil {
			return fmt.Errorf("read %d: %w", id, err)
		}
		d.Progress(i + 1)
	}
	return nil // path: done
}

// RedigoPubSubConnClose waits for its own announcement on a PubSubConn
// around a connection of the pool; closing the PubSubConn closes the
// connection (redigo@v1.9.3/redis/pubsub.go:58).
func RedigoPubSubConnClose(ctx context.Context, d Deps, in Input) error {
	psc := redigo.PubSubConn{Conn: d.Redigo.Get()}
	defer psc.Close()
	if err := psc.Subscribe(in.itemChannel()); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	pub := d.Redigo.Get()
	_, err := pub.Do("PUBLISH", in.itemChannel(), in.Name)
	pub.Close()
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for {
		switch v := psc.Receive().(type) {
		case redigo.Message:
			if string(v.Data) != in.Name {
				return ErrNotFound
			}
			return nil // path: done
		case error:
			return v
		}
	}
}
