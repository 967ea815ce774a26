package knowledge

// pgx v5 and v4, each with its pool package.
const (
	Pgx5  = "github.com/jackc/pgx/v5"
	Pool5 = "github.com/jackc/pgx/v5/pgxpool"
	Pgx4  = "github.com/jackc/pgx/v4"
	Pool4 = "github.com/jackc/pgx/v4/pgxpool"
)

// pgx: v5 and v4 have the same resources. pgx ties the transactions, rows
// and batches begun on a connection to it: Release of a pooled connection
// in a transaction or with open rows destroys it, and Close of a *pgx.Conn
// ends its session, so the server rolls the transaction back (the runtime
// oracle: PooledConnTxAbandoned, ConnectTxAbandoned).
func pgx() Library {
	lib := Library{
		Name: "pgx v5 and v4",
		Consumers: map[string]int{
			Pgx5 + ".CollectRows":          0,
			Pgx5 + ".CollectOneRow":        0,
			Pgx5 + ".CollectExactlyOneRow": 0,
			Pgx5 + ".ForEachRow":           0,
			Pgx5 + ".AppendRows":           1,
		},
		Borrowing: []string{Pgx5, Pool5, Pgx4, Pool4},
	}
	for _, v := range [][2]string{{Pgx5, Pool5}, {Pgx4, Pool4}} {
		pgx, pool := v[0], v[1]
		lib.Resources = append(lib.Resources, repeatable([]Resource{
			{Pkg: pool, Type: "*Conn", Release: []string{Release, "Hijack"}, Verb: VerbRelease},
			{Pkg: pgx, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
			{Pkg: pgx, Type: "Tx", Release: TxRelease, Verb: VerbTx},
			{Pkg: pgx, Type: "Rows", Release: closeOnly, Verb: VerbClose, NextCloses: true, ErrorReleases: []string{"Scan"}},
			{Pkg: pgx, Type: "BatchResults", Release: closeOnly, Verb: VerbClose},
			{Pkg: pool, Type: "*Tx", Release: TxRelease, Verb: VerbTx},
			// A row holds its rows, and a pool's its pooled connection,
			// until Scan (conn.go: connRow.Scan closes the rows; pgxpool
			// poolRow.Scan releases the connection).
			{Pkg: pgx, Type: "Row", Release: []string{"Scan"}, Verb: VerbScan},
		})...)
		lib.Acquirers = append(lib.Acquirers, Keys(pgx,
			"Connect", "ConnectConfig",
			"Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.SendBatch",
			"Tx.Begin", "Tx.Query", "Tx.SendBatch",
			"Conn.QueryRow", "Tx.QueryRow",
		)...)
		lib.Acquirers = append(lib.Acquirers, Keys(pool,
			"Pool.Acquire", "Pool.Begin", "Pool.BeginTx", "Pool.Query", "Pool.SendBatch",
			"Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.SendBatch", "Conn.Hijack",
			"Tx.Begin", "Tx.Query", "Tx.SendBatch",
			"Pool.QueryRow", "Conn.QueryRow", "Tx.QueryRow",
		)...)
		lib.Tied = append(lib.Tied, Keys(pgx, "Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.QueryRow", "Conn.SendBatch")...)
		lib.Tied = append(lib.Tied, Keys(pool, "Conn.Begin", "Conn.BeginTx", "Conn.Query", "Conn.QueryRow", "Conn.SendBatch")...)
		// A savepoint (tx.Begin on a pgx.Tx) ends with its parent
		// transaction.
		lib.Tied = append(lib.Tied, pgx+".Tx.Begin")
		lib.Pools = append(lib.Pools, pool+".Pool")
	}
	lib.PoolCreators = append(Keys(Pool5, "New", "NewWithConfig"), Keys(Pool4, "Connect", "ConnectConfig")...)
	return lib
}
