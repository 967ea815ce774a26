// Package redisfix holds the suggested fixes for redigo and rueidis leaks:
// a deferred Close for a redigo connection; none for a dedicated rueidis
// client, whose cancel function is the way back.
package redisfix

import (
	"context"

	"github.com/gomodule/redigo/redis"
	"github.com/redis/rueidis"
)

func readLeaks(ctx context.Context, p *redis.Pool, key string) (string, error) {
	c, err := p.GetContext(ctx) // want `c \(redis\.Conn from p\.GetContext\) is not closed on every path: the return at line 19 leaks it`
	if err != nil {
		return "", err
	}
	v, err := redis.String(c.Do("GET", key))
	return v, err
}

func peekLeaks(ctx context.Context, client rueidis.Client, key string) error {
	c, _ := client.Dedicate() // want `c \(rueidis\.DedicatedClient from client\.Dedicate\) is not given back by its cancel function on every path: the return at line 24 leaks it`
	return c.Do(ctx, c.B().Get().Key(key).Build()).Error()
}
