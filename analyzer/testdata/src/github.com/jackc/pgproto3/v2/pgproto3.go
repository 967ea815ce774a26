// Package pgproto3 is a minimal stub of github.com/jackc/pgproto3/v2 for analyzer tests.
package pgproto3

// FieldDescription describes one column of a RowDescription message.
type FieldDescription struct {
	Name                 []byte
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}
