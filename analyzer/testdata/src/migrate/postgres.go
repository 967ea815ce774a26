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
func WithInstance(instance *sql.DB, config *Config) (*Postgres, error) {
	ctx := context.Background()
	if err := instance.Ping(); err != nil {
		return nil, err
	}
	conn, err := instance.Conn(ctx) // want `conn \(\*sql\.Conn from instance\.Conn\) is not closed on every path: the return at line 78 leaks it`
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
func WithInstanceFixed(instance *sql.DB, config *Config) (*Postgres, error) {
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

func (p *Postgres) ensureVersionTable(ctx context.Context) error {
	_, err := p.conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+p.config.MigrationsTable+" (version bigint)")
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
