//go:build dbservers

package oracle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/puddle/v2"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"github.com/redis/rueidis"

	redigo "github.com/gomodule/redigo/redis"

	"github.com/connrelease/connrelease/oracle/cases"
)

// backend is what a row runs its case on.
type backend int

const (
	mariaSQL   backend = iota // database/sql, go-sql-driver/mysql, MariaDB 10.11
	pgSQL                     // database/sql, pgx v5's stdlib driver, PostgreSQL 15
	pgxPool                   // pgx v5 pgxpool, PostgreSQL 15
	pgxConn                   // pgx v5 pgx.Connect, PostgreSQL 15
	sqlxMaria                 // sqlx over mariaSQL's database/sql pool
	sqlxPG                    // sqlx over pgSQL's database/sql pool
	redisV9                   // go-redis v9 Client, Redis 7.0
	redigoV1                  // redigo Pool, Redis 7.0
	rueidisV1                 // rueidis Client, Redis 7.0
	pgconnRaw                 // pgx v5 pgconn.Connect, one *PgConn the cases share, PostgreSQL 15
	puddlePool                // puddle v2 Pool[*pgx.Conn], PostgreSQL 15
)

func (b backend) String() string {
	return [...]string{"mariadb/database-sql", "postgres/database-sql", "postgres/pgxpool", "postgres/pgx.Connect",
		"mariadb/sqlx", "postgres/sqlx", "redis/go-redis",
		"redis/redigo", "redis/rueidis", "postgres/pgconn", "postgres/puddle"}[b]
}

// redis: the backend's server is Redis.
func (b backend) redis() bool { return b == redisV9 || b == redigoV1 || b == rueidisV1 }

// maria: the backend's server is MariaDB.
func (b backend) maria() bool { return b == mariaSQL || b == sqlxMaria }

const (
	// caseTimeout bounds a case: every case finishes in milliseconds unless
	// it blocks on something it holds itself, which only its context's
	// deadline ends (then the outcome is "blocked").
	caseTimeout = 3 * time.Second
	// settle bounds the wait for what ends asynchronously: a pgx
	// connection's backend exits after the client's Terminate, pgxpool
	// destroys a connection in a goroutine, database/sql rolls back a
	// transaction after its context is cancelled, Redis drops a closed
	// PubSub's client, a goroutine closes the PubSub handed to it (half of
	// it for the last four).
	settle = time.Second
)

// cost is about how long r takes on a backend, to balance the lanes: a
// row that blocks waits for its context's deadline, one that gives back
// asynchronously or holds something waits to see it settle.
func (r row) cost() time.Duration {
	switch {
	case r.blocked:
		return caseTimeout + settle
	case r.async || r.holds:
		return settle
	}
	return 200 * time.Millisecond
}

// outcome is what the oracle measured for one row.
type outcome struct {
	err     error
	elapsed time.Duration
	// blocked: the case returned only when its context expired, blocked on
	// something it still held (database/sql's Conn.Close waits for the
	// Conn's transaction and rows).
	blocked bool

	inUse    int // database/sql: DB.Stats().InUse after the return
	acquired int // pgxpool: Stat().AcquiredConns() after the return
	openTx   int // the server: open transactions of the row's sessions
	prepared int // the server: prepared statements left on the row's idle sessions (database/sql)
	backends int // the server: the row's sessions still open once its pool is closed (pgx)

	// go-redis: the client's PoolStats — connections of its pool checked
	// out (TotalConns - IdleConns: a *redis.Conn's, from its first command
	// to its Close) and PubSub connections open (PubSubStats.Active) — and
	// the server's view: the row's connections in CLIENT LIST (named by
	// the client's ClientName) less those idle in the pool.
	redisOut    int
	pubsubs     int
	redisServer int

	// pgconn: the case's *PgConn is locked by a reader left open, and
	// every later call on it fails with "conn busy" (PgConn.IsBusy).
	busy int
	// puddle: Stat().AcquiredResources() after the return.
	resources int

	// pgxpool: the connections idle in the pool after the return — 0 where
	// the case's connection left the pool (Hijack) or was destroyed (a
	// Release in a transaction or with a query's rows open).
	poolIdle int
	pooled   bool

	peak        int  // most checked out at once, at the case's Progress calls
	afterCancel int  // database/sql: inUse+openTx once the case's context is cancelled
	cancelled   bool // afterCancel was measured
}

