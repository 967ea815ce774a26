// Package mongofix checks the deferred releases connrelease suggests for
// the mongo driver's resources, whose release methods take a context: the
// fix passes the one in scope. In a directory named _mongo so that
// TestRealModules' ./... leaves it to TestRealModulesFixes.
package mongofix

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func countLeaks(ctx context.Context, coll *mongo.Collection, tenant string) (int, error) {
	cur, err := coll.Find(ctx, bson.D{{Key: "tenant", Value: tenant}}) // want `cur \(\*mongo\.Cursor from coll\.Find\) is not closed on every path: the return at line 20 leaks it`
	if err != nil {
		return 0, err
	}
	if tenant == "" {
		return 0, nil
	}
	n := 0
	for cur.Next(ctx) {
		n++
	}
	return n, cur.Close(ctx)
}

func watchLeaks(ctx context.Context, coll *mongo.Collection) (bson.Raw, error) {
	cs, err := coll.Watch(ctx, mongo.Pipeline{}) // want `cs \(\*mongo\.ChangeStream from coll\.Watch\) is not closed on every path: the return at line 35 leaks it`
	if err != nil {
		return nil, err
	}
	if !cs.Next(ctx) {
		return nil, cs.Err()
	}
	ev := cs.Current
	return ev, cs.Close(ctx)
}

func sessionLeaks(ctx context.Context, client *mongo.Client, coll *mongo.Collection, id bson.ObjectID) error {
	sess, err := client.StartSession() // want `sess \(\*mongo\.Session from client\.StartSession\) is not ended on every path: the return at line 49 leaks it`
	if err != nil {
		return err
	}
	_, err = sess.WithTransaction(ctx, func(ctx context.Context) (any, error) {
		return coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	})
	return err
}
