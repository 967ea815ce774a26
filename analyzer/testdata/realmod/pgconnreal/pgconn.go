package pgconnreal

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

const (
	selectEmail = `SELECT email FROM users WHERE id = $1`
	touchUsers  = `UPDATE users SET seen = now(); SELECT count(*) FROM users`
)

// pgconn.Connect -> *pgconn.PgConn, closed with Close(ctx).

func pingConnectLeaks(ctx context.Context, dsn string) error {
	pc, err := pgconn.Connect(ctx, dsn) // want `pc \(\*pgconn\.PgConn from pgconn\.Connect\) is not closed on every path: the return at line 26 leaks it`
	if err != nil {
		return err
	}
	if err := pc.Ping(ctx); err != nil {
		return fmt.Errorf("ping: %w", err) // <- leaks pc
	}
	return pc.Close(ctx)
}

func pingConnect(ctx context.Context, dsn string) error {
	pc, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer pc.Close(ctx)
	return pc.Ping(ctx)
}

// PgConn.Exec -> *MultiResultReader: no error result; it keeps the
// connection locked until Close, or ReadAll, which closes it.

func touchExecLeaks(ctx context.Context, pc *pgconn.PgConn, dryRun bool) error {
	mrr := pc.Exec(ctx, touchUsers) // want `mrr \(\*pgconn\.MultiResultReader from pc\.Exec\) is not closed on every path: the return at line 46 leaks it`
	if dryRun {
		return nil // <- leaks mrr
	}
	_, err := mrr.ReadAll()
	return err
}

func touchExecReadAll(ctx context.Context, pc *pgconn.PgConn, dryRun bool) error {
	mrr := pc.Exec(ctx, touchUsers)
	if dryRun {
		return mrr.Close()
	}
	_, err := mrr.ReadAll()
	return err
}

func touchExecNextResult(ctx context.Context, pc *pgconn.PgConn) (int, error) {
	mrr := pc.Exec(ctx, touchUsers)
	defer mrr.Close()
	n := 0
	for mrr.NextResult() {
		if _, err := mrr.ResultReader().Close(); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func touchExecDiscardedLeaks(ctx context.Context, pc *pgconn.PgConn) {
	pc.Exec(ctx, touchUsers) // want `the \*pgconn\.MultiResultReader from pc\.Exec is discarded and never closed`
}

// PgConn.ExecParams -> *ResultReader: Close, or Read, which closes it.

func emailExecParamsLeaks(ctx context.Context, pc *pgconn.PgConn, id []byte) (string, error) {
	rr := pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil) // want `rr \(\*pgconn\.ResultReader from pc\.ExecParams\) is not closed on every path: the return at line 83 leaks it`
	if !rr.NextRow() {
		return "", errors.New("no such user") // <- leaks rr: NextRow returning false does not unlock
	}
	email := string(rr.Values()[0])
	if _, err := rr.Close(); err != nil {
		return "", err
	}
	return email, nil
}

func emailExecParams(ctx context.Context, pc *pgconn.PgConn, id []byte) (string, error) {
	rr := pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil)
	if !rr.NextRow() {
		_, err := rr.Close()
		return "", errors.Join(errors.New("no such user"), err)
	}
	email := string(rr.Values()[0])
	if _, err := rr.Close(); err != nil {
		return "", err
	}
	return email, nil
}

func emailExecParamsRead(ctx context.Context, pc *pgconn.PgConn, id []byte) (string, error) {
	res := pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil).Read()
	if res.Err != nil {
		return "", res.Err
	}
	if len(res.Rows) == 0 {
		return "", errors.New("no such user")
	}
	return string(res.Rows[0][0]), nil
}

// PgConn.ExecPrepared -> *ResultReader.

func emailExecPreparedLeaks(ctx context.Context, pc *pgconn.PgConn, ids [][]byte) error {
	for _, id := range ids {
		rr := pc.ExecPrepared(ctx, "email", [][]byte{id}, nil, nil) // want `rr\.Close is deferred inside a loop: every iteration's \*pgconn\.ResultReader from pc\.ExecPrepared stays held until the function returns`
		defer rr.Close()
		for rr.NextRow() {
		}
	}
	return nil
}

func emailExecPrepared(ctx context.Context, pc *pgconn.PgConn, ids [][]byte) error {
	for _, id := range ids {
		rr := pc.ExecPrepared(ctx, "email", [][]byte{id}, nil, nil)
		for rr.NextRow() {
		}
		if _, err := rr.Close(); err != nil {
			return err
		}
	}
	return nil
}

