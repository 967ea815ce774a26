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
