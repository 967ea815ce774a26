// Package pgx is a minimal stub of github.com/jackc/pgx/v5 for analyzer tests.
// Exported signatures mirror v5.12.0; bodies are placeholders.
package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// ErrNoRows occurs when rows are expected but none are returned.
var ErrNoRows = errors.New("no rows in result set")

// ErrTooManyRows occurs when more rows than expected are returned.
var ErrTooManyRows = errors.New("too many rows in result set")

// ErrTxClosed occurs when Commit or Rollback is called on a closed transaction.
var ErrTxClosed = errors.New("tx is closed")

// QueryTracer traces Query, QueryRow, and Exec.
type QueryTracer interface {
	TraceQueryStart(ctx context.Context, conn *Conn, data TraceQueryStartData) context.Context
	TraceQueryEnd(ctx context.Context, conn *Conn, data TraceQueryEndData)
}

type TraceQueryStartData struct {
	SQL  string
	Args []any
}

type TraceQueryEndData struct {
	CommandTag pgconn.CommandTag
	Err        error
}

// QueryExecMode controls how a query is executed.
type QueryExecMode int32

const (
	_ QueryExecMode = iota
	QueryExecModeCacheStatement
	QueryExecModeCacheDescribe
	QueryExecModeDescribeExec
	QueryExecModeExec
	QueryExecModeSimpleProtocol
)

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct {
	pgconn.Config

	Tracer QueryTracer

	connString string

	StatementCacheCapacity   int
	DescriptionCacheCapacity int
	DefaultQueryExecMode     QueryExecMode

	createdByParseConfig bool
}

// ParseConfigOptions contains options that control how a config is built.
type ParseConfigOptions struct {
	pgconn.ParseConfigOptions
}

func (cc *ConnConfig) Copy() *ConnConfig {
	newConfig := new(ConnConfig)
	*newConfig = *cc
	return newConfig
}

func (cc *ConnConfig) ConnString() string { return cc.connString }

// Conn is a PostgreSQL connection handle. It is not safe for concurrent usage.
type Conn struct {
	pgConn *pgconn.PgConn
	config *ConnConfig
}

// Identifier a PostgreSQL identifier or name.
type Identifier []string

func (ident Identifier) Sanitize() string { panic("stub") }

// NamedArgs can be used as the first argument to a query method.
type NamedArgs map[string]any

// StrictNamedArgs can be used in the same way as NamedArgs, but provided arguments are also checked.
type StrictNamedArgs map[string]any

func Connect(ctx context.Context, connString string) (*Conn, error) { panic("stub") }

func ConnectWithOptions(ctx context.Context, connString string, options ParseConfigOptions) (*Conn, error) {
	panic("stub")
}

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { panic("stub") }

func ParseConfigWithOptions(connString string, options ParseConfigOptions) (*ConnConfig, error) {
	panic("stub")
}

func ParseConfig(connString string) (*ConnConfig, error) { panic("stub") }

func (c *Conn) Close(ctx context.Context) error { panic("stub") }

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	panic("stub")
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { panic("stub") }

func (c *Conn) DeallocateAll(ctx context.Context) error { panic("stub") }

func (c *Conn) WaitForNotification(ctx context.Context) (*pgconn.Notification, error) { panic("stub") }

func (c *Conn) IsClosed() bool { panic("stub") }

func (c *Conn) Ping(ctx context.Context) error { panic("stub") }

func (c *Conn) PgConn() *pgconn.PgConn { return c.pgConn }

func (c *Conn) TypeMap() *pgtype.Map { panic("stub") }

func (c *Conn) Config() *ConnConfig { return c.config.Copy() }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { panic("stub") }

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { panic("stub") }

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { panic("stub") }

func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	panic("stub")
}

func (c *Conn) LoadType(ctx context.Context, typeName string) (*pgtype.Type, error) { panic("stub") }
