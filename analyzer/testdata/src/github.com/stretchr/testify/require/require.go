// Package require is a stub of testify's require: each assertion stops the
// test (t.FailNow) when it fails.
package require

// TestingT is what the assertions report to.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func Error(t TestingT, err error, msgAndArgs ...interface{})                             {}
func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{})                   {}
func NoError(t TestingT, err error, msgAndArgs ...interface{})                           {}
func False(t TestingT, value bool, msgAndArgs ...interface{})                            {}
func True(t TestingT, value bool, msgAndArgs ...interface{})                             {}
func Nil(t TestingT, object interface{}, msgAndArgs ...interface{})                      {}
func Equal(t TestingT, expected, actual interface{}, msgAndArgs ...interface{})          {}
func EqualError(t TestingT, theError error, errString string, msgAndArgs ...interface{}) {}

// PanicTestFunc is a function that is expected to panic.
type PanicTestFunc func()

func Panics(t TestingT, f PanicTestFunc, msgAndArgs ...interface{}) {}
