// Package passthrough holds helpers that return the resource they are given: // want package:`ownership facts`
// the caller still holds it, also through the result (issue 11).
package passthrough

import (
	"context"
	"database/sql"
)

// id returns its statement as it is.
func id(s *sql.Stmt) *sql.Stmt { return s } // want id:`passes\[0→0\]`

// TxStmt is database/sql's own shape (as in many applications): the
// statement, or the transaction's copy of it. (Its tx is supposed given
// back, because one path finds it nil: a limitation of today.)
func TxStmt(tx *sql.Tx, s *sql.Stmt) *sql.Stmt { // want TxStmt:`releases\[0\] passes\[1→0\]`
	if tx == nil {
		return s
	}
	return tx.Stmt(s)
}

// keep stores the statement it is given and returns it: it takes it over.
var kept []*sql.Stmt

func keep(s *sql.Stmt) *sql.Stmt { // want keep:`releases\[0\]`
	kept = append(kept, s)
	return s
}

func idForgets(ctx context.Context, db *sql.DB) error {
	prep, err := db.PrepareContext(ctx, "SELECT 1") // want `prep \(\*sql\.Stmt from db\.PrepareContext\) is not closed on every path: the return at line 37 leaks it`
	if err != nil {
		return err
	}
	_, err = id(prep).ExecContext(ctx)
	return err
}

func idClosesTheResult(ctx context.Context, db *sql.DB) error {
	prep, err := db.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	stmt := id(prep)
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx)
	return err
}

func txStmtForgets(ctx context.Context, db *sql.DB, txn *sql.Tx) error {
	prep, err := db.PrepareContext(ctx, "UPDATE t SET n = n + 1") // want `prep \(\*sql\.Stmt from db\.PrepareContext\) is not closed on every path: the return at line 58 leaks it`
	if err != nil {
		return err
	}
	stmt := TxStmt(txn, prep)
	_, err = stmt.ExecContext(ctx)
	return err
}

func txStmtCloses(ctx context.Context, db *sql.DB, txn *sql.Tx) error {
	prep, err := db.PrepareContext(ctx, "UPDATE t SET n = n + 1")
	if err != nil {
		return err
	}
	defer prep.Close()
	_, err = TxStmt(txn, prep).ExecContext(ctx)
	return err
}

func keptIsTaken(ctx context.Context, db *sql.DB) error {
	prep, err := db.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	_, err = keep(prep).ExecContext(ctx)
	return err
}

// ping returns the connection it is given exactly where it succeeds, and
// nil where it fails: it passes it through only on success.
func ping(ctx context.Context, c *sql.Conn) (*sql.Conn, error) { // want ping:`passesonsuccess\[1→0\]`
	if err := c.PingContext(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// pingAgain returns ping's two results as they are: on success too.
func pingAgain(ctx context.Context, c *sql.Conn) (*sql.Conn, error) { // want pingAgain:`passesonsuccess\[1→0\]`
	return ping(ctx, c)
}

// pingOrNot returns the connection also where it fails: it passes it
// through on every path.
func pingOrNot(ctx context.Context, c *sql.Conn) (*sql.Conn, error) { // want pingOrNot:`passes\[1→0\]`
	return c, c.PingContext(ctx)
}

// Returning ping's results as they are hands the connection on where ping
// succeeds; where it fails the result is nil and the connection leaks.
func pingReturnedLeaks(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx) // want `c \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 107 leaks it`
	if err != nil {
		return nil, err
	}
	return ping(ctx, c)
}

func pingTupleLeaks(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx) // want `c \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 116 leaks it`
	if err != nil {
		return nil, err
	}
	p, err := pingAgain(ctx, c)
	return p, err
}

func pingCheckedLeaks(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx) // want `c \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 126 leaks it`
	if err != nil {
		return nil, err
	}
	p, err := ping(ctx, c)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// The fix: close it where ping fails.
func pingClosedOnFailure(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	p, err := ping(ctx, c)
	if err != nil {
		c.Close()
		return nil, err
	}
	return p, err // err is nil here: the connection goes to the caller
}

// pingOrNot returns the connection where it fails too: returning its
// results hands it on on every path (the caller's error check decides).
func pingOrNotReturned(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return pingOrNot(ctx, c)
}
