// Package suppress shows the connrelease:ignore directive.
package suppress

import (
	"context"
	"database/sql"
)

var primary *sql.DB

// lockConnIgnored holds its connection for the life of the process, on
// purpose, and says why.
func lockConnIgnored(ctx context.Context, db *sql.DB) error {
	//connrelease:ignore the advisory lock must outlive this call: the connection is closed at exit
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "SELECT pg_advisory_lock(1)")
	return err
}

func trailingDirective(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) //connrelease:ignore handed to the lock manager by the driver hook
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func shutdownIgnored() {
	primary.Close() //connrelease:ignore called once, from main, after the server stopped
}

func noReason(ctx context.Context, db *sql.DB) error {
	//connrelease:ignore // want `connrelease:ignore needs a reason`
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 41 leaks it`
	if err != nil {
		return err
	}
	return conn.PingContext(ctx)
}

func staleDirective(ctx context.Context, db *sql.DB) error {
	//connrelease:ignore we used to leak here // want `this connrelease:ignore directive suppresses nothing: remove it`
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.PingContext(ctx)
}
