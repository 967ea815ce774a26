package knowledge

// Kafka is segmentio/kafka-go.
const Kafka = "github.com/segmentio/kafka-go"

// kafkaGo: a *kafka.Conn of the Dial functions is a TCP connection of its
// own to a broker, outside any pool, open until Close.
func kafkaGo() Library {
	return Library{
		Name: "kafka-go",
		Resources: repeatable([]Resource{
			{Pkg: Kafka, Type: "*Conn", Release: closeOnly, Verb: VerbClose},
		}),
		Acquirers: Keys(Kafka,
			"Dial", "DialContext", "DialLeader", "DialPartition",
			"Dialer.Dial", "Dialer.DialContext", "Dialer.DialLeader", "Dialer.DialPartition",
		),
	}
}
