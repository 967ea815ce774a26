// Package redisreal exercises the connrelease catalog against the real
// github.com/redis/go-redis/v9 API (vendored).
package redisreal

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/redis/go-redis/v9"
)

// SessionCache is a typical service component holding a client.
type SessionCache struct {
	rdb *redis.Client
	db  int
}

// (*redis.Client).Conn -> *redis.Conn; Close is promoted from the embedded client.

func (c *SessionCache) sessionOnDedicatedConnLeaks(ctx context.Context, key string) (string, error) {
	conn := c.rdb.Conn() // want `conn \(\*redis\.Conn from c\.rdb\.Conn\) is not closed on every path: the return at line 24 leaks it`
	if err := conn.Select(ctx, c.db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", c.db, err) // <- leaks conn
	}
	val, err := conn.Get(ctx, key).Result()
	_ = conn.Close()
	return val, err
}

func (c *SessionCache) sessionOnDedicatedConnDeferClose(ctx context.Context, key string) (string, error) {
	conn := c.rdb.Conn()
	defer conn.Close()
	if err := conn.Select(ctx, c.db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", c.db, err)
	}
	return conn.Get(ctx, key).Result()
}

// Notifier waits for pub/sub events.
type Notifier struct {
	rdb    *redis.Client
	logger *slog.Logger
}

// (*redis.Client).Subscribe -> *redis.PubSub, closed with Close.

func (n *Notifier) awaitEventSubscribeLeaks(ctx context.Context, channel string) (string, error) {
	ps := n.rdb.Subscribe(ctx, channel) // want `ps \(\*redis\.PubSub from n\.rdb\.Subscribe\) is not closed on every path: the return at line 51 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		return "", fmt.Errorf("subscribe %s: %w", channel, err) // <- leaks ps
	}
	msg, err := ps.ReceiveMessage(ctx)
	if cerr := ps.Close(); cerr != nil {
		n.logger.Warn("close pubsub", "err", cerr)
	}
	if err != nil {
		return "", fmt.Errorf("receive %s: %w", channel, err)
	}
	return msg.Payload, nil
}

func (n *Notifier) awaitEventSubscribeDeferClose(ctx context.Context, channel string) (string, error) {
	ps := n.rdb.Subscribe(ctx, channel)
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		return "", fmt.Errorf("subscribe %s: %w", channel, err)
	}
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return "", fmt.Errorf("receive %s: %w", channel, err)
	}
	return msg.Payload, nil
}

// (*redis.Client).PSubscribe -> *redis.PubSub.

func (n *Notifier) drainPatternPSubscribeLeaks(ctx context.Context, pattern string, limit int) ([]string, error) {
	ps := n.rdb.PSubscribe(ctx, pattern) // want `ps \(\*redis\.PubSub from n\.rdb\.PSubscribe\) is not closed on every path: the return at line 84 leaks it`
	var out []string
	for len(out) < limit {
		msg, err := ps.ReceiveMessage(ctx)
		if err != nil {
			return out, fmt.Errorf("receive %s: %w", pattern, err) // <- leaks ps
		}
		out = append(out, msg.Payload)
	}
	return out, ps.Close()
}

func (n *Notifier) drainPatternPSubscribeCloseInClosure(ctx context.Context, pattern string, limit int) (out []string, err error) {
	ps := n.rdb.PSubscribe(ctx, pattern)
	defer func() {
		if cerr := ps.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for len(out) < limit {
		msg, err := ps.ReceiveMessage(ctx)
		if err != nil {
			return out, fmt.Errorf("receive %s: %w", pattern, err)
		}
		out = append(out, msg.Payload)
	}
	return out, nil
}

// (*redis.Client).SSubscribe -> *redis.PubSub.

func (n *Notifier) shardEventSSubscribeLeaks(ctx context.Context, channel string) (*redis.Message, error) {
	ps := n.rdb.SSubscribe(ctx, channel) // want `ps \(\*redis\.PubSub from n\.rdb\.SSubscribe\) is not closed on every path: the return at line 114 leaks it`
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return nil, fmt.Errorf("receive %s: %w", channel, err) // <- leaks ps
	}
	if err := ps.Close(); err != nil {
		n.logger.Warn("close pubsub", "err", err)
	}
	return msg, nil
}

func (n *Notifier) shardEventSSubscribeDeferClose(ctx context.Context, channel string) (*redis.Message, error) {
	ps := n.rdb.SSubscribe(ctx, channel)
	defer ps.Close()
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return nil, fmt.Errorf("receive %s: %w", channel, err)
	}
	return msg, nil
}

// A subscription started for its side effect only is discarded.
func (n *Notifier) warmSubscriptionDiscarded(ctx context.Context, channel string) {
	n.rdb.Subscribe(ctx, channel) // want `the \*redis\.PubSub from n\.rdb\.Subscribe is discarded and never closed`
	n.logger.Info("subscribed", "channel", channel)
}

// Handing the subscription to a goroutine transfers ownership.
func (n *Notifier) forwardEventsToGoroutine(ctx context.Context, channel string, out chan<- string) {
	ps := n.rdb.Subscribe(ctx, channel)
	go func() {
		defer ps.Close()
		for msg := range ps.Channel() {
			select {
			case out <- msg.Payload:
			case <-ctx.Done():
				return
			}
		}
	}()
}

// A goroutine that only unsubscribes borrows the subscription: nothing
// closes it, and its connection stays out of the pool.
func (n *Notifier) unsubscribeInGoroutineLeaks(ctx context.Context, channel string) {
	ps := n.rdb.Subscribe(ctx, channel) // want `ps \(\*redis\.PubSub from n\.rdb\.Subscribe\) is not closed on every path: the return at line 161 leaks it`
	go func() {
		<-ctx.Done()
		_ = ps.Unsubscribe(context.Background(), channel)
	}()
}

// A goroutine that closes it on every path takes it over.
func (n *Notifier) closeInGoroutine(ctx context.Context, channel string) {
	ps := n.rdb.Subscribe(ctx, channel)
	go func() {
		<-ctx.Done()
		_ = ps.Close()
	}()
}

// A goroutine started with a function that only reads from it borrows it
// too; the caller closes it.
func (n *Notifier) readInGoroutine(ctx context.Context, channel string, out chan<- string) {
	ps := n.rdb.Subscribe(ctx, channel)
	defer ps.Close()
	done := make(chan struct{})
	go forward(ps, out, done)
	<-done
}

func forward(ps *redis.PubSub, out chan<- string, done chan<- struct{}) {
	defer close(done)
	for msg := range ps.Channel() {
		out <- msg.Payload
	}
}

// readInGoroutineLeaks forgets to close it.
func (n *Notifier) readInGoroutineLeaks(ctx context.Context, channel string, out chan<- string) {
	ps := n.rdb.Subscribe(ctx, channel) // want `ps \(\*redis\.PubSub from n\.rdb\.Subscribe\) is not closed on every path: the return at line 195 leaks it`
	done := make(chan struct{})
	go forward(ps, out, done)
	<-done
}
