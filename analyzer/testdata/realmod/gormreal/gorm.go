// Package gormreal: a *gorm.DB of gorm.Open holds the *sql.DB pool its
// dialector opened, an obligation of the function that opens it as
// sql.Open's pool is; gorm has no Close: the pool is closed through DB().
// Each leak beside its clean twin, on the real gorm.io/gorm.
package gormreal

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"realmod/gormreal/repo"
)

type Item struct {
	ID   int64
	Name string
}

// A check after Open that fails: the pool stays open.

func openMigrateLeaks(d gorm.Dialector) (*gorm.DB, error) {
	gdb, err := gorm.Open(d, &gorm.Config{}) // want `gdb \(\*gorm\.DB from gorm\.Open\) is not closed on every path: the return at line 29 leaks it`
	if err != nil {
		return nil, err
	}
	if err := gdb.AutoMigrate(&Item{}); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return gdb, nil
}

func openMigrateClosed(d gorm.Dialector) (*gorm.DB, error) {
	gdb, err := gorm.Open(d, &gorm.Config{})
	if err != nil {
		return nil, err
	}
	if err := gdb.AutoMigrate(&Item{}); err != nil {
		if sqlDB, dbErr := gdb.DB(); dbErr == nil {
			_ = sqlDB.Close()
		}
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return gdb, nil
}

// Per call: the pool of each call is dropped.

func countPerCallLeaks(d gorm.Dialector) (int64, error) {
	gdb, err := gorm.Open(d) // want `gdb \(\*gorm\.DB from gorm\.Open\) is not closed on every path: the return at line 57 leaks it`
	if err != nil {
		return 0, err
	}
	var n int64
	err = gdb.Model(&Item{}).Count(&n).Error
	return n, err
}

// Closed through DB() with a defer; where DB() fails there is no *sql.DB
// to close: that path holds nothing.
func countPerCallDeferClose(d gorm.Dialector) (int64, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return 0, err
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return 0, err
	}
	defer sqlDB.Close()
	var n int64
	err = gdb.Model(&Item{}).Count(&n).Error
	return n, err
}

// DB() called to tune the pool, then the pool dropped: a leak.
func tuneThenDropLeaks(d gorm.Dialector) error {
	gdb, err := gorm.Open(d) // want `gdb \(\*gorm\.DB from gorm\.Open\) is not closed on every path: the return at line 88 leaks it`
	if err != nil {
		return err
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(4)
	return gdb.Exec("SELECT 1").Error
}

// DB() called to tune the pool, the gorm DB returned: handed over.
func tuneThenReturn(d gorm.Dialector) (*gorm.DB, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return nil, err
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(4)
	sqlDB.SetMaxIdleConns(2)
	return gdb, nil
}

// A chained *gorm.DB holds the same pool: returning it hands the pool over,
// closing its DB() closes it.
func openDebug(d gorm.Dialector, debug bool) (*gorm.DB, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return nil, err
	}
	if debug {
		gdb = gdb.Debug()
	}
	return gdb.Session(&gorm.Session{}), nil
}

func closeThroughChain(d gorm.Dialector) error {
	gdb, err := gorm.Open(d)
	if err != nil {
		return err
	}
	sqlDB, err := gdb.Session(&gorm.Session{}).DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// The sqlDB returned stands for the pool: handed over.
func openSQLDB(d gorm.Dialector) (*sql.DB, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return nil, err
	}
	return gdb.DB()
}

// Stored where it outlives the call: handed over.

type Store struct{ db *gorm.DB }

func NewStore(d gorm.Dialector) (*Store, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return nil, err
	}
	return &Store{db: gdb}, nil
}

func (s *Store) reopen(d gorm.Dialector) error {
	gdb, err := gorm.Open(d)
	if err != nil {
		return err
	}
	s.db = gdb
	return nil
}

var shared *gorm.DB

func openShared(d gorm.Dialector) error {
	gdb, err := gorm.Open(d)
	if err != nil {
		return err
	}
	shared = gdb
	return nil
}

// Passed to another package: handed over.
func newRepo(d gorm.Dialector) (*repo.Repo, error) {
	gdb, err := gorm.Open(d)
	if err != nil {
		return nil, err
	}
	return repo.New(gdb), nil
}

// Closing the pool of a *gorm.DB the function did not open: the receiver's
// own Close may; another method is not reported either (no diagnostic of
// shared-pool-close, as before gorm was known: the *sql.DB of DB() is no
// pool of the catalog's origins).
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

func (s *Store) resetPool() {
	if sqlDB, err := s.db.DB(); err == nil {
		_ = sqlDB.Close()
	}
}

// A gorm DB over a *sql.DB the program gives it (the dialector's Conn) is
// that pool: no obligation of its own.

type connDialector struct {
	gorm.Dialector
	conn gorm.ConnPool
}

func overPool(sqlDB *sql.DB) (*gorm.DB, error) {
	gdb, err := gorm.Open(&connDialector{conn: sqlDB})
	if err != nil {
		return nil, err
	}
	var n int64
	return nil, gdb.Model(&Item{}).Count(&n).Error
}

// A transaction of Begin is no obligation (the same type as the pool): not
// tracked.
func beginNotTracked(gdb *gorm.DB) error {
	tx := gdb.Begin()
	if tx.Error != nil {
		return tx.Error
	}
	return tx.Create(&Item{Name: "x"}).Error
}

// grype v0.120.0's gormadapter.Open, reduced (bench/recall
// grype-gormadapter-open): the *gorm.DB is dropped when prepareDB fails.
// prepareDB returns the pool it is given (or a chain of it) exactly where it
// succeeds (its fact: passes it through on success), so returning its two
// results as they are leaks the pool where it fails.

type config struct{ writable, debug bool }

func (c config) prepareDB(dbObj *gorm.DB) (*gorm.DB, error) {
	if c.writable {
		if err := dbObj.Exec("PRAGMA journal_mode=WAL").Error; err != nil {
			return nil, fmt.Errorf("unable to apply DB writer statements: %w", err)
		}
	}
	if c.debug {
		dbObj = dbObj.Debug()
	}
	return dbObj, nil
}

func grypeOpenLeaks(cfg config, d gorm.Dialector) (*gorm.DB, error) {
	dbObj, err := gorm.Open(d, &gorm.Config{}) // want `dbObj \(\*gorm\.DB from gorm\.Open\) is not closed on every path: the return at line 251 leaks it`
	if err != nil {
		return nil, fmt.Errorf("unable to connect to DB: %w", err)
	}
	return cfg.prepareDB(dbObj)
}

// grype v0.120.1's fix.
func grypeOpenClosed(cfg config, d gorm.Dialector) (*gorm.DB, error) {
	dbObj, err := gorm.Open(d, &gorm.Config{})
	if err != nil {
		return nil, fmt.Errorf("unable to connect to DB: %w", err)
	}
	prepared, err := cfg.prepareDB(dbObj)
	if err != nil {
		if d, dbErr := dbObj.DB(); dbErr == nil {
			_ = d.Close()
		}
		return nil, err
	}
	return prepared, nil
}
