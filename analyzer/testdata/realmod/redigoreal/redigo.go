// Package redigoreal exercises the connrelease catalog against the real
// github.com/gomodule/redigo/redis API (vendored).
package redigoreal

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/gomodule/redigo/redis"

	"realmod/redigoreal/redigoconn"
)

// Counters is a service component holding a pool.
type Counters struct {
	pool *redis.Pool
}

// (*redis.Pool).Get -> redis.Conn, closed with Close.

func (s *Counters) bumpEarlyReturnLeaks(key string) (int64, error) {
	c := s.pool.Get() // want `c \(redis\.Conn from s\.pool\.Get\) is not closed on every path: the return at line 28 leaks it`
	n, err := redis.Int64(c.Do("INCR", key))
	if err != nil {
		return 0, fmt.Errorf("incr %s: %w", key, err) // <- leaks c
	}
	c.Close()
	return n, nil
}

func (s *Counters) bumpDeferClose(key string) (int64, error) {
	c := s.pool.Get()
	defer c.Close()
	n, err := redis.Int64(c.Do("INCR", key))
	if err != nil {
		return 0, fmt.Errorf("incr %s: %w", key, err)
	}
	return n, nil
}

// The pool's own connection used for one command and dropped: a common
// shape, and a leak of a pooled connection each time.

func (s *Counters) touchDiscardedLeaks(key string) error {
	_, err := s.pool.Get().Do("EXPIRE", key, 60) // want `the result of s\.pool\.Get \(redis\.Conn from s\.pool\.Get\) is not closed on every path: the return at line 49 leaks it`
	return err
}

func (s *Counters) touchClosed(key string) error {
	c := s.pool.Get()
	_, err := c.Do("EXPIRE", key, 60)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	return err
}

// (*redis.Pool).GetContext -> (redis.Conn, error): on its error branch
// nothing is held (an errorConn).

func (s *Counters) readGetContextLeaks(ctx context.Context, key string) (string, error) {
	c, err := s.pool.GetContext(ctx) // want `c \(redis\.Conn from s\.pool\.GetContext\) is not closed on every path: the return at line 71 leaks it`
	if err != nil {
		return "", fmt.Errorf("get conn: %w", err)
	}
	v, err := redis.String(c.Do("GET", key))
	if errors.Is(err, redis.ErrNil) {
		return "", nil // <- leaks c
	}
	c.Close()
	return v, err
}

func (s *Counters) readGetContextDeferClose(ctx context.Context, key string) (string, error) {
	c, err := s.pool.GetContext(ctx)
	if err != nil {
		return "", fmt.Errorf("get conn: %w", err)
	}
	defer c.Close()
	v, err := redis.String(c.Do("GET", key))
	if errors.Is(err, redis.ErrNil) {
		return "", nil
	}
	return v, err
}

// Passing the connection to redigo's own functions only borrows it.

var incrBy = redis.NewScript(1, `return redis.call("INCRBY", KEYS[1], ARGV[1])`)

func (s *Counters) scriptBorrowsLeaks(ctx context.Context, key string, by int) (int64, error) {
	c, err := s.pool.GetContext(ctx) // want `c \(redis\.Conn from s\.pool\.GetContext\) is not closed on every path: the return at line 103 leaks it`
	if err != nil {
		return 0, err
	}
	if _, err := redis.DoWithTimeout(c, time.Second, "PING"); err != nil {
		c.Close()
		return 0, err
	}
	return redis.Int64(incrBy.Do(c, key, by)) // <- leaks c
}

