//go:build dbservers

package integration

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/go-sql-driver/mysql"

	"github.com/connrelease/connrelease/examples/multitenant/fixed"
	"github.com/connrelease/connrelease/examples/multitenant/leaky"
	"github.com/connrelease/connrelease/internal/serverlock"
)

// TestIncident1040 replays, on a real MariaDB/MySQL server, the incident
// that examples/multitenant is a port of: the service answers
// "Error 1040: Too many connections" because its error paths keep the
// connections they took out of its pools.
//
// The server's max_connections is lowered to the test's baseline plus
// incidentSlots (12 when the test's own admin session is the only client),
// and restored at the end. Both versions of the service,
// examples/multitenant/leaky then examples/multitenant/fixed, are served
// with httptest on loopback, over new pools each, and get the same
// requests:
//
//   - GET /permissions for tenant "initech", then GET /dashboard for it: the
//     leaky Permissions closes the tenant's cached pool, so the dashboard
//     fails with "sql: database is closed"; the fixed one keeps it open.
//   - incidentCustomers concurrent POST /customers for tenant "globex" whose
//     UPDATE fails (a name longer than customers.name holds, in strict SQL
//     mode): the leaky Customers returns without ending the transaction,
//     and its deferred conn.Close waits for it, so the request hangs with its
//     connection checked out until the client gives up; the fixed one answers
//     400 at once.
//   - a storm of incidentRequests GET /dashboard, incidentWorkers at a time:
//     three in four for tenant "łódź", whose key latin1 users.tenant cannot
//     hold, so the master query fails (Error 1267, illegal mix of
//     collations) and the leaky queryMaster keeps its connection; one in
//     four for the healthy tenant "globex". The leaky service fills the
//     server and then fails every request, healthy tenants' too, with Error
//     1040; the fixed one never does.
//
// After the leaky phase the test closes the pools and KILLs whatever of its
// connections the leaks kept open, and waits for Threads_connected to come
// back to the baseline before the fixed phase starts on new pools. After
// the fixed phase, every pool has InUse == 0, every connection the server
// sees is an idle one of the pools, and closing the pools brings
// Threads_connected back to the baseline.
//
// It needs CONNRELEASE_MYSQL_DSN (the application's account, on the
// database the tables are created in) and CONNRELEASE_MYSQL_ADMIN_DSN (an
// account that may SET GLOBAL, read the process list and KILL), as written
// by `scripts/dbservers.sh start` in
// ${CONNRELEASE_DB_DIR:-/tmp/connrelease-db}/env. Without them it fails
// when CI=true and is skipped otherwise. It runs in about a second, within
// incidentBudget plus settleTimeout for the clean-up at worst. It drops and
// creates the tables users, orders, customers and permissions of that
// database (and drops them at the end), and lowers max_connections for
// every client of the server for that second: do not point it at a server
// that matters, nor run it while other tests use the same server. A test
// binary killed in the middle leaves max_connections lowered
// (`scripts/dbservers.sh start` makes a fresh server).
func TestIncident1040(t *testing.T) {
	dsn, adminDSN := os.Getenv("CONNRELEASE_MYSQL_DSN"), os.Getenv("CONNRELEASE_MYSQL_ADMIN_DSN")
	if dsn == "" || adminDSN == "" {
		msg := "CONNRELEASE_MYSQL_DSN and CONNRELEASE_MYSQL_ADMIN_DSN are not set: run scripts/dbservers.sh start, then source ${CONNRELEASE_DB_DIR:-/tmp/connrelease-db}/env"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// The servers are shared with oracle/, which go test runs in parallel:
	// wait for it to finish before opening any session, and hold it off
	// while max_connections is lowered.
	lockCtx, lockCancel := context.WithTimeout(context.Background(), 10*time.Minute)
	release, err := serverlock.Acquire(lockCtx)
	lockCancel()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := release(); err != nil {
			t.Errorf("releasing %s: %v", serverlock.Path(), err)
		}
	}()

	begin := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), incidentBudget)
	defer cancel()

	// The admin session, opened first and kept throughout: the server lets
	// it in, and it stays in when the application has filled the server.
	adminDB, err := sql.Open("mysql", adminDSN)
	if err != nil {
		t.Fatalf("CONNRELEASE_MYSQL_ADMIN_DSN: %v", err)
	}
	defer func() {
		if err := adminDB.Close(); err != nil {
			t.Errorf("admin: %v", err)
		}
	}()
	adminDB.SetMaxOpenConns(1)
	admin, err := adminDB.Conn(ctx)
	if err != nil {
		t.Fatalf("admin: connecting with CONNRELEASE_MYSQL_ADMIN_DSN: %v", err)
	}
	defer func() {
		if err := admin.Close(); err != nil {
			t.Errorf("admin: %v", err)
		}
	}()
	lab := newIncidentLab(ctx, t, dsn, adminDSN, admin)
	defer lab.close()

	lab.run("leaky", func(master *sql.DB) service { return leaky.NewServer(master, nil, lab.tenantDSN) })
	lab.run("fixed", func(master *sql.DB) service { return fixed.NewServer(master, nil, lab.tenantDSN) })
	t.Logf("run time %v", time.Since(begin).Round(time.Millisecond))
}

