package sqlxcases

import (
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
)

// InvoiceService is backed by sqlx.
type InvoiceService struct {
	db *sqlx.DB
}

// Invoice is a row of the invoices table.
type Invoice struct {
	ID         int64     `db:"id"`
	CustomerID int64     `db:"customer_id"`
	TotalCents int64     `db:"total_cents"`
	Status     string    `db:"status"`
	IssuedAt   time.Time `db:"issued_at"`
}

var errInvoiceNotFound = errors.New("invoice not found")