// held: something the case took is still held after it returned.
func (o outcome) held() bool {
	return o.inUse > 0 || o.acquired > 0 || o.openTx > 0 || o.prepared > 0 || o.backends > 0 ||
		o.redisOut > 0 || o.pubsubs > 0 || o.redisServer > 0 || o.busy > 0 || o.resources > 0
}

// leaked: the measured truth that the analyzer's verdict must agree with.
func (o outcome) leaked() bool { return o.held() || o.blocked }

func (o outcome) String() string {
	var parts []string
	add := func(name string, n int) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s=%d", name, n))
		}
	}
	add("inUse", o.inUse)
	add("acquired", o.acquired)
	add("openTx", o.openTx)
	add("prepared", o.prepared)
	add("backends", o.backends)
	add("redisCheckedOut", o.redisOut)
	add("pubsubs", o.pubsubs)
	add("serverConns", o.redisServer)
	add("busy", o.busy)
	add("resources", o.resources)
	if o.blocked {
		parts = append(parts, fmt.Sprintf("blocked until its context expired (%s)", o.elapsed.Round(time.Millisecond)))
	}
	what := "nothing held"
	if len(parts) > 0 {
		what = strings.Join(parts, " ")
	}
	if o.pooled {
		what += fmt.Sprintf("; idle in pool %d", o.poolIdle)
	}
	if o.peak > 0 {
		what += fmt.Sprintf("; peak %d", o.peak)
	}
	if o.cancelled {
		what += fmt.Sprintf("; after ctx cancel %d", o.afterCancel)
	}
	return what
}

// rowEnv is one row's fresh pool (or DSN) and what it needs to measure and
// clean up its sessions.
type rowEnv struct {
	s      *servers
	b      backend
	lane   *lane  // nil for Redis
	marker string // application_name of the row's PostgreSQL sessions
	deps   cases.Deps
	tc     *trackingConnector // MariaDB: the thread ids of the row's sessions
	pool   *pgxpool.Pool
	rdb    *redis.Client // go-redis: the row's client, its connections named marker
	obs    *sql.DB       // the observer of the row's server (SQL)

	// redigo's pool and rueidis's client, their connections named marker.
	redigo  *redigo.Pool
	rueidis rueidis.Client
	pc      *pgconn.PgConn          // pgconn: the row's connection
	puddle  *puddle.Pool[*pgx.Conn] // puddle: the row's pool of pgx connections
}

