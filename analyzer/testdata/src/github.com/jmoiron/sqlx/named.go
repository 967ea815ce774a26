package sqlx

import (
	"context"
	"database/sql"
)

// NamedStmt is a prepared statement that executes named queries.
type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

// Close closes the named statement.
func (n *NamedStmt) Close() error { return n.Stmt.Close() }

func (n *NamedStmt) Exec(arg interface{}) (sql.Result, error) { panic("stub") }

func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error) { panic("stub") }

func (n *NamedStmt) QueryRow(arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) MustExec(arg interface{}) sql.Result { panic("stub") }

func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error) { panic("stub") }

func (n *NamedStmt) QueryRowx(arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) Select(dest interface{}, arg interface{}) error { panic("stub") }

func (n *NamedStmt) Get(dest interface{}, arg interface{}) error { panic("stub") }

func (n *NamedStmt) Unsafe() *NamedStmt { panic("stub") }

func (n *NamedStmt) ExecContext(ctx context.Context, arg interface{}) (sql.Result, error) {
	panic("stub")
}

func (n *NamedStmt) QueryContext(ctx context.Context, arg interface{}) (*sql.Rows, error) {
	panic("stub")
}

func (n *NamedStmt) QueryRowContext(ctx context.Context, arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) MustExecContext(ctx context.Context, arg interface{}) sql.Result { panic("stub") }

func (n *NamedStmt) QueryxContext(ctx context.Context, arg interface{}) (*Rows, error) {
	panic("stub")
}

func (n *NamedStmt) QueryRowxContext(ctx context.Context, arg interface{}) *Row { panic("stub") }

func (n *NamedStmt) SelectContext(ctx context.Context, dest interface{}, arg interface{}) error {
	panic("stub")
}

func (n *NamedStmt) GetContext(ctx context.Context, dest interface{}, arg interface{}) error {
	panic("stub")
}

func BindNamed(bindType int, query string, arg interface{}) (string, []interface{}, error) {
	panic("stub")
}

func Named(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

// NamedQuery binds a named query and then runs Query on the result using the provided Ext.
func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) { panic("stub") }

// NamedExec uses BindStruct to get a query executable by the driver and then runs Exec on the result.
func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error) { panic("stub") }

// NamedQueryContext binds a named query and then runs Query on the result using the provided Ext.
func NamedQueryContext(ctx context.Context, e ExtContext, query string, arg interface{}) (*Rows, error) {
	panic("stub")
}

// NamedExecContext uses BindStruct to get a query executable by the driver and then runs Exec on the result.
func NamedExecContext(ctx context.Context, e ExtContext, query string, arg interface{}) (sql.Result, error) {
	panic("stub")
}
