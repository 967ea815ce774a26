// Package redigoconn holds helpers around a redigo pool, in a package of
// their own so that what they do with a connection reaches their callers
// as facts.
package redigoconn

import (
	"context"
	"fmt"

	"github.com/gomodule/redigo/redis"
)

// Get takes a connection of the pool and selects db on it: an acquirer.
func Get(ctx context.Context, p *redis.Pool, db int) (redis.Conn, error) {
	c, err := p.GetContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("get: %w", err)
	}
	if _, err := c.Do("SELECT", db); err != nil {
		c.Close()
		return nil, fmt.Errorf("select %d: %w", db, err)
	}
	return c, nil
}

// CloseQuietly closes c and drops its error: a releaser.
func CloseQuietly(c redis.Conn) {
	_ = c.Close()
}

// Ping only uses c: a borrower.
func Ping(c redis.Conn) error {
	_, err := c.Do("PING")
	return err
}
