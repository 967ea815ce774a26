// Package redis7real exercises the catalog against the real
// github.com/go-redis/redis/v7 API (vendored): the same entries as v9.
package redis7real

import (
	"context"
	"fmt"

	"github.com/go-redis/redis/v7"
)

func dedicatedConnLeaks(ctx context.Context, rdb *redis.Client, db int, key string) (string, error) {
	conn := rdb.Conn() // want `conn \(\*redis\.Conn from rdb\.Conn\) is not closed on every path: the return at line 15 leaks it`
	if err := conn.Select(db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	val, err := conn.Get(key).Result()
	_ = conn.Close()
	return val, err
}

func dedicatedConnDeferClose(ctx context.Context, rdb *redis.Client, db int, key string) (string, error) {
	conn := rdb.Conn()
	defer conn.Close()
	if err := conn.Select(db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	return conn.Get(key).Result()
}

func awaitSubscribeLeaks(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps := rdb.Subscribe(channel) // want `ps \(\*redis\.PubSub from rdb\.Subscribe\) is not closed on every path: the return at line 34 leaks it`
	if _, err := ps.Receive(); err != nil {
		return "", err
	}
	msg, err := ps.ReceiveMessage()
	ps.Close()
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

func awaitSubscribeDeferClose(ctx context.Context, rdb *redis.Client, channel string) (string, error) {
	ps := rdb.Subscribe(channel)
	defer ps.Close()
	if _, err := ps.Receive(); err != nil {
		return "", err
	}
	msg, err := ps.ReceiveMessage()
	if err != nil {
		return "", err
	}
	return msg.Payload, nil
}

// Through the UniversalClient interface and a cluster client.

func universalPSubscribeLeaks(ctx context.Context, rdb redis.UniversalClient, pattern string) error {
	ps := rdb.PSubscribe(pattern) // want `ps \(\*redis\.PubSub from rdb\.PSubscribe\) is not closed on every path: the return at line 62 leaks it`
	if _, err := ps.Receive(); err != nil {
		return err
	}
	return ps.Close()
}

func universalPSubscribeClosed(ctx context.Context, rdb redis.UniversalClient, pattern string) error {
	ps := rdb.PSubscribe(pattern)
	if _, err := ps.Receive(); err != nil {
		ps.Close()
		return err
	}
	return ps.Close()
}

func clusterSubscribeInLoopLeaks(ctx context.Context, rdb *redis.ClusterClient, channels []string) error {
	for _, ch := range channels {
		ps := rdb.Subscribe(ch) // want `ps \(\*redis\.PubSub from rdb\.Subscribe\) is not closed on every path: the return at line 84 leaks it`
		if _, err := ps.Receive(); err != nil {
			continue
		}
		ps.Close()
	}
	return nil
}

func clusterSubscribeInLoopClosed(ctx context.Context, rdb *redis.ClusterClient, channels []string) error {
	for _, ch := range channels {
		ps := rdb.Subscribe(ch)
		_, err := ps.Receive()
		ps.Close()
		if err != nil {
			continue
		}
	}
	return nil
}

// A wrapper hands its subscription out: its fact makes the caller the owner.

func subscribeReady(ctx context.Context, rdb *redis.Client, channel string) (*redis.PubSub, error) {
	ps := rdb.Subscribe(channel)
	if _, err := ps.Receive(); err != nil {
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
	msg, err := ps.ReceiveMessage()
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
	msg, err := ps.ReceiveMessage()
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
	return rdb.Ping().Err()
}
