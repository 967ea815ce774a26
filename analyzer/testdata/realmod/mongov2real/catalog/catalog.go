// Package catalog holds helpers around the real go.mongodb.org/mongo-driver/v2
// API, used from mongov2real: their facts (acquirer, releaser, borrower)
// cross the package boundary.
package catalog

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// OpenActive returns an open cursor: an acquirer to its callers.
func OpenActive(ctx context.Context, coll *mongo.Collection) (*mongo.Cursor, error) {
	cur, err := coll.Find(ctx, bson.D{{Key: "active", Value: true}})
	if err != nil {
		return nil, fmt.Errorf("find active: %w", err)
	}
	return cur, nil
}

// CloseCursor closes the cursor on every path: a releaser.
func CloseCursor(ctx context.Context, cur *mongo.Cursor) {
	if err := cur.Close(ctx); err != nil {
		fmt.Println("close cursor:", err)
	}
}

// Peek only reads the current batch: a borrower.
func Peek(cur *mongo.Cursor) int {
	return cur.RemainingBatchLength()
}

// Begin starts a session for its caller.
func Begin(client *mongo.Client) (*mongo.Session, error) {
	sess, err := client.StartSession()
	if err != nil {
		return nil, fmt.Errorf("start session: %w", err)
	}
	return sess, nil
}