func (s *servers) newEnv(b backend, l *lane, n, maxOpen int) (*rowEnv, error) {
	e := &rowEnv{s: s, b: b, lane: l, marker: fmt.Sprintf("cr-oracle-%d", n)}
	if maxOpen <= 0 {
		maxOpen = 8
	}
	var err error
	switch b {
	case mariaSQL, sqlxMaria:
		e.obs = s.myObs
		if e.tc, err = newTrackingConnector(l.dsn); err != nil {
			return nil, err
		}
		db := sql.OpenDB(e.tc)
		db.SetMaxOpenConns(maxOpen)
		db.SetMaxIdleConns(maxOpen)
		e.deps = cases.Deps{DB: db, Dialect: cases.MySQL}
		if b == sqlxMaria {
			e.deps.SQLX = sqlx.NewDb(db, "mysql")
		}
	case pgSQL, sqlxPG:
		e.obs = s.pgObs
		db, err := openPGSQL(l.dsn, e.marker)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(maxOpen)
		db.SetMaxIdleConns(maxOpen)
		e.deps = cases.Deps{DB: db, Dialect: cases.Postgres}
		if b == sqlxPG {
			// "pgx": sqlx's Rebind and named queries use $1 placeholders.
			e.deps.SQLX = sqlx.NewDb(db, "pgx")
		}
	case redisV9:
		e.rdb = newRedisClient(s.redisAddr, e.marker, maxOpen)
		e.deps = cases.Deps{Redis: e.rdb}
	case redigoV1:
		e.redigo = newRedigoPool(s.redisAddr, e.marker, maxOpen)
		e.deps = cases.Deps{Redigo: e.redigo}
	case rueidisV1:
		if e.rueidis, err = newRueidisClient(s.redisAddr, e.marker, maxOpen); err != nil {
			return nil, err
		}
		e.deps = cases.Deps{Rueidis: e.rueidis}
	case pgxPool:
		e.obs = s.pgObs
		cfg, err := pgxpool.ParseConfig(l.dsn)
		if err != nil {
			return nil, err
		}
		cfg.ConnConfig.RuntimeParams["application_name"] = e.marker
		cfg.MaxConns = int32(maxOpen)
		cfg.MinConns = 0
		if e.pool, err = pgxpool.NewWithConfig(context.Background(), cfg); err != nil {
			return nil, err
		}
		e.deps = cases.Deps{Pool: e.pool}
	case pgxConn:
		e.obs = s.pgObs
		if e.deps.PGDSN, err = withParam(l.dsn, "application_name", e.marker); err != nil {
			return nil, err
		}
	case pgconnRaw:
		e.obs = s.pgObs
		dsn, err := withParam(l.dsn, "application_name", e.marker)
		if err != nil {
			return nil, err
		}
		if e.pc, err = pgconn.Connect(context.Background(), dsn); err != nil {
			return nil, err
		}
		e.deps = cases.Deps{PgConn: e.pc}
	case puddlePool:
		e.obs = s.pgObs
		dsn, err := withParam(l.dsn, "application_name", e.marker)
		if err != nil {
			return nil, err
		}
		e.puddle, err = puddle.NewPool(&puddle.Config[*pgx.Conn]{
			Constructor: func(ctx context.Context) (*pgx.Conn, error) { return pgx.Connect(ctx, dsn) },
			Destructor:  func(c *pgx.Conn) { _ = c.Close(context.Background()) },
			MaxSize:     int32(maxOpen),
		})
		if err != nil {
			return nil, err
		}
		// One idle connection, for TryAcquire.
		if err := e.puddle.CreateResource(context.Background()); err != nil {
			e.puddle.Close()
			return nil, err
		}
		e.deps = cases.Deps{Puddle: e.puddle}
	}
	return e, nil
}

// checkedOut is what the row's pool has checked out right now.
func (e *rowEnv) checkedOut() int {
	switch {
	case e.deps.DB != nil:
		return e.deps.DB.Stats().InUse
	case e.pool != nil:
		return int(e.pool.Stat().AcquiredConns())
	case e.puddle != nil:
		return int(e.puddle.Stat().AcquiredResources())
	case e.rdb != nil:
		st := e.rdb.PoolStats()
		return int(st.TotalConns-st.IdleConns) + int(st.PubSubStats.Active)
	case e.redigo != nil:
		st := e.redigo.Stats()
		return st.ActiveCount - st.IdleCount
	}
	return 0
}

// openTx counts the open transactions of the row's sessions, as the server
// sees them.
func (e *rowEnv) openTx(ctx context.Context) (int, error) {
	var n int
	if e.b.maria() {
		ids := e.tc.threadIDs()
		if len(ids) == 0 {
			return 0, nil
		}
		// InnoDB serves INNODB_TRX from a cache it refreshes only when the
		// last read is more than 100ms old: a read sooner after the
		// previous row's, or another lane's, sees the transactions of
		// then.
		e.s.trxMu.Lock()
		defer e.s.trxMu.Unlock()
		if wait := time.Until(e.s.lastTrxRead.Add(150 * time.Millisecond)); wait > 0 {
			time.Sleep(wait)
		}
		q := "SELECT count(*) FROM information_schema.innodb_trx WHERE trx_mysql_thread_id IN (" + joinInts(ids) + ")"
		err := e.obs.QueryRowContext(ctx, q).Scan(&n)
		e.s.lastTrxRead = time.Now()
		return n, err
	}
	err := e.obs.QueryRowContext(ctx,
		`SELECT count(*) FROM pg_stat_activity WHERE datname = 'connrelease' AND application_name = $1 AND state LIKE 'idle in transaction%'`,
		e.marker).Scan(&n)
	return n, err
}

