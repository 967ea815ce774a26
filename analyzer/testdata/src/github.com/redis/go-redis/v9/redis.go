// Package redis is a minimal stub of github.com/redis/go-redis/v9 for analyzer tests.
// The embedding structure mirrors v9.23.0: Client embeds *baseClient, Conn embeds
// baseClient by value, so (*baseClient).Close is promoted to *Conn exactly as in the
// real package (and Client declares its own Close).
package redis

import (
	"context"
	"errors"
	"time"
)

// Nil reply returned by Redis when key does not exist.
var Nil = errors.New("redis: nil")

// Options keeps the settings to set up redis connection.
type Options struct {
	Network      string
	Addr         string
	ClientName   string
	Username     string
	Password     string
	DB           int
	MaxRetries   int
	DialTimeout  time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	PoolSize     int
	MinIdleConns int
}

// ParseURL parses a URL into Options that can be used to connect to Redis.
func ParseURL(redisURL string) (*Options, error) { panic("stub") }

type baseClient struct {
	opt *Options
}

func (c *baseClient) String() string { return "Redis<" + c.opt.Addr + ">" }

// Close closes the client, releasing any open resources.
func (c *baseClient) Close() error { return nil }

// Client is a Redis client representing a pool of zero or more underlying connections.
type Client struct {
	*baseClient
	cmdable
}

// NewClient returns a client to the Redis Server specified by Options.
func NewClient(opt *Options) *Client {
	c := Client{baseClient: &baseClient{opt: opt}}
	c.cmdable = c.Process
	return &c
}

func (c *Client) WithTimeout(timeout time.Duration) *Client { panic("stub") }

// Close closes the client, releasing any open resources.
func (c *Client) Close() error { return c.baseClient.Close() }

// Conn returns a Conn that runs every command on a single connection borrowed from this client's pool.
func (c *Client) Conn() *Conn { panic("stub") }

// EphemeralConn is Conn, except Close discards the underlying connection.
func (c *Client) EphemeralConn() *Conn { panic("stub") }

func (c *Client) Process(ctx context.Context, cmd Cmder) error { panic("stub") }

func (c *Client) Options() *Options { return c.opt }

func (c *Client) Do(ctx context.Context, args ...interface{}) *Cmd { panic("stub") }

func (c *Client) PoolStats() *PoolStats { panic("stub") }

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub { panic("stub") }

func (c *Client) PSubscribe(ctx context.Context, channels ...string) *PubSub { panic("stub") }

func (c *Client) SSubscribe(ctx context.Context, channels ...string) *PubSub { panic("stub") }

// Conn represents a single Redis connection rather than a pool of connections.
type Conn struct {
	baseClient
	cmdable
	statefulCmdable
}

func (c *Conn) Process(ctx context.Context, cmd Cmder) error { panic("stub") }

// PoolStats contains pool state information and accumulated stats.
type PoolStats struct {
	Hits       uint32
	Misses     uint32
	Timeouts   uint32
	TotalConns uint32
	IdleConns  uint32
	StaleConns uint32
}

// UniversalClient is an abstract client (minimal subset of the real interface).
type UniversalClient interface {
	Cmdable
	Do(ctx context.Context, args ...interface{}) *Cmd
	Process(ctx context.Context, cmd Cmder) error
	Subscribe(ctx context.Context, channels ...string) *PubSub
	PSubscribe(ctx context.Context, channels ...string) *PubSub
	SSubscribe(ctx context.Context, channels ...string) *PubSub
	Close() error
	PoolStats() *PoolStats
}

var _ UniversalClient = (*Client)(nil)
