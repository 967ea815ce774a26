// Package unjudged shows what -unjudged reports: the places where the
// analysis supposed a release rather than knew of one.
package unjudged

import (
	"context"
	"database/sql"
)

func check(error) bool

// rollbackWhenCheckSays releases the transaction only when check says so, a
// condition the analysis cannot read: it supposes the release happens.
func rollbackWhenCheckSays(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { // want `connrelease: releases the resource only under a condition connrelease cannot read; supposing it always does`
		if check(err) {
			_ = tx.Rollback()
		}
	}()
	_, err = tx.ExecContext(ctx, "DELETE FROM sessions")
	return err
}