const (
	incidentBudget    = 45 * time.Second // the whole test, but the final clean-up
	incidentSlots     = 11               // connections the application may open: max_connections = baseline + incidentSlots
	incidentRequests  = 40               // dashboard requests of the storm
	incidentWorkers   = 4                // of them in flight at a time
	incidentCustomers = 3                // concurrent failing customer updates
	requestTimeout    = 10 * time.Second // one HTTP request that should answer
	settleTimeout     = 10 * time.Second // pools and server coming back to rest

	goodTenant  = "globex"  // its users and orders exist
	brokenKey   = "łódź"    // not latin1: the master query fails
	closedCache = "initech" // the tenant whose pool Permissions closes
)

// service is what leaky.Server and fixed.Server serve.
type service interface {
	Dashboard(http.ResponseWriter, *http.Request)
	Customers(http.ResponseWriter, *http.Request)
	Permissions(http.ResponseWriter, *http.Request)
}

// incidentLab is the server side of the test: an admin session kept open
// throughout (so that it still gets in when the server is full), the
// application's account, and the server's state before the test.
type incidentLab struct {
	ctx       context.Context
	t         *testing.T
	dsn       string // the application's DSN (master pool)
	tenantDSN func(string) string
	appUser   string
	database  string // of the tables
	admin     *sql.Conn
	firstID   int64 // connection ids above it are the test's
	oldMax    int64 // max_connections before the test
	baseline  int64 // Threads_connected before the test's pools
	max       int64 // max_connections during the test; 0 until set
}

func newIncidentLab(ctx context.Context, t *testing.T, dsn, adminDSN string, admin *sql.Conn) *incidentLab {
	t.Helper()
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("CONNRELEASE_MYSQL_DSN: %v", err)
	}
	if cfg.DBName == "" {
		t.Fatal("CONNRELEASE_MYSQL_DSN names no database")
	}
	admCfg, err := mysql.ParseDSN(adminDSN)
	if err != nil {
		t.Fatalf("CONNRELEASE_MYSQL_ADMIN_DSN: %v", err)
	}
	if admCfg.User == cfg.User {
		t.Fatalf("CONNRELEASE_MYSQL_ADMIN_DSN and CONNRELEASE_MYSQL_DSN are the same account %q: the test counts and kills the application's connections by account", cfg.User)
	}
	// The tenants' pools: the same database, in strict SQL mode whatever
	// the server's default, so that a name too long for customers.name is
	// an error and not a truncation.
	tcfg := cfg.Clone()
	if tcfg.Params == nil {
		tcfg.Params = map[string]string{}
	}
	tcfg.Params["sql_mode"] = "'STRICT_ALL_TABLES'"
	tenantDSN := tcfg.FormatDSN()

	lab := &incidentLab{ctx: ctx, t: t, dsn: dsn, appUser: cfg.User, admin: admin, tenantDSN: func(string) string { return tenantDSN }}
	var version string
	if err := lab.admin.QueryRowContext(ctx, "SELECT CONNECTION_ID(), @@global.max_connections, VERSION()").Scan(&lab.firstID, &lab.oldMax, &version); err != nil {
		t.Fatalf("admin: %v", err)
	}
	t.Logf("server %s, max_connections %d, application account %q, database %q", version, lab.oldMax, cfg.User, cfg.DBName)

	lab.database = cfg.DBName
	lab.schema()

	lab.baseline = lab.threadsConnected()
	limit := lab.baseline + incidentSlots
	lab.exec("SET GLOBAL max_connections = ?", limit)
	lab.max = limit // to restore
	t.Logf("Threads_connected baseline %d: SET GLOBAL max_connections = %d", lab.baseline, lab.max)
	return lab
}

