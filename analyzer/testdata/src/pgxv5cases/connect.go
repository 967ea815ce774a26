package pgxv5cases

import (
	"context"
	"fmt"
	"log"
	"testing"

	"github.com/jackc/pgx/v5"
)

func serverVersionEarlyReturnLeaks(ctx context.Context, dsn string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 19 leaks it`
	if err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	var version string
	if err := conn.QueryRow(ctx, "show server_version").Scan(&version); err != nil {
		return "", err
	}
	conn.Close(ctx)
	return version, nil
}

func serverVersionDeferClose(ctx context.Context, dsn string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	var version string
	if err := conn.QueryRow(ctx, "show server_version").Scan(&version); err != nil {
		return "", err
	}
	return version, nil
}

func reportReplicationLagNeverClosedLeaks(ctx context.Context, cfg *pgx.ConnConfig) {
	conn, err := pgx.ConnectConfig(ctx, cfg) // want `conn \(\*pgx\.Conn from pgx\.ConnectConfig\) is not closed on every path: the return at line 50 leaks it`
	if err != nil {
		log.Printf("replication lag: connect: %v", err)
		return
	}
	var lag int64
	if err := conn.QueryRow(ctx, "select coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0) from pg_replication_slots").Scan(&lag); err != nil {
		log.Printf("replication lag: %v", err)
	} else {
		log.Printf("replication lag: %d bytes", lag)
	}
}

func reportReplicationLagDeferClose(ctx context.Context, cfg *pgx.ConnConfig) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		log.Printf("replication lag: connect: %v", err)
		return
	}
	defer conn.Close(ctx)
	var lag int64
	if err := conn.QueryRow(ctx, "select coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0) from pg_replication_slots").Scan(&lag); err != nil {
		log.Printf("replication lag: %v", err)
	} else {
		log.Printf("replication lag: %d bytes", lag)
	}
}

func connectWithAppName(ctx context.Context, dsn, app string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.RuntimeParams = map[string]string{"application_name": app}
	return pgx.ConnectConfig(ctx, cfg)
}

// Listener owns a dedicated connection used for LISTEN/NOTIFY.
type Listener struct {
	conn    *pgx.Conn
	channel string
}

// newListenerLeaks stores the connection in a local struct that is returned only on success.
func newListenerLeaks(ctx context.Context, dsn, channel string) (*Listener, error) {
	conn, err := pgx.Connect(ctx, dsn) // want `conn \(\*pgx\.Conn from pgx\.Connect\) is not closed on every path: the return at line 90 leaks it`
	if err != nil {
		return nil, err
	}
	l := &Listener{conn: conn, channel: channel}
	if _, err := conn.Exec(ctx, "listen "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return nil, fmt.Errorf("listen %s: %w", channel, err)
	}
	return l, nil
}

func newListenerClosesOnError(ctx context.Context, dsn, channel string) (*Listener, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	l := &Listener{conn: conn, channel: channel}
	if _, err := conn.Exec(ctx, "listen "+pgx.Identifier{channel}.Sanitize()); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("listen %s: %w", channel, err)
	}
	return l, nil
}

// openTestConn is a test helper: failures end in t.Fatalf and the conn is closed by t.Cleanup.
func openTestConn(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if _, err := conn.Exec(ctx, "set search_path = test"); err != nil {
		t.Fatalf("set search_path: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func mustConnectOrExit(ctx context.Context, dsn string) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		log.Fatalf("connect: %v", err)
	}
	if err := conn.Ping(ctx); err != nil {
		log.Fatalf("ping: %v", err)
	}
	conn.Close(ctx)
}
