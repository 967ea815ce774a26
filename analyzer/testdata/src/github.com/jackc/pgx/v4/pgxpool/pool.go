// Package pgxpool is a minimal stub of github.com/jackc/pgx/v4/pgxpool for analyzer tests.
// Exported signatures mirror v4.18.3; bodies are placeholders.
package pgxpool

import (
	"context"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

// Pool allows for connection reuse.
type Pool struct {
	config *Config
}

// Config is the configuration struct for creating a pool.
type Config struct {
	ConnConfig *pgx.ConnConfig

	BeforeConnect func(context.Context, *pgx.ConnConfig) error
	AfterConnect  func(context.Context, *pgx.Conn) error
	BeforeAcquire func(context.Context, *pgx.Conn) bool
	AfterRelease  func(*pgx.Conn) bool

	MaxConnLifetime       time.Duration
	MaxConnLifetimeJitter time.Duration
	MaxConnIdleTime       time.Duration
	MaxConns              int32
	MinConns              int32
	HealthCheckPeriod     time.Duration
	LazyConnect           bool

	createdByParseConfig bool
}

func (c *Config) Copy() *Config {
	newConfig := new(Config)
	*newConfig = *c
	return newConfig
}

func (c *Config) ConnString() string { return c.ConnConfig.ConnString() }

func Connect(ctx context.Context, connString string) (*Pool, error) { panic("stub") }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stub") }

func ParseConfig(connString string) (*Config, error) { panic("stub") }

func (p *Pool) Close() {}

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { panic("stub") }

func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { panic("stub") }

func (p *Pool) AcquireAllIdle(ctx context.Context) []*Conn { panic("stub") }

func (p *Pool) Config() *Config { return p.config.Copy() }

func (p *Pool) Stat() *Stat { panic("stub") }

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...interface{}) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) Query(ctx context.Context, sql string, args ...interface{}) (pgx.Rows, error) {
	panic("stub")
}

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...interface{}) pgx.Row { panic("stub") }

func (p *Pool) QueryFunc(ctx context.Context, sql string, args []interface{}, scans []interface{}, f func(pgx.QueryFuncRow) error) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }

func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

// BeginTx is pgx v4.5.0's (pool.go), which leaks the pooled connection
// when BeginTx fails (jackc/pgx#712, fixed in v4.8.1): connrelease analyses
// the packages of its catalog too (the suite of this package, suites_test.go).
func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) {
	c, err := p.Acquire(ctx) // want `c \(\*Conn from p\.Acquire\) is not released on every path: the return at line 92 leaks it`
	if err != nil {
		return nil, err
	}
	t, err := c.BeginTx(ctx, txOptions)
	if err != nil {
		return nil, err
	}
	return &Tx{t: t, c: c}, nil
}

// beginTxFixed is the same method in v4.8.1: released where BeginTx fails.
func (p *Pool) beginTxFixed(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) {
	c, err := p.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	t, err := c.BeginTx(ctx, txOptions)
	if err != nil {
		c.Release()
		return nil, err
	}
	return &Tx{t: t, c: c}, nil
}

func (p *Pool) BeginFunc(ctx context.Context, f func(pgx.Tx) error) error { panic("stub") }

func (p *Pool) BeginTxFunc(ctx context.Context, txOptions pgx.TxOptions, f func(pgx.Tx) error) error {
	panic("stub")
}

func (p *Pool) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (p *Pool) Ping(ctx context.Context) error { panic("stub") }
