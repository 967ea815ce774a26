package ownership

import (
	"database/sql"
	"errors"
)

// sessionRepo hands out connections and transactions to its callers.
type sessionRepo struct {
	db *sql.DB
}

// session bundles a pinned connection with the tenant it is scoped to.
type session struct {
	conn   *sql.Conn
	tenant string
}

// unitOfWork is a transaction plus who started it.
type unitOfWork struct {
	tx        *sql.Tx
	startedBy string
}

var errNoTenant = errors.New("ownership: tenant required")
