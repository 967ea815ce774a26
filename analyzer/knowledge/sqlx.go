package knowledge

// SQLX is jmoiron/sqlx, whose types embed database/sql's.
const SQLX = "github.com/jmoiron/sqlx"

func sqlx() Library {
	return Library{
		Name: "sqlx",
		Resources: repeatable([]Resource{
			{Pkg: SQLX, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
			{Pkg: SQLX, Type: "*Tx", Release: TxRelease, Verb: VerbTx},
			{Pkg: SQLX, Type: "*Rows", Release: closeOnly, Verb: VerbClose, NextCloses: true, EndsWithTx: true},
			{Pkg: SQLX, Type: "*Stmt", Release: closeOnly, Verb: VerbClose, EndsWithTx: true},
			{Pkg: SQLX, Type: "*NamedStmt", Release: closeOnly, Verb: VerbClose, EndsWithTx: true},
			// As database/sql's (sqlx.go: Row.Scan and scanAny close
			// r.rows; MapScan and SliceScan call Scan).
			{Pkg: SQLX, Type: "*Row", Release: []string{"Scan", "StructScan", "MapScan", "SliceScan"}, Verb: VerbScan,
				EndsWithTx: true, ErrorReleases: []string{"Err"}},
		}),
		Acquirers: Keys(SQLX,
			"DB.Connx",
			"DB.Beginx", "DB.BeginTxx", "DB.MustBegin", "DB.MustBeginTx", "Conn.BeginTxx",
			"DB.Queryx", "DB.QueryxContext", "DB.NamedQuery", "DB.NamedQueryContext",
			"Tx.Queryx", "Tx.QueryxContext", "Tx.NamedQuery", "Conn.QueryxContext",
			"Stmt.Queryx", "Stmt.QueryxContext", "NamedStmt.Queryx", "NamedStmt.QueryxContext",
			"NamedStmt.Query", "NamedStmt.QueryContext",
			"NamedQuery", "NamedQueryContext",
			"Queryer.Query", "Queryer.Queryx", "QueryerContext.QueryContext", "QueryerContext.QueryxContext",
			"DB.Preparex", "DB.PreparexContext", "Tx.Preparex", "Tx.PreparexContext", "Conn.PreparexContext",
			"Preparex", "PreparexContext",
			"DB.PrepareNamed", "DB.PrepareNamedContext", "Tx.PrepareNamed", "Tx.PrepareNamedContext",
			"DB.QueryRowx", "DB.QueryRowxContext", "Tx.QueryRowx", "Tx.QueryRowxContext", "Conn.QueryRowxContext",
			"Stmt.QueryRowx", "Stmt.QueryRowxContext",
			"NamedStmt.QueryRow", "NamedStmt.QueryRowx", "NamedStmt.QueryRowContext", "NamedStmt.QueryRowxContext",
			"Queryer.QueryRowx", "QueryerContext.QueryRowxContext",
		),
		// sqlx's transaction embeds database/sql's: the same holds of its
		// rows and statements (the runtime oracle:
		// SqlxTxQueryxClosedByRollback).
		Tied: Keys(SQLX, "Tx.Queryx", "Tx.QueryxContext", "Tx.NamedQuery",
			"Tx.Preparex", "Tx.PreparexContext", "Tx.PrepareNamed", "Tx.PrepareNamedContext",
			"Tx.QueryRowx", "Tx.QueryRowxContext"),
		// Through database/sql's (the runtime oracle: SqlxCanceledOnReturn).
		EndedWithContext: Keys(SQLX, "DB.BeginTxx", "Conn.BeginTxx",
			"DB.QueryxContext", "Tx.QueryxContext", "Conn.QueryxContext", "Stmt.QueryxContext",
			"DB.QueryRowxContext", "Tx.QueryRowxContext", "Conn.QueryRowxContext", "Stmt.QueryRowxContext"),
		Pools:        Keys(SQLX, "DB"),
		PoolCreators: Keys(SQLX, "Open", "Connect", "ConnectContext", "MustOpen", "MustConnect", "NewDb"),
		Borrowing:    []string{SQLX},
	}
}
