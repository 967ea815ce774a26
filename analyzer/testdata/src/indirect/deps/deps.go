// Package deps hands out the database to packages that do not import
// database/sql themselves.
package deps

import "database/sql"

// Deps holds the service's dependencies.
type Deps struct {
	DB *sql.DB
}
