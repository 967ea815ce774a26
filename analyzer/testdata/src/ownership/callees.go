package ownership

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
)

// Point 6: passing the value to an unknown function hands it over; fmt, log
// and database/sql only borrow it.

// connRegistry tracks connections for the admin endpoint and closes them on
// eviction.
type connRegistry struct {
	byName map[string]*sql.Conn
}

func (reg *connRegistry) adopt(name string, conn *sql.Conn) {
	if old, ok := reg.byName[name]; ok {
		old.Close()
	}
	reg.byName[name] = conn
}

// trackConn is a package helper that takes ownership.
func trackConn(conn *sql.Conn) {
	onShutdown(func() { conn.Close() })
}

// adoptByRegistryHandsOver passes the connection to another type's method.
func adoptByRegistryHandsOver(ctx context.Context, db *sql.DB, reg *connRegistry, name string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout %s: %w", name, err)
	}
	reg.adopt(name, conn)
	return nil
}

// trackConnHelperHandsOver passes the connection to a helper function.
func trackConnHelperHandsOver(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	trackConn(conn)
	return nil
}

// trackConnHelperPingLeaks returns before the helper gets it.
func trackConnHelperPingLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 59 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	trackConn(conn)
	return nil
}

// checkoutLoggedStillLeaks only logs the connection: log borrows it.
func checkoutLoggedStillLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 72 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	log.Printf("checked out %p", conn)
	return nil
}

// checkoutLoggedThenClosed logs and closes.
func checkoutLoggedThenClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	defer conn.Close()
	log.Printf("checked out %p", conn)
	return nil
}

// pingErrorWrapsConnStillLeaks mentions the connection in the error: fmt
// borrows it.
func pingErrorWrapsConnStillLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 95 leaks it`
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "ping failed on %p\n", conn)
		return fmt.Errorf("ping %p: %w", conn, err)
	}
	return conn.Close()
}

// pingErrorWrapsConnCloses closes before wrapping.
func pingErrorWrapsConnCloses(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "ping failed on %p\n", conn)
		conn.Close()
		return fmt.Errorf("ping %p: %w", conn, err)
	}
	return conn.Close()
}

// rawConnMethodStillLeaks calls methods on the connection itself, which only
// borrow it.
func rawConnMethodStillLeaks(ctx context.Context, db *sql.DB) (string, error) {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 126 leaks it`
	if err != nil {
		return "", fmt.Errorf("checkout: %w", err)
	}
	var driverType string
	err = conn.Raw(func(driverConn any) error {
		driverType = fmt.Sprintf("%T", driverConn)
		return nil
	})
	return driverType, err
}

// rawConnMethodDeferClose closes after the same calls.
func rawConnMethodDeferClose(ctx context.Context, db *sql.DB) (string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", fmt.Errorf("checkout: %w", err)
	}
	defer conn.Close()
	var driverType string
	err = conn.Raw(func(driverConn any) error {
		driverType = fmt.Sprintf("%T", driverConn)
		return nil
	})
	return driverType, err
}
