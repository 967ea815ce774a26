package corpusfp

import (
	"context"
	"database/sql"
)

// ConnPool is gorm's: database/sql's methods behind the program's
// interface.
type ConnPool interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
}

// gormDB is gorm's *DB, with its accumulated error.
type gormDB struct {
	Error    error
	ConnPool ConnPool
}

// AddError records err and returns every error recorded so far: not nil
// where err is not nil.
func (db *gormDB) AddError(err error) error {
	if err != nil {
		db.Error = err
	}
	return db.Error
}

// gormCreateReturning is gorm v1.31.2 callbacks/create.go:91: the rows are
// acquired where AddError(err) is nil, so where err is nil, and closed by
// the deferred closure there.
func gormCreateReturning(ctx context.Context, db *gormDB) {
	rows, err := db.ConnPool.QueryContext(ctx, "INSERT INTO users (name) VALUES ('a') RETURNING id")
	if db.AddError(err) == nil {
		defer func() {
			db.AddError(rows.Close())
		}()
		for rows.Next() {
		}
	}
}

// gormCreateReturningLeaks forgets them where the query succeeded.
func gormCreateReturningLeaks(ctx context.Context, db *gormDB) {
	rows, err := db.ConnPool.QueryContext(ctx, "INSERT INTO users (name) VALUES ('a') RETURNING id") // want `rows \(\*sql\.Rows from db\.ConnPool\.QueryContext\) is not closed on every path: the return at line 47 leaks it`
	if db.AddError(err) == nil && rows.Next() {
		return
	}
}

// gorm v1.31.2's prepared statement cache (prepare_stmt.go:69): a Get of
// the program's store looks a cached statement up; since redigo's Pool.Get
// is an acquirer, its name alone must not make a getter an acquisition.
type cachedStmt struct{ stmt *sql.Stmt }

func (s *cachedStmt) Close() error { return s.stmt.Close() }
func (s *cachedStmt) Error() error { return nil }

type stmtStore interface {
	Get(key string) (*cachedStmt, bool)
	New(ctx context.Context, key string, db *sql.DB) (*cachedStmt, error)
}

func gormPrepareCached(ctx context.Context, store stmtStore, db *sql.DB, query string) (*cachedStmt, error) {
	if stmt, ok := store.Get(query); ok {
		return stmt, stmt.Error()
	}
	return store.New(ctx, query, db)
}
