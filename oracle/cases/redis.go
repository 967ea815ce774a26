//go:build dbservers

package cases

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// The go-redis cases. A *redis.Conn of Client.Conn takes a connection of
// the client's pool at its first command and gives it back at Close; a
// *redis.PubSub of Subscribe or PSubscribe with channels dials a
// connection of its own at once, which its Close closes.

// itemKey is the key of the request's item's name (a method: the
// functions of this package are the cases).
func (in Input) itemKey() string { return "oracle:item:" + strconv.FormatInt(in.ItemID, 10) }

// itemChannel is the channel of the request's item's events.
func (in Input) itemChannel() string { return "oracle:items:" + strconv.FormatInt(in.ItemID, 10) }

// eventsChannel is the channel of the service's events.
const eventsChannel = "oracle:events"

// RedisConnEarlyReturnLeaks selects the database on a connection of its
// own, and its early return on an invalid request forgets the connection.
func RedisConnEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	conn := d.Redis.Conn()
	if err := conn.Select(ctx, 0).Err(); err != nil {
		conn.Close()
		return fmt.Errorf("select: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err := conn.Get(ctx, in.itemKey()).Result()
	conn.Close()
	if errors.Is(err, redis.Nil) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RedisConnDeferClose is RedisConnEarlyReturnLeaks with the Close deferred.
func RedisConnDeferClose(ctx context.Context, d Deps, in Input) error {
	conn := d.Redis.Conn()
	defer conn.Close()
	if err := conn.Select(ctx, 0).Err(); err != nil {
		return fmt.Errorf("select: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err := conn.Get(ctx, in.itemKey()).Result()
	if errors.Is(err, redis.Nil) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RedisConnUnusedEarlyReturn takes a connection of its own and returns on
// an invalid request before its first command, without closing it.
func RedisConnUnusedEarlyReturn(ctx context.Context, d Deps, in Input) error {
	conn := d.Redis.Conn()
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	defer conn.Close()
	_, err := conn.Get(ctx, in.itemKey()).Result()
	if errors.Is(err, redis.Nil) {
		return ErrNotFound // path: not-found
	}
	return err // path: done
}

// RedisSubscribeLeaks subscribes to the events, announces the item and
// waits to see the announcement; its dry run returns with the subscription
// open.
func RedisSubscribeLeaks(ctx context.Context, d Deps, in Input) error {
	ps := d.Redis.Subscribe(ctx, eventsChannel)
	if _, err := ps.Receive(ctx); err != nil { // the subscription's confirmation
		ps.Close()
		return fmt.Errorf("subscribe: %w", err)
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	if err := d.Redis.Publish(ctx, eventsChannel, in.Name).Err(); err != nil {
		ps.Close()
		return fmt.Errorf("publish: %w", err)
	}
	msg, err := ps.ReceiveMessage(ctx)
	ps.Close()
	if err != nil {
		return fmt.Errorf("receive: %w", err)
	}
	if msg.Payload != in.Name {
		return ErrNotFound
	}
	return nil // path: done
}

// RedisSubscribeDeferClose is RedisSubscribeLeaks with the Close deferred.
func RedisSubscribeDeferClose(ctx context.Context, d Deps, in Input) error {
	ps := d.Redis.Subscribe(ctx, eventsChannel)
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	if in.DryRun {
		return nil // path: dry-run
	}
	if err := d.Redis.Publish(ctx, eventsChannel, in.Name).Err(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return fmt.Errorf("receive: %w", err)
	}
	if msg.Payload != in.Name {
		return ErrNotFound
	}
	return nil // path: done
}

// RedisPSubscribeLeaks subscribes to every item's channel by pattern and
// returns early on an invalid request with the subscription open.
func RedisPSubscribeLeaks(ctx context.Context, d Deps, in Input) error {
	ps := d.Redis.PSubscribe(ctx, "oracle:items:*")
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return fmt.Errorf("psubscribe: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	if err := d.Redis.Publish(ctx, in.itemChannel(), in.Name).Err(); err != nil {
		ps.Close()
		return fmt.Errorf("publish: %w", err)
	}
	msg, err := ps.ReceiveMessage(ctx)
	ps.Close()
	if err != nil {
		return fmt.Errorf("receive: %w", err)
	}
	if msg.Channel != in.itemChannel() {
		return ErrNotFound
	}
	return nil // path: done
}

// RedisPSubscribeClosed closes the pattern subscription on every path.
func RedisPSubscribeClosed(ctx context.Context, d Deps, in Input) error {
	ps := d.Redis.PSubscribe(ctx, "oracle:items:*")
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return fmt.Errorf("psubscribe: %w", err)
	}
	if in.ItemID <= 0 {
		ps.Close()
		return ErrInvalid // path: invalid
	}
	if err := d.Redis.Publish(ctx, in.itemChannel(), in.Name).Err(); err != nil {
		ps.Close()
		return fmt.Errorf("publish: %w", err)
	}
	msg, err := ps.ReceiveMessage(ctx)
	ps.Close()
	if err != nil {
		return fmt.Errorf("receive: %w", err)
	}
	if msg.Channel != in.itemChannel() {
		return ErrNotFound
	}
	return nil // path: done
}

// RedisPubSubToListener subscribes and hands the subscription to a
// listener goroutine, which closes it once it has the first event; the
// function publishes that event and returns without waiting.
func RedisPubSubToListener(ctx context.Context, d Deps, in Input) error {
	ps := d.Redis.Subscribe(ctx, eventsChannel)
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return fmt.Errorf("subscribe: %w", err)
	}
	go func() {
		defer ps.Close()
		_, _ = ps.ReceiveMessage(ctx)
	}()
	if err := d.Redis.Publish(ctx, eventsChannel, in.Name).Err(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil // path: done
}
