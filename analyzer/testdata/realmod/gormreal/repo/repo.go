// Package repo keeps a *gorm.DB it is given: passing one to it hands it
// over.
package repo

import "gorm.io/gorm"

type Repo struct{ db *gorm.DB }

func New(db *gorm.DB) *Repo { return &Repo{db: db} }

// Close closes the pool of the DB it holds.
func (r *Repo) Close() error {
	sqlDB, err := r.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}
