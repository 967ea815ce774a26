package knowledge

// testify's require stops the test (t.FailNow) when its assertion fails:
// after require.Error(t, err) the path goes on only where err is not nil,
// after require.False(t, rows.Next()) only where Next returned false.
// Its assert marks the test failed and goes on: `assert.Error(t, err)`
// says the test expects the acquisition to fail, and the path where it
// succeeded is a failing test's: its assertions are read as require's.
const (
	Require = "github.com/stretchr/testify/require"
	Assert  = "github.com/stretchr/testify/assert"
)

func testify() Library {
	return Library{
		Name:       "testify",
		Assertions: []string{Require, Assert},
		AssertsError: []string{"Error", "Errorf", "ErrorIs", "ErrorIsf", "ErrorAs", "ErrorAsf",
			"ErrorContains", "ErrorContainsf", "EqualError", "EqualErrorf", "NotNil", "NotNilf"},
	}
}
