// Package pgx is a minimal stub of github.com/jackc/pgx/v4 for analyzer tests.
// Exported signatures mirror v4.18.3; bodies are placeholders.
package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgtype"
)

// ErrNoRows occurs when rows are expected but none are returned.
var ErrNoRows = errors.New("no rows in result set")

// ErrTxClosed occurs when Commit or Rollback is called on a closed transaction.
var ErrTxClosed = errors.New("tx is closed")

// ErrTxCommitRollback occurs when an error has occurred in a transaction and Commit() is called.
var ErrTxCommitRollback = errors.New("commit unexpectedly resulted in rollback")

// LogLevel represents the pgx logging level.
type LogLevel int

const (
	LogLevelTrace = 6
	LogLevelDebug = 5
	LogLevelInfo  = 4
	LogLevelWarn  = 3
	LogLevelError = 2
	LogLevelNone  = 1
)

// Logger is the interface used to get logging from pgx internals.
type Logger interface {
	Log(ctx context.Context, level LogLevel, msg string, data map[string]interface{})
}

// ConnConfig contains all the options used to establish a connection.
type ConnConfig struct {
	pgconn.Config
	Logger   Logger
	LogLevel LogLevel

	connString string

	PreferSimpleProtocol bool

	createdByParseConfig bool
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

func Connect(ctx context.Context, connString string) (*Conn, error) { panic("stub") }

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { panic("stub") }

func ParseConfig(connString string) (*ConnConfig, error) { panic("stub") }

func (c *Conn) Close(ctx context.Context) error { panic("stub") }

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	panic("stub")
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { panic("stub") }

func (c *Conn) WaitForNotification(ctx context.Context) (*pgconn.Notification, error) { panic("stub") }

func (c *Conn) IsClosed() bool { panic("stub") }

func (c *Conn) Ping(ctx context.Context) error { panic("stub") }

func (c *Conn) PgConn() *pgconn.PgConn { return c.pgConn }

func (c *Conn) ConnInfo() *pgtype.ConnInfo { panic("stub") }

func (c *Conn) Config() *ConnConfig { return c.config.Copy() }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	panic("stub")
}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { panic("stub") }

func (c *Conn) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { panic("stub") }

func (c *Conn) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	panic("stub")
}
