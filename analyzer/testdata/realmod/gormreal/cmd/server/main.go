// Command server opens its gorm DB in main and keeps it in a package-level
// variable: the process's lifetime, and a hand-over anyway.
package main

import (
	"gorm.io/gorm"
)

var db *gorm.DB

var dialector gorm.Dialector

func main() {
	gdb, err := gorm.Open(dialector, &gorm.Config{})
	if err != nil {
		panic(err)
	}
	db = gdb
	run()
}

func run() {
	sqlDB, err := db.DB()
	if err != nil {
		return
	}
	defer sqlDB.Close()
}