// schema makes the tables of the handlers: the master's users (tenant in
// latin1, as the legacy master has it) and the tenants' orders, customers
// and permissions, all in the database of the DSN.
func (lab *incidentLab) schema() {
	q := lab.table
	for _, stmt := range []string{
		lab.dropTables(),
		"CREATE TABLE " + q("users") + " (id INT AUTO_INCREMENT PRIMARY KEY, tenant VARCHAR(64) CHARACTER SET latin1 NOT NULL, name VARCHAR(64) NOT NULL, KEY (tenant)) ENGINE=InnoDB",
		"CREATE TABLE " + q("orders") + " (id INT AUTO_INCREMENT PRIMARY KEY, total DECIMAL(10,2) NOT NULL) ENGINE=InnoDB",
		"CREATE TABLE " + q("customers") + " (id INT PRIMARY KEY, name VARCHAR(16) NOT NULL) ENGINE=InnoDB",
		"CREATE TABLE " + q("permissions") + " (name VARCHAR(64) PRIMARY KEY) ENGINE=InnoDB",
		"INSERT INTO " + q("users") + " (tenant, name) VALUES ('globex', 'hank'), ('globex', 'mindy'), ('initech', 'peter')",
		"INSERT INTO " + q("orders") + " (total) VALUES (10), (20), (30)",
		"INSERT INTO " + q("customers") + " (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')",
		"INSERT INTO " + q("permissions") + " (name) VALUES ('read'), ('write')",
	} {
		lab.exec(stmt)
	}
}

func (lab *incidentLab) table(name string) string {
	return "`" + strings.ReplaceAll(lab.database, "`", "``") + "`." + name
}

func (lab *incidentLab) dropTables() string {
	return "DROP TABLE IF EXISTS " + lab.table("users") + ", " + lab.table("orders") + ", " + lab.table("customers") + ", " + lab.table("permissions")
}

// close puts max_connections back, kills what is left of the test's
// connections and drops the tables; it works after the test's context has
// expired.
func (lab *incidentLab) close() {
	ctx, cancel := context.WithTimeout(context.Background(), settleTimeout)
	defer cancel()
	if lab.max > 0 {
		if _, err := lab.admin.ExecContext(ctx, "SET GLOBAL max_connections = ?", lab.oldMax); err != nil {
			lab.t.Errorf("restoring max_connections = %d: %v", lab.oldMax, err)
		}
	}
	lab.ctx = ctx
	lab.killAppConns(lab.firstID)
	if _, err := lab.admin.ExecContext(ctx, lab.dropTables()); err != nil {
		lab.t.Errorf("admin: dropping the tables: %v", err)
	}
}

func (lab *incidentLab) exec(query string, args ...any) {
	lab.t.Helper()
	if _, err := lab.admin.ExecContext(lab.ctx, query, args...); err != nil {
		lab.t.Fatalf("admin: %s: %v", query, err)
	}
}

