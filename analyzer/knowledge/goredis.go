package knowledge

// Redis is go-redis v9.
const Redis = "github.com/redis/go-redis/v9"

// goRedis: a client is a pool; a dedicated connection (Client.Conn) and a
// subscription hold one of its connections until closed.
func goRedis() Library {
	lib := Library{
		Name: "go-redis v9",
		Resources: repeatable([]Resource{
			{Pkg: Redis, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
			{Pkg: Redis, Type: "*PubSub", Release: closeOnly, Verb: VerbClose},
		}),
		Acquirers: Keys(Redis,
			"Client.Conn",
			"Client.Subscribe", "Client.PSubscribe", "Client.SSubscribe",
			"ClusterClient.Subscribe", "ClusterClient.PSubscribe", "ClusterClient.SSubscribe",
			"Ring.Subscribe", "Ring.PSubscribe",
			"UniversalClient.Subscribe", "UniversalClient.PSubscribe", "UniversalClient.SSubscribe",
		),
		Pools: Keys(Redis, "Client", "ClusterClient", "Ring", "UniversalClient", "SentinelClient"),
		PoolCreators: Keys(Redis, "NewClient", "NewClusterClient", "NewRing",
			"NewUniversalClient", "NewFailoverClient", "NewFailoverClusterClient"),
		Borrowing: []string{Redis},
	}
	return lib
}
