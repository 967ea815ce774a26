package sqlx

import (
	"context"
	"database/sql"
)

func ConnectContext(ctx context.Context, driverName, dataSourceName string) (*DB, error) {
	panic("stub")
}

// QueryerContext is an interface used by GetContext and SelectContext.
type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

// PreparerContext is an interface used by PreparexContext.
type PreparerContext interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// ExecerContext is an interface used by MustExecContext and LoadFileContext.
type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

// ExtContext is a union interface which can bind, query, and exec, with Context.
type ExtContext interface {
	binder
	QueryerContext
	ExecerContext
}

func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func PreparexContext(ctx context.Context, p PreparerContext, query string) (*Stmt, error) {
	panic("stub")
}

func GetContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func LoadFileContext(ctx context.Context, e ExecerContext, path string) (*sql.Result, error) {
	panic("stub")
}

func MustExecContext(ctx context.Context, e ExecerContext, query string, args ...interface{}) sql.Result {
	panic("stub")
}

func (db *DB) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	panic("stub")
}

func (db *DB) NamedQueryContext(ctx context.Context, query string, arg interface{}) (*Rows, error) {
	panic("stub")
}

func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	panic("stub")
}

func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (db *DB) PreparexContext(ctx context.Context, query string) (*Stmt, error) { panic("stub") }

func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	panic("stub")
}

func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	panic("stub")
}

func (db *DB) MustBeginTx(ctx context.Context, opts *sql.TxOptions) *Tx { panic("stub") }

func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	panic("stub")
}

func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { panic("stub") }

func (db *DB) Connx(ctx context.Context) (*Conn, error) { panic("stub") }

func (c *Conn) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { panic("stub") }

func (c *Conn) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (c *Conn) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (c *Conn) PreparexContext(ctx context.Context, query string) (*Stmt, error) { panic("stub") }

func (c *Conn) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	panic("stub")
}

func (c *Conn) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	panic("stub")
}

func (c *Conn) Rebind(query string) string { panic("stub") }

func (tx *Tx) StmtxContext(ctx context.Context, stmt interface{}) *Stmt { panic("stub") }

func (tx *Tx) NamedStmtContext(ctx context.Context, stmt *NamedStmt) *NamedStmt { panic("stub") }

func (tx *Tx) PreparexContext(ctx context.Context, query string) (*Stmt, error) { panic("stub") }

func (tx *Tx) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	panic("stub")
}

func (tx *Tx) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	panic("stub")
}

func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	panic("stub")
}

func (tx *Tx) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	panic("stub")
}

func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	panic("stub")
}

func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	panic("stub")
}

func (s *Stmt) SelectContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	panic("stub")
}

func (s *Stmt) GetContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	panic("stub")
}

func (s *Stmt) MustExecContext(ctx context.Context, args ...interface{}) sql.Result { panic("stub") }

func (s *Stmt) QueryRowxContext(ctx context.Context, args ...interface{}) *Row { panic("stub") }

func (s *Stmt) QueryxContext(ctx context.Context, args ...interface{}) (*Rows, error) { panic("stub") }
