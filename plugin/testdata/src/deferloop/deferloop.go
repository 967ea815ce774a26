// Package deferloop defers a Close inside the loop that acquires: the // want package:`ownership facts`
// defer-in-loop check reports it unless the setting turns it off.
package deferloop

import (
	"context"
	"database/sql"
)

func columns(ctx context.Context, db *sql.DB, tables []string) (n int, err error) { // want columns:`borrows\[1\]`
	for _, t := range tables {
		rows, err := db.QueryContext(ctx, "SELECT * FROM "+t+" LIMIT 0") // want `rows\.Close is deferred inside a loop`
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return 0, err
		}
		n += len(cols)
	}
	return n, nil
}
