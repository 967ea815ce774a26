package pgxv5cases

import (
	"errors"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is the repository used by the HTTP handlers.
type Store struct {
	pool    *pgxpool.Pool
	log     *slog.Logger
	timeout time.Duration
}

// User is a row of the users table.
type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
	Name  string `db:"name"`
}

var (
	errNotFound    = errors.New("not found")
	errNoConn      = errors.New("no connection available")
	errBadPageSize = errors.New("page size must be positive")
)
