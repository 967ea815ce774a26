package mongov2real

import (
	"context"
	"fmt"
	"log/slog"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Event is a change event.
type Event struct {
	OperationType string `bson:"operationType"`
	DocumentKey   bson.M `bson:"documentKey"`
}

// Watcher follows change streams.
type Watcher struct {
	orders *mongo.Collection
	db     *mongo.Database
	client *mongo.Client
	logger *slog.Logger
}

// (*mongo.Collection).Watch -> *mongo.ChangeStream, closed with Close(ctx).

func (w *Watcher) nextEventWatchLeaks(ctx context.Context) (*Event, error) {
	cs, err := w.orders.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from w\.orders\.Watch\) is not closed on every path: the return at line 34 leaks it`
	if err != nil {
		return nil, fmt.Errorf("watch orders: %w", err)
	}
	if !cs.Next(ctx) {
		return nil, cs.Err() // <- leaks cs
	}
	var ev Event
	err = cs.Decode(&ev)
	if cerr := cs.Close(ctx); cerr != nil {
		w.logger.Warn("close change stream", "err", cerr)
	}
	return &ev, err
}

func (w *Watcher) nextEventWatchDeferClose(ctx context.Context) (*Event, error) {
	cs, err := w.orders.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return nil, fmt.Errorf("watch orders: %w", err)
	}
	defer cs.Close(ctx)
	if !cs.Next(ctx) {
		return nil, cs.Err()
	}
	var ev Event
	if err := cs.Decode(&ev); err != nil {
		return nil, err
	}
	return &ev, nil
}

// (*mongo.Database).Watch -> *mongo.ChangeStream.

func (w *Watcher) followDatabaseWatchLeaks(ctx context.Context, handle func(Event) error) error {
	cs, err := w.db.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from w\.db\.Watch\) is not closed on every path: the return at line 70 leaks it`
	if err != nil {
		return err
	}
	for cs.Next(ctx) {
		var ev Event
		if err := cs.Decode(&ev); err != nil {
			return err // <- leaks cs
		}
		if err := handle(ev); err != nil {
			_ = cs.Close(ctx)
			return err
		}
	}
	_ = cs.Close(ctx)
	return cs.Err()
}

func (w *Watcher) followDatabaseWatchClosure(ctx context.Context, handle func(Event) error) (err error) {
	cs, err := w.db.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := cs.Close(context.Background()); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for cs.Next(ctx) {
		var ev Event
		if err := cs.Decode(&ev); err != nil {
			return err
		}
		if err := handle(ev); err != nil {
			return err
		}
	}
	return cs.Err()
}

// (*mongo.Client).Watch -> *mongo.ChangeStream; TryNext returning false
// closes nothing either.

func (w *Watcher) pollClientWatchLeaks(ctx context.Context) (bson.Raw, error) {
	cs, err := w.client.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from w\.client\.Watch\) is not closed on every path: the return at line 116 leaks it`
	if err != nil {
		return nil, err
	}
	if cs.TryNext(ctx) {
		ev := cs.Current
		_ = cs.Close(ctx)
		return ev, nil
	}
	return nil, cs.Err() // <- leaks cs
}

func (w *Watcher) pollClientWatch(ctx context.Context) (bson.Raw, error) {
	cs, err := w.client.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return nil, err
	}
	defer cs.Close(ctx)
	if cs.TryNext(ctx) {
		return cs.Current, nil
	}
	return nil, cs.Err()
}

// A change stream started and dropped.
func (w *Watcher) warmWatchDiscarded(ctx context.Context) error {
	_, err := w.orders.Watch(ctx, mongo.Pipeline{}) // want `the \*mongo\.ChangeStream from w\.orders\.Watch is discarded and never closed`
	return err
}

// Handed to a goroutine that closes it: taken over.
func (w *Watcher) forwardEvents(ctx context.Context, out chan<- Event) error {
	cs, err := w.orders.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return err
	}
	go func() {
		defer cs.Close(context.Background())
		for cs.Next(ctx) {
			var ev Event
			if cs.Decode(&ev) == nil {
				out <- ev
			}
		}
	}()
	return nil
}

// Stream owns a change stream and closes it in Close: an owning struct,
// a resource of its own to its callers.
type Stream struct {
	cs *mongo.ChangeStream
}

// Close closes the change stream.
func (s *Stream) Close(ctx context.Context) error { return s.cs.Close(ctx) }

// OpenStream returns a Stream owning a fresh change stream.
func OpenStream(ctx context.Context, coll *mongo.Collection) (*Stream, error) {
	cs, err := coll.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return nil, err
	}
	return &Stream{cs: cs}, nil
}

func (w *Watcher) streamOwnerLeaks(ctx context.Context, ready bool) error {
	s, err := OpenStream(ctx, w.orders) // want `s \(\*Stream from OpenStream\) is not closed on every path: the return at line 179 leaks it`
	if err != nil {
		return err
	}
	if !ready {
		return nil // <- leaks s
	}
	return s.Close(ctx)
}

func (w *Watcher) streamOwnerClosed(ctx context.Context, ready bool) error {
	s, err := OpenStream(ctx, w.orders)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	if !ready {
		return nil
	}
	return nil
}
