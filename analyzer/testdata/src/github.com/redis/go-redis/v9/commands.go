package redis

import (
	"context"
	"time"
)

// Cmdable is the command interface (minimal subset of the real interface).
type Cmdable interface {
	Ping(ctx context.Context) *StatusCmd
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	Del(ctx context.Context, keys ...string) *IntCmd
	Incr(ctx context.Context, key string) *IntCmd
	Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd
	Publish(ctx context.Context, channel string, message interface{}) *IntCmd
	SPublish(ctx context.Context, channel string, message interface{}) *IntCmd
}

// StatefulCmdable is the interface of commands that change connection state.
type StatefulCmdable interface {
	Cmdable
	Auth(ctx context.Context, password string) *StatusCmd
	Select(ctx context.Context, index int) *StatusCmd
	ClientSetName(ctx context.Context, name string) *BoolCmd
}

var (
	_ Cmdable         = (*Client)(nil)
	_ StatefulCmdable = (*Conn)(nil)
)

type cmdable func(ctx context.Context, cmd Cmder) error

type statefulCmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Ping(ctx context.Context) *StatusCmd { panic("stub") }

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { panic("stub") }

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	panic("stub")
}

func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd { panic("stub") }

func (c cmdable) Incr(ctx context.Context, key string) *IntCmd { panic("stub") }

func (c cmdable) Expire(ctx context.Context, key string, expiration time.Duration) *BoolCmd {
	panic("stub")
}

func (c cmdable) Publish(ctx context.Context, channel string, message interface{}) *IntCmd {
	panic("stub")
}

func (c cmdable) SPublish(ctx context.Context, channel string, message interface{}) *IntCmd {
	panic("stub")
}

func (c statefulCmdable) Auth(ctx context.Context, password string) *StatusCmd { panic("stub") }

func (c statefulCmdable) Select(ctx context.Context, index int) *StatusCmd { panic("stub") }

func (c statefulCmdable) ClientSetName(ctx context.Context, name string) *BoolCmd { panic("stub") }
