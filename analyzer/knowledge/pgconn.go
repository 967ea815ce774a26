package knowledge

// Pgconn is pgx v5's low-level connection package (in the pgx v5 module).
const Pgconn = "github.com/jackc/pgx/v5/pgconn"

// pgconn: a *PgConn of Connect is a session of its own, closed with
// Close(ctx); the readers of Exec, ExecParams, ExecPrepared, ExecStatement
// and ExecBatch keep their connection locked ("conn busy" for every later
// call) until Close, or Read and ReadAll, which close them. A row of its
// own: it is a layer under pgx's resources, in v5 only (pgx v4 uses the
// separate github.com/jackc/pgconn module), and a *PgConn of pgx's
// (*pgx.Conn).PgConn getter holds nothing.
func pgconn() Library {
	return Library{
		Name: "pgconn (pgx v5)",
		Resources: repeatable([]Resource{
			{Pkg: Pgconn, Type: "*PgConn", Release: []string{Close, "Hijack"}, Verb: VerbClose},
			{Pkg: Pgconn, Type: "*MultiResultReader", Release: []string{Close, "ReadAll"}, Verb: VerbClose},
			{Pkg: Pgconn, Type: "*ResultReader", Release: []string{Close, "Read"}, Verb: VerbClose},
		}),
		Acquirers: append(Keys(Pgconn,
			"Connect", "ConnectConfig", "ConnectWithOptions",
			"PgConn.Exec", "PgConn.ExecParams", "PgConn.ExecPrepared", "PgConn.ExecStatement", "PgConn.ExecBatch",
		),
			// Rows reading a reader close it (pgx's baseRows.Close): the
			// reader is handed to the rows, which are a fresh obligation.
			Pgx5+".RowsFromResultReader"),
		Consumers: map[string]int{Pgx5 + ".RowsFromResultReader": 1},
		// A reader ends with its connection: Close of the *PgConn leaves
		// nothing locked.
		Tied:      Keys(Pgconn, "PgConn.Exec", "PgConn.ExecParams", "PgConn.ExecPrepared", "PgConn.ExecStatement", "PgConn.ExecBatch"),
		Borrowing: []string{Pgconn},
	}
}
