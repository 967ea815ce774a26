package service

import (
	"database/sql"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

// Server is the HTTP API of the accounts service.
type Server struct {
	db      *sql.DB
	replica *sql.DB
	log     *slog.Logger
}

// UserRepo is the database/sql repository for users and their grants.
type UserRepo struct {
	db  *sql.DB
	log *slog.Logger
}

// OrderStore is the pgx repository for orders, wallets and stock.
type OrderStore struct {
	pool *pgxpool.Pool
	log  *slog.Logger
}

// InvoiceRepo is the sqlx repository for invoices.
type InvoiceRepo struct {
	db *sqlx.DB
}

// Invoice is a row of the invoices table.
type Invoice struct {
	ID         int64  `db:"id"`
	CustomerID int64  `db:"customer_id"`
	Cents      int64  `db:"cents"`
	Status     string `db:"status"`
}

// Cache is the redis-backed cache and notification hub.
type Cache struct {
	rdb *redis.Client
	ttl time.Duration
}

// Worker runs background jobs against the primary and the shards.
type Worker struct {
	db     *sql.DB
	shards []*sql.DB
	log    *slog.Logger
}

// Job is a row of the jobs table.
type Job struct {
	ID      int64
	Kind    string
	Payload []byte
}

var (
	errNotFound           = errors.New("not found")
	errEmailTaken         = errors.New("email already taken")
	errOutOfStock         = errors.New("out of stock")
	errNotCancellable     = errors.New("order cannot be cancelled")
	errAlreadyPaid        = errors.New("invoice already paid")
	errVoided             = errors.New("invoice is void")
	errCustomerBlocked    = errors.New("customer is blocked")
	errSubscriptionClosed = errors.New("subscription closed")
	errResultTimeout      = errors.New("timed out waiting for the result")
)

// tenantID reads the tenant the gateway authenticated.
func tenantID(r *http.Request) string { return r.Header.Get("X-Tenant-ID") }
