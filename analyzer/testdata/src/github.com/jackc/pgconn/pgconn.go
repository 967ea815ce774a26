// Package pgconn is a minimal stub of github.com/jackc/pgconn (v1, used by pgx v4) for analyzer tests.
package pgconn

import (
	"context"
	"time"
)

// CommandTag is the result of an Exec function.
type CommandTag []byte

func (ct CommandTag) RowsAffected() int64 { return 0 }
func (ct CommandTag) String() string      { return string(ct) }
func (ct CommandTag) Insert() bool        { return false }
func (ct CommandTag) Update() bool        { return false }
func (ct CommandTag) Delete() bool        { return false }
func (ct CommandTag) Select() bool        { return false }

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
}

type Notification struct {
	PID     uint32
	Channel string
	Payload string
}

// Config leaves out the real one's TLSConfig, DialFunc and LookupFunc,
// which no test uses: they would import crypto/tls and net, a hundred
// packages that every test run loads from source.
type Config struct {
	Host           string
	Port           uint16
	Database       string
	User           string
	Password       string
	ConnectTimeout time.Duration
	RuntimeParams  map[string]string
}

// PgError represents an error reported by the PostgreSQL server.
type PgError struct {
	Severity string
	Code     string
	Message  string
}

func (pe *PgError) Error() string {
	return pe.Severity + ": " + pe.Message + " (SQLSTATE " + pe.Code + ")"
}

// PgConn is a low-level PostgreSQL connection handle.
type PgConn struct {
	pid uint32
}

func (pgConn *PgConn) PID() uint32                     { return pgConn.pid }
func (pgConn *PgConn) Close(ctx context.Context) error { panic("stub") }
func (pgConn *PgConn) IsClosed() bool                  { panic("stub") }
