// Package pgtype is a minimal stub of github.com/jackc/pgtype for analyzer tests.
package pgtype

// ConnInfo maps PostgreSQL OIDs to Go types.
type ConnInfo struct {
	oidToName map[uint32]string
}

// NewConnInfo returns a ConnInfo with the standard types registered.
func NewConnInfo() *ConnInfo { return &ConnInfo{} }

// Text is a nullable text value.
type Text struct {
	String string
	Status byte
}
