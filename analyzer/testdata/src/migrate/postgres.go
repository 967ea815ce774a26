// Package migrate has the shape of golang-migrate v4.20.1's postgres driver:
// WithInstance takes a connection and hands it to WithConnection, which
// keeps it only when it succeeds (upstream issue 1366). When a setup step
// fails, WithInstance returns without closing the connection.
package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

var (
	ErrNilConfig      = fmt.Errorf("no config")
	ErrNoDatabaseName = errors.New("no database name")
)

// Error is a driver error with the query that failed.
type Error struct {
	OrigErr error
	Query   []byte
}

func (e *Error) Error() string { return fmt.Sprintf("%v in %s", e.OrigErr, e.Query) }

type Config struct {
	DatabaseName    string
	MigrationsTable string
}

// Driver is golang-migrate's database.Driver, in part: an interface of the
// program that is given back with Close, so a resource type itself.
type Driver interface {
	Open(url string) (Driver, error)
	Close() error
}

// Postgres owns its connection: Close gives it back.
type Postgres struct {
	conn   *sql.Conn
	db     *sql.DB
	config *Config
}

// WithConnection keeps conn in the driver only when it succeeds.
func WithConnection(ctx context.Context, conn *sql.Conn, config *Config) (*Postgres, error) {
	if config == nil {
		return nil, ErrNilConfig
	}
	if err := conn.PingContext(ctx); err != nil {
		return nil, err
	}
	if config.DatabaseName == "" {
		query := `SELECT CURRENT_DATABASE()`
		var databaseName string
		if err := conn.QueryRowContext(ctx, query).Scan(&databaseName); err != nil {
			return nil, &Error{OrigErr: err, Query: []byte(query)}
		}
		if len(databaseName) == 0 {
			return nil, ErrNoDatabaseName
		}
		config.DatabaseName = databaseName
	}
	px := &Postgres{conn: conn, config: config}
	if err := px.ensureVersionTable(ctx); err != nil {
		return nil, err
	}
	return px, nil
}

// WithInstance is the leak of upstream issue 1366: the connection is not
// closed when WithConnection fails.
func WithInstance(instance *sql.DB, config *Config) (Driver, error) {
	ctx := context.Background()
	if err := instance.Ping(); err != nil {
		return nil, err
	}
	conn, err := instance.Conn(ctx) // want `conn \(\*sql\.Conn from instance\.Conn\) is not closed on every path: the return at line 85 leaks it`
	if err != nil {
		return nil, err
	}
	px, err := WithConnection(ctx, conn, config)
	if err != nil {
		return nil, err
	}
	px.db = instance
	return px, nil
}

// WithInstanceFixed closes the connection when WithConnection fails.
func WithInstanceFixed(instance *sql.DB, config *Config) (Driver, error) {
	ctx := context.Background()
	conn, err := instance.Conn(ctx)
	if err != nil {
		return nil, err
	}
	px, err := WithConnection(ctx, conn, config)
	if err != nil {
		conn.Close()
		return nil, err
	}
	px.db = instance
	return px, nil
}

// Open opens a pool and a driver over it, as upstream's does: judging it
// asks for WithInstance's fact, and so for WithConnection's and
// ensureVersionTable's, before *Postgres is known to own its connection.
// Facts computed then are computed again once the owners are known.
// WithInstance keeps the pool only where it succeeds: where it fails, the
// pool is dropped, as in upstream's drivers.
func (p *Postgres) Open(url string) (Driver, error) {
	db, err := sql.Open("postgres", url) // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 118 leaks it`
	if err != nil {
		return nil, err
	}
	return WithInstance(db, &Config{})
}

// ensureVersionTable locks, as upstream's does, and unlocks in a deferred
// closure that joins the errors.
func (p *Postgres) ensureVersionTable(ctx context.Context) (err error) {
	if err = p.Lock(); err != nil {
		return err
	}
	defer func() {
		if e := p.Unlock(); e != nil {
			err = errors.Join(err, e)
		}
	}()
	_, err = p.conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+p.config.MigrationsTable+" (version bigint)")
	return err
}

// Lock takes the advisory lock.
func (p *Postgres) Lock() error {
	_, err := p.conn.ExecContext(context.Background(), "SELECT pg_advisory_lock(1)")
	return err
}

// Unlock gives the advisory lock back.
func (p *Postgres) Unlock() error {
	_, err := p.conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock(1)")
	return err
}

// Close gives the connection back.
func (p *Postgres) Close() error {
	connErr := p.conn.Close()
	var dbErr error
	if p.db != nil {
		dbErr = p.db.Close()
	}
	if connErr != nil || dbErr != nil {
		return fmt.Errorf("conn: %v, db: %v", connErr, dbErr)
	}
	return nil
}
