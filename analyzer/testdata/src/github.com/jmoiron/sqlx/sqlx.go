// Package sqlx is a minimal stub of github.com/jmoiron/sqlx for analyzer tests.
// Exported signatures and embedding mirror v1.4.0; bodies are placeholders.
package sqlx

import (
	"database/sql"

	"github.com/jmoiron/sqlx/reflectx"
)

// Bindvar types supported by Rebind, BindMap and BindStruct.
const (
	UNKNOWN = iota
	QUESTION
	DOLLAR
	NAMED
	AT
)

func BindType(driverName string) int { panic("stub") }

func BindDriver(driverName string, bindType int) {}

func Rebind(bindType int, query string) string { panic("stub") }

func In(query string, args ...interface{}) (string, []interface{}, error) { panic("stub") }

// ColScanner is an interface used by MapScan and SliceScan.
type ColScanner interface {
	Columns() ([]string, error)
	Scan(dest ...interface{}) error
	Err() error
}

// Queryer is an interface used by Get and Select.
type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

// Execer is an interface used by MustExec and LoadFile.
type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

// Ext is a union interface which can bind, query, and exec, used by NamedQuery and NamedExec.
type Ext interface {
	binder
	Queryer
	Execer
}

// Preparer is an interface used by Preparex.
type Preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

// Row is a reimplementation of sql.Row in order to gain access to the underlying sql.Rows.Columns() data.
type Row struct {
	err    error
	unsafe bool
	rows   *sql.Rows
	Mapper *reflectx.Mapper
}

func (r *Row) Scan(dest ...interface{}) error            { panic("stub") }
func (r *Row) Columns() ([]string, error)                { panic("stub") }
func (r *Row) ColumnTypes() ([]*sql.ColumnType, error)   { panic("stub") }
func (r *Row) Err() error                                { return r.err }
func (r *Row) SliceScan() ([]interface{}, error)         { panic("stub") }
func (r *Row) MapScan(dest map[string]interface{}) error { panic("stub") }
func (r *Row) StructScan(dest interface{}) error         { panic("stub") }

// DB is a wrapper around sql.DB which keeps track of the driverName upon Open.
type DB struct {
	*sql.DB
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

func NewDb(db *sql.DB, driverName string) *DB { return &DB{DB: db, driverName: driverName} }

func (db *DB) DriverName() string { return db.driverName }

func Open(driverName, dataSourceName string) (*DB, error) { panic("stub") }

func MustOpen(driverName, dataSourceName string) *DB { panic("stub") }

func (db *DB) MapperFunc(mf func(string) string) {}

func (db *DB) Rebind(query string) string { panic("stub") }

func (db *DB) Unsafe() *DB { panic("stub") }

func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error) { panic("stub") }

func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { panic("stub") }

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (db *DB) MustBegin() *Tx { panic("stub") }

func (db *DB) Beginx() (*Tx, error) { panic("stub") }

func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) { panic("stub") }

func (db *DB) QueryRowx(query string, args ...interface{}) *Row { panic("stub") }

func (db *DB) MustExec(query string, args ...interface{}) sql.Result { panic("stub") }

func (db *DB) Preparex(query string) (*Stmt, error) { panic("stub") }

func (db *DB) PrepareNamed(query string) (*NamedStmt, error) { panic("stub") }

// Conn is a wrapper around sql.Conn with extra functionality.
type Conn struct {
	*sql.Conn
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

// Tx is an sqlx wrapper around sql.Tx with extra functionality.
type Tx struct {
	*sql.Tx
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

func (tx *Tx) DriverName() string { return tx.driverName }

func (tx *Tx) Rebind(query string) string { panic("stub") }

func (tx *Tx) Unsafe() *Tx { panic("stub") }

func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) { panic("stub") }

func (tx *Tx) NamedQuery(query string, arg interface{}) (*Rows, error) { panic("stub") }

func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) { panic("stub") }

func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error) { panic("stub") }

func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row { panic("stub") }

func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error { panic("stub") }

func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result { panic("stub") }

func (tx *Tx) Preparex(query string) (*Stmt, error) { panic("stub") }

func (tx *Tx) Stmtx(stmt interface{}) *Stmt { panic("stub") }

func (tx *Tx) NamedStmt(stmt *NamedStmt) *NamedStmt { panic("stub") }

func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error) { panic("stub") }

// Stmt is an sqlx wrapper around sql.Stmt with extra functionality.
type Stmt struct {
	*sql.Stmt
	unsafe bool
	Mapper *reflectx.Mapper
}

func (s *Stmt) Unsafe() *Stmt { panic("stub") }

func (s *Stmt) Select(dest interface{}, args ...interface{}) error { panic("stub") }

func (s *Stmt) Get(dest interface{}, args ...interface{}) error { panic("stub") }

func (s *Stmt) MustExec(args ...interface{}) sql.Result { panic("stub") }

func (s *Stmt) QueryRowx(args ...interface{}) *Row { panic("stub") }

func (s *Stmt) Queryx(args ...interface{}) (*Rows, error) { panic("stub") }

// Rows is a wrapper around sql.Rows which caches costly reflect operations during a looped StructScan.
type Rows struct {
	*sql.Rows
	unsafe bool
	Mapper *reflectx.Mapper

	started bool
	fields  [][]int
	values  []interface{}
}

func (r *Rows) SliceScan() ([]interface{}, error) { panic("stub") }

func (r *Rows) MapScan(dest map[string]interface{}) error { panic("stub") }

func (r *Rows) StructScan(dest interface{}) error { panic("stub") }

func Connect(driverName, dataSourceName string) (*DB, error) { panic("stub") }

func MustConnect(driverName, dataSourceName string) *DB { panic("stub") }

func Preparex(p Preparer, query string) (*Stmt, error) { panic("stub") }

func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { panic("stub") }

func Get(q Queryer, dest interface{}, query string, args ...interface{}) error { panic("stub") }

func LoadFile(e Execer, path string) (*sql.Result, error) { panic("stub") }

func MustExec(e Execer, query string, args ...interface{}) sql.Result { panic("stub") }

func SliceScan(r ColScanner) ([]interface{}, error) { panic("stub") }

func MapScan(r ColScanner, dest map[string]interface{}) error { panic("stub") }

type rowsi interface {
	Close() error
	Columns() ([]string, error)
	Err() error
	Next() bool
	Scan(...interface{}) error
}

// StructScan all rows from an sql.Rows or an sqlx.Rows into the dest slice.
// StructScan will scan in the entire rows result, so if you do not want to
// allocate structs for the entire result, use Queryx and see sqlx.Rows.StructScan.
// If rows is sqlx.Rows, it will use its mapper, otherwise it will use the default.
func StructScan(rows rowsi, dest interface{}) error { panic("stub") }
