//go:build dbservers

package oracle

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"

	"github.com/connrelease/connrelease/internal/serverlock"
)

// The environment scripts/dbservers.sh writes (source $DIR/env).
const (
	envPG         = "CONNRELEASE_PG_DSN"
	envMySQL      = "CONNRELEASE_MYSQL_DSN"
	envMySQLAdmin = "CONNRELEASE_MYSQL_ADMIN_DSN"
	envRedis      = "CONNRELEASE_REDIS_ADDR"
)

// servers are the three servers the oracle runs on, and an observer
// connection to each: it sets up the tables, resets their data before each
// row, reads the servers' own view of sessions and transactions, and ends
// what a leaking row left behind.
type servers struct {
	pgDSN, myDSN string
	redisAddr    string
	pgObs        *sql.DB       // PostgreSQL, as connrelease, through pgx's stdlib driver
	myObs        *sql.DB       // MariaDB, as the admin account when there is one
	myData       *sql.DB       // MariaDB, as connrelease, on database connrelease
	redisObs     *redis.Client // Redis
	// The lanes of each server (see lane): pgLanes[0] and myLanes[0] are
	// the databases of the DSNs.
	pgLanes, myLanes []*lane
	trxMu            sync.Mutex // held for a read of information_schema.innodb_trx
	lastTrxRead      time.Time  // the last read of information_schema.innodb_trx
}

// lane is where a sequence of rows of one server runs: the rows of a lane
// run one after the other, the lanes side by side, each on tables of its
// own. A lane's rows open their sessions with dsn; data resets its tables.
// PostgreSQL's lane i > 0 is the schema oracle_lane<i> (the search_path of
// its sessions); MariaDB's is the database <database>_oracle<i>, which only
// an admin account can create and grant: without one, MariaDB has a lane.
type lane struct {
	dsn  string
	data *sql.DB
}

// lanesPerServer: most rows spend their time waiting on the server or for
// what ends asynchronously, not on a core.
const lanesPerServer = 2

