// Package mongov2real exercises the connrelease catalog against the real
// go.mongodb.org/mongo-driver/v2 API (vendored). There is no MongoDB server
// for the runtime oracle: what each case assumes rests on the driver's
// source, cited in docs/libraries.md.
package mongov2real

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"realmod/mongov2real/catalog"
)

// Order is a document of the orders collection.
type Order struct {
	ID     bson.ObjectID `bson:"_id"`
	Tenant string        `bson:"tenant"`
	Total  int64         `bson:"total"`
}

var errNoTenant = errors.New("no tenant")

// OrderStore is a typical repository holding a collection.
type OrderStore struct {
	orders *mongo.Collection
	db     *mongo.Database
	client *mongo.Client
}

// (*mongo.Collection).Find -> *mongo.Cursor, closed with Close(ctx).

func (s *OrderStore) ordersEarlyReturnLeaks(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 42 leaks it`
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	if tenant == "" {
		return nil, errNoTenant // <- leaks cur
	}
	var out []Order
	for cur.Next(ctx) {
		var o Order
		if err := cur.Decode(&o); err != nil {
			_ = cur.Close(ctx)
			return nil, fmt.Errorf("decode order: %w", err)
		}
		out = append(out, o)
	}
	err = cur.Err()
	_ = cur.Close(ctx)
	return out, err
}

func (s *OrderStore) ordersDeferClose(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}})
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	defer cur.Close(ctx)
	if tenant == "" {
		return nil, errNoTenant
	}
	var out []Order
	for cur.Next(ctx) {
		var o Order
		if err := cur.Decode(&o); err != nil {
			return nil, fmt.Errorf("decode order: %w", err)
		}
		out = append(out, o)
	}
	return out, cur.Err()
}

// Next returning false does not close a cursor: when it fails (a getMore
// error, the context done) the cursor, its implicit session and a pinned
// connection stay held (cursor.go: next sets c.err and returns).
func (s *OrderStore) ordersNextExhaustedLeaks(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 93 leaks it`
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	var out []Order
	for cur.Next(ctx) {
		var o Order
		if err := cur.Decode(&o); err == nil {
			out = append(out, o)
		}
	}
	return out, cur.Err() // <- leaks cur
}

// A failed Decode leaves the cursor open.
func (s *OrderStore) ordersDecodeErrorLeaks(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 106 leaks it`
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	var out []Order
	for cur.Next(ctx) {
		var o Order
		if err := cur.Decode(&o); err != nil {
			return nil, fmt.Errorf("decode order: %w", err) // <- leaks cur
		}
		out = append(out, o)
	}
	if err := cur.Err(); err != nil {
		_ = cur.Close(ctx)
		return nil, err
	}
	return out, cur.Close(ctx)
}

// (*mongo.Cursor).All closes the cursor (cursor.go: defer c.Close).

func (s *OrderStore) ordersAll(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}})
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	var out []Order
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("read orders: %w", err)
	}
	return out, nil
}

func (s *OrderStore) ordersCheckBeforeAllLeaks(ctx context.Context, tenant string) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 137 leaks it`
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	if cur.RemainingBatchLength() == 0 {
		return nil, nil // <- leaks cur
	}
	var out []Order
	return out, cur.All(ctx, &out)
}

// All after explicit closes on other paths: Close is idempotent.
func (s *OrderStore) ordersAllOrClose(ctx context.Context, tenant string, limit int) ([]Order, error) {
	cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}})
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	defer cur.Close(ctx)
	if limit == 0 {
		return nil, cur.Close(ctx)
	}
	var out []Order
	if err := cur.All(ctx, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// A Find used for its error only: the cursor is discarded.
func (s *OrderStore) ordersExistFindDiscarded(ctx context.Context, tenant string) error {
	if _, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}); err != nil { // want `the \*mongo\.Cursor from s\.orders\.Find is discarded and never closed`
		return fmt.Errorf("find orders: %w", err)
	}
	return nil
}

