//go:build dbservers

package cases

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
)

// PgConnExecEarlyReturnLeaks touches the items over the simple protocol and
// returns on a dry run without reading or closing the results: the
// connection stays locked, and every later call on it fails with "conn
// busy".
func PgConnExecEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	mrr := d.PgConn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = 1; SELECT count(*) FROM oracle_items")
	if in.DryRun {
		return nil // path: dry-run
	}
	_, err := mrr.ReadAll()
	return err // path: done
}

// PgConnExecReadAll closes the results on the dry run too.
func PgConnExecReadAll(ctx context.Context, d Deps, in Input) error {
	mrr := d.PgConn.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = 1; SELECT count(*) FROM oracle_items")
	if in.DryRun {
		return mrr.Close() // path: dry-run
	}
	_, err := mrr.ReadAll()
	return err // path: done
}

// PgConnExecParamsNoRowLeaks looks an item up over the extended protocol
// and returns when there is no row: NextRow returning false does not give
// the connection back, only Close does.
func PgConnExecParamsNoRowLeaks(ctx context.Context, d Deps, in Input) error {
	rr := d.PgConn.ExecParams(ctx, "SELECT name FROM oracle_items WHERE id = $1",
		[][]byte{[]byte(strconv.FormatInt(in.ItemID, 10))}, nil, nil, nil)
	if !rr.NextRow() {
		return ErrNotFound // path: not-found
	}
	if string(rr.Values()[0]) != in.Name {
		rr.Close()
		return ErrInvalid // path: other-name
	}
	_, err := rr.Close()
	return err // path: done
}

// PgConnExecParamsRead reads the whole result: Read closes it.
func PgConnExecParamsRead(ctx context.Context, d Deps, in Input) error {
	res := d.PgConn.ExecParams(ctx, "SELECT name FROM oracle_items WHERE id = $1",
		[][]byte{[]byte(strconv.FormatInt(in.ItemID, 10))}, nil, nil, nil).Read()
	if res.Err != nil {
		return res.Err // path: failed
	}
	if len(res.Rows) == 0 {
		return ErrNotFound // path: not-found
	}
	return nil // path: done
}

// PgConnExecParamsDeferClose defers the Close; a failed query closes
// without harm, and a second Close does nothing.
func PgConnExecParamsDeferClose(ctx context.Context, d Deps, in Input) error {
	rr := d.PgConn.ExecParams(ctx, "UPDATE oracle_items SET qty = qty + $1 WHERE id = $2",
		[][]byte{[]byte(strconv.FormatInt(in.Amount, 10)), []byte(strconv.FormatInt(in.ItemID, 10))}, nil, nil, nil)
	defer rr.Close()
	tag, err := rr.Close()
	if err != nil {
		return err // path: failed
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound // path: not-found
	}
	return nil // path: done
}

// PgConnConnectEarlyReturnLeaks opens a raw connection of its own and
// returns early on an invalid request without closing it.
func PgConnConnectEarlyReturnLeaks(ctx context.Context, d Deps, in Input) error {
	pc, err := pgconn.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = pc.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = "+strconv.FormatInt(in.ItemID, 10)).ReadAll()
	return errors.Join(err, pc.Close(ctx)) // path: done
}

// PgConnConnectDeferClose defers the Close.
func PgConnConnectDeferClose(ctx context.Context, d Deps, in Input) error {
	pc, err := pgconn.Connect(ctx, d.PGDSN)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer pc.Close(ctx)
	if in.ItemID <= 0 {
		return ErrInvalid // path: invalid
	}
	_, err = pc.Exec(ctx, "UPDATE oracle_items SET qty = qty + 1 WHERE id = "+strconv.FormatInt(in.ItemID, 10)).ReadAll()
	return err // path: done
}
