// Command main: a pool main opens lives as long as the process; the exit
// closes it.
package main

import (
	"database/sql"
	"fmt"
)

func main() {
	db, err := sql.Open("postgres", "dsn")
	if err != nil {
		return
	}
	var n int
	_ = db.QueryRow("SELECT 1").Scan(&n)
	fmt.Println(n)
}

func init() {
	db, _ := sql.Open("postgres", "dsn")
	_ = db.Ping()
}

func helperLeaks() error {
	db, err := sql.Open("postgres", "dsn") // want `db \(\*sql\.DB from sql\.Open\) is not closed on every path: the return at line 30 leaks it`
	if err != nil {
		return err
	}
	return db.Ping()
}
