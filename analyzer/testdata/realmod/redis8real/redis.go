// Package redis8real exercises the catalog against the real
// github.com/go-redis/redis/v8 API (vendored): the same entries as v9.
package redis8real

import (
	"context"
	"fmt"

	"github.com/go-redis/redis/v8"
)

func dedicatedConnLeaks(ctx context.Context, rdb *redis.Client, db int, key string) (string, error) {
	conn := rdb.Conn(ctx) // want `conn \(\*redis\.Conn from rdb\.Conn\) is not closed on every path: the return at line 15 leaks it`
	if err := conn.Select(ctx, db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	val, err := conn.Get(ctx, key).Result()
	_ = conn.Close()
	return val, err
}

func dedicatedConnDeferClose(ctx context.Context, rdb *redis.Client, db int, key string) (string, error) {
	conn := rdb.Conn(ctx)
	defer conn.Close()
	if err := conn.Select(ctx, db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	return conn.Get(ctx, key).Result()
}

func awaitSubscribeLeaks(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps := rdb.Subscribe(ctx, channel) // want `ps \(\*redis\.PubSub from rdb\.Subscribe\) is not closed on every path: the return at line 34 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		return "", err
	}
	msg, err := ps.ReceiveMessage(ctx)
	ps.Close()
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

func awaitSubscribeDeferClose(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps := rdb.Subscribe(ctx, channel)
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		return "", err
	}
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

// Through the UniversalClient interface and a cluster client.

func universalPSubscribeLeaks(ctx context.Context, rdb redis.UniversalClient, pattern string) error {
	ps := rdb.PSubscribe(ctx, pattern) // want `ps \(\*redis\.PubSub from rdb\.PSubscribe\) is not closed on every path: the return at line 62 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		return err
	}
	return ps.Close()
}

func universalPSubscribeClosed(ctx context.Context, rdb redis.UniversalClient, pattern string) error {
	ps := rdb.PSubscribe(ctx, pattern)
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return err
	}
	return ps.Close()
}

func clusterSubscribeInLoopLeaks(ctx context.Context, rdb *redis.ClusterClient, channels []string) error {
	for _, ch := range channels {
		ps := rdb.Subscribe(ctx, ch) // want `ps \(\*redis\.PubSub from rdb\.Subscribe\) is not closed on every path: the return at line 84 leaks it`
		if _, err := ps.Receive(ctx); err != nil {
			continue
		}
		ps.Close()
	}
	return nil
}

func clusterSubscribeInLoopClosed(ctx context.Context, rdb *redis.ClusterClient, channels []string) error {
	for _, ch := range channels {
		ps := rdb.Subscribe(ctx, ch)
		_, err := ps.Receive(ctx)
		ps.Close()
		if err != nil {
			continue
		}
	}
	return nil
}

// A wrapper hands its subscription out: its fact makes the caller the owner.

func subscribeReady(ctx context.Context, rdb *redis.Client, channel string) (*redis.PubSub, error) {
	ps := rdb.Subscribe(ctx, channel)
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return nil, err
	}
	return ps, nil
}

func throughWrapperLeaks(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps, err := subscribeReady(ctx, rdb, channel) // want `ps \(\*redis\.PubSub from subscribeReady\) is not closed on every path: the return at line 117 leaks it`
	if err != nil {
		return "", err
	}
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return "", err
	}
	ps.Close()
	return msg.Payload, nil
}

func throughWrapperClosed(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps, err := subscribeReady(ctx, rdb, channel)
	if err != nil {
		return "", err
	}
	defer ps.Close()
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

// A client is a pool: one kept in a package-level variable by another
// function is shared.

var cache *redis.Client

func closeSharedClient() error {
	return cache.Close() // want `closing the shared pool cache`
}

func openAndCloseOwnClient(addr string) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	return rdb.Ping(context.Background()).Err()
}
