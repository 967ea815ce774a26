// Package tenant is the bottom of a three-package chain: it takes // want package:`ownership facts`
// connections out of per-tenant pools, and has helpers that release or only
// use them. Its facts tell its importers which is which.
package tenant

import (
	"context"
	"database/sql"
	"fmt"
	"io"
)

// Pools holds the master pool and one cached pool per tenant.
type Pools struct {
	master  *sql.DB
	tenants map[string]*sql.DB
}

// Conn takes a connection out of the tenant's pool: an acquirer.
func (p *Pools) Conn(ctx context.Context, key string) (*sql.Conn, error) { // want Conn:`acquires\[0\]`
	db, ok := p.tenants[key]
	if !ok {
		return nil, fmt.Errorf("unknown tenant %q", key)
	}
	return db.Conn(ctx)
}

// CloseQuietly releases whatever it is given: a releaser.
func CloseQuietly(c io.Closer) { // want CloseQuietly:`releases\[0\]`
	_ = c.Close()
}

// Ping only uses the connection: a borrower.
func Ping(ctx context.Context, c *sql.Conn) error { // want Ping:`borrows\[1\]`
	return c.PingContext(ctx)
}

// Finish releases the connection on every path.
func Finish(c *sql.Conn, err error) error { // want Finish:`releases\[0\]`
	if err != nil {
		c.Close()
		return err
	}
	return c.Close()
}

// Session owns a connection: it is a resource type itself.
type Session struct { // want Session:`owner\(Close\)`
	conn *sql.Conn
}

// NewSession hands out a fresh session: an acquirer.
func NewSession(ctx context.Context, db *sql.DB) (*Session, error) { // want NewSession:`acquires\[0\]`
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Session{conn: conn}, nil
}

// Exec uses the session.
func (s *Session) Exec(ctx context.Context, q string) error { // want Exec:`borrows\[0\]`
	_, err := s.conn.ExecContext(ctx, q)
	return err
}

// Close gives the connection back.
func (s *Session) Close() error { // want Close:`releases\[0\]`
	return s.conn.Close()
}
