package rediscases

import (
	"context"
	"fmt"
	"log"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Event is a decoded pub/sub payload.
type Event struct {
	Channel string
	Payload string
}

func (c *Cache) waitForInvalidationLeaks(ctx context.Context, key string) error {
	ps := c.rdb.Subscribe(ctx, "invalidate:"+key) // want `ps \(\*redis\.PubSub from c\.rdb\.Subscribe\) is not closed on every path: the return at line 22 leaks it`
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return fmt.Errorf("wait for invalidation of %s: %w", key, err)
	}
	log.Printf("invalidated %s by %s", key, msg.Payload)
	return ps.Close()
}

func (c *Cache) waitForInvalidationDeferClose(ctx context.Context, key string) error {
	ps := c.rdb.Subscribe(ctx, "invalidate:"+key)
	defer ps.Close()
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return fmt.Errorf("wait for invalidation of %s: %w", key, err)
	}
	log.Printf("invalidated %s by %s", key, msg.Payload)
	return nil
}

// streamEventsConfirmFailureLeaks hands the subscription to a goroutine, but not on the
// path where the subscription confirmation fails.
func (c *Cache) streamEventsConfirmFailureLeaks(ctx context.Context, pattern string) (<-chan Event, error) {
	ps := c.rdb.PSubscribe(ctx, pattern) // want `ps \(\*redis\.PubSub from c\.rdb\.PSubscribe\) is not closed on every path: the return at line 44 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		return nil, fmt.Errorf("psubscribe %s: %w", pattern, err)
	}
	out := make(chan Event)
	go func() {
		defer close(out)
		defer ps.Close()
		for msg := range ps.Channel() {
			out <- Event{Channel: msg.Channel, Payload: msg.Payload}
		}
	}()
	return out, nil
}

func (c *Cache) streamEventsGoroutineOwnsPubSub(ctx context.Context, pattern string) (<-chan Event, error) {
	ps := c.rdb.PSubscribe(ctx, pattern)
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return nil, fmt.Errorf("psubscribe %s: %w", pattern, err)
	}
	out := make(chan Event)
	go func() {
		defer close(out)
		defer ps.Close()
		for msg := range ps.Channel() {
			out <- Event{Channel: msg.Channel, Payload: msg.Payload}
		}
	}()
	return out, nil
}

func (c *Cache) shardedSubscriptionHandedToWorker(ctx context.Context, channel string, wg *sync.WaitGroup) {
	ps := c.rdb.SSubscribe(ctx, channel)
	wg.Add(1)
	go consume(ctx, ps, wg)
}

func consume(ctx context.Context, ps *redis.PubSub, wg *sync.WaitGroup) {
	defer wg.Done()
	defer ps.Close()
	for {
		msg, err := ps.ReceiveMessage(ctx)
		if err != nil {
			return
		}
		log.Printf("%s: %s", msg.Channel, msg.Payload)
	}
}

func (c *Cache) shardedSubscribeFirstMessageLeaks(ctx context.Context, channel string) (string, error) {
	ps := c.rdb.SSubscribe(ctx, channel) // want `ps \(\*redis\.PubSub from c\.rdb\.SSubscribe\) is not closed on every path: the return at line 99 leaks it`
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		ps.Close()
		return "", err
	}
	return msg.Payload, nil
}

func (c *Cache) shardedSubscribeFirstMessageDeferClose(ctx context.Context, channel string) (string, error) {
	ps := c.rdb.SSubscribe(ctx, channel)
	defer ps.Close()
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

func (c *Cache) subscribeForSideEffectDiscarded(ctx context.Context, channel string) {
	c.rdb.Subscribe(ctx, channel) // want `the \*redis\.PubSub from c\.rdb\.Subscribe is discarded and never closed`
}

func (c *Cache) publishHasNoObligation(ctx context.Context, channel, payload string) error {
	return c.rdb.Publish(ctx, channel, payload).Err()
}

// Hub keeps one subscription per topic until Shutdown.
type Hub struct {
	mu   sync.Mutex
	rdb  *redis.Client
	subs map[string]*redis.PubSub
	done chan *redis.PubSub
}

func (h *Hub) subscribeStoredInMap(ctx context.Context, topic string) {
	ps := h.rdb.Subscribe(ctx, topic)
	h.mu.Lock()
	h.subs[topic] = ps
	h.mu.Unlock()
}

func (h *Hub) subscribeSentOnChannel(ctx context.Context, topic string) {
	ps := h.rdb.Subscribe(ctx, topic)
	h.done <- ps
}

func (h *Hub) resubscribeAddsChannelNoObligation(ctx context.Context, topic, extra string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	ps, ok := h.subs[topic]
	if !ok {
		return fmt.Errorf("no subscription for %s", topic)
	}
	return ps.Subscribe(ctx, extra)
}

func subscribeViaUniversalClientLeaks(ctx context.Context, rdb redis.UniversalClient, channel string) (int, error) {
	ps := rdb.Subscribe(ctx, channel) // want `ps \(\*redis\.PubSub from rdb\.Subscribe\) is not closed on every path: the return at line 153 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		return 0, err
	}
	n := 0
	for range ps.Channel() {
		n++
		if n == 10 {
			break
		}
	}
	return n, ps.Close()
}

func subscribeViaUniversalClientDeferClose(ctx context.Context, rdb redis.UniversalClient, channel string) (int, error) {
	ps := rdb.Subscribe(ctx, channel)
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		return 0, err
	}
	n := 0
	for range ps.Channel() {
		n++
		if n == 10 {
			break
		}
	}
	return n, nil
}
