package repo

import (
	"context"
	"fmt"

	"mt/db"
)

// OpenSession wraps db.OpenSession: an acquirer of an owning struct of
// another package.
func OpenSession(ctx context.Context, tenant string) (*db.Session, error) {
	s, err := db.OpenSession(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("session for %s: %w", tenant, err)
	}
	return s, nil
}

// Unit is the repository's unit of work: it owns a db.Session (an owning
// struct of another package) and closes it.
type Unit struct {
	sess    *db.Session
	actions []string
}

// NewUnit opens a unit of work for the tenant.
func NewUnit(ctx context.Context, tenant string) (*Unit, error) {
	s, err := db.OpenSession(ctx, tenant)
	if err != nil {
		return nil, err
	}
	return &Unit{sess: s}, nil
}

// Record writes an audit row in the unit's session.
func (u *Unit) Record(ctx context.Context, action string) error {
	u.actions = append(u.actions, action)
	return u.sess.Exec(ctx, "INSERT INTO audit (action) VALUES (?)", action)
}

// Close gives the session back.
func (u *Unit) Close() error {
	return u.sess.Close()
}

// TotalsLeaks forgets the unit when recording fails.
func (o *Orders) TotalsLeaks(ctx context.Context) (int64, error) {
	u, err := NewUnit(ctx, o.Tenant) // want `u \(\*Unit from NewUnit\) is not closed on every path: the return at line 54 leaks it`
	if err != nil {
		return 0, err
	}
	if err := u.Record(ctx, "totals"); err != nil {
		return 0, err
	}
	var total int64
	err = u.sess.QueryRow(ctx, "SELECT coalesce(sum(cents), 0) FROM orders").Scan(&total)
	u.Close()
	return total, err
}

// TotalsDeferClose closes the unit on every path.
func (o *Orders) TotalsDeferClose(ctx context.Context) (int64, error) {
	u, err := NewUnit(ctx, o.Tenant)
	if err != nil {
		return 0, err
	}
	defer u.Close()
	if err := u.Record(ctx, "totals"); err != nil {
		return 0, err
	}
	var total int64
	err = u.sess.QueryRow(ctx, "SELECT coalesce(sum(cents), 0) FROM orders").Scan(&total)
	return total, err
}
