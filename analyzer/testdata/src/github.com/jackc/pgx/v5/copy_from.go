package pgx

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

func CopyFromRows(rows [][]any) CopyFromSource { panic("stub") }

func CopyFromSlice(length int, next func(int) ([]any, error)) CopyFromSource { panic("stub") }

// LargeObjects is a structure used to access the large objects API.
type LargeObjects struct {
	tx Tx
}
