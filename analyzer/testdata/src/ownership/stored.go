package ownership

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 5: storing the value where it outlives the function.

var (
	// sharedConn is the process-wide maintenance connection.
	sharedConn *sql.Conn
	// defaultSession is the process-wide session.
	defaultSession session
)

// attachConnToParamField stores the connection in a field of a parameter.
func attachConnToParamField(ctx context.Context, db *sql.DB, s *session) error {
	if s.tenant == "" {
		return errNoTenant
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("checkout for %s: %w", s.tenant, err)
	}
	s.conn = conn
	return nil
}

// attachConnToParamFieldPingLeaks returns before the store.
func attachConnToParamFieldPingLeaks(ctx context.Context, db *sql.DB, s *session) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 38 leaks it`
	if err != nil {
		return fmt.Errorf("checkout for %s: %w", s.tenant, err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("ping for %s: %w", s.tenant, err)
	}
	s.conn = conn
	return nil
}

// initSharedConnGlobal stores the connection in a package variable.
func initSharedConnGlobal(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("maintenance conn: %w", err)
	}
	sharedConn = conn
	return nil
}

// initSharedConnGlobalPingLeaks returns before the store.
func initSharedConnGlobalPingLeaks(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 61 leaks it`
	if err != nil {
		return fmt.Errorf("maintenance conn: %w", err)
	}
	if err := conn.PingContext(ctx); err != nil {
		return fmt.Errorf("maintenance ping: %w", err)
	}
	sharedConn = conn
	return nil
}

// initDefaultSessionGlobalField stores the connection in a field of a global.
func initDefaultSessionGlobalField(ctx context.Context, db *sql.DB, tenant string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("default session: %w", err)
	}
	defaultSession.conn = conn
	defaultSession.tenant = tenant
	return nil
}

// pinTenantConnInMap stores the connection in a map owned by the caller.
func pinTenantConnInMap(ctx context.Context, db *sql.DB, pinned map[string]*sql.Conn, tenant string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("pin %s: %w", tenant, err)
	}
	pinned[tenant] = conn
	return nil
}

// pinTenantConnInMapScopeLeaks returns before the map store.
func pinTenantConnInMapScopeLeaks(ctx context.Context, db *sql.DB, pinned map[string]*sql.Conn, tenant string) error {
	conn, err := db.Conn(ctx) // want `conn \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 95 leaks it`
	if err != nil {
		return fmt.Errorf("pin %s: %w", tenant, err)
	}
	if _, err := conn.ExecContext(ctx, "SET app.tenant = "+tenant); err != nil {
		return fmt.Errorf("scope %s: %w", tenant, err)
	}
	pinned[tenant] = conn
	return nil
}

// openShardConnsAppended appends every connection to the returned slice and
// closes the one that fails its ping.
func openShardConnsAppended(ctx context.Context, shards []*sql.DB) ([]*sql.Conn, error) {
	var conns []*sql.Conn
	for i, shard := range shards {
		conn, err := shard.Conn(ctx)
		if err != nil {
			closeAll(conns)
			return nil, fmt.Errorf("shard %d: %w", i, err)
		}
		if err := conn.PingContext(ctx); err != nil {
			conn.Close()
			closeAll(conns)
			return nil, fmt.Errorf("shard %d ping: %w", i, err)
		}
		conns = append(conns, conn)
	}
	return conns, nil
}

// openShardConnsPingLeaks returns before appending the failed connection.
func openShardConnsPingLeaks(ctx context.Context, shards []*sql.DB) ([]*sql.Conn, error) {
	var conns []*sql.Conn
	for i, shard := range shards {
		conn, err := shard.Conn(ctx) // want `conn \(\*sql\.Conn from shard\.Conn\) is not closed on every path: the return at line 132 leaks it`
		if err != nil {
			closeAll(conns)
			return nil, fmt.Errorf("shard %d: %w", i, err)
		}
		if err := conn.PingContext(ctx); err != nil {
			closeAll(conns)
			return nil, fmt.Errorf("shard %d ping: %w", i, err)
		}
		conns = append(conns, conn)
	}
	return conns, nil
}

func closeAll(conns []*sql.Conn) {
	for _, c := range conns {
		c.Close()
	}
}
