// Package kafkaconfig is read with kafka.yml, which names kafka-go's
// *Reader a resource. It is under testdata so that TestRealModules, which
// runs without the file, does not load it.
package kafkaconfig

import (
	"context"
	"fmt"

	"github.com/segmentio/kafka-go"
)

func firstMessageLeaks(ctx context.Context, brokers []string, topic string) (string, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic}) // want `r \(\*kafka\.Reader from kafka\.NewReader\) is not closed on every path: the return at line 17 leaks it`
	m, err := r.ReadMessage(ctx)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", topic, err) // <- leaks r
	}
	r.Close()
	return string(m.Value), nil
}

func firstMessage(ctx context.Context, brokers []string, topic string) (string, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic})
	defer r.Close()
	m, err := r.ReadMessage(ctx)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", topic, err)
	}
	return string(m.Value), nil
}

// The built-in kafka-go knowledge holds beside the configured one.
func dialAndReadLeaks(ctx context.Context, addr, topic string) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0) // want `conn \(\*kafka\.Conn from kafka\.DialLeader\) is not closed on every path: the return at line 42 leaks it`
	if err != nil {
		return err
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{addr}, Topic: topic})
	defer r.Close()
	if _, err := r.ReadMessage(ctx); err != nil {
		return err // <- leaks conn
	}
	return conn.Close()
}