func (lab *incidentLab) threadsConnected() int64 {
	lab.t.Helper()
	var name string
	var n int64
	if err := lab.admin.QueryRowContext(lab.ctx, "SHOW GLOBAL STATUS LIKE 'Threads_connected'").Scan(&name, &n); err != nil {
		lab.t.Fatalf("admin: Threads_connected: %v", err)
	}
	return n
}

// appConns lists the server's connections of the application's account
// opened after firstID, and how many of them are idle (Sleep).
func (lab *incidentLab) appConns(firstID int64) (ids []int64, sleeping int) {
	lab.t.Helper()
	rows, err := lab.admin.QueryContext(lab.ctx,
		"SELECT ID, COMMAND FROM information_schema.PROCESSLIST WHERE USER = ? AND ID > ? AND ID <> CONNECTION_ID() ORDER BY ID",
		lab.appUser, firstID)
	if err != nil {
		lab.t.Fatalf("admin: process list: %v", err)
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		var command string
		if err := rows.Scan(&id, &command); err != nil {
			lab.t.Fatalf("admin: process list: %v", err)
		}
		ids = append(ids, id)
		if command == "Sleep" {
			sleeping++
		}
	}
	if err := rows.Err(); err != nil {
		lab.t.Fatalf("admin: process list: %v", err)
	}
	return ids, sleeping
}

// killAppConns KILLs the application's connections opened after firstID
// and returns how many it killed.
func (lab *incidentLab) killAppConns(firstID int64) int {
	lab.t.Helper()
	ids, _ := lab.appConns(firstID)
	for _, id := range ids {
		var me *mysql.MySQLError
		if _, err := lab.admin.ExecContext(lab.ctx, fmt.Sprintf("KILL CONNECTION %d", id)); err != nil && !(errors.As(err, &me) && me.Number == 1094) { // 1094: unknown thread id, gone already
			lab.t.Errorf("admin: KILL CONNECTION %d: %v", id, err)
		}
	}
	return len(ids)
}