// sessions counts the row's open sessions on PostgreSQL.
func (e *rowEnv) sessions(ctx context.Context) (int, error) {
	var n int
	err := e.obs.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE application_name = $1`, e.marker).Scan(&n)
	return n, err
}

// prepared counts the prepared statements left on the idle sessions of the
// row's database/sql pool: it takes each idle connection (database/sql hands
// out idle ones before it opens any) and asks its session.
func (e *rowEnv) prepared(ctx context.Context) (int, error) {
	db := e.deps.DB
	idle := db.Stats().Idle
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			_ = c.Close()
		}
	}()
	for range idle {
		c, err := db.Conn(ctx)
		if err != nil {
			return 0, err
		}
		conns = append(conns, c)
	}
	total := 0
	for _, c := range conns {
		n, err := preparedOn(ctx, c, e.b.maria())
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func preparedOn(ctx context.Context, c *sql.Conn, maria bool) (int, error) {
	if !maria {
		// pgx's stdlib driver names the statements of Prepare stmt_<hash>;
		// stmtcache_* are pgx's cache of plain queries, the oracle's own.
		var n int
		err := c.QueryRowContext(ctx, `SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'stmt\_%'`).Scan(&n)
		return n, err
	}
	// MariaDB has no per-session view of prepared statements: its session
	// counters of COM_STMT_PREPARE and COM_STMT_CLOSE tell how many this
	// session prepared and did not close.
	rows, err := c.QueryContext(ctx, `SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_close')`)
	if err != nil {
		return 0, err
	}
	defer func() { _ = rows.Close() }()
	var prepared, closed int
	for rows.Next() {
		var name string
		var v int
		if err := rows.Scan(&name, &v); err != nil {
			return 0, err
		}
		if strings.EqualFold(name, "Com_stmt_prepare") {
			prepared = v
		} else {
			closed = v
		}
	}
	return prepared - closed, rows.Err()
}