func (s *Counters) scriptBorrowsDeferClose(ctx context.Context, key string, by int) (int64, error) {
	c, err := s.pool.GetContext(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if _, err := redis.DoWithTimeout(c, time.Second, "PING"); err != nil {
		return 0, err
	}
	return redis.Int64(incrBy.Do(c, key, by))
}

// A release deferred in a loop keeps every shard's connection until the
// function returns.

func sumShardsDeferInLoop(pools []*redis.Pool, key string) (int64, error) {
	var total int64
	for _, p := range pools {
		c := p.Get() // want `c\.Close is deferred inside a loop: every iteration's redis\.Conn from p\.Get stays held until the function returns`
		defer c.Close()
		n, err := redis.Int64(c.Do("GET", key))
		if err != nil && !errors.Is(err, redis.ErrNil) {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func sumShardsCloseEachIteration(pools []*redis.Pool, key string) (int64, error) {
	var total int64
	for _, p := range pools {
		c := p.Get()
		n, err := redis.Int64(c.Do("GET", key))
		c.Close()
		if err != nil && !errors.Is(err, redis.ErrNil) {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func sumShardsContinueLeaks(pools []*redis.Pool, key string) int64 {
	var total int64
	for _, p := range pools {
		c := p.Get() // want `c \(redis\.Conn from p\.Get\) is not closed on every path: the return at line 160 leaks it`
		n, err := redis.Int64(c.Do("GET", key))
		if err != nil {
			continue
		}
		total += n
		c.Close()
	}
	return total // <- leaks the c of an iteration that went on
}

// redis.Dial opens a connection of its own, outside any pool: Close ends
// it. A pool's Dial function hands the connection to the pool by
// returning it.

func newPool(addr, password string) *redis.Pool {
	return &redis.Pool{
		MaxIdle:     4,
		IdleTimeout: time.Minute,
		DialContext: func(ctx context.Context) (redis.Conn, error) {
			c, err := redis.DialContext(ctx, "tcp", addr)
			if err != nil {
				return nil, err
			}
			if _, err := c.Do("AUTH", password); err != nil {
				c.Close()
				return nil, err
			}
			return c, nil
		},
	}
}

func newPoolAuthFailsLeaks(addr, password string) *redis.Pool {
	return &redis.Pool{
		Dial: func() (redis.Conn, error) {
			c, err := redis.Dial("tcp", addr) // want `c \(redis\.Conn from redis\.Dial\) is not closed on every path: the return at line 193 leaks it`
			if err != nil {
				return nil, err
			}
			if _, err := c.Do("AUTH", password); err != nil {
				return nil, err // <- leaks c
			}
			return c, nil
		},
	}
}

func pingURLLeaks(url string) error {
	c, err := redis.DialURL(url) // want `c \(redis\.Conn from redis\.DialURL\) is not closed on every path: the return at line 206 leaks it`
	if err != nil {
		return err
	}
	_, err = c.Do("PING")
	return err // <- leaks c
}

func pingURLDeferClose(url string) error {
	c, err := redis.DialURL(url)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Do("PING")
	return err
}

// Wrappers: a PubSubConn or a logging connection around the pool's
// connection closes it when closed itself.

func (s *Counters) waitMessagePubSubConn(channel string) (string, error) {
	psc := redis.PubSubConn{Conn: s.pool.Get()}
	defer psc.Close()
	if err := psc.Subscribe(channel); err != nil {
		return "", err
	}
	for {
		switch v := psc.Receive().(type) {
		case redis.Message:
			return string(v.Data), nil
		case error:
			return "", v
		}
	}
}

func (s *Counters) loggedGet(key string, logger *log.Logger) (string, error) {
	c := redis.NewLoggingConn(s.pool.Get(), logger, "counters")
	defer c.Close()
	return redis.String(c.Do("GET", key))
}

// Hand-over: returned to the caller, or stored in the caller's struct.

func (s *Counters) connForCaller() redis.Conn {
	return s.pool.Get()
}

type session struct {
	conn redis.Conn
}

func (s *Counters) openSession(sess *session) {
	sess.conn = s.pool.Get()
}

// Facts through wrappers of another package: Get acquires, CloseQuietly
// releases, Ping only borrows.

func (s *Counters) wrapperGetLeaks(ctx context.Context) error {
	c, err := redigoconn.Get(ctx, s.pool, 2) // want `c \(redis\.Conn from redigoconn\.Get\) is not closed on every path: the return at line 266 leaks it`
	if err != nil {
		return err
	}
	return redigoconn.Ping(c) // <- leaks c
}

func (s *Counters) wrapperGetCloseQuietly(ctx context.Context) error {
	c, err := redigoconn.Get(ctx, s.pool, 2)
	if err != nil {
		return err
	}
	defer redigoconn.CloseQuietly(c)
	return redigoconn.Ping(c)
}

// A pool the program keeps in a package-level variable is shared.

var sharedPool = newPool("localhost:6379", "")

func resetShared() {
	sharedPool.Close() // want `closing the shared pool sharedPool \(\*redis\.Pool from the package-level variable sharedPool\) breaks every other user of it`
}

func ownPool(addr string) error {
	p := newPool(addr, "")
	defer p.Close()
	c := p.Get()
	defer c.Close()
	_, err := c.Do("PING")
	return err
}