// settle waits, within settleTimeout, for the server to have no
// connection of the application's account and Threads_connected back to
// the baseline.
func (lab *incidentLab) settle(what string) {
	t := lab.t
	t.Helper()
	var ids []int64
	var threads int64
	for deadline := time.Now().Add(settleTimeout); ; {
		ids, _ = lab.appConns(lab.firstID)
		threads = lab.threadsConnected()
		if len(ids) == 0 && threads <= lab.baseline {
			t.Logf("%s: Threads_connected %d (baseline %d)", what, threads, lab.baseline)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: after %v, Threads_connected is %d (baseline %d), connections of %q still open: %v", what, settleTimeout, threads, lab.baseline, lab.appUser, ids)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// run serves a new service over new pools, sends it the requests of the
// incident and checks what becomes of its connections. The master pool is
// opened as the service's main opens it: no limit on open connections (the
// server's max_connections is the limit), idle ones kept for the requests
// in flight.
func (lab *incidentLab) run(phase string, newService func(master *sql.DB) service) {
	t := lab.t
	leaks := phase == "leaky"
	mdb, err := sql.Open("mysql", lab.dsn)
	if err != nil {
		t.Fatalf("%s: master: %v", phase, err)
	}
	defer func() {
		if err := mdb.Close(); err != nil {
			t.Errorf("%s: master: %v", phase, err)
		}
	}()
	mdb.SetMaxIdleConns(incidentWorkers)
	srv := newService(mdb)
	closer, _ := srv.(interface{ Close() error }) // the fixed Server's: closes the tenant pools
	if closer != nil {
		defer func() { _ = closer.Close() }()
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /dashboard", srv.Dashboard)
	mux.HandleFunc("POST /customers", srv.Customers)
	mux.HandleFunc("GET /permissions", srv.Permissions)
	ts := httptest.NewServer(mux) // 127.0.0.1
	transport := &http.Transport{MaxIdleConnsPerHost: incidentWorkers}
	client := &http.Client{Transport: transport, Timeout: requestTimeout}
	defer func() {
		transport.CloseIdleConnections()
		ts.CloseClientConnections() // the leaky Customers' requests hang until their client is gone
		ts.Close()
		if leaks {
			// The leaked connections are checked out for good: closing the
			// pools does not close them. The server closes them.
			for _, db := range tenantPools(t, srv) {
				if err := db.Close(); err != nil {
					t.Errorf("tenant pool: %v", err)
				}
			}
			ids, _ := lab.appConns(lab.firstID)
			n := lab.killAppConns(lab.firstID)
			t.Logf("leaky: killed %d connections the service kept open: %v", n, ids)
			if err := mdb.Close(); err != nil {
				t.Errorf("leaky: master: %v", err)
			}
			lab.settle("leaky: pools closed, leaked connections killed")
		}
	}()
	get := func(path string) reply { return send(lab.ctx, client, http.MethodGet, ts.URL+path, nil) }

	// The service works.
	if r := get("/dashboard?tenant=" + goodTenant); r.status != http.StatusOK || r.body != `{"orders":3,"users":2}` {
		t.Fatalf("%s: dashboard of %s: %s", phase, goodTenant, r)
	}

	// Permissions, then the same tenant's dashboard.
	if r := get("/permissions?tenant=" + closedCache); r.status != http.StatusOK || r.body != `["read","write"]` {
		t.Errorf("%s: permissions of %s: %s", phase, closedCache, r)
	}
	r := get("/dashboard?tenant=" + closedCache)
	switch {
	case leaks && (r.status != http.StatusInternalServerError || !strings.Contains(r.body, "sql: database is closed")):
		t.Errorf("leaky: dashboard of %s after its permissions: want 500 sql: database is closed, got %s", closedCache, r)
	case !leaks && (r.status != http.StatusOK || r.body != `{"orders":3,"users":1}`):
		t.Errorf("fixed: dashboard of %s after its permissions: want 200, got %s", closedCache, r)
	default:
		t.Logf("%s: dashboard of %s after its permissions: %s", phase, closedCache, r)
	}

	lab.customers(phase, ts.URL, client, srv)

	// The storm.
	replies := storm(lab.ctx, client, ts.URL)
	var tooMany, illegalMix, ok, other int
	for _, r := range replies {
		switch {
		case r.status == http.StatusInternalServerError && is1040(r.body):
			tooMany++
		case r.status == http.StatusInternalServerError && strings.Contains(r.body, "Error 1267"):
			illegalMix++
		case r.status == http.StatusOK && r.body == `{"orders":3,"users":2}`:
			ok++
		default:
			other++
			t.Errorf("%s: storm: unexpected %s", phase, r)
		}
	}
	ids, sleeping := lab.appConns(lab.firstID)
	ms := mdb.Stats()
	t.Logf("%s: storm of %d dashboards (%d at a time): %d Error 1040, %d Error 1267 (broken tenant key), %d 200 OK, %d other; master pool InUse %d, open %d; server: %d connections of %q (%d idle), Threads_connected %d of max_connections %d",
		phase, len(replies), incidentWorkers, tooMany, illegalMix, ok, other, ms.InUse, ms.OpenConnections, len(ids), lab.appUser, sleeping, lab.threadsConnected(), lab.max)

	if leaks {
		if tooMany == 0 {
			t.Errorf("leaky: no request of the storm failed with Error 1040: Too many connections")
		}
		// Every failed master query kept its connection.
		if ms.InUse != illegalMix {
			t.Errorf("leaky: master pool InUse = %d, want %d (one per failed master query)", ms.InUse, illegalMix)
		}
		// And now the healthy tenant is down too.
		if r := get("/dashboard?tenant=" + goodTenant); r.status != http.StatusInternalServerError || !is1040(r.body) {
			t.Errorf("leaky: dashboard of %s after the storm: want 500 Error 1040, got %s", goodTenant, r)
		} else {
			t.Logf("leaky: dashboard of %s after the storm: %s", goodTenant, r)
		}
		// A new connection of the application's account is refused.
		err := lab.probe()
		var me *mysql.MySQLError
		if !errors.As(err, &me) || me.Number != 1040 {
			t.Errorf("leaky: a new connection after the storm: want *mysql.MySQLError 1040, got %v", err)
		} else {
			t.Logf("leaky: a new connection after the storm: %v", err)
		}
		return
	}

	if tooMany != 0 || other != 0 || illegalMix != incidentRequests*3/4 || ok != incidentRequests/4 {
		t.Errorf("fixed: storm: %d Error 1040, %d Error 1267, %d 200 OK and %d unexpected replies, want no Error 1040, %d Error 1267 and %d 200 OK", tooMany, illegalMix, ok, other, incidentRequests*3/4, incidentRequests/4)
	}
	if r := get("/dashboard?tenant=" + goodTenant); r.status != http.StatusOK {
		t.Errorf("fixed: dashboard of %s after the storm: %s", goodTenant, r)
	}
	// Every connection is back in its pool...
	pools := tenantPools(t, srv)
	inUse := map[string]int{"master": mdb.Stats().InUse}
	open := mdb.Stats().OpenConnections
	for key, db := range pools {
		inUse[key] = db.Stats().InUse
		open += db.Stats().OpenConnections
	}
	for name, n := range inUse {
		if n != 0 {
			t.Errorf("fixed: pool %s: InUse = %d after the requests, want 0", name, n)
		}
	}
	t.Logf("fixed: InUse after the requests: %v; pools hold %d open connections", inUse, open)
	// ...and the server sees nothing else: each of its connections of the
	// application is an idle one of the pools.
	for deadline := time.Now().Add(settleTimeout); ; {
		ids, sleeping = lab.appConns(lab.firstID)
		if len(ids) == open && sleeping == open {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("fixed: the server has %d connections of %q (%d idle), the pools %d open and none in use", len(ids), lab.appUser, sleeping, open)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Closing the pools closes them all.
	if closer == nil {
		t.Fatalf("fixed: %T has no Close method", srv)
	}
	if err := closer.Close(); err != nil {
		t.Errorf("fixed: Close: %v", err)
	}
	if err := mdb.Close(); err != nil {
		t.Errorf("fixed: master: %v", err)
	}
	lab.settle("fixed: pools closed")
}

// customers sends incidentCustomers concurrent customer renames that fail
// (the name is too long) and checks what becomes of their connections.
func (lab *incidentLab) customers(phase, base string, client *http.Client, srv service) {
	t := lab.t
	pool := tenantPools(t, srv)[goodTenant]
	if pool == nil {
		t.Fatalf("%s: no cached pool for %s", phase, goodTenant)
	}
	ctx, cancel := context.WithCancel(lab.ctx)
	defer cancel()
	replies := make(chan reply, incidentCustomers)
	for i := range incidentCustomers {
		form := url.Values{"id": {fmt.Sprint(i + 1)}, "name": {strings.Repeat("x", 40)}}
		go func() {
			replies <- send(ctx, client, http.MethodPost, base+"/customers?tenant="+goodTenant, form)
		}()
	}
	if phase == "fixed" {
		for range incidentCustomers {
			if r := <-replies; r.status != http.StatusBadRequest || !strings.Contains(r.body, "Error 1406") {
				t.Errorf("fixed: customer rename: want 400 Error 1406 (data too long), got %s", r)
			}
		}
		if n := pool.Stats().InUse; n != 0 {
			t.Errorf("fixed: tenant pool InUse = %d after the failed renames, want 0", n)
		}
		t.Logf("fixed: %d failed customer renames answered, tenant pool InUse %d", incidentCustomers, pool.Stats().InUse)
		return
	}
	// Leaky: the handlers do not answer, their connections stay checked
	// out, each in an open transaction...
	var inUse int
	for deadline := time.Now().Add(requestTimeout); ; {
		if inUse = pool.Stats().InUse; inUse == incidentCustomers || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	got := 0 // replies received
	select {
	case r := <-replies:
		got++
		t.Errorf("leaky: a failed customer rename answered: %s", r)
	case <-time.After(500 * time.Millisecond):
	}
	if inUse != incidentCustomers {
		t.Errorf("leaky: tenant pool InUse = %d while the renames hang, want %d", inUse, incidentCustomers)
	}
	// ...until their clients give up, which cancels the requests' context,
	// which rolls the transactions back.
	cancel()
	for ; got < incidentCustomers; got++ {
		if r := <-replies; r.err == nil {
			t.Errorf("leaky: a failed customer rename answered: %s", r)
		}
	}
	after := -1
	for deadline := time.Now().Add(settleTimeout); ; {
		if after = pool.Stats().InUse; after == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if after != 0 {
		t.Errorf("leaky: tenant pool InUse = %d after the clients gave up, want 0", after)
	}
	t.Logf("leaky: %d failed customer renames hang with tenant pool InUse %d; once their clients give up, InUse %d", incidentCustomers, inUse, after)
}

// probe opens a new connection of the application's account.
func (lab *incidentLab) probe() error {
	db, err := sql.Open("mysql", lab.dsn)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	return db.PingContext(lab.ctx)
}

// storm sends incidentRequests dashboard requests, incidentWorkers at a
// time: three in four for the broken tenant key, one in four for the
// healthy tenant.
func storm(ctx context.Context, client *http.Client, base string) []reply {
	replies := make([]reply, incidentRequests)
	next := make(chan int)
	var wg sync.WaitGroup
	for range incidentWorkers {
		wg.Go(func() {
			for i := range next {
				tenant := brokenKey
				if i%4 == 3 {
					tenant = goodTenant
				}
				replies[i] = send(ctx, client, http.MethodGet, base+"/dashboard?"+url.Values{"tenant": {tenant}}.Encode(), nil)
			}
		})
	}
	for i := range incidentRequests {
		next <- i
	}
	close(next)
	wg.Wait()
	return replies
}

type reply struct {
	url    string
	status int
	body   string
	err    error
}

func (r reply) String() string {
	if r.err != nil {
		return fmt.Sprintf("%s: %v", r.url, r.err)
	}
	return fmt.Sprintf("%s: %d %s", r.url, r.status, r.body)
}

func send(ctx context.Context, client *http.Client, method, target string, form url.Values) reply {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return reply{url: target, err: err}
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := client.Do(req)
	if err != nil {
		return reply{url: target, err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	return reply{url: target, status: resp.StatusCode, body: strings.TrimSpace(string(b)), err: err}
}

func is1040(body string) bool {
	return strings.Contains(body, "Error 1040") && strings.Contains(body, "Too many connections")
}

// tenantPools returns the pools srv (a *leaky.Server or *fixed.Server)
// has cached, read from its unexported tenants field under its mutex: the
// examples have no accessor, and the test needs the pools' Stats.
func tenantPools(t *testing.T, srv any) map[string]*sql.DB {
	t.Helper()
	v := reflect.ValueOf(srv)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		t.Fatalf("%T is not a pointer to a struct", srv)
	}
	v = v.Elem()
	mu, tenants := v.FieldByName("mu"), v.FieldByName("tenants")
	if !mu.IsValid() || mu.Type() != reflect.TypeFor[sync.Mutex]() || !tenants.IsValid() || tenants.Type() != reflect.TypeFor[map[string]*sql.DB]() {
		t.Fatalf("%T has no mu sync.Mutex and tenants map[string]*sql.DB fields", srv)
	}
	lock := (*sync.Mutex)(unsafe.Pointer(mu.UnsafeAddr()))
	lock.Lock()
	defer lock.Unlock()
	pools := maps.Clone(*(*map[string]*sql.DB)(unsafe.Pointer(tenants.UnsafeAddr())))
	return pools
}
