// Package oracle is connrelease's runtime leak oracle: its test executes the
// functions of oracle/cases against real servers — PostgreSQL 15 (pgx v5's
// pool and connections; database/sql and sqlx through pgx's stdlib driver),
// MariaDB 10.11 (database/sql and sqlx through go-sql-driver/mysql) and
// Redis 7.0 (go-redis v9's Client) — drives each down chosen paths,
// measures after it returns whether it still holds something (a
// checked-out connection, an open transaction, a prepared statement, a
// live backend, a subscription's connection), and asserts that this
// measured truth agrees with connrelease's verdict on the same function.
//
// scripts/dbservers.sh start installs and starts the three servers and
// writes the environment the test reads (CONNRELEASE_PG_DSN,
// CONNRELEASE_MYSQL_DSN, CONNRELEASE_MYSQL_ADMIN_DSN,
// CONNRELEASE_REDIS_ADDR). The tests that need them, and so compile the
// database clients, and the cases themselves, build only with the tag
// dbservers:
//
//	go test -tags dbservers ./oracle
//
// Without the servers they are skipped, except under CI=true, where they
// fail with the reason. Without the tag, TestCasesAnalysed checks the
// cases alone.
//
// The package has no code of its own: see oracle_test.go.
package oracle
