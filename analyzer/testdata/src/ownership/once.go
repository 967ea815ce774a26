package ownership

import (
	"context"
	"database/sql"
	"sync"
)

// A sync.Once shared by racing goroutines runs the function of the first
// one only: what the others would have handed over in it stays with them
// (go-redis v9.19.0's sentinelFailover.MasterAddr, fixed in v9.20.0).
// Where the resource is compared with the field that keeps it, the equal
// edge is where the field keeps it.

type primary struct {
	conn *sql.Conn
}

func (p *primary) set(c *sql.Conn) { p.conn = c }

// raceForFirst keeps the connection of the goroutine that wins: every
// other one leaks its own.
func (p *primary) raceForFirst(ctx context.Context, dbs []*sql.DB) {
	var (
		once sync.Once
		wg   sync.WaitGroup
	)
	for _, db := range dbs {
		wg.Add(1)
		go func(db *sql.DB) {
			defer wg.Done()
			c, err := db.Conn(ctx) // want `c \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 39 leaks it`
			if err != nil {
				return
			}
			once.Do(func() {
				p.set(c)
			})
		}(db)
	}
	wg.Wait()
}

// raceForFirstClosesLosers is the fix: a loser closes its connection.
func (p *primary) raceForFirstClosesLosers(ctx context.Context, dbs []*sql.DB) {
	var (
		once sync.Once
		wg   sync.WaitGroup
	)
	for _, db := range dbs {
		wg.Add(1)
		go func(db *sql.DB) {
			defer wg.Done()
			c, err := db.Conn(ctx)
			if err != nil {
				return
			}
			once.Do(func() {
				p.set(c)
			})
			if c != p.conn {
				_ = c.Close()
			}
		}(db)
	}
	wg.Wait()
}

// raceForFirstReturnsIfKept: the same with the equal edge returning.
func (p *primary) raceForFirstReturnsIfKept(ctx context.Context, dbs []*sql.DB) {
	var once sync.Once
	for _, db := range dbs {
		go func() {
			c, err := db.Conn(ctx)
			if err != nil {
				return
			}
			once.Do(func() { p.conn = c })
			if c == p.conn {
				return
			}
			_ = c.Close()
		}()
	}
}

// onceOfItsOwn: a Once of the function itself runs its function on the
// first call: the connection is handed over.
func (p *primary) onceOfItsOwn(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	var once sync.Once
	once.Do(func() { p.set(c) })
	return nil
}

// closedOnceInGoroutine: a goroutine that closes, once, a connection its
// starter acquired, the close-once idiom.
func closedOnceInGoroutine(ctx context.Context, db *sql.DB, done <-chan struct{}) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	var once sync.Once
	closeIt := func() { once.Do(func() { _ = c.Close() }) }
	go func() {
		<-done
		closeIt()
	}()
	defer closeIt()
	return c.PingContext(ctx)
}

// closedWhereNotKept closes it only where the field keeps it: where it
// does not, it leaks.
func (p *primary) closedWhereNotKept(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx) // want `c \(\*sql\.Conn from db\.Conn\) is not closed on every path: the return at line 126 leaks it`
	if err != nil {
		return err
	}
	if c == p.conn {
		return c.Close()
	}
	return nil
}

// oneGoroutine: a single goroutine's Once runs its function: the
// connection is handed over.
func (p *primary) oneGoroutine(ctx context.Context, db *sql.DB, done chan<- struct{}) {
	var once sync.Once
	go func() {
		defer close(done)
		c, err := db.Conn(ctx)
		if err != nil {
			return
		}
		once.Do(func() { p.set(c) })
	}()
}
