package knowledge

// Rueidis is rueidis's package.
const Rueidis = "github.com/redis/rueidis"

// rueidis: Dedicate takes a connection out of the client's pool for the
// caller alone and returns it with the function that puts it back (its
// second result); the dedicated client's Close also gives the slot back,
// closing the connection. Dedicated's callback form holds nothing.
func rueidis() Library {
	return Library{
		Name: "rueidis",
		Resources: []Resource{
			// Not Repeatable: Close after the cancel function closes a
			// connection that is back in the pool.
			{Pkg: Rueidis, Type: "DedicatedClient", Release: closeOnly, Verb: "given back by its cancel function"},
		},
		Acquirers:         Keys(Rueidis, "Client.Dedicate"),
		ReleasedByCalling: map[string]int{Rueidis + ".Client.Dedicate": 1},
		Pools:             Keys(Rueidis, "Client"),
		PoolCreators:      Keys(Rueidis, "NewClient"),
		Borrowing:         []string{Rueidis},
	}
}
