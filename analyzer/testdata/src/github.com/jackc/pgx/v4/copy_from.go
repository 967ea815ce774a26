package pgx

// CopyFromSource is the interface used by *Conn.CopyFrom as the source for copy data.
type CopyFromSource interface {
	Next() bool
	Values() ([]interface{}, error)
	Err() error
}

func CopyFromRows(rows [][]interface{}) CopyFromSource { panic("stub") }

func CopyFromSlice(length int, next func(int) ([]interface{}, error)) CopyFromSource { panic("stub") }

// LargeObjects is a structure used to access the large objects API.
type LargeObjects struct {
	tx Tx
}
