// Package fixespg holds leaks of pgconn's readers and puddle's resources:
// a deferred Close is suggested also after a Close on the happy path (a
// second Close does nothing); a deferred Release only where nothing
// releases the resource yet (a second Release panics).
package fixespg

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"
)

func readerClosedAtTheEnd(ctx context.Context, pc *pgconn.PgConn) (string, error) {
	rr := pc.ExecParams(ctx, "SELECT email FROM users", nil, nil, nil, nil) // want `rr \(\*pgconn\.ResultReader from pc\.ExecParams\) is not closed on every path: the return at line 18 leaks it`
	if !rr.NextRow() {
		return "", errors.New("no user")
	}
	email := string(rr.Values()[0])
	_, err := rr.Close()
	return email, err
}

func multiReaderDropped(ctx context.Context, pc *pgconn.PgConn, dryRun bool) error {
	mrr := pc.Exec(ctx, "UPDATE users SET seen = now()") // want `mrr \(\*pgconn\.MultiResultReader from pc\.Exec\) is not closed on every path: the return at line 28 leaks it`
	if dryRun {
		return nil
	}
	_, err := mrr.ReadAll()
	return err
}

type worker struct{}

func (w *worker) do() error { return nil }

func resourceNeverReleased(ctx context.Context, p *puddle.Pool[*worker]) error {
	res, err := p.Acquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from p\.Acquire\) is not released on every path: the return at line 43 leaks it`
	if err != nil {
		return err
	}
	return res.Value().do()
}

// No fix: a deferred Release after the explicit one would panic.
func resourceReleasedOnSuccess(ctx context.Context, p *puddle.Pool[*worker]) error {
	res, err := p.Acquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from p\.Acquire\) is not released on every path: the return at line 53 leaks it`
	if err != nil {
		return err
	}
	if err := res.Value().do(); err != nil {
		return err
	}
	res.Release()
	return nil
}