// ExecStatement and ExecBatch hand out readers the same way.

func emailExecStatementLeaks(ctx context.Context, pc *pgconn.PgConn, sd *pgconn.StatementDescription, id []byte) error {
	rr := pc.ExecStatement(ctx, sd, [][]byte{id}, nil, nil) // want `rr \(\*pgconn\.ResultReader from pc\.ExecStatement\) is not closed on every path: the return at line 145 leaks it`
	if len(sd.Fields) == 0 {
		return errors.New("no columns") // <- leaks rr
	}
	_, err := rr.Close()
	return err
}

func batchLeaks(ctx context.Context, pc *pgconn.PgConn, b *pgconn.Batch, check bool) error {
	mrr := pc.ExecBatch(ctx, b) // want `mrr \(\*pgconn\.MultiResultReader from pc\.ExecBatch\) is not closed on every path: the return at line 154 leaks it`
	if check {
		return nil // <- leaks mrr
	}
	_, err := mrr.ReadAll()
	return err
}

func batch(ctx context.Context, pc *pgconn.PgConn, b *pgconn.Batch) error {
	_, err := pc.ExecBatch(ctx, b).ReadAll()
	return err
}

// Handed over: returned to the caller, who must close it.

func startEmail(ctx context.Context, pc *pgconn.PgConn, id []byte) *pgconn.ResultReader {
	return pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil)
}

func emailWrappedLeaks(ctx context.Context, pc *pgconn.PgConn, id []byte) (string, error) {
	rr := startEmail(ctx, pc, id) // want `rr \(\*pgconn\.ResultReader from startEmail\) is not closed on every path: the return at line 174 leaks it`
	if !rr.NextRow() {
		return "", errors.New("no such user") // <- leaks rr
	}
	email := string(rr.Values()[0])
	_, err := rr.Close()
	return email, err
}

// pgx.RowsFromResultReader takes the reader over: the rows close it.

func emailRows(ctx context.Context, pc *pgconn.PgConn, m *pgtype.Map, id []byte) (string, error) {
	rr := pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil)
	rows := pgx.RowsFromResultReader(m, rr)
	return pgx.CollectExactlyOneRow(rows, pgx.RowTo[string])
}

func emailRowsLeaks(ctx context.Context, pc *pgconn.PgConn, m *pgtype.Map, id []byte) (string, error) {
	rr := pc.ExecParams(ctx, selectEmail, [][]byte{id}, nil, nil, nil)
	rows := pgx.RowsFromResultReader(m, rr) // want `rows \(pgx\.Rows from pgx\.RowsFromResultReader\) is not closed on every path: the return at line 199 leaks it`
	if !rows.Next() {
		return "", errors.New("no such user")
	}
	var email string
	if err := rows.Scan(&email); err != nil {
		return "", err
	}
	return email, nil // <- leaks rows
}

// A *PgConn of pgx's (*pgx.Conn).PgConn is the pgx.Conn's: nothing to
// close here.

func rawPID(conn *pgx.Conn) uint32 {
	pc := conn.PgConn()
	return pc.PID()
}

// A reader ends with its connection: Close of the *PgConn it locks gives
// it back.

func touchOnce(ctx context.Context, dsn string) error {
	pc, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer pc.Close(ctx)
	mrr := pc.Exec(ctx, touchUsers)
	if !mrr.NextResult() {
		return errors.New("no result")
	}
	return nil
}

// Hijack ends the *PgConn: the network connection is the caller's.

func hijackRaw(ctx context.Context, dsn string) (*pgconn.HijackedConn, error) {
	pc, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := pc.Ping(ctx); err != nil {
		pc.Close(ctx)
		return nil, err
	}
	return pc.Hijack()
}

func touchOnceLeaks(ctx context.Context, dsn string) error {
	pc, err := pgconn.ConnectWithOptions(ctx, dsn, pgconn.ParseConfigOptions{}) // want `pc \(\*pgconn\.PgConn from pgconn\.ConnectWithOptions\) is not closed on every path: the return at line 247 leaks it`
	if err != nil {
		return err
	}
	mrr := pc.Exec(ctx, touchUsers) // want `mrr \(\*pgconn\.MultiResultReader from pc\.Exec\) is not closed on every path: the return at line 247 leaks it`
	if !mrr.NextResult() {
		return errors.New("no result") // <- leaks pc and mrr
	}
	_, err = mrr.ReadAll()
	return errors.Join(err, pc.Close(ctx))
}
