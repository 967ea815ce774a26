package typeerr

import "database/sql"

func count(db *sql.DB) int {
	return "many"
}
