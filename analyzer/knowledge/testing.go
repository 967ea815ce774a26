package knowledge

// testing: Fatal and Skip stop the test's goroutine; Error and Fail mark
// it failed and go on. A test that expects a call to fail and discards its
// result (`if _, err := db.Query(bad); err == nil { t.Error(…) }`) leaks it
// only on the path where the test fails already.
func testing() Library {
	var lib Library
	lib.Name = "testing"
	// T, B and F have these methods from common; TB is their interface.
	for _, recv := range []string{"common", "TB"} {
		lib.NoReturn = append(lib.NoReturn, Keys("testing."+recv, "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow")...)
		lib.FailsTest = append(lib.FailsTest, Keys("testing."+recv, "Error", "Errorf", "Fail")...)
	}
	return lib
}