// needServers connects to the three servers, or skips the test — except
// under CI=true, where a missing or unreachable server fails it with the
// reason.
func needServers(t *testing.T) *servers {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		reason := fmt.Sprintf(format, args...)
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (CI=true: the oracle must run; .ci/run starts the servers with scripts/dbservers.sh start)", reason)
		}
		t.Skipf("%s; run scripts/dbservers.sh start and source ${CONNRELEASE_DB_DIR:-/tmp/connrelease-db}/env", reason)
	}
	s := &servers{pgDSN: os.Getenv(envPG), myDSN: os.Getenv(envMySQL), redisAddr: os.Getenv(envRedis)}
	if s.pgDSN == "" || s.myDSN == "" || s.redisAddr == "" {
		fail("%s, %s and %s are not all set", envPG, envMySQL, envRedis)
	}
	lock(t)
	var err error
	if s.pgObs, err = openPGSQL(s.pgDSN, "connrelease-oracle-observer"); err != nil {
		fail("PostgreSQL (%s): %v", envPG, err)
	}
	t.Cleanup(func() { _ = s.pgObs.Close() })
	if s.myData, err = sql.Open("mysql", s.myDSN); err != nil {
		fail("MariaDB (%s): %v", envMySQL, err)
	}
	t.Cleanup(func() { _ = s.myData.Close() })
	s.myObs = s.myData
	if admin := os.Getenv(envMySQLAdmin); admin != "" {
		if s.myObs, err = sql.Open("mysql", admin); err != nil {
			fail("MariaDB (%s): %v", envMySQLAdmin, err)
		}
		t.Cleanup(func() { _ = s.myObs.Close() })
	}
	for _, db := range []*sql.DB{s.pgObs, s.myData, s.myObs} {
		db.SetMaxOpenConns(3)
	}
	s.redisObs = newRedisClient(s.redisAddr, "connrelease-oracle-observer", 3)
	t.Cleanup(func() { _ = s.redisObs.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := s.pgObs.PingContext(ctx); err != nil {
		fail("PostgreSQL at %s does not answer: %v", redact(s.pgDSN), err)
	}
	if err := s.myData.PingContext(ctx); err != nil {
		fail("MariaDB at %s does not answer: %v", redact(s.myDSN), err)
	}
	if err := s.myObs.PingContext(ctx); err != nil {
		fail("MariaDB (admin) does not answer: %v", err)
	}
	if err := s.redisObs.Ping(ctx).Err(); err != nil {
		fail("Redis at %s does not answer: %v", s.redisAddr, err)
	}
	var pgVersion, myVersion string
	if err := s.pgObs.QueryRowContext(ctx, "SHOW server_version").Scan(&pgVersion); err != nil {
		t.Fatalf("PostgreSQL version: %v", err)
	}
	if err := s.myData.QueryRowContext(ctx, "SELECT VERSION()").Scan(&myVersion); err != nil {
		t.Fatalf("MariaDB version: %v", err)
	}
	info, err := s.redisObs.Info(ctx, "server").Result()
	if err != nil {
		t.Fatalf("Redis version: %v", err)
	}
	redisVersion := infoField(info, "redis_version")
	t.Logf("servers: PostgreSQL %s, MariaDB %s, Redis %s", pgVersion, myVersion, redisVersion)
	if !strings.HasPrefix(pgVersion, "15.") {
		t.Errorf("PostgreSQL is %s, the oracle is written for 15", pgVersion)
	}
	if !strings.HasPrefix(myVersion, "10.11.") {
		t.Errorf("MariaDB is %s, the oracle is written for 10.11", myVersion)
	}
	if !strings.HasPrefix(redisVersion, "7.0.") {
		t.Errorf("Redis is %q, the oracle is written for 7.0", redisVersion)
	}
	s.makeLanes(t, ctx)
	s.createTables(t, ctx)
	return s
}

// makeLanes makes the servers' lanes, lanesPerServer of each where it can.
func (s *servers) makeLanes(t *testing.T, ctx context.Context) {
	t.Helper()
	s.pgLanes = []*lane{{dsn: s.pgDSN, data: s.pgObs}}
	s.myLanes = []*lane{{dsn: s.myDSN, data: s.myData}}
	for i := 1; i < lanesPerServer; i++ {
		schema := fmt.Sprintf("oracle_lane%d", i)
		if _, err := s.pgObs.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
			t.Fatalf("PostgreSQL: schema %s: %v", schema, err)
		}
		dsn, err := withParam(s.pgDSN, "search_path", schema)
		if err != nil {
			t.Fatalf("PostgreSQL: %v", err)
		}
		data, err := openPGSQL(dsn, "connrelease-oracle-observer")
		if err != nil {
			t.Fatalf("PostgreSQL: %v", err)
		}
		data.SetMaxOpenConns(3)
		t.Cleanup(func() { _ = data.Close() })
		s.pgLanes = append(s.pgLanes, &lane{dsn: dsn, data: data})
	}
	if s.myObs == s.myData {
		t.Logf("without %s, MariaDB's rows run in one lane", envMySQLAdmin)
		return
	}
	cfg, err := mysql.ParseDSN(s.myDSN)
	if err != nil {
		t.Fatalf("MariaDB: %v", err)
	}
	var account string // user@host
	if err := s.myData.QueryRowContext(ctx, "SELECT CURRENT_USER()").Scan(&account); err != nil {
		t.Fatalf("MariaDB: CURRENT_USER(): %v", err)
	}
	at := strings.LastIndex(account, "@")
	for i := 1; i < lanesPerServer; i++ {
		name := fmt.Sprintf("%s_oracle%d", cfg.DBName, i)
		for _, q := range []string{
			"CREATE DATABASE IF NOT EXISTS `" + name + "`",
			fmt.Sprintf("GRANT ALL PRIVILEGES ON `%s`.* TO '%s'@'%s'", name, account[:at], account[at+1:]),
		} {
			if _, err := s.myObs.ExecContext(ctx, q); err != nil {
				t.Fatalf("MariaDB (%s): %s: %v", envMySQLAdmin, q, err)
			}
		}
		c := cfg.Clone()
		c.DBName = name
		data, err := sql.Open("mysql", c.FormatDSN())
		if err != nil {
			t.Fatalf("MariaDB: %v", err)
		}
		data.SetMaxOpenConns(3)
		t.Cleanup(func() { _ = data.Close() })
		s.myLanes = append(s.myLanes, &lane{dsn: c.FormatDSN(), data: data})
	}
}

// lock takes serverlock's lock until the test ends, waiting up to ten
// minutes for the other test of the servers (integration's incident) to
// finish. It is taken before the oracle opens any session.
func lock(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	release, err := serverlock.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Logf("waited %s for %s", waited.Round(time.Millisecond), serverlock.Path())
	}
	t.Cleanup(func() {
		if err := release(); err != nil {
			t.Errorf("releasing %s: %v", serverlock.Path(), err)
		}
	})
}

// The oracle's own tables (the incident test has its own).
var (
	pgSchema = []string{
		`DROP TABLE IF EXISTS oracle_ledger, oracle_items`,
		`CREATE TABLE oracle_items (id int PRIMARY KEY, name varchar(64) NOT NULL, qty int)`,
		`CREATE TABLE oracle_ledger (id int PRIMARY KEY, item_id int NOT NULL, amount int NOT NULL)`,
	}
	mySchema = []string{
		`DROP TABLE IF EXISTS oracle_ledger, oracle_items`,
		`CREATE TABLE oracle_items (id int PRIMARY KEY, name varchar(64) NOT NULL, qty int) ENGINE=InnoDB`,
		`CREATE TABLE oracle_ledger (id int PRIMARY KEY, item_id int NOT NULL, amount int NOT NULL) ENGINE=InnoDB`,
	}
	resetData = []string{
		`DELETE FROM oracle_ledger`,
		`DELETE FROM oracle_items`,
		`INSERT INTO oracle_items (id, name, qty) VALUES (1, 'anvil', 10), (2, 'bolt', 20), (3, 'cog', 30), (4, 'drill', NULL), (5, 'engine', 50)`,
		`INSERT INTO oracle_ledger (id, item_id, amount) VALUES (1, 1, 100)`,
	}
)

