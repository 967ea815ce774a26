// Package mongov1real exercises the connrelease catalog against the real
// go.mongodb.org/mongo-driver v1 API (vendored): the same resources as v2,
// but a session is the interface mongo.Session. There is no MongoDB server
// for the runtime oracle: what each case assumes rests on the driver's
// source, cited in docs/libraries.md.
package mongov1real

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// Item is a document of the items collection.
type Item struct {
	ID   primitive.ObjectID `bson:"_id"`
	Name string             `bson:"name"`
}

// Inventory is a typical repository.
type Inventory struct {
	items  *mongo.Collection
	db     *mongo.Database
	client *mongo.Client
}

// (*mongo.Collection).Find -> *mongo.Cursor, closed with Close(ctx) or All.

func (inv *Inventory) namesFindLeaks(ctx context.Context, prefix string) ([]string, error) {
	cur, err := inv.items.Find(ctx, bson.M{"name": bson.M{"$regex": "^" + prefix}}) // want `cur \(\*mongo\.Cursor from inv\.items\.Find\) is not closed on every path: the return at line 41 leaks it`
	if err != nil {
		return nil, err
	}
	var out []string
	for cur.Next(ctx) {
		var it Item
		if err := cur.Decode(&it); err != nil {
			return nil, fmt.Errorf("decode item: %w", err) // <- leaks cur
		}
		out = append(out, it.Name)
	}
	return out, cur.Close(ctx)
}

func (inv *Inventory) namesFindDeferClose(ctx context.Context, prefix string) ([]string, error) {
	cur, err := inv.items.Find(ctx, bson.M{"name": bson.M{"$regex": "^" + prefix}})
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)
	var out []string
	for cur.Next(ctx) {
		var it Item
		if err := cur.Decode(&it); err != nil {
			return nil, fmt.Errorf("decode item: %w", err)
		}
		out = append(out, it.Name)
	}
	return out, cur.Err()
}

// Next returning false closes nothing (cursor.go: next returns on an error
// without closing).
func (inv *Inventory) countNextExhaustedLeaks(ctx context.Context) (int, error) {
	cur, err := inv.items.Find(ctx, bson.D{}) // want `cur \(\*mongo\.Cursor from inv\.items\.Find\) is not closed on every path: the return at line 76 leaks it`
	if err != nil {
		return 0, err
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Err() // <- leaks cur
}

func (inv *Inventory) itemsAll(ctx context.Context) ([]Item, error) {
	cur, err := inv.items.Find(ctx, bson.D{})
	if err != nil {
		return nil, err
	}
	var out []Item
	if err := cur.All(ctx, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func (inv *Inventory) itemsFindDiscarded(ctx context.Context) error {
	_, err := inv.items.Find(ctx, bson.D{}) // want `the \*mongo\.Cursor from inv\.items\.Find is discarded and never closed`
	return err
}

// (*mongo.Collection).Aggregate and (*mongo.Database).Aggregate.

func (inv *Inventory) groupAggregateLeaks(ctx context.Context, pipeline mongo.Pipeline, dryRun bool) ([]bson.M, error) {
	cur, err := inv.items.Aggregate(ctx, pipeline) // want `cur \(\*mongo\.Cursor from inv\.items\.Aggregate\) is not closed on every path: the return at line 104 leaks it`
	if err != nil {
		return nil, err
	}
	if dryRun {
		return nil, nil // <- leaks cur
	}
	var out []bson.M
	return out, cur.All(ctx, &out)
}

func (inv *Inventory) groupAggregate(ctx context.Context, pipeline mongo.Pipeline, dryRun bool) ([]bson.M, error) {
	cur, err := inv.items.Aggregate(ctx, pipeline)
	if err != nil {
		return nil, err
	}
	if dryRun {
		return nil, cur.Close(ctx)
	}
	var out []bson.M
	return out, cur.All(ctx, &out)
}

func (inv *Inventory) opsDatabaseAggregateLeaks(ctx context.Context) (bson.Raw, error) {
	cur, err := inv.db.Aggregate(ctx, mongo.Pipeline{{{Key: "$currentOp", Value: bson.D{}}}}) // want `cur \(\*mongo\.Cursor from inv\.db\.Aggregate\) is not closed on every path: the return at line 128 leaks it`
	if err != nil {
		return nil, err
	}
	if cur.Next(ctx) {
		return cur.Current, nil // <- leaks cur
	}
	return nil, cur.Close(ctx)
}

func (inv *Inventory) opsDatabaseAggregate(ctx context.Context) (bson.Raw, error) {
	cur, err := inv.db.Aggregate(ctx, mongo.Pipeline{{{Key: "$currentOp", Value: bson.D{}}}})
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)
	if cur.Next(ctx) {
		return cur.Current, nil
	}
	return nil, cur.Err()
}

// Watch on a collection, a database, a client -> *mongo.ChangeStream.

func (inv *Inventory) waitChangeWatchLeaks(ctx context.Context) (bson.Raw, error) {
	cs, err := inv.items.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from inv\.items\.Watch\) is not closed on every path: the return at line 157 leaks it`
	if err != nil {
		return nil, err
	}
	if cs.Next(ctx) {
		ev := cs.Current
		_ = cs.Close(ctx)
		return ev, nil
	}
	return nil, cs.Err() // <- leaks cs
}

func (inv *Inventory) waitChangeWatch(ctx context.Context) (bson.Raw, error) {
	cs, err := inv.items.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return nil, err
	}
	defer cs.Close(ctx)
	if cs.Next(ctx) {
		return cs.Current, nil
	}
	return nil, cs.Err()
}

func (inv *Inventory) databaseWatchLeaks(ctx context.Context, handle func(bson.Raw) error) error {
	cs, err := inv.db.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from inv\.db\.Watch\) is not closed on every path: the return at line 179 leaks it`
	if err != nil {
		return err
	}
	for cs.Next(ctx) {
		if err := handle(cs.Current); err != nil {
			return err // <- leaks cs
		}
	}
	return cs.Close(ctx)
}

func (inv *Inventory) clientWatchToGoroutine(ctx context.Context, out chan<- bson.Raw) error {
	cs, err := inv.client.Watch(ctx, mongo.Pipeline{})
	if err != nil {
		return err
	}
	go func() {
		defer cs.Close(context.Background())
		for cs.Next(ctx) {
			out <- cs.Current
		}
	}()
	return nil
}

func (inv *Inventory) clientWatchDiscarded(ctx context.Context) error {
	if _, err := inv.client.Watch(ctx, mongo.Pipeline{}); err != nil { // want `the \*mongo\.ChangeStream from inv\.client\.Watch is discarded and never closed`
		return err
	}
	return nil
}

// (*mongo.Client).StartSession -> mongo.Session (an interface), ended with
// EndSession(ctx).

func (inv *Inventory) renameSessionLeaks(ctx context.Context, id primitive.ObjectID, name string) error {
	sess, err := inv.client.StartSession() // want `sess \(mongo\.Session from inv\.client\.StartSession\) is not ended on every path: the return at line 215 leaks it`
	if err != nil {
		return err
	}
	if name == "" {
		return fmt.Errorf("empty name") // <- leaks sess
	}
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return inv.items.UpdateByID(sc, id, bson.M{"$set": bson.M{"name": name}})
	})
	sess.EndSession(ctx)
	return err
}

