package service

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

const analyticsDB = 3

// awaitJobResultLeaks waits for a worker to publish a job's result. The
// confirmation failure, the message and the timeout close the subscription;
// the cancellation branch of the select does not.
func (c *Cache) awaitJobResultLeaks(ctx context.Context, jobID string, timeout time.Duration) (string, error) {
	ps := c.rdb.Subscribe(ctx, "job-result:"+jobID) // want `ps \(\*redis\.PubSub from c\.rdb\.Subscribe\) is not closed on every path: the return at line 40 leaks it`
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return "", fmt.Errorf("subscribe: %w", err)
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case msg, ok := <-ps.Channel():
		ps.Close()
		if !ok {
			return "", errSubscriptionClosed
		}
		return msg.Payload, nil
	case <-timer.C:
		ps.Close()
		return "", fmt.Errorf("job %s: %w", jobID, errResultTimeout)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// awaitJobResultDeferClose defers the Close.
func (c *Cache) awaitJobResultDeferClose(ctx context.Context, jobID string, timeout time.Duration) (string, error) {
	ps := c.rdb.Subscribe(ctx, "job-result:"+jobID)
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		return "", fmt.Errorf("subscribe: %w", err)
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case msg, ok := <-ps.Channel():
		if !ok {
			return "", errSubscriptionClosed
		}
		return msg.Payload, nil
	case <-timer.C:
		return "", fmt.Errorf("job %s: %w", jobID, errResultTimeout)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// flushCountersLeaks folds counters into the analytics database on every
// tick. A failed SELECT skips to the next tick with the connection held; the
// shutdown return at the top of the loop, above the acquisition, then leaks it.
func (c *Cache) flushCountersLeaks(ctx context.Context, every time.Duration, keys []string) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		conn := c.rdb.Conn() // want `conn \(\*redis\.Conn from c\.rdb\.Conn\) is not closed on every path: the return at line 75 leaks it`
		if err := conn.Select(ctx, analyticsDB).Err(); err != nil {
			log.Printf("flush counters: select db: %v", err)
			continue
		}
		for _, key := range keys {
			n, err := conn.Get(ctx, key).Int64()
			if errors.Is(err, redis.Nil) {
				continue
			}
			if err != nil {
				log.Printf("flush counters: get %s: %v", key, err)
				break
			}
			if err := conn.Del(ctx, key).Err(); err != nil {
				log.Printf("flush counters: del %s: %v", key, err)
				break
			}
			c.rdb.Incr(ctx, fmt.Sprintf("total:%s:%d", key, n))
		}
		conn.Close()
	}
}

// flushCountersClosesBeforeContinue closes before skipping to the next tick.
func (c *Cache) flushCountersClosesBeforeContinue(ctx context.Context, every time.Duration, keys []string) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		conn := c.rdb.Conn()
		if err := conn.Select(ctx, analyticsDB).Err(); err != nil {
			log.Printf("flush counters: select db: %v", err)
			conn.Close()
			continue
		}
		for _, key := range keys {
			n, err := conn.Get(ctx, key).Int64()
			if errors.Is(err, redis.Nil) {
				continue
			}
			if err != nil {
				log.Printf("flush counters: get %s: %v", key, err)
				break
			}
			if err := conn.Del(ctx, key).Err(); err != nil {
				log.Printf("flush counters: del %s: %v", key, err)
				break
			}
			c.rdb.Incr(ctx, fmt.Sprintf("total:%s:%d", key, n))
		}
		conn.Close()
	}
}

// pumpInvalidations forwards one subscription's messages until ctx ends, and
// closes it.
func pumpInvalidations(ctx context.Context, ps *redis.PubSub, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer ps.Close()
	ch := ps.Channel()
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			out <- msg.Payload
		}
	}
}

// fanInInvalidations hands every tenant's subscription to a pump goroutine.
func (c *Cache) fanInInvalidations(ctx context.Context, tenants []string, out chan<- string) *sync.WaitGroup {
	wg := &sync.WaitGroup{}
	for _, t := range tenants {
		ps := c.rdb.Subscribe(ctx, "invalidate:"+t)
		wg.Add(1)
		go pumpInvalidations(ctx, ps, out, wg)
	}
	return wg
}

// fanInInvalidationsConfirmLeaks confirms each subscription first; a tenant
// whose confirmation fails is skipped with its subscription still open, and
// after the last tenant the function returns holding it.
func (c *Cache) fanInInvalidationsConfirmLeaks(ctx context.Context, tenants []string, out chan<- string) *sync.WaitGroup {
	wg := &sync.WaitGroup{}
	for _, t := range tenants {
		ps := c.rdb.Subscribe(ctx, "invalidate:"+t) // want `ps \(\*redis\.PubSub from c\.rdb\.Subscribe\) is not closed on every path: the return at line 181 leaks it`
		if _, err := ps.Receive(ctx); err != nil {
			log.Printf("invalidations for %s: %v", t, err)
			continue
		}
		wg.Add(1)
		go pumpInvalidations(ctx, ps, out, wg)
	}
	return wg
}

// productPriceCacheAside reads through the cache with plain commands and
// QueryRow, and refreshes through AcquireFunc and BeginFunc: none of these
// leave anything held.
func (c *Cache) productPriceCacheAside(ctx context.Context, pool *pgxpool.Pool, sku string) (int64, error) {
	key := "price:" + sku
	if v, err := c.rdb.Get(ctx, key).Int64(); err == nil {
		return v, nil
	} else if !errors.Is(err, redis.Nil) {
		log.Printf("price cache get %s: %v", sku, err)
	}
	var cents int64
	if err := pool.QueryRow(ctx, `SELECT cents FROM prices WHERE sku = $1`, sku).Scan(&cents); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, fmt.Errorf("price of %s: %w", sku, errNotFound)
		}
		return 0, fmt.Errorf("price of %s: %w", sku, err)
	}
	err := pool.AcquireFunc(ctx, func(conn *pgxpool.Conn) error {
		return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `UPDATE prices SET read_count = read_count + 1 WHERE sku = $1`, sku)
			return err
		})
	})
	if err != nil {
		log.Printf("price read count %s: %v", sku, err)
	}
	if err := c.rdb.Set(ctx, key, cents, c.ttl).Err(); err != nil {
		log.Printf("price cache set %s: %v", sku, err)
	}
	return cents, nil
}
