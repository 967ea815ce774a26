// Package pgtype is a minimal stub of github.com/jackc/pgx/v5/pgtype for analyzer tests.
package pgtype

// Map is the mapping between PostgreSQL server types and Go type handling logic.
type Map struct {
	oidToType map[uint32]*Type
}

// NewMap creates a Map with all supported standard PostgreSQL types registered.
func NewMap() *Map { return &Map{} }

// Type represents a PostgreSQL data type.
type Type struct {
	Name string
	OID  uint32
}

// Text is a nullable text value.
type Text struct {
	String string
	Valid  bool
}

// Int8 is a nullable bigint value.
type Int8 struct {
	Int64 int64
	Valid bool
}
