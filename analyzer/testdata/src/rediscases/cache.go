package rediscases

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cache wraps the shared redis client.
type Cache struct {
	rdb *redis.Client
	ttl time.Duration
}

func NewCache(addr string) *Cache {
	return &Cache{rdb: redis.NewClient(&redis.Options{Addr: addr, PoolSize: 20}), ttl: time.Hour}
}

func (c *Cache) selectDBEarlyReturnLeaks(ctx context.Context, db int, key string) (string, error) {
	conn := c.rdb.Conn() // want `conn \(\*redis\.Conn from c\.rdb\.Conn\) is not closed on every path: the return at line 27 leaks it`
	if err := conn.Select(ctx, db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	val, err := conn.Get(ctx, key).Result()
	conn.Close()
	return val, err
}

// selectDBDeferClose closes through the Close promoted from the embedded baseClient.
func (c *Cache) selectDBDeferClose(ctx context.Context, db int, key string) (string, error) {
	conn := c.rdb.Conn()
	defer conn.Close()
	if err := conn.Select(ctx, db).Err(); err != nil {
		return "", fmt.Errorf("select db %d: %w", db, err)
	}
	return conn.Get(ctx, key).Result()
}

func (c *Cache) namedConnMissLeaks(ctx context.Context, name, key string) (string, bool, error) {
	conn := c.rdb.Conn() // want `conn \(\*redis\.Conn from c\.rdb\.Conn\) is not closed on every path: the return at line 52 leaks it`
	if err := conn.ClientSetName(ctx, name).Err(); err != nil {
		conn.Close()
		return "", false, err
	}
	val, err := conn.Get(ctx, key).Result()
	if errors.Is(err, redis.Nil) {
		return "", false, nil
	}
	if err != nil {
		conn.Close()
		return "", false, err
	}
	return val, true, conn.Close()
}

func (c *Cache) namedConnCloseOnEveryPath(ctx context.Context, name, key string) (string, bool, error) {
	conn := c.rdb.Conn()
	if err := conn.ClientSetName(ctx, name).Err(); err != nil {
		conn.Close()
		return "", false, err
	}
	val, err := conn.Get(ctx, key).Result()
	if errors.Is(err, redis.Nil) {
		conn.Close()
		return "", false, nil
	}
	if err != nil {
		conn.Close()
		return "", false, err
	}
	return val, true, conn.Close()
}

func (c *Cache) connClosedThroughIOCloser(ctx context.Context, key string, value string) error {
	conn := c.rdb.Conn()
	var closer io.Closer = conn
	defer closer.Close()
	return conn.Set(ctx, key, value, c.ttl).Err()
}

func (c *Cache) clientCommandsHaveNoObligation(ctx context.Context, key string) (int64, error) {
	if err := c.rdb.Ping(ctx).Err(); err != nil {
		return 0, err
	}
	n, err := c.rdb.Incr(ctx, key).Result()
	if err != nil {
		return 0, err
	}
	if n == 1 {
		c.rdb.Expire(ctx, key, c.ttl)
	}
	return n, nil
}

func (c *Cache) stickyConnDeferInLoop(ctx context.Context, dbs []int) (map[int]int64, error) {
	sizes := make(map[int]int64, len(dbs))
	for _, db := range dbs {
		conn := c.rdb.Conn() // want `conn\.Close is deferred inside a loop: every iteration's \*redis\.Conn from c\.rdb\.Conn stays held until the function returns`
		defer conn.Close()
		if err := conn.Select(ctx, db).Err(); err != nil {
			return nil, err
		}
		n, err := conn.Incr(ctx, "scan:generation").Result()
		if err != nil {
			return nil, err
		}
		sizes[db] = n
	}
	return sizes, nil
}

func (c *Cache) stickyConnClosedEachIteration(ctx context.Context, dbs []int) (map[int]int64, error) {
	sizes := make(map[int]int64, len(dbs))
	for _, db := range dbs {
		conn := c.rdb.Conn()
		if err := conn.Select(ctx, db).Err(); err != nil {
			conn.Close()
			return nil, err
		}
		n, err := conn.Incr(ctx, "scan:generation").Result()
		conn.Close()
		if err != nil {
			return nil, err
		}
		sizes[db] = n
	}
	return sizes, nil
}

func (c *Cache) warmupConnLoopLeaks(ctx context.Context, keys []string) {
	for {
		conn := c.rdb.Conn() // want `conn \(\*redis\.Conn from c\.rdb\.Conn\) is not closed on every path: the next loop iteration acquires it again while it is still held`
		if err := conn.Ping(ctx).Err(); err != nil {
			log.Printf("warmup: %v", err)
			time.Sleep(time.Second)
			continue
		}
		for _, k := range keys {
			conn.Get(ctx, k)
		}
		conn.Close()
		time.Sleep(time.Minute)
	}
}

func (c *Cache) warmupConnLoopCloses(ctx context.Context, keys []string) {
	for {
		conn := c.rdb.Conn()
		if err := conn.Ping(ctx).Err(); err != nil {
			conn.Close()
			log.Printf("warmup: %v", err)
			time.Sleep(time.Second)
			continue
		}
		for _, k := range keys {
			conn.Get(ctx, k)
		}
		conn.Close()
		time.Sleep(time.Minute)
	}
}
