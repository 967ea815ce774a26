package paths

import (
	"database/sql"
	"errors"
)

// reportRepo reads from a primary and a replica pool.
type reportRepo struct {
	primary *sql.DB
	replica *sql.DB
}

// orderService owns the order tables.
type orderService struct {
	db *sql.DB
}

var (
	errNoConn  = errors.New("paths: no connection available")
	errLimited = errors.New("paths: limit reached")
)
