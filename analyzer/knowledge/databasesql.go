package knowledge

// SQL is database/sql.
const SQL = "database/sql"

var closeOnly = []string{Close}

// databaseSQL: a *sql.DB is a pool; its connections, transactions, rows and
// statements hold one of its connections until given back.
func databaseSQL() Library {
	return Library{
		Name: SQL,
		Resources: repeatable([]Resource{
			{Pkg: SQL, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
			{Pkg: SQL, Type: "*Tx", Release: TxRelease, Verb: VerbTx},
			{Pkg: SQL, Type: "*Rows", Release: closeOnly, Verb: VerbClose, NextCloses: true, EndsWithTx: true},
			{Pkg: SQL, Type: "*Stmt", Release: closeOnly, Verb: VerbClose, EndsWithTx: true},
			// A row holds the rows of its query, and their connection,
			// until Scan (sql.go: Row.Scan closes r.rows; Row.Err does
			// not). A failed query leaves it no rows (QueryRowContext:
			// &Row{rows: rows, err: err}).
			{Pkg: SQL, Type: "*Row", Release: []string{"Scan"}, Verb: VerbScan, EndsWithTx: true, ErrorReleases: []string{"Err"}},
		}),
		Acquirers: Keys(SQL,
			"DB.Conn",
			"DB.Begin", "DB.BeginTx", "Conn.BeginTx",
			"DB.Query", "DB.QueryContext",
			"Conn.QueryContext",
			"Tx.Query", "Tx.QueryContext",
			"Stmt.Query", "Stmt.QueryContext",
			"DB.Prepare", "DB.PrepareContext",
			"Conn.PrepareContext",
			"Tx.Prepare", "Tx.PrepareContext",
			"DB.QueryRow", "DB.QueryRowContext", "Conn.QueryRowContext",
			"Tx.QueryRow", "Tx.QueryRowContext", "Stmt.QueryRow", "Stmt.QueryRowContext",
		),
		// "The returned statement operates within the transaction and will
		// be closed when the transaction has been committed or rolled
		// back"; rows too.
		Tied: Keys(SQL, "Tx.Prepare", "Tx.PrepareContext", "Tx.Query", "Tx.QueryContext", "Tx.QueryRow", "Tx.QueryRowContext"),
		// A transaction is rolled back (Tx.awaitDone), rows are closed
		// (Rows.awaitDone) when the context they were begun with is done.
		// Not a *sql.Conn, not a statement, not a transaction of Begin()
		// (the runtime oracle: TxCanceledOnReturn, RowsCanceledOnReturn,
		// ConnCanceledOnReturnLeaks, TxOfBeginCanceledLeaks).
		EndedWithContext: Keys(SQL, "DB.BeginTx", "Conn.BeginTx",
			"DB.QueryContext", "Conn.QueryContext", "Tx.QueryContext", "Stmt.QueryContext",
			"DB.QueryRowContext", "Conn.QueryRowContext", "Tx.QueryRowContext", "Stmt.QueryRowContext"),
		Pools:        Keys(SQL, "DB"),
		PoolCreators: Keys(SQL, "Open", "OpenDB"),
		Borrowing:    []string{SQL},
	}
}