// FindOne holds nothing: its single batch closes the server cursor.
func (s *OrderStore) orderFindOne(ctx context.Context, id bson.ObjectID) (*Order, error) {
	var o Order
	if err := s.orders.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&o); err != nil {
		return nil, fmt.Errorf("find order %s: %w", id.Hex(), err)
	}
	return &o, nil
}

// (*mongo.Collection).Aggregate and (*mongo.Database).Aggregate -> *mongo.Cursor.

func (s *OrderStore) totalsAggregateLeaks(ctx context.Context, pipeline mongo.Pipeline) ([]bson.M, error) {
	cur, err := s.orders.Aggregate(ctx, pipeline) // want `cur \(\*mongo\.Cursor from s\.orders\.Aggregate\) is not closed on every path: the return at line 188 leaks it`
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	var out []bson.M
	for cur.Next(ctx) {
		var m bson.M
		if err := cur.Decode(&m); err != nil {
			return nil, err // <- leaks cur
		}
		out = append(out, m)
	}
	if err := cur.Close(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *OrderStore) totalsAggregateAll(ctx context.Context, pipeline mongo.Pipeline) ([]bson.M, error) {
	cur, err := s.orders.Aggregate(ctx, pipeline)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	var out []bson.M
	err = cur.All(ctx, &out)
	return out, err
}

func (s *OrderStore) currentOpsDatabaseAggregateLeaks(ctx context.Context, verbose bool) (int, error) {
	cur, err := s.db.Aggregate(ctx, mongo.Pipeline{{{Key: "$currentOp", Value: bson.D{}}}}) // want `cur \(\*mongo\.Cursor from s\.db\.Aggregate\) is not closed on every path: the return at line 214 leaks it`
	if err != nil {
		return 0, err
	}
	if !verbose {
		return cur.RemainingBatchLength(), nil // <- leaks cur
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Close(ctx)
}

func (s *OrderStore) currentOpsDatabaseAggregate(ctx context.Context, verbose bool) (int, error) {
	cur, err := s.db.Aggregate(ctx, mongo.Pipeline{{{Key: "$currentOp", Value: bson.D{}}}})
	if err != nil {
		return 0, err
	}
	defer cur.Close(ctx)
	if !verbose {
		return cur.RemainingBatchLength(), nil
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err()
}

// A cursor deferred closed in a loop stays open until the function returns.

func (s *OrderStore) countTenantsDeferInLoop(ctx context.Context, tenants []string) (int, error) {
	n := 0
	for _, t := range tenants {
		cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: t}}) // want `cur\.Close is deferred inside a loop: every iteration's \*mongo\.Cursor from s\.orders\.Find stays held until the function returns`
		if err != nil {
			return 0, err
		}
		defer cur.Close(ctx)
		for cur.Next(ctx) {
			n++
		}
	}
	return n, nil
}

func (s *OrderStore) countTenantsCloseInLoop(ctx context.Context, tenants []string) (int, error) {
	n := 0
	for _, t := range tenants {
		cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: t}})
		if err != nil {
			return 0, err
		}
		for cur.Next(ctx) {
			n++
		}
		if err := cur.Close(ctx); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// A cursor skipped with continue is still open when the next Find fails:
