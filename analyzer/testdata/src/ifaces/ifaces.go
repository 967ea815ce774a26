// Package ifaces reaches database/sql through the program's own
// interfaces: sqlc's DBTX, a repository that mirrors *sql.DB, its own Tx and
// Rows (issue 11).
package ifaces

import (
	"context"
	"database/sql"
	"io"
)

// DBTX is sqlc's generated interface, database/sql flavour.
type DBTX interface {
	ExecContext(context.Context, string, ...interface{}) (sql.Result, error)
	PrepareContext(context.Context, string) (*sql.Stmt, error)
	QueryContext(context.Context, string, ...interface{}) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...interface{}) *sql.Row
}

// listLeaks returns on a failed Scan with the rows open.
func listLeaks(ctx context.Context, db DBTX) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM authors") // want `rows \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 30 leaks it`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Close()
}

// list is sqlc's own shape: the rows are closed on every path.
func list(ctx context.Context, db DBTX) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM authors")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return ids, rows.Err()
}

// prepareLeaks never closes the statement.
func prepareLeaks(ctx context.Context, db DBTX) error {
	stmt, err := db.PrepareContext(ctx, "DELETE FROM authors WHERE id = $1") // want `stmt \(\*sql\.Stmt from db\.PrepareContext\) is not closed on every path: the return at line 65 leaks it`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

// prepare closes it.
func prepare(ctx context.Context, db DBTX) error {
	stmt, err := db.PrepareContext(ctx, "DELETE FROM authors WHERE id = $1")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

// one reads a single row: *sql.Row holds nothing once scanned.
func one(ctx context.Context, db DBTX) (name string, err error) {
	err = db.QueryRowContext(ctx, "SELECT name FROM authors LIMIT 1").Scan(&name)
	return name, err
}

// Queries is sqlc's wrapper: it keeps the DBTX it is given.
type Queries struct{ db DBTX }

// listAll hands the rows to its caller.
func (q *Queries) listAll(ctx context.Context) (*sql.Rows, error) {
	return q.db.QueryContext(ctx, "SELECT id FROM authors")
}

// countLeaks calls the wrapper, which acquires for it (its fact).
func countLeaks(ctx context.Context, q *Queries) (int, error) {
	rows, err := q.listAll(ctx) // want `rows \(\*sql\.Rows from q\.listAll\) is not closed on every path: the return at line 100 leaks it`
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		return 1, nil
	}
	return 0, rows.Err()
}

// Repository mirrors *sql.DB.
type Repository interface {
	Conn(ctx context.Context) (*sql.Conn, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
	BeginReadOnly(ctx context.Context) (*sql.Tx, error)
	// CurrentTx and TxFromContext are getters.
	CurrentTx() *sql.Tx
	TxFromContext(ctx context.Context) (*sql.Tx, bool)
}

// connLeaks forgets the connection when the ping fails.
func connLeaks(ctx context.Context, r Repository) error {
	c, err := r.Conn(ctx) // want `c \(\*sql\.Conn from r\.Conn\) is not closed on every path: the return at line 122 leaks it`
	if err != nil {
		return err
	}
	if err := c.PingContext(ctx); err != nil {
		return err
	}
	return c.Close()
}

// readOnlyLeaks: BeginReadOnly begins, by its name.
func readOnlyLeaks(ctx context.Context, r Repository) (n int, err error) {
	tx, err := r.BeginReadOnly(ctx) // want `tx \(\*sql\.Tx from r\.BeginReadOnly\) is not committed or rolled back on every path: the return at line 134 leaks it`
	if err != nil {
		return 0, err
	}
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM authors").Scan(&n)
	return n, err
}

// readOnly rolls back.
func readOnly(ctx context.Context, r Repository) (n int, err error) {
	tx, err := r.BeginReadOnly(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM authors").Scan(&n)
	return n, err
}

// getters: the transactions the getters return are someone else's.
func getters(ctx context.Context, r Repository) error {
	if tx, ok := r.TxFromContext(ctx); ok {
		_, err := tx.ExecContext(ctx, "DELETE FROM sessions")
		return err
	}
	_, err := r.CurrentTx().ExecContext(ctx, "DELETE FROM sessions")
	return err
}

// Tx is the program's transaction over database/sql.
type Tx interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	Commit() error
	Rollback() error
}

// Rows is the program's rows.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
}

// Store hands both out.
type Store interface {
	BeginTx(ctx context.Context) (Tx, error)
	Query(ctx context.Context, query string) (Rows, error)
	// Session is a getter of something that closes: not an acquisition.
	Session() Rows
}

// rowsOfTx: database/sql closes the rows with their transaction, also
// through the program's Tx.
func rowsOfTx(ctx context.Context, s Store) error {
	tx, err := s.BeginTx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM authors")
	if err != nil {
		return err
	}
	if rows.Next() {
		return tx.Commit()
	}
	return nil
}

// txLeaks returns with the transaction open when the query fails.
func txLeaks(ctx context.Context, s Store) error {
	tx, err := s.BeginTx(ctx) // want `tx \(Tx from s\.BeginTx\) is not committed or rolled back on every path: the return at line 205 leaks it`
	if err != nil {
		return err
	}
	if _, err := tx.QueryContext(ctx, "SELECT 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// firstLeaks returns the first id with the program's rows open.
func firstLeaks(ctx context.Context, s Store) (id int64, err error) {
	rows, err := s.Query(ctx, "SELECT id FROM authors") // want `rows \(Rows from s\.Query\) is not closed on every path: the return at line 217 leaks it`
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		return id, rows.Scan(&id)
	}
	return 0, nil
}

// first reads them to the end or closes them: Next returning false closes
// rows behind an interface too.
func first(ctx context.Context, s Store) (id int64, err error) {
	rows, err := s.Query(ctx, "SELECT id FROM authors")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
	}
	return id, nil
}

// session uses what a getter returns.
func session(s Store) bool {
	return s.Session().Next()
}

// withTxLeaks leaves the transaction open when the callback fails: a
// callback borrows what it is given as a resource type.
func withTxLeaks(ctx context.Context, s Store, fn func(Tx) error) error {
	tx, err := s.BeginTx(ctx) // want `tx \(Tx from s\.BeginTx\) is not committed or rolled back on every path: the return at line 251 leaks it`
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// withTx rolls back when the callback fails.
func withTx(ctx context.Context, s Store, fn func(Tx) error) error {
	tx, err := s.BeginTx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// ExecerContext is sqlx's, in the program: it cannot end a transaction.
type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// inTxLeaks hands the transaction to a callback that can only execute on
// it, and returns with it open when the callback fails.
func inTxLeaks(ctx context.Context, db *sql.DB, fn func(ExecerContext) error) error {
	tx, err := db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from db\.BeginTx\) is not committed or rolled back on every path: the return at line 282 leaks it`
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// handsToCloser gives the connection to a callback that can close it, and
// to one that takes anything: both are supposed to take it over.
func handsToCloser(ctx context.Context, db *sql.DB, keep func(io.Closer), put func(any)) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	keep(c)
	c2, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	put(c2)
	return nil
}

// handlesQuery gives the rows to a local closure that closes them where
// the query succeeded.
func handlesQuery(ctx context.Context, db *sql.DB) error {
	h := func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
		}
		return rows.Err()
	}
	return h(db.QueryContext(ctx, "SELECT id FROM authors"))
}

// handlesQueryLeaks gives them to one that returns early without closing
// them when they are empty.
func handlesQueryLeaks(ctx context.Context, db *sql.DB) error {
	h := func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		if !rows.NextResultSet() {
			return nil
		}
		return rows.Close()
	}
	return h(db.QueryContext(ctx, "SELECT id FROM authors")) // want `the result of db\.QueryContext \(\*sql\.Rows from db\.QueryContext\) is not closed on every path: the return at line 330 leaks it`
}

// Sessions names its acquirer as no library does; its one implementation
// in sight begins a transaction.
type Sessions interface {
	Tx(ctx context.Context) (*sql.Tx, error)
}

type sqlSessions struct{ db *sql.DB }

func (s *sqlSessions) Tx(ctx context.Context) (*sql.Tx, error) {
	return s.db.BeginTx(ctx, nil)
}

// txOfImplementationLeaks leaves it open when the dry run returns.
func txOfImplementationLeaks(ctx context.Context, s Sessions, dry bool) error {
	tx, err := s.Tx(ctx) // want `tx \(\*sql\.Tx from s\.Tx\) is not committed or rolled back on every path: the return at line 352 leaks it`
	if err != nil {
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit()
}

// Current's one implementation hands out the transaction it keeps: a
// getter, not an acquisition.
type Current interface {
	Tx() *sql.Tx
}

type currentTx struct{ tx *sql.Tx }

func (c *currentTx) Tx() *sql.Tx { return c.tx }

func inCurrent(ctx context.Context, c Current) error {
	_, err := c.Tx().ExecContext(ctx, "DELETE FROM sessions")
	return err
}
