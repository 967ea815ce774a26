package regressions

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log"
)

// userStore is the repository the regression cases hang off.
type userStore struct {
	db *sql.DB
}

var errEmailTaken = errors.New("regressions: email already taken")

// closeRows closes and logs; call sites usually defer it.
func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Printf("close rows: %v", err)
	}
}

// closeQuietly closes anything and ignores the error.
func closeQuietly(c io.Closer) {
	_ = c.Close()
}

// scanIDs drains and closes the rows it is given.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// connTestRunner mirrors pgxtest.ConnTestRunner: its cleanup is a function
// field that takes the connection as its own type.
type connTestRunner struct {
	CloseConn func(ctx context.Context, conn *sql.Conn)
	Use       func(ctx context.Context, conn *sql.Conn) error
}

// pgxtestDeferredCloseField is the shape of pgx v5.12.0 pgxtest.RunWithQueryExecModes:
// a deferred call of a function field is a cleanup, not a use.
func pgxtestDeferredCloseField(ctx context.Context, db *sql.DB, r connTestRunner) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer r.CloseConn(ctx, conn)
	return r.Use(ctx, conn)
}

// pgxStdlibAfterConnectLeaks is the shape of pgx v5.12.0 stdlib connector's
// Connect: a callback that fails leaves the connection open.
func pgxStdlibAfterConnectLeaks(ctx context.Context, db *sql.DB, r connTestRunner) (*sql.Conn, error) {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 70 leaks it`
	if err != nil {
		return nil, err
	}
	if err := r.Use(ctx, conn); err != nil {
		return nil, err
	}
	return conn, nil
}