// that return leaks it (the earliest return that does).
func (s *OrderStore) firstOfEachContinueLeaks(ctx context.Context, tenants []string) ([]Order, error) {
	var out []Order
	for _, t := range tenants {
		cur, err := s.orders.Find(ctx, bson.D{{Key: "tenant", Value: t}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 280 leaks it`
		if err != nil {
			return nil, err // <- leaks the cursor of the iteration before
		}
		if !cur.Next(ctx) {
			continue
		}
		var o Order
		err = cur.Decode(&o)
		_ = cur.Close(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// A poller that never returns: a cursor still open when the loop comes back
// to Find is lost.
func (s *OrderStore) pollLostInLoop(ctx context.Context, ticks <-chan struct{}, out chan<- Order) {
	for {
		<-ticks
		cur, err := s.orders.Find(ctx, bson.D{{Key: "pending", Value: true}}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the next loop iteration acquires it again while it is still held`
		if err != nil {
			continue
		}
		if !cur.Next(ctx) {
			continue
		}
		var o Order
		if cur.Decode(&o) == nil {
			out <- o
		}
		_ = cur.Close(ctx)
	}
}

func (s *OrderStore) pollCloseBeforeContinue(ctx context.Context, ticks <-chan struct{}, out chan<- Order) {
	for {
		<-ticks
		cur, err := s.orders.Find(ctx, bson.D{{Key: "pending", Value: true}})
		if err != nil {
			continue
		}
		if !cur.Next(ctx) {
			_ = cur.Close(ctx)
			continue
		}
		var o Order
		if cur.Decode(&o) == nil {
			out <- o
		}
		_ = cur.Close(ctx)
	}
}

// Hand-over: returned, stored, or closed by the caller's helper.

// openRecent returns the cursor: its caller owns it.
func (s *OrderStore) openRecent(ctx context.Context) (*mongo.Cursor, error) {
	cur, err := s.orders.Find(ctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("find recent: %w", err)
	}
	return cur, nil
}

func (s *OrderStore) recentWrapperLeaks(ctx context.Context) (int, error) {
	cur, err := s.openRecent(ctx) // want `cur \(\*mongo\.Cursor from s\.openRecent\) is not closed on every path: the return at line 351 leaks it`
	if err != nil {
		return 0, err
	}
	return cur.RemainingBatchLength(), nil // <- leaks cur
}

func (s *OrderStore) recentWrapperClosed(ctx context.Context) (int, error) {
	cur, err := s.openRecent(ctx)
	if err != nil {
		return 0, err
	}
	defer cur.Close(ctx)
	return cur.RemainingBatchLength(), nil
}

// Facts through a package of helpers: OpenActive acquires, CloseCursor
// releases, Peek borrows.

func (s *OrderStore) activeOtherPackageLeaks(ctx context.Context) (int, error) {
	cur, err := catalog.OpenActive(ctx, s.orders) // want `cur \(\*mongo\.Cursor from catalog\.OpenActive\) is not closed on every path: the return at line 371 leaks it`
	if err != nil {
		return 0, err
	}
	return catalog.Peek(cur), nil // <- leaks cur
}

func (s *OrderStore) activeOtherPackageReleaser(ctx context.Context) (int, error) {
	cur, err := catalog.OpenActive(ctx, s.orders)
	if err != nil {
		return 0, err
	}
	defer catalog.CloseCursor(ctx, cur)
	return catalog.Peek(cur), nil
}

// Feed keeps a cursor open for later reads: storing it hands it over.
type Feed struct {
	cur *mongo.Cursor
}

func (s *OrderStore) openFeedStored(ctx context.Context, f *Feed) error {
	cur, err := s.orders.Find(ctx, bson.D{})
	if err != nil {
		return err
	}
	f.cur = cur
	return nil
}

// A goroutine that closes the cursor takes it over.
func (s *OrderStore) streamToGoroutine(ctx context.Context, out chan<- Order) error {
	cur, err := s.orders.Find(ctx, bson.D{})
	if err != nil {
		return err
	}
	go func() {
		defer cur.Close(context.Background())
		for cur.Next(ctx) {
			var o Order
			if cur.Decode(&o) == nil {
				out <- o
			}
		}
	}()
	return nil
}

// A goroutine that only reads borrows it: nothing closes it.
func (s *OrderStore) streamToGoroutineLeaks(ctx context.Context, out chan<- Order) error {
	cur, err := s.orders.Find(ctx, bson.D{}) // want `cur \(\*mongo\.Cursor from s\.orders\.Find\) is not closed on every path: the return at line 429 leaks it`
	if err != nil {
		return err
	}
	go func() {
		for cur.Next(ctx) {
			var o Order
			if cur.Decode(&o) == nil {
				out <- o
			}
		}
	}()
	return nil // <- leaks cur
}
