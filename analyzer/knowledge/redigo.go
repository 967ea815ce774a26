package knowledge

// Redigo is redigo's package.
const Redigo = "github.com/gomodule/redigo/redis"

// redigo: a Pool hands out connections (Get, GetContext) that go back with
// Close; Dial and its forms open a connection of their own, closed by Close.
// Conn is an interface; a second Close does nothing (activeConn.Close,
// conn.Close, errorConn.Close).
func redigo() Library {
	return Library{
		Name: "redigo",
		Resources: repeatable([]Resource{
			{Pkg: Redigo, Type: "Conn", Release: closeOnly, Verb: VerbClose},
		}),
		Acquirers: Keys(Redigo,
			"Pool.Get", "Pool.GetContext",
			"Dial", "DialContext", "DialURL", "DialURLContext", "DialTimeout",
		),
		// A logging wrapper closes the connection it wraps: the caller
		// closes the wrapper.
		Consumers: map[string]int{
			Redigo + ".NewLoggingConn":       0,
			Redigo + ".NewLoggingConnFilter": 0,
		},
		Pools:        Keys(Redigo, "Pool"),
		PoolCreators: Keys(Redigo, "NewPool"),
		Borrowing:    []string{Redigo},
	}
}
