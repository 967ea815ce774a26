// Package rueidisreal exercises the connrelease catalog against the real
// github.com/redis/rueidis API (vendored).
package rueidisreal

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/rueidis"
)

// Inventory is a service component holding a client.
type Inventory struct {
	client rueidis.Client
}

// Client.Dedicate -> (DedicatedClient, cancel): the connection goes back
// to the pool when cancel is called (or the dedicated client is closed).

func (s *Inventory) reserveEarlyReturnLeaks(ctx context.Context, key string) error {
	c, cancel := s.client.Dedicate() // want `c \(rueidis\.DedicatedClient from s\.client\.Dedicate\) is not given back by its cancel function on every path: the return at line 24 leaks it`
	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
		return fmt.Errorf("watch %s: %w", key, err) // <- leaks c
	}
	defer cancel()
	return c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
}

func (s *Inventory) reserveDeferCancel(ctx context.Context, key string) error {
	c, cancel := s.client.Dedicate()
	defer cancel()
	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
		return fmt.Errorf("watch %s: %w", key, err)
	}
	return c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
}

func (s *Inventory) reserveCancelOnEachPath(ctx context.Context, key string) error {
	c, cancel := s.client.Dedicate()
	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
		cancel()
		return fmt.Errorf("watch %s: %w", key, err)
	}
	err := c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
	cancel()
	return err
}

func (s *Inventory) reserveCancelInDeferredClosure(ctx context.Context, key string) (err error) {
	c, cancel := s.client.Dedicate()
	defer func() {
		cancel()
	}()
	return c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
}

// The dedicated client's Close gives the connection back too (closing it).

func (s *Inventory) reserveDeferClose(ctx context.Context, key string) error {
	c, _ := s.client.Dedicate()
	defer c.Close()
	return c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
}

// A cancel function dropped: nothing gives the connection back.

func (s *Inventory) peekCancelDroppedLeaks(ctx context.Context, key string) (int64, error) {
	c, _ := s.client.Dedicate() // want `c \(rueidis\.DedicatedClient from s\.client\.Dedicate\) is not given back by its cancel function on every path: the return at line 71 leaks it`
	v, err := c.Do(ctx, c.B().Get().Key(key).Build()).AsInt64()
	return v, err // <- leaks c
}

// Dedicated's callback form holds nothing after it returns.

func (s *Inventory) reserveDedicatedCallback(ctx context.Context, key string) error {
	return s.client.Dedicated(func(c rueidis.DedicatedClient) error {
		return c.Do(ctx, c.B().Decr().Key(key).Build()).Error()
	})
}

// A cancel deferred in a loop keeps every iteration's connection until the
// function returns.

func (s *Inventory) watchAllDeferInLoop(ctx context.Context, keys []string) error {
	for _, k := range keys {
		c, cancel := s.client.Dedicate() // want `c\.cancel is deferred inside a loop: every iteration's rueidis\.DedicatedClient from s\.client\.Dedicate stays held until the function returns`
		defer cancel()
		if err := c.Do(ctx, c.B().Watch().Key(k).Build()).Error(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Inventory) watchAllCancelEachIteration(ctx context.Context, keys []string) error {
	for _, k := range keys {
		c, cancel := s.client.Dedicate()
		err := c.Do(ctx, c.B().Watch().Key(k).Build()).Error()
		cancel()
		if err != nil {
			return err
		}
	}
	return nil
}

// Hand-over: the cancel function returned, stored or given to a goroutine.

func (s *Inventory) dedicateForCaller() (rueidis.DedicatedClient, func()) {
	c, cancel := s.client.Dedicate()
	return c, cancel
}

type lease struct {
	client  rueidis.DedicatedClient
	release func()
}

func (s *Inventory) openLease(l *lease) {
	l.client, l.release = s.client.Dedicate()
}

func (s *Inventory) listenInBackground(ctx context.Context, channel string, out chan<- string) {
	c, cancel := s.client.Dedicate()
	go func() {
		defer cancel()
		_ = c.Receive(ctx, c.B().Subscribe().Channel(channel).Build(), func(m rueidis.PubSubMessage) {
			out <- m.Message
		})
	}()
}

// Facts through a wrapper that returns the dedicated client and its
// cancel: its callers hold what it returns.

func (s *Inventory) counterOf(ctx context.Context, key string) (rueidis.DedicatedClient, func(), error) {
	c, cancel := s.client.Dedicate()
	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
		cancel()
		return nil, nil, err
	}
	return c, cancel, nil
}

func (s *Inventory) wrapperEarlyReturnLeaks(ctx context.Context, key string) (int64, error) {
	c, cancel, err := s.counterOf(ctx, key) // want `c \(rueidis\.DedicatedClient from s\.counterOf\) is not given back by its cancel function on every path: the return at line 153 leaks it`
	if err != nil {
		return 0, err
	}
	n, err := c.Do(ctx, c.B().Get().Key(key).Build()).AsInt64()
	if errors.Is(err, rueidis.Nil) {
		return 0, nil // <- leaks c
	}
	cancel()
	return n, err
}

func (s *Inventory) wrapperDeferCancel(ctx context.Context, key string) (int64, error) {
	c, cancel, err := s.counterOf(ctx, key)
	if err != nil {
		return 0, err
	}
	defer cancel()
	return c.Do(ctx, c.B().Get().Key(key).Build()).AsInt64()
}

// The client is a pool: one the program keeps in a package-level variable
// is shared.

var sharedClient rueidis.Client

func resetShared() {
	sharedClient.Close() // want `closing the shared pool sharedClient \(rueidis\.Client from the package-level variable sharedClient\) breaks every other user of it`
}

func ownClient(ctx context.Context, addr string) error {
	client, err := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{addr}})
	if err != nil {
		return err
	}
	defer client.Close()
	return client.Do(ctx, client.B().Ping().Build()).Error()
}
