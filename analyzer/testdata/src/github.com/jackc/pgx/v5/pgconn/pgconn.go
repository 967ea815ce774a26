// Package pgconn is a minimal stub of github.com/jackc/pgx/v5/pgconn for analyzer tests.
package pgconn

import (
	"context"
	"time"
)

// CommandTag is the status text returned by PostgreSQL for a query.
type CommandTag struct {
	s string
}

// NewCommandTag makes a CommandTag from s.
func NewCommandTag(s string) CommandTag { return CommandTag{s: s} }

func (ct CommandTag) RowsAffected() int64 { return 0 }
func (ct CommandTag) String() string      { return ct.s }
func (ct CommandTag) Insert() bool        { return false }
func (ct CommandTag) Update() bool        { return false }
func (ct CommandTag) Delete() bool        { return false }
func (ct CommandTag) Select() bool        { return false }

type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}

type StatementDescription struct {
	Name      string
	SQL       string
	ParamOIDs []uint32
	Fields    []FieldDescription
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

type ParseConfigOptions struct {
	GetSSLPassword func(ctx context.Context) string
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

func (pgConn *PgConn) PID() uint32                       { return pgConn.pid }
func (pgConn *PgConn) Close(ctx context.Context) error   { panic("stub") }
func (pgConn *PgConn) IsClosed() bool                    { panic("stub") }
func (pgConn *PgConn) Ping(ctx context.Context) error    { panic("stub") }
func (pgConn *PgConn) ParameterStatus(key string) string { panic("stub") }

// Connect establishes a connection to a PostgreSQL server.
func Connect(ctx context.Context, connString string) (*PgConn, error) { panic("stub") }

// Exec executes SQL via the simple query protocol.
func (pgConn *PgConn) Exec(ctx context.Context, sql string) *MultiResultReader { panic("stub") }

// ExecParams executes a command via the extended query protocol.
func (pgConn *PgConn) ExecParams(ctx context.Context, sql string, paramValues [][]byte, paramOIDs []uint32, paramFormats, resultFormats []int16) *ResultReader {
	panic("stub")
}

// Result is the saved query response that is returned by calling Read on a ResultReader.
type Result struct {
	FieldDescriptions []FieldDescription
	Rows              [][][]byte
	CommandTag        CommandTag
	Err               error
}

// MultiResultReader is a reader for a command that could return multiple results.
type MultiResultReader struct{ closed bool }

func (mrr *MultiResultReader) ReadAll() ([]*Result, error) { panic("stub") }
func (mrr *MultiResultReader) NextResult() bool            { panic("stub") }
func (mrr *MultiResultReader) ResultReader() *ResultReader { panic("stub") }
func (mrr *MultiResultReader) Close() error                { panic("stub") }

// ResultReader is a reader for the result of a single query.
type ResultReader struct{ closed bool }

func (rr *ResultReader) Read() *Result              { panic("stub") }
func (rr *ResultReader) NextRow() bool              { panic("stub") }
func (rr *ResultReader) Values() [][]byte           { panic("stub") }
func (rr *ResultReader) Close() (CommandTag, error) { panic("stub") }
