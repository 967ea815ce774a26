// Package mongoconfig is analysed with _mongo/mongo.yml, which names types
// and methods of the mongo driver that the built-in catalog leaves out. In a
// directory named _mongo so that TestRealModules' ./... (no configuration)
// leaves it to TestRealModulesConfig.
package mongoconfig

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

var errTooLarge = errors.New("file too large")

func readFileLeaks(ctx context.Context, b *mongo.GridFSBucket, id bson.ObjectID, max int64) ([]byte, error) {
	ds, err := b.OpenDownloadStream(ctx, id) // want `ds \(\*mongo\.GridFSDownloadStream from b\.OpenDownloadStream\) is not closed on every path: the return at line 23 leaks it`
	if err != nil {
		return nil, err
	}
	if ds.GetFile().Length > max {
		return nil, errTooLarge // <- leaks ds
	}
	buf := make([]byte, ds.GetFile().Length)
	_, err = ds.Read(buf)
	if cerr := ds.Close(); err == nil {
		err = cerr
	}
	return buf, err
}

func readFile(ctx context.Context, b *mongo.GridFSBucket, id bson.ObjectID, max int64) ([]byte, error) {
	ds, err := b.OpenDownloadStream(ctx, id)
	if err != nil {
		return nil, err
	}
	defer ds.Close()
	if ds.GetFile().Length > max {
		return nil, errTooLarge
	}
	buf := make([]byte, ds.GetFile().Length)
	_, err = ds.Read(buf)
	return buf, err
}

func collectionNamesLeaks(ctx context.Context, db *mongo.Database) ([]string, error) {
	cur, err := db.ListCollections(ctx, bson.D{}) // want `cur \(\*mongo\.Cursor from db\.ListCollections\) is not closed on every path: the return at line 56 leaks it`
	if err != nil {
		return nil, err
	}
	var names []string
	for cur.Next(ctx) {
		name, ok := cur.Current.Lookup("name").StringValueOK()
		if !ok {
			return nil, nil // <- leaks cur
		}
		names = append(names, name)
	}
	return names, cur.Close(ctx)
}

func collectionNames(ctx context.Context, db *mongo.Database) ([]bson.M, error) {
	cur, err := db.ListCollections(ctx, bson.D{})
	if err != nil {
		return nil, err
	}
	var specs []bson.M
	err = cur.All(ctx, &specs)
	return specs, err
}
