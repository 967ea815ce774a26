package knowledge

// The MongoDB Go driver, v2 and v1: the mongo package of each.
const (
	Mongo2 = "go.mongodb.org/mongo-driver/v2/mongo"
	Mongo1 = "go.mongodb.org/mongo-driver/mongo"
)

// VerbEnd says a session was not ended.
const VerbEnd = "ended"

// mongo: a cursor or a change stream holds a cursor on the server, the
// implicit session it was opened with (a server session taken from the
// client's pool) and, in load-balanced mode, a connection pinned to it,
// until Close (Cursor.All closes it too); a session of StartSession holds a
// server session of the pool until EndSession. Next returning false does
// not close a cursor: on an error it leaves all of it held, so NextCloses is
// not set. docs/libraries.md cites the driver's source for each.
//
// *mongo.Client is a pool (Connect, Disconnect) but not listed in Pools: it
// is closed by Disconnect, and the shared-pool-close check knows only Close
// (PoolClose).
func mongo() Library {
	// The driver's packages are not Borrowing: NewSessionContext puts the
	// session in the context it returns, which a helper may return or
	// store (a hand-over), and there is no way to say that its result
	// stands for the session. Passing a session to the driver
	// (NewSessionContext, WithSession) hands it over, so a leak after it
	// is missed, never a false one reported.
	lib := Library{Name: "mongo-driver v2 and v1"}
	for _, pkg := range []string{Mongo2, Mongo1} {
		session := "*Session" // v2: a struct
		if pkg == Mongo1 {
			session = "Session" // v1: an interface
		}
		lib.Resources = append(lib.Resources, repeatable([]Resource{
			{Pkg: pkg, Type: "*Cursor", Release: []string{Close, "All"}, Verb: VerbClose},
			{Pkg: pkg, Type: "*ChangeStream", Release: closeOnly, Verb: VerbClose},
			{Pkg: pkg, Type: session, Release: []string{"EndSession"}, Verb: VerbEnd},
		})...)
		lib.Acquirers = append(lib.Acquirers, Keys(pkg,
			"Collection.Find", "Collection.Aggregate", "Database.Aggregate",
			"Collection.Watch", "Database.Watch", "Client.Watch",
			"Client.StartSession",
		)...)
	}
	return lib
}