func (inv *Inventory) renameSessionDeferEnd(ctx context.Context, id primitive.ObjectID, name string) error {
	sess, err := inv.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if name == "" {
		return fmt.Errorf("empty name")
	}
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return inv.items.UpdateByID(sc, id, bson.M{"$set": bson.M{"name": name}})
	})
	return err
}

// mongo.WithSession is taken to hand the session over (the driver's
// packages do not borrow, docs/libraries.md): a leak after it is missed.
func (inv *Inventory) withSessionMissed(ctx context.Context, id primitive.ObjectID) error {
	sess, err := inv.client.StartSession()
	if err != nil {
		return err
	}
	return mongo.WithSession(ctx, sess, func(sc mongo.SessionContext) error {
		_, err := inv.items.DeleteOne(sc, bson.M{"_id": id})
		return err
	})
}

func (inv *Inventory) withSession(ctx context.Context, id primitive.ObjectID) error {
	sess, err := inv.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	return mongo.WithSession(ctx, sess, func(sc mongo.SessionContext) error {
		_, err := inv.items.DeleteOne(sc, bson.M{"_id": id})
		return err
	})
}

func (inv *Inventory) sessionsDeferInLoop(ctx context.Context, ids []primitive.ObjectID) error {
	for _, id := range ids {
		sess, err := inv.client.StartSession() // want `sess\.EndSession is deferred inside a loop: every iteration's mongo\.Session from inv\.client\.StartSession stays held until the function returns`
		if err != nil {
			return err
		}
		defer sess.EndSession(ctx)
		if _, err := sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
			return inv.items.DeleteOne(sc, bson.M{"_id": id})
		}); err != nil {
			return err
		}
	}
	return nil
}

// A session returned to the caller is handed over; the caller that drops
// it leaks it.
func (inv *Inventory) begin() (mongo.Session, error) {
	sess, err := inv.client.StartSession()
	if err != nil {
		return nil, fmt.Errorf("start session: %w", err)
	}
	return sess, nil
}

func (inv *Inventory) wrapperSessionLeaks(ctx context.Context, id primitive.ObjectID) error {
	sess, err := inv.begin() // want `sess \(mongo\.Session from inv\.begin\) is not ended on every path: the return at line 298 leaks it`
	if err != nil {
		return err
	}
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return inv.items.DeleteOne(sc, bson.M{"_id": id})
	})
	return err // <- leaks sess
}

func (inv *Inventory) wrapperSession(ctx context.Context, id primitive.ObjectID) error {
	sess, err := inv.begin()
	if err != nil {
		return err
	}
	defer endQuietly(ctx, sess)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return inv.items.DeleteOne(sc, bson.M{"_id": id})
	})
	return err
}

// endQuietly ends the session on every path: a releaser.
func endQuietly(ctx context.Context, sess mongo.Session) {
	sess.EndSession(ctx)
}

// UseSession's callback gets a SessionContext the driver ends: nothing to
// give back.
func (inv *Inventory) useSession(ctx context.Context, id primitive.ObjectID) error {
	return inv.client.UseSession(ctx, func(sc mongo.SessionContext) error {
		_, err := inv.items.DeleteOne(sc, bson.M{"_id": id})
		return err
	})
}