// poll calls f until it returns 0 or wait has passed, and returns its last
// value.
func poll(ctx context.Context, wait time.Duration, f func(context.Context) (int, error)) (int, error) {
	deadline := time.Now().Add(wait)
	for {
		n, err := f(ctx)
		if err != nil || n == 0 || time.Now().After(deadline) {
			return n, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// run executes r's case once on e and measures what it holds after it
// returns.
func (e *rowEnv) run(t *testing.T, r row) (outcome, error) {
	var o outcome
	ctl, cancelCtl := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancelCtl()
	if e.b.redis() {
		if err := e.s.resetRedis(ctl); err != nil {
			return o, fmt.Errorf("resetting the data: %w", err)
		}
	} else if err := e.s.reset(ctl, e.dataDB()); err != nil {
		return o, fmt.Errorf("resetting the data: %w", err)
	}

	var mu sync.Mutex
	e.deps.Progress = func(int) {
		n := e.checkedOut()
		mu.Lock()
		o.peak = max(o.peak, n)
		mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	type result struct {
		err   error
		panic any
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: p}
			}
		}()
		done <- result{err: r.fn(ctx, e.deps, r.in)}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(caseTimeout + 10*time.Second):
		return o, fmt.Errorf("did not return %s after its context expired", 10*time.Second)
	}
	o.elapsed = time.Since(start)
	if res.panic != nil {
		return o, fmt.Errorf("panicked: %v", res.panic)
	}
	o.err = res.err
	o.blocked = ctx.Err() != nil

	// Measure before the case's context is cancelled: database/sql ends a
	// transaction and closes rows whose context is done.
	var err error
	switch e.b {
	case mariaSQL, pgSQL, sqlxMaria, sqlxPG:
		o.inUse = e.deps.DB.Stats().InUse
		if r.async {
			if o.inUse, err = poll(ctl, settle, func(context.Context) (int, error) { return e.deps.DB.Stats().InUse, nil }); err != nil {
				return o, err
			}
		}
		measureTx := e.openTx
		if o.blocked || r.async {
			// The context expired: database/sql is rolling the
			// transaction back on its own, give it a moment.
			measureTx = func(c context.Context) (int, error) { return poll(c, settle, e.openTx) }
		}
		if o.openTx, err = measureTx(ctl); err != nil {
			return o, fmt.Errorf("open transactions: %w", err)
		}
		if o.inUse == 0 {
			if o.prepared, err = e.prepared(ctl); err != nil {
				return o, fmt.Errorf("prepared statements: %w", err)
			}
		}
	case pgxPool:
		// A Release of a connection in a transaction destroys it, and
		// pgxpool counts it acquired until its Close is done.
		if o.acquired, err = poll(ctl, settle/2, func(context.Context) (int, error) {
			return int(e.pool.Stat().AcquiredConns()), nil
		}); err != nil {
			return o, err
		}
		o.pooled, o.poolIdle = true, int(e.pool.Stat().IdleConns())
		if o.acquired == 0 {
			// The backend of a destroyed connection ends its transaction
			// when it exits.
			if o.openTx, err = poll(ctl, settle, e.openTx); err != nil {
				return o, fmt.Errorf("open transactions: %w", err)
			}
			// Closing the pool closes its idle connections; what stays is
			// what left the pool (Hijack) and was not closed.
			e.pool.Close()
			e.pool = nil
			if o.backends, err = poll(ctl, settle, e.sessions); err != nil {
				return o, fmt.Errorf("sessions: %w", err)
			}
		} else if o.openTx, err = e.openTx(ctl); err != nil {
			return o, fmt.Errorf("open transactions: %w", err)
		}
	case pgxConn:
		if o.openTx, err = poll(ctl, settle, e.openTx); err != nil {
			return o, fmt.Errorf("open transactions: %w", err)
		}
		if o.backends, err = poll(ctl, settle, e.sessions); err != nil {
			return o, fmt.Errorf("sessions: %w", err)
		}
	case pgconnRaw:
		if e.pc.IsBusy() {
			o.busy = 1
		}
	case puddlePool:
		// Destroy destructs the resource in a goroutine, and puddle
		// counts it acquired until then.
		if o.resources, err = poll(ctl, settle/2, func(context.Context) (int, error) {
			return int(e.puddle.Stat().AcquiredResources()), nil
		}); err != nil {
			return o, err
		}
		if o.resources == 0 {
			// Closing the pool closes its idle connections; what stays
			// is what left the pool (Hijack) and was not closed.
			e.puddle.Close()
			e.puddle = nil
			if o.backends, err = poll(ctl, settle, e.sessions); err != nil {
				return o, fmt.Errorf("sessions: %w", err)
			}
		}
	case redisV9:
		// A PubSub's Close closes its socket, and the server drops the
		// client a moment later; a goroutine the case handed a PubSub to
		// closes it after the return.
		if _, err = poll(ctl, settle/2, func(ctx context.Context) (int, error) {
			return e.measureRedis(ctx, &o)
		}); err != nil {
			return o, fmt.Errorf("redis connections: %w", err)
		}
	case redigoV1:
		// The pool's connections checked out (ActiveCount - IdleCount,
		// redigo@v1.9.3/redis/pool.go:294) and the server's view of them.
		st := e.redigo.Stats()
		o.redisOut = st.ActiveCount - st.IdleCount
		ids, err := e.s.redisClients(ctl, e.marker)
		if err != nil {
			return o, fmt.Errorf("redis connections: %w", err)
		}
		o.redisServer = len(ids) - st.IdleCount
	case rueidisV1:
		// rueidis counts nothing it shows: closing the client closes its
		// pipelined connection and the idle ones of its pool
		// (rueidis@v1.0.80/mux.go:440, pool.go:120); what stays on the
		// server is a dedicated connection still checked out.
		e.rueidis.Close()
		if o.redisServer, err = poll(ctl, settle, func(ctx context.Context) (int, error) {
			ids, err := e.s.redisClients(ctx, e.marker)
			return len(ids), err
		}); err != nil {
			return o, fmt.Errorf("redis connections: %w", err)
		}
	}

	// What database/sql gives back by itself once the context is done.
	cancel()
	if e.deps.DB != nil && o.held() {
		o.cancelled = true
		o.afterCancel, err = poll(ctl, settle/2, func(ctx context.Context) (int, error) {
			n, err := e.openTx(ctx)
			if err != nil {
				return 0, err
			}
			n += e.deps.DB.Stats().InUse
			if n == 0 {
				n, err = e.prepared(ctx)
			}
			return n, err
		})
		if err != nil {
			return o, fmt.Errorf("after cancel: %w", err)
		}
	}
	return o, nil
}

// measureRedis fills o's go-redis counts and returns their sum.
func (e *rowEnv) measureRedis(ctx context.Context, o *outcome) (int, error) {
	st := e.rdb.PoolStats()
	ids, err := e.s.redisClients(ctx, e.marker)
	if err != nil {
		return 0, err
	}
	o.redisOut = int(st.TotalConns) - int(st.IdleConns)
	o.pubsubs = int(st.PubSubStats.Active)
	o.redisServer = len(ids) - int(st.IdleConns)
	return o.redisOut + o.pubsubs + max(o.redisServer, 0), nil
}

// dataDB is the connection that resets the data of the row's lane.
func (e *rowEnv) dataDB() *sql.DB { return e.lane.data }

// Close ends the row's sessions on the server, held or not, and closes its
// pool. A pool that still has a connection checked out is left to the
// garbage collector: pgxpool's Close would wait for it forever.
func (e *rowEnv) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var errs []error
	// database/sql's Close closes the idle connections; what a leak keeps
	// checked out stays open, and is ended on the server below.
	if e.deps.DB != nil {
		errs = append(errs, e.deps.DB.Close())
	}
	if e.b.redis() {
		// Client.Close closes every connection of the client, checked out
		// or not; redigo's Pool.Close and rueidis's Close the idle ones;
		// what is left on the server is killed.
		switch {
		case e.rdb != nil:
			_ = e.rdb.Close()
		case e.redigo != nil:
			_ = e.redigo.Close()
		case e.rueidis != nil:
			e.rueidis.Close()
		}
		ids, err := e.s.redisClients(ctx, e.marker)
		errs = append(errs, err)
		for _, id := range ids {
			if err := e.s.redisObs.ClientKillByFilter(ctx, "ID", strconv.FormatInt(id, 10)).Err(); err != nil {
				errs = append(errs, fmt.Errorf("CLIENT KILL ID %d: %w", id, err))
			}
		}
		return errors.Join(errs...)
	}
	if e.pc != nil {
		// Close ends the session also when a reader left it locked.
		errs = append(errs, e.pc.Close(ctx))
	}
	if e.b.maria() {
		for _, id := range e.tc.threadIDs() {
			if _, err := e.obs.ExecContext(ctx, fmt.Sprintf("KILL %d", id)); err != nil && !isUnknownThread(err) {
				errs = append(errs, fmt.Errorf("KILL %d: %w", id, err))
			}
		}
	} else if _, err := e.obs.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, e.marker); err != nil {
		errs = append(errs, err)
	}
	if e.pool != nil && e.pool.Stat().AcquiredConns() == 0 {
		e.pool.Close()
	}
	// puddle's Close, too, waits for what is checked out.
	if e.puddle != nil && e.puddle.Stat().AcquiredResources() == 0 {
		e.puddle.Close()
	}
	return errors.Join(errs...)
}

func isUnknownThread(err error) bool {
	return strings.Contains(err.Error(), "Unknown thread id") || strings.Contains(err.Error(), "1094")
}

func joinInts(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ", ")
}

// newRedigoPool is a redigo pool of at most poolSize connections, which
// the server lists under name.
func newRedigoPool(addr, name string, poolSize int) *redigo.Pool {
	return &redigo.Pool{
		MaxIdle:   poolSize,
		MaxActive: poolSize,
		DialContext: func(ctx context.Context) (redigo.Conn, error) {
			return redigo.DialContext(ctx, "tcp", addr, redigo.DialClientName(name))
		},
	}
}

// newRueidisClient is a rueidis client without client-side caching, whose
// connections the server lists under name, with at most poolSize dedicated
// connections.
func newRueidisClient(addr, name string, poolSize int) (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{
		InitAddress:      []string{addr},
		ClientName:       name,
		DisableCache:     true,
		BlockingPoolSize: poolSize,
	})
}
