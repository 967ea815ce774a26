// Package brokers holds helpers whose facts carry kafka-go's connections to
// the package that calls them.
package brokers

import (
	"context"
	"fmt"

	"github.com/segmentio/kafka-go"
)

// Leader dials the leader of a partition: an acquirer to its callers.
func Leader(ctx context.Context, addr, topic string, partition int) (*kafka.Conn, error) {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, partition)
	if err != nil {
		return nil, fmt.Errorf("leader of %s/%d: %w", topic, partition, err)
	}
	return conn, nil
}

// Hang closes the connection, whatever happens: a releaser.
func Hang(conn *kafka.Conn) error {
	return conn.Close()
}
