package sqlxreal

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type item struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// A *sqlx.Row holds its rows until Scan, StructScan, MapScan or SliceScan.

func structScanned(ctx context.Context, db *sqlx.DB, id int64) (item, error) {
	var it item
	row := db.QueryRowxContext(ctx, "SELECT id, name FROM items WHERE id = ?", id)
	if err := row.Err(); err != nil {
		return it, err
	}
	return it, row.StructScan(&it)
}

func mapScanned(ctx context.Context, db *sqlx.DB, id int64) (map[string]any, error) {
	m := map[string]any{}
	err := db.QueryRowxContext(ctx, "SELECT id, name FROM items WHERE id = ?", id).MapScan(m)
	return m, err
}

func onlyErrLeaks(ctx context.Context, db *sqlx.DB, id int64) error {
	row := db.QueryRowxContext(ctx, "SELECT 1 FROM items WHERE id = ?", id) // want `row \(\*sqlx\.Row from db\.QueryRowxContext\) is not scanned on every path: the return at line 33 leaks it`
	return row.Err()
}
