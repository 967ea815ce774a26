package knowledge

// go-redis under its import paths: v9, and v8 and v7 that many services
// still use, with the same types (v7's methods take no context).
const (
	Redis  = "github.com/redis/go-redis/v9"
	Redis8 = "github.com/go-redis/redis/v8"
	Redis7 = "github.com/go-redis/redis/v7"
)

// goRedis: a client is a pool; a dedicated connection (Client.Conn) and a
// subscription hold one of its connections until closed.
func goRedis() Library {
	lib := Library{Name: "go-redis v9, v8 and v7"}
	for _, pkg := range []string{Redis, Redis8, Redis7} {
		lib.Resources = append(lib.Resources, repeatable([]Resource{
			{Pkg: pkg, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
			{Pkg: pkg, Type: "*PubSub", Release: closeOnly, Verb: VerbClose},
		})...)
		clients := []string{"Client", "ClusterClient", "Ring", "SentinelClient", "UniversalClient"}
		subscribe := []string{"Subscribe", "PSubscribe"}
		if pkg == Redis {
			subscribe = append(subscribe, "SSubscribe")
		}
		lib.Acquirers = append(lib.Acquirers, pkg+".Client.Conn")
		for _, c := range clients {
			for _, s := range subscribe {
				if c == "SentinelClient" && s == "SSubscribe" {
					continue // sharded channels need a cluster or a client
				}
				lib.Acquirers = append(lib.Acquirers, pkg+"."+c+"."+s)
			}
		}
		lib.Pools = append(lib.Pools, Keys(pkg, clients...)...)
		lib.PoolCreators = append(lib.PoolCreators, Keys(pkg, "NewClient", "NewClusterClient", "NewRing",
			"NewUniversalClient", "NewFailoverClient", "NewSentinelClient")...)
		if pkg != Redis7 {
			lib.PoolCreators = append(lib.PoolCreators, pkg+".NewFailoverClusterClient")
		}
		lib.Borrowing = append(lib.Borrowing, pkg)
	}
	return lib
}
