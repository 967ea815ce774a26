// Package robust holds shapes that once could trip an analysis up, and a // want package:`ownership facts`
// function the test makes the analysis panic on.
package robust

import (
	"context"
	"database/sql"
)

// boom is the function the robustness test makes the analysis panic on.
func boom(ctx context.Context, db *sql.DB) error { // want `internal error: connrelease could not analyse boom: injected failure \(please report it\)` boom:`borrows\[1\]`
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	return conn.Close()
}

// afterBoomLeaks shows that the run goes on after one function failed.
func afterBoomLeaks(ctx context.Context, db *sql.DB) error { // want afterBoomLeaks:`borrows\[1\]`
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 25 leaks it`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

// Generic functions are analysed in their generic form.
type Repo[T any] struct {
	db   *sql.DB
	scan func(*sql.Rows) (T, error)
}

func (r *Repo[T]) AllLeaks(ctx context.Context, q string) ([]T, error) {
	rows, err := r.db.QueryContext(ctx, q) // want `rows \(\*sql\.Rows from r\.db\.QueryContext\) is not closed on every path: the return at line 43 leaks it`
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		v, err := r.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (r *Repo[T]) AllDeferClose(ctx context.Context, q string) ([]T, error) {
	rows, err := r.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := r.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func firstOf[T any, PT interface { // want firstOf:`borrows\[1\]`
	*T
	Scan(*sql.Rows) error
}](ctx context.Context, db *sql.DB, q string) (T, error) {
	var zero T
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return zero, err
	}
	defer rows.Close()
	if !rows.Next() {
		return zero, sql.ErrNoRows
	}
	var v T
	err = PT(&v).Scan(rows)
	return v, err
}

// Range-over-func, goto, labelled loops, select and recursion in one place.
func shapes(ctx context.Context, db *sql.DB, seq func(func(int) bool)) error { // want shapes:`releases\[1\]`
	for i := range seq {
		if i > 3 {
			goto done
		}
	}
done:
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
outer:
	for {
		select {
		case <-ctx.Done():
			break outer
		default:
			if err := conn.PingContext(ctx); err != nil {
				return shapes(ctx, db, seq)
			}
		}
	}
	return nil
}

// A function with no body: declared, implemented elsewhere.
func external(db *sql.DB) *sql.Conn
