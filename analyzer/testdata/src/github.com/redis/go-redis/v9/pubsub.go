package redis

import (
	"context"
	"sync"
	"time"
)

// PubSub implements Pub/Sub commands. It is NOT safe for concurrent use by multiple goroutines.
type PubSub struct {
	opt *Options

	mu       sync.Mutex
	channels map[string]struct{}
	patterns map[string]struct{}
	closed   bool
}

func (c *PubSub) String() string { panic("stub") }

// Close closes the PubSub, unsubscribing from all channels.
func (c *PubSub) Close() error { return nil }

func (c *PubSub) Subscribe(ctx context.Context, channels ...string) error { panic("stub") }

func (c *PubSub) PSubscribe(ctx context.Context, patterns ...string) error { panic("stub") }

func (c *PubSub) SSubscribe(ctx context.Context, channels ...string) error { panic("stub") }

func (c *PubSub) Unsubscribe(ctx context.Context, channels ...string) error { panic("stub") }

func (c *PubSub) PUnsubscribe(ctx context.Context, patterns ...string) error { panic("stub") }

func (c *PubSub) SUnsubscribe(ctx context.Context, channels ...string) error { panic("stub") }

func (c *PubSub) Ping(ctx context.Context, payload ...string) error { panic("stub") }

func (c *PubSub) ReceiveTimeout(ctx context.Context, timeout time.Duration) (interface{}, error) {
	panic("stub")
}

func (c *PubSub) Receive(ctx context.Context) (interface{}, error) { panic("stub") }

func (c *PubSub) ReceiveMessage(ctx context.Context) (*Message, error) { panic("stub") }

func (c *PubSub) Channel(opts ...ChannelOption) <-chan *Message { panic("stub") }

func (c *PubSub) ChannelSize(size int) <-chan *Message { panic("stub") }

func (c *PubSub) ChannelWithSubscriptions(opts ...ChannelOption) <-chan interface{} { panic("stub") }

// Subscription received after a successful subscription to channel.
type Subscription struct {
	Kind    string
	Channel string
	Count   int
}

// Message received as result of a PUBLISH command issued by another client.
type Message struct {
	Channel      string
	Pattern      string
	Payload      string
	PayloadSlice []string
}

type channel struct {
	chanSize        int
	chanSendTimeout time.Duration
}

type ChannelOption func(c *channel)

func WithChannelSize(size int) ChannelOption { return func(c *channel) { c.chanSize = size } }

func WithChannelSendTimeout(d time.Duration) ChannelOption {
	return func(c *channel) { c.chanSendTimeout = d }
}
