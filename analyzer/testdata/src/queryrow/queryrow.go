// Package queryrow: a *sql.Row holds the rows of its query, and their
// connection, until Scan (issue 12, section 5; lib/pq issue 550).
// QueryRow(...).Scan(...) holds nothing past its line.
package queryrow

import (
	"context"
	"database/sql"
	"errors"
)

func scannedAtOnce(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id).Scan(&name)
	return name, err
}

func onlyErrLeaks(ctx context.Context, db *sql.DB, id int64) error {
	row := db.QueryRowContext(ctx, "SELECT 1 FROM items WHERE id = ?", id) // want `row \(\*sql\.Row from db\.QueryRowContext\) is not scanned on every path: the return at line 20 leaks it`
	return row.Err()
}

func errCheckedThenScanned(ctx context.Context, db *sql.DB, id int64) (string, error) {
	row := db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id)
	if err := row.Err(); err != nil {
		return "", err // the query failed: the row holds nothing
	}
	var name string
	if err := row.Scan(&name); err != nil {
		return "", err
	}
	return name, nil
}

func earlyReturnLeaks(ctx context.Context, db *sql.DB, id int64) (string, error) {
	row := db.QueryRow("SELECT name FROM items WHERE id = ?", id) // want `row \(\*sql\.Row from db\.QueryRow\) is not scanned on every path: the return at line 38 leaks it`
	if id == 0 {
		return "", errors.New("no id")
	}
	var name string
	err := row.Scan(&name)
	return name, err
}

func validatedFirst(ctx context.Context, db *sql.DB, id int64) (string, error) {
	if id == 0 {
		return "", errors.New("no id")
	}
	row := db.QueryRow("SELECT name FROM items WHERE id = ?", id)
	var name string
	err := row.Scan(&name)
	return name, err
}

// A helper that scans it releases it (its fact).
func scanName(row *sql.Row) (string, error) {
	var name string
	err := row.Scan(&name)
	return name, err
}

func throughHelper(ctx context.Context, db *sql.DB, id int64) (string, error) {
	return scanName(db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id))
}

// Returned to the caller: handed over; the caller must scan it.
func lookup(ctx context.Context, db *sql.DB, id int64) *sql.Row {
	return db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id)
}

func callerScans(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := lookup(ctx, db, id).Scan(&name)
	return name, err
}

func callerForgetsLeaks(ctx context.Context, db *sql.DB, id int64) error {
	row := lookup(ctx, db, id) // want `row \(\*sql\.Row from lookup\) is not scanned on every path: the return at line 79 leaks it`
	return row.Err()
}

// A transaction's row ends with the transaction, as its rows do.
func inTx(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	row := tx.QueryRowContext(ctx, "SELECT 1 FROM items WHERE id = ? FOR UPDATE", id)
	if id < 0 {
		return tx.Rollback()
	}
	var one int
	if err := row.Scan(&one); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// A row scanned through an interface of the program.
type scanner interface{ Scan(dest ...any) error }

func scanInto(s scanner, dest *string) error { return s.Scan(dest) }

func throughScanner(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := scanInto(db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = ?", id), &name)
	return name, err
}
