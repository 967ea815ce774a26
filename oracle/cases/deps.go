//go:build dbservers

// Package cases holds the functions the runtime leak oracle (package
// oracle) executes against real servers and has connrelease judge. Each is
// written like service code, takes its dependencies and a request, and is
// driven down a chosen path by the request's values:
//
//	func CaseName(ctx context.Context, d Deps, in Input) error
//
// A return the oracle drives a path to carries a label comment naming the
// path (a comment "path:" then the label); the closing brace of a function
// that falls off its end carries the label of that implicit return. The
// oracle's case table (oracle/table_test.go) names, per row, the label of
// the return the inputs lead to. Names ending in Leaks hold something on
// at least one path; the others release what they take on every path.
//
// The database/sql and sqlx cases run on both MariaDB (go-sql-driver/mysql)
// and PostgreSQL (pgx's stdlib driver): their SQL uses ? placeholders, which
// Deps.q (database/sql) and sqlx's Rebind rewrite for PostgreSQL. The go-redis
// cases run on Redis.
package cases

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/puddle/v2"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"github.com/redis/rueidis"

	redigo "github.com/gomodule/redigo/redis"
)

// Dialect is the SQL dialect of Deps.DB.
type Dialect int

// The dialects of the database/sql cases.
const (
	MySQL Dialect = iota
	Postgres
)

// Deps are a service's dependencies; each case uses some of them.
type Deps struct {
	DB      *sql.DB // database/sql pool, MariaDB or PostgreSQL
	Dialect Dialect
	SQLX    *sqlx.DB      // sqlx over a database/sql pool, MariaDB or PostgreSQL
	Pool    *pgxpool.Pool // pgx v5 pool, PostgreSQL
	PGDSN   string        // for pgx.Connect and pgconn.Connect
	Redis   *redis.Client // go-redis v9 client, Redis

	Redigo  *redigo.Pool   // redigo pool, Redis
	Rueidis rueidis.Client // rueidis client, Redis

	// PgConn is a low-level connection the service keeps for itself,
	// PostgreSQL.
	PgConn *pgconn.PgConn
	// Puddle is a puddle pool of pgx connections, PostgreSQL.
	Puddle *puddle.Pool[*pgx.Conn]
	// Progress is told after each item of a batch is done: a progress bar,
	// a metric. The oracle measures what is held at each call.
	Progress func(done int)
}

// q rewrites the ? placeholders of query for d's dialect.
func (d Deps) q(query string) string {
	if d.Dialect != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Input is a request. The oracle's tables: oracle_items(id, name, qty) holds
// items 1..5 named "anvil", "bolt", "cog", "drill", "engine", whose qty is
// NULL for item 4; oracle_ledger(id, item_id, amount) holds entry 1. On
// Redis, the keys oracle:item:1..5 hold the same names.
type Input struct {
	ItemID  int64   // the item a request is about; <= 0 is rejected
	ItemIDs []int64 // a batch of items
	Name    string  // a name to look for in the listing
	Limit   int     // at most this many items of a listing; 0: all
	EntryID int64   // a ledger entry to write; 1 exists already
	Amount  int64
	DryRun  bool // check without writing
	// Isolation of a database/sql transaction; sql.LevelLinearizable is
	// refused by both drivers, after they took a connection.
	Isolation sql.IsolationLevel
	// PgIsolation of a pgx transaction; the server refuses an unknown one.
	PgIsolation string
}

// Item is a row of oracle_items.
type Item struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// Entry is a row of oracle_ledger, for sqlx's named queries.
type Entry struct {
	ID     int64 `db:"id"`
	ItemID int64 `db:"item_id"`
	Amount int64 `db:"amount"`
}

// Errors of the cases' paths.
var (
	ErrInvalid  = errors.New("invalid request")
	ErrNotFound = errors.New("not found")
)
