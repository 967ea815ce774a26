package mongov2real

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"realmod/mongov2real/catalog"
)

// (*mongo.Client).StartSession -> *mongo.Session, ended with EndSession(ctx).

func (s *OrderStore) transferSessionLeaks(ctx context.Context, from, to bson.ObjectID, amount int64) error {
	sess, err := s.client.StartSession() // want `sess \(\*mongo\.Session from s\.client\.StartSession\) is not ended on every path: the return at line 21 leaks it`
	if err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	if amount <= 0 {
		return fmt.Errorf("amount %d", amount) // <- leaks sess
	}
	_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
		if _, err := s.orders.UpdateByID(ctx, from, bson.D{{Key: "$inc", Value: bson.D{{Key: "total", Value: -amount}}}}); err != nil {
			return nil, err
		}
		return s.orders.UpdateByID(ctx, to, bson.D{{Key: "$inc", Value: bson.D{{Key: "total", Value: amount}}}})
	})
	sess.EndSession(ctx)
	return err
}

func (s *OrderStore) transferSessionDeferEnd(ctx context.Context, from, to bson.ObjectID, amount int64) error {
	sess, err := s.client.StartSession()
	if err != nil {
		return fmt.Errorf("start session: %w", err)
	}
	defer sess.EndSession(ctx)
	if amount <= 0 {
		return fmt.Errorf("amount %d", amount)
	}
	_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
		if _, err := s.orders.UpdateByID(ctx, from, bson.D{{Key: "$inc", Value: bson.D{{Key: "total", Value: -amount}}}}); err != nil {
			return nil, err
		}
		return s.orders.UpdateByID(ctx, to, bson.D{{Key: "$inc", Value: bson.D{{Key: "total", Value: amount}}}})
	})
	return err
}

// A manual transaction: EndSession aborts one still in progress, so the
// session is all there is to give back.
func (s *OrderStore) manualTransactionLeaks(ctx context.Context, id bson.ObjectID) error {
	sess, err := s.client.StartSession() // want `sess \(\*mongo\.Session from s\.client\.StartSession\) is not ended on every path: the return at line 59 leaks it`
	if err != nil {
		return err
	}
	if err := sess.StartTransaction(); err != nil {
		return err // <- leaks sess
	}
	sctx := mongo.NewSessionContext(ctx, sess)
	if _, err := s.orders.DeleteOne(sctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		_ = sess.AbortTransaction(ctx)
		sess.EndSession(ctx)
		return err
	}
	err = sess.CommitTransaction(ctx)
	sess.EndSession(ctx)
	return err
}

// NewSessionContext only borrows the session: the caller still ends it.
func (s *OrderStore) manualTransaction(ctx context.Context, id bson.ObjectID) error {
	sess, err := s.client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if err := sess.StartTransaction(); err != nil {
		return err
	}
	sctx := mongo.NewSessionContext(ctx, sess)
	if _, err := s.orders.DeleteOne(sctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		_ = sess.AbortTransaction(ctx)
		return err
	}
	return sess.CommitTransaction(ctx)
}

// NewSessionContext is taken to hand the session over: its context may be
// returned or stored (below), and connrelease cannot tell that it stands
// for the session. A leak after it, as here, is missed.
func (s *OrderStore) sessionNewContextOnlyMissed(ctx context.Context, id bson.ObjectID) error {
	sess, err := s.client.StartSession()
	if err != nil {
		return err
	}
	sctx := mongo.NewSessionContext(ctx, sess)
	_, err = s.orders.DeleteOne(sctx, bson.D{{Key: "_id", Value: id}})
	return err
}

// A helper that returns the session in its context hands it over.
func (s *OrderStore) sessionContext(ctx context.Context) (context.Context, error) {
	sess, err := s.client.StartSession()
	if err != nil {
		return nil, err
	}
	return mongo.NewSessionContext(ctx, sess), nil
}

// Request keeps the context of a session for later calls.
type Request struct {
	ctx context.Context
}

func (s *OrderStore) storeSessionContext(ctx context.Context, r *Request) error {
	sess, err := s.client.StartSession()
	if err != nil {
		return err
	}
	r.ctx = mongo.NewSessionContext(ctx, sess)
	return nil
}

// A session per item, ended by a defer in the loop: every one stays out of
// the pool until the function returns.
func (s *OrderStore) sessionsDeferInLoop(ctx context.Context, ids []bson.ObjectID) error {
	for _, id := range ids {
		sess, err := s.client.StartSession() // want `sess\.EndSession is deferred inside a loop: every iteration's \*mongo\.Session from s\.client\.StartSession stays held until the function returns`
		if err != nil {
			return err
		}
		defer sess.EndSession(ctx)
		if _, err := sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
			return s.orders.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
		}); err != nil {
			return err
		}
	}
	return nil
}

func (s *OrderStore) sessionsEndInLoop(ctx context.Context, ids []bson.ObjectID) error {
	for _, id := range ids {
		sess, err := s.client.StartSession()
		if err != nil {
			return err
		}
		_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
			return s.orders.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
		})
		sess.EndSession(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

// UseSession starts and ends its own session: nothing to give back.
func (s *OrderStore) useSession(ctx context.Context, id bson.ObjectID) error {
	return s.client.UseSession(ctx, func(sctx context.Context) error {
		_, err := s.orders.DeleteOne(sctx, bson.D{{Key: "_id", Value: id}})
		return err
	})
}

// A session from a helper of another package: the fact says it acquires.
func (s *OrderStore) helperSessionLeaks(ctx context.Context, id bson.ObjectID) error {
	sess, err := catalog.Begin(s.client) // want `sess \(\*mongo\.Session from catalog\.Begin\) is not ended on every path: the return at line 176 leaks it`
	if err != nil {
		return err
	}
	if id.IsZero() {
		return nil // <- leaks sess
	}
	defer sess.EndSession(ctx)
	_, err = s.orders.DeleteOne(mongo.NewSessionContext(ctx, sess), bson.D{{Key: "_id", Value: id}})
	return err
}

func (s *OrderStore) helperSession(ctx context.Context, id bson.ObjectID) error {
	sess, err := catalog.Begin(s.client)
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	if id.IsZero() {
		return nil
	}
	_, err = s.orders.DeleteOne(mongo.NewSessionContext(ctx, sess), bson.D{{Key: "_id", Value: id}})
	return err
}