func (s *servers) createTables(t *testing.T, ctx context.Context) {
	t.Helper()
	for i, l := range s.pgLanes {
		for _, q := range pgSchema {
			if _, err := l.data.ExecContext(ctx, q); err != nil {
				t.Fatalf("PostgreSQL, lane %d: %s: %v", i, q, err)
			}
		}
	}
	for i, l := range s.myLanes {
		for _, q := range mySchema {
			if _, err := l.data.ExecContext(ctx, q); err != nil {
				t.Fatalf("MariaDB, lane %d: %s: %v", i, q, err)
			}
		}
	}
}

// reset puts the tables back as the cases expect them. It runs after the
// previous row's sessions were ended, so no lock of theirs is in the way
// for long.
func (s *servers) reset(ctx context.Context, db *sql.DB) error {
	for _, q := range resetData {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// redisItems are the Redis keys the go-redis cases read (Input.itemKey in
// package cases), and their values.
var redisItems = []any{
	"oracle:item:1", "anvil", "oracle:item:2", "bolt", "oracle:item:3", "cog",
	"oracle:item:4", "drill", "oracle:item:5", "engine",
}

// resetRedis puts the keys back as the go-redis cases expect them.
func (s *servers) resetRedis(ctx context.Context) error {
	return s.redisObs.MSet(ctx, redisItems...).Err()
}

// newRedisClient is a go-redis client whose connections the server lists
// under name (HELLO's SETNAME, on pooled and PubSub connections alike),
// with at most poolSize pooled connections, none opened ahead of use.
// Redis 7.0 knows neither CLIENT SETINFO (7.2) nor CLIENT
// MAINT_NOTIFICATIONS: the client sends neither.
func newRedisClient(addr, name string, poolSize int) *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:                     addr,
		ClientName:               name,
		PoolSize:                 poolSize,
		MinIdleConns:             0,
		DisableIdentity:          true,
		MaintNotificationsConfig: &maintnotifications.Config{Mode: maintnotifications.ModeDisabled},
	})
}

// redisClients lists the ids of the connections named name, as the server
// sees them (CLIENT LIST).
func (s *servers) redisClients(ctx context.Context, name string) ([]int64, error) {
	list, err := s.redisObs.ClientList(ctx).Result()
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, line := range strings.Split(list, "\n") {
		var id int64 = -1
		named := false
		for _, f := range strings.Fields(line) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "id":
				id, _ = strconv.ParseInt(v, 10, 64)
			case "name":
				named = v == name
			}
		}
		if named && id >= 0 {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// infoField is the value of field in the text of INFO.
func infoField(info, field string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), field+":"); ok {
			return v
		}
	}
	return ""
}

// openPGSQL opens a database/sql pool on PostgreSQL through pgx's stdlib
// driver, its sessions marked with application_name app.
func openPGSQL(dsn, app string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.RuntimeParams["application_name"] = app
	return stdlib.OpenDB(*cfg), nil
}

// withParam returns the URL dsn with its parameter name set to value
// (pgx passes the parameters it does not know to the server).
func withParam(dsn, name, value string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set(name, value)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// trackingConnector is go-sql-driver/mysql's connector, which also notes
// the thread id (CONNECTION_ID()) of every session it opens: MariaDB's
// views of sessions and transactions are keyed by it. The driver.Conn it
// returns is the driver's own, so database/sql sees the driver as it is.
type trackingConnector struct {
	driver.Connector
	mu  sync.Mutex
	ids []int64
}

func newTrackingConnector(dsn string) (*trackingConnector, error) {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	c, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	return &trackingConnector{Connector: c}, nil
}

func (c *trackingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	q, ok := conn.(driver.QueryerContext)
	if !ok {
		_ = conn.Close()
		return nil, errors.New("the mysql driver's conn is no QueryerContext")
	}
	rows, err := q.QueryContext(ctx, "SELECT CONNECTION_ID()", nil)
	if err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("CONNECTION_ID(): %w", err)
	}
	dest := make([]driver.Value, 1)
	err = rows.Next(dest)
	_ = rows.Close()
	if err != nil && !errors.Is(err, io.EOF) {
		_ = conn.Close()
		return nil, fmt.Errorf("CONNECTION_ID(): %w", err)
	}
	var id int64
	switch v := dest[0].(type) {
	case int64:
		id = v
	case uint64:
		id = int64(v)
	case []byte:
		id, err = strconv.ParseInt(string(v), 10, 64)
	default:
		err = fmt.Errorf("of type %T", v)
	}
	if err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("CONNECTION_ID(): %w", err)
	}
	c.mu.Lock()
	c.ids = append(c.ids, id)
	c.mu.Unlock()
	return conn, nil
}

func (c *trackingConnector) threadIDs() []int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int64(nil), c.ids...)
}

// redact hides a DSN's password.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	if at := strings.LastIndex(dsn, "@"); at >= 0 {
		if colon := strings.Index(dsn[:at], ":"); colon >= 0 {
			return dsn[:colon] + ":xxxxx" + dsn[at:]
		}
	}
	return dsn
}
