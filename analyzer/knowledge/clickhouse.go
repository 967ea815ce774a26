package knowledge

// clickhouse-go v2: the native API's driver.Conn (clickhouse.Open) is a
// pool; its rows and batches hold one of its connections.
const (
	ClickHouse       = "github.com/ClickHouse/clickhouse-go/v2"
	ClickHouseDriver = "github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// clickHouse: rows hold their connection until Close or Next returning
// false; a batch holds its connection, in the middle of an INSERT, until
// Send, Abort or Close, and gives it back when Append fails. Nothing else
// ends them: no context, no parent (docs/libraries.md, with file and line).
func clickHouse() Library {
	return Library{
		Name: "clickhouse-go v2",
		Resources: repeatable([]Resource{
			{Pkg: ClickHouseDriver, Type: "Rows", Release: closeOnly, Verb: VerbClose, NextCloses: true},
			// Close first: `defer batch.Close()` is the fix the library
			// itself recommends, a no-op after Send.
			{Pkg: ClickHouseDriver, Type: "Batch", Release: []string{Close, "Send", "Abort"},
				Verb: "sent, aborted or closed", ErrorReleases: []string{"Append"}},
		}),
		Acquirers: Keys(ClickHouseDriver, "Conn.Query", "Conn.PrepareBatch"),
		Pools:     Keys(ClickHouseDriver, "Conn"),
		// OpenDB is the database/sql face of the same driver.
		PoolCreators: Keys(ClickHouse, "Open", "OpenDB"),
		// Not Borrowing: Batch.Append(rows) reads the rows to their end,
		// which closes them (conn_batch.go appendRowsBlocks), so passing
		// rows to the library may hand them over.
	}
}
