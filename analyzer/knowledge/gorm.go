package knowledge

// Gorm is gorm.io/gorm.
const Gorm = "gorm.io/gorm"

// gorm: a *gorm.DB of Open holds the *sql.DB pool its dialector opened;
// gorm has no Close of its own: a program closes the pool through DB(),
// `sqlDB, err := gdb.DB(); … sqlDB.Close()`. So DB() is a view of the pool
// (PoolViews): its result stands for it, its Close closes it, and where its
// error is not nil (ErrInvalidDB: no *sql.DB behind the DB) there is none
// to close. Every *gorm.DB a method of *gorm.DB returns shares the
// receiver's pool (db.Where(…), db.Session(…), db.Debug(), db.Begin()):
// it stands for it too (PoolChains), and is no obligation of its own.
// docs/libraries.md cites the source.
func gorm() Library {
	return Library{
		Name:         "gorm",
		Pools:        Keys(Gorm, "DB"),
		PoolCreators: Keys(Gorm, "Open"),
		PoolViews:    map[string]string{Gorm + ".DB.DB": SQL + ".DB"},
		PoolChains:   Keys(Gorm, "DB"),
	}
}
