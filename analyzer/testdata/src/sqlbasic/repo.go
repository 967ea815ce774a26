package sqlbasic

import (
	"database/sql"
	"errors"
)

// userRepo is the repository most catalog cases hang off.
type userRepo struct {
	db *sql.DB
}

type user struct {
	ID    int64
	Email string
	Name  string
}

var errNotFound = errors.New("sqlbasic: not found")
