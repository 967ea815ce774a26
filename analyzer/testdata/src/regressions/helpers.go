package regressions

import (
	"database/sql"
	"errors"
	"io"
	"log"
)

// userStore is the repository the regression cases hang off.
type userStore struct {
	db *sql.DB
}

var errEmailTaken = errors.New("regressions: email already taken")

// closeRows closes and logs; call sites usually defer it.
func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Printf("close rows: %v", err)
	}
}

// closeQuietly closes anything and ignores the error.
func closeQuietly(c io.Closer) {
	_ = c.Close()
}

// scanIDs drains and closes the rows it is given.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
