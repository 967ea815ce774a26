package typeerr

type DB struct{}

func count(db *DB) int {
	return "many"
}
