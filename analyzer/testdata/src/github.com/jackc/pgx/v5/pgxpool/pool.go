// Package pgxpool is a minimal stub of github.com/jackc/pgx/v5/pgxpool for analyzer tests.
// Exported signatures mirror v5.12.0; bodies are placeholders.
package pgxpool

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Pool allows for connection reuse.
type Pool struct {
	config *Config
}

// ShouldPingParams are the parameters passed to ShouldPing.
type ShouldPingParams struct {
	Conn         *pgx.Conn
	IdleDuration time.Duration
}

// Config is the configuration struct for creating a pool.
type Config struct {
	ConnConfig *pgx.ConnConfig

	BeforeConnect func(context.Context, *pgx.ConnConfig) error
	AfterConnect  func(context.Context, *pgx.Conn) error
	BeforeAcquire func(context.Context, *pgx.Conn) bool
	PrepareConn   func(context.Context, *pgx.Conn) (bool, error)
	AfterRelease  func(*pgx.Conn) bool
	BeforeClose   func(*pgx.Conn)
	ShouldPing    func(context.Context, ShouldPingParams) bool

	MaxConnLifetime       time.Duration
	MaxConnLifetimeJitter time.Duration
	MaxConnIdleTime       time.Duration
	PingTimeout           time.Duration
	MaxConns              int32
	MinConns              int32
	MinIdleConns          int32
	HealthCheckPeriod     time.Duration

	createdByParseConfig bool
}

func (c *Config) Copy() *Config {
	newConfig := new(Config)
	*newConfig = *c
	return newConfig
}

func (c *Config) ConnString() string { return c.ConnConfig.ConnString() }

func New(ctx context.Context, connString string) (*Pool, error) { panic("stub") }

func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stub") }

func ParseConfig(connString string) (*Config, error) { panic("stub") }

func (p *Pool) Close() {}

func (p *Pool) Acquire(ctx context.Context) (c *Conn, err error) { panic("stub") }

// AcquireFunc acquires a *Conn and calls f with that *Conn. The *Conn is released after f returns.
func (p *Pool) AcquireFunc(ctx context.Context, f func(*Conn) error) error { panic("stub") }

func (p *Pool) AcquireAllIdle(ctx context.Context) []*Conn { panic("stub") }

func (p *Pool) Reset() {}

func (p *Pool) Config() *Config { return p.config.Copy() }

func (p *Pool) Stat() *Stat { panic("stub") }

func (p *Pool) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	panic("stub")
}

func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { panic("stub") }

func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { panic("stub") }

func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { panic("stub") }

func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { panic("stub") }

func (p *Pool) BeginTx(ctx context.Context, txOptions pgx.TxOptions) (pgx.Tx, error) { panic("stub") }

func (p *Pool) CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error) {
	panic("stub")
}

func (p *Pool) Ping(ctx context.Context) error { panic("stub") }
