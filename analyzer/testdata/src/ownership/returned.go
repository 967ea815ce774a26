package ownership

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 5: handing the value to the caller.

// openTenantConnReturned gives the connection to the caller on success and
// closes it on failure.
func (r *sessionRepo) openTenantConnReturned(ctx context.Context, tenant string) (*sql.Conn, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SET app.tenant = "+tenant); err != nil {
		conn.Close()
		return nil, fmt.Errorf("scope to %s: %w", tenant, err)
	}
	return conn, nil
}

// openTenantConnScopeFailureLeaks returns the error without closing.
func (r *sessionRepo) openTenantConnScopeFailureLeaks(ctx context.Context, tenant string) (*sql.Conn, error) {
	conn, err := r.db.Conn(ctx) // want `conn \(\*sql\.Conn from r\.db\.Conn\) is not closed on every path: the return at line 32 leaks it`
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SET app.tenant = "+tenant); err != nil {
		return nil, fmt.Errorf("scope to %s: %w", tenant, err)
	}
	return conn, nil
}

// beginUnitOfWorkReturnsStruct returns the transaction inside a struct.
func (r *sessionRepo) beginUnitOfWorkReturnsStruct(ctx context.Context, actor string) (*unitOfWork, error) {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT set_config('app.actor', $1, true)`, actor); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("set actor: %w", err)
	}
	return &unitOfWork{tx: tx, startedBy: actor}, nil
}

// beginUnitOfWorkActorFailureLeaks returns before the struct exists.
func (r *sessionRepo) beginUnitOfWorkActorFailureLeaks(ctx context.Context, actor string) (*unitOfWork, error) {
	tx, err := r.db.BeginTx(ctx, nil) // want `tx \(\*sql\.Tx from r\.db\.BeginTx\) is not committed or rolled back on every path: the return at line 57 leaks it`
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT set_config('app.actor', $1, true)`, actor); err != nil {
		return nil, fmt.Errorf("set actor: %w", err)
	}
	return &unitOfWork{tx: tx, startedBy: actor}, nil
}

// openSessionPartialReturnLeaks builds the session early but returns it only
// on the success path; the read-only failure path leaks the connection.
func (r *sessionRepo) openSessionPartialReturnLeaks(ctx context.Context, tenant string, readOnly bool) (*session, error) {
	conn, err := r.db.Conn(ctx) // want `conn \(\*sql\.Conn from r\.db\.Conn\) is not closed on every path: the return at line 72 leaks it`
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	s := &session{conn: conn, tenant: tenant}
	if readOnly {
		if _, err := conn.ExecContext(ctx, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"); err != nil {
			return nil, fmt.Errorf("read-only session: %w", err)
		}
	}
	return s, nil
}

// openSessionPartialReturnCloses closes on the path that does not return the
// session.
func (r *sessionRepo) openSessionPartialReturnCloses(ctx context.Context, tenant string, readOnly bool) (*session, error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("checkout: %w", err)
	}
	s := &session{conn: conn, tenant: tenant}
	if readOnly {
		if _, err := conn.ExecContext(ctx, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"); err != nil {
			conn.Close()
			return nil, fmt.Errorf("read-only session: %w", err)
		}
	}
	return s, nil
}
