package paths

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"runtime"
)

// Point 7: paths that end in a call that never returns are not leaks.

type nightlyJob struct {
	db     *sql.DB
	logger *log.Logger
}

// migrateOrPanic panics half-way through with the transaction open.
func migrateOrPanic(ctx context.Context, db *sql.DB, ddl []string) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		panic(fmt.Sprintf("migrate: begin: %v", err))
	}
	for _, stmt := range ddl {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			panic(fmt.Sprintf("migrate: %q: %v", stmt, err))
		}
	}
	if err := tx.Commit(); err != nil {
		panic(err)
	}
}

// runMigrationsOrExit exits the process with the connection checked out.
func runMigrationsOrExit(ctx context.Context, db *sql.DB, ddl []string) {
	conn, err := db.Conn(ctx)
	if err != nil {
		fmt.Fprintf(os.Stderr, "migrate: %v\n", err)
		os.Exit(1)
	}
	for _, stmt := range ddl {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			fmt.Fprintf(os.Stderr, "migrate: %q: %v\n", stmt, err)
			os.Exit(1)
		}
	}
	conn.Close()
}

// seedPlansOrFatal stops the program with log.Fatalf while the statement is
// prepared.
func seedPlansOrFatal(ctx context.Context, db *sql.DB, plans map[string]int64) {
	stmt, err := db.PrepareContext(ctx, `INSERT INTO plans (code, price_cents) VALUES ($1, $2)`)
	if err != nil {
		log.Fatalf("seed: prepare: %v", err)
	}
	for code, price := range plans {
		if _, err := stmt.ExecContext(ctx, code, price); err != nil {
			log.Fatalf("seed plan %s: %v", code, err)
		}
	}
	stmt.Close()
}

// vacuumOrLoggerFatal stops the program through a *log.Logger.
func (j *nightlyJob) vacuumOrLoggerFatal(ctx context.Context) {
	conn, err := j.db.Conn(ctx)
	if err != nil {
		j.logger.Fatalf("vacuum: checkout: %v", err)
	}
	if _, err := conn.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		j.logger.Fatalf("vacuum: %v", err)
	}
	conn.Close()
}

// vacuumLogAndReturnLeaks only logs and returns: that path leaks.
func (j *nightlyJob) vacuumLogAndReturnLeaks(ctx context.Context) {
	conn, err := j.db.Conn(ctx) // want `conn \(\*sql\.Conn from j\.db\.Conn\) is not closed on every path: the return at line 87 leaks it`
	if err != nil {
		j.logger.Printf("vacuum: checkout: %v", err)
		return
	}
	if _, err := conn.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		j.logger.Printf("vacuum: %v", err)
		return
	}
	conn.Close()
}

// loadFlagsOrPanicf panics through log.Panicf inside the scan loop.
func loadFlagsOrPanicf(ctx context.Context, db *sql.DB) map[string]bool {
	rows, err := db.QueryContext(ctx, `SELECT name, enabled FROM feature_flags`)
	if err != nil {
		log.Panicf("load flags: %v", err)
	}
	flags := make(map[string]bool)
	for rows.Next() {
		var name string
		var enabled bool
		if err := rows.Scan(&name, &enabled); err != nil {
			log.Panicf("scan flag: %v", err)
		}
		flags[name] = enabled
	}
	return flags
}

// reindexWorkerGoexit ends the worker goroutine with runtime.Goexit.
func (j *nightlyJob) reindexWorkerGoexit(ctx context.Context) {
	conn, err := j.db.Conn(ctx)
	if err != nil {
		j.logger.Printf("reindex: checkout: %v", err)
		runtime.Goexit()
	}
	if _, err := conn.ExecContext(ctx, "REINDEX DATABASE app"); err != nil {
		j.logger.Printf("reindex: %v", err)
		runtime.Goexit()
	}
	conn.Close()
}
