// Package kafkareal exercises the connrelease catalog against the real
// github.com/segmentio/kafka-go API (vendored): a *kafka.Conn of the Dial
// functions is a TCP connection to a broker, open until Close.
package kafkareal

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"realmod/kafkareal/brokers"
)

func produceDeadlineLeaks(ctx context.Context, addr, topic string, msgs []kafka.Message) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0) // want `conn \(\*kafka\.Conn from kafka\.DialLeader\) is not closed on every path: the return at line 24 leaks it`
	if err != nil {
		return err
	}
	if err := conn.SetWriteDeadline(time.Now().Add(10 * time.Second)); err != nil {
		return err // <- leaks conn
	}
	_, err = conn.WriteMessages(msgs...)
	conn.Close()
	return err
}

func produceDeferClose(ctx context.Context, addr, topic string, msgs []kafka.Message) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.SetWriteDeadline(time.Now().Add(10 * time.Second)); err != nil {
		return err
	}
	_, err = conn.WriteMessages(msgs...)
	return err
}

// The topic creation of kafka-go's README: a connection to any broker
// finds the controller, a second one to the controller creates the topic.
func createTopicControllerLeaks(addr, topic string) error {
	conn, err := kafka.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	controller, err := conn.Controller()
	if err != nil {
		return err
	}
	ctrl, err := kafka.Dial("tcp", net.JoinHostPort(controller.Host, strconv.Itoa(controller.Port))) // want `ctrl \(\*kafka\.Conn from kafka\.Dial\) is not closed on every path: the return at line 60 leaks it`
	if err != nil {
		return err
	}
	return ctrl.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: 1, ReplicationFactor: 1}) // <- leaks ctrl
}

func createTopic(addr, topic string) error {
	conn, err := kafka.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	controller, err := conn.Controller()
	if err != nil {
		return err
	}
	ctrl, err := kafka.Dial("tcp", net.JoinHostPort(controller.Host, strconv.Itoa(controller.Port)))
	if err != nil {
		return err
	}
	defer ctrl.Close()
	return ctrl.CreateTopics(kafka.TopicConfig{Topic: topic, NumPartitions: 1, ReplicationFactor: 1})
}

// A Dialer's connections are the same.
func partitionsDialerLeaks(ctx context.Context, d *kafka.Dialer, addr, topic string) ([]kafka.Partition, error) {
	conn, err := d.DialContext(ctx, "tcp", addr) // want `conn \(\*kafka\.Conn from d\.DialContext\) is not closed on every path: the return at line 89 leaks it`
	if err != nil {
		return nil, err
	}
	parts, err := conn.ReadPartitions(topic)
	if err != nil {
		return nil, fmt.Errorf("partitions of %s: %w", topic, err) // <- leaks conn
	}
	conn.Close()
	return parts, nil
}

// A Close deferred in the loop keeps a connection to every partition's
// leader until the function returns.
func offsetsDeferInLoop(ctx context.Context, d *kafka.Dialer, addr string, parts []kafka.Partition) (map[int]int64, error) {
	out := map[int]int64{}
	for _, p := range parts {
		conn, err := d.DialPartition(ctx, "tcp", addr, p) // want `conn\.Close is deferred inside a loop: every iteration's \*kafka\.Conn from d\.DialPartition stays held until the function returns`
		if err != nil {
			return nil, err
		}
		defer conn.Close()
		last, err := conn.ReadLastOffset()
		if err != nil {
			return nil, err
		}
		out[p.ID] = last
	}
	return out, nil
}

func offsetsCloseEachIteration(ctx context.Context, d *kafka.Dialer, addr string, parts []kafka.Partition) (map[int]int64, error) {
	out := map[int]int64{}
	for _, p := range parts {
		conn, err := d.DialPartition(ctx, "tcp", addr, p)
		if err != nil {
			return nil, err
		}
		last, err := conn.ReadLastOffset()
		conn.Close()
		if err != nil {
			return nil, err
		}
		out[p.ID] = last
	}
	return out, nil
}

// A reachability check that drops what it dialled.
func probeDiscarded(ctx context.Context, addr string) error {
	_, err := kafka.DialContext(ctx, "tcp", addr) // want `the \*kafka\.Conn from kafka\.DialContext is discarded and never closed`
	return err
}

// Through the facts of another package: Leader acquires, Hang releases.
func lastOffsetViaHelperLeaks(ctx context.Context, addr, topic string) (int64, error) {
	conn, err := brokers.Leader(ctx, addr, topic, 0) // want `conn \(\*kafka\.Conn from brokers\.Leader\) is not closed on every path: the return at line 143 leaks it`
	if err != nil {
		return 0, err
	}
	return conn.ReadLastOffset() // <- leaks conn
}

func lastOffsetViaHelper(ctx context.Context, addr, topic string) (int64, error) {
	conn, err := brokers.Leader(ctx, addr, topic, 0)
	if err != nil {
		return 0, err
	}
	defer brokers.Hang(conn)
	return conn.ReadLastOffset()
}

// Kept in a field, the connection is the producer's.
type Producer struct {
	conn *kafka.Conn
}

func (p *Producer) connect(ctx context.Context, addr, topic string) error {
	conn, err := kafka.DialLeader(ctx, "tcp", addr, topic, 0)
	if err != nil {
		return err
	}
	p.conn = conn
	return nil
}

// Dial's package function, and a Dialer's Dial and DialLeader.
func pingAll(ctx context.Context, d *kafka.Dialer, addr, topic string) error {
	a, err := d.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer a.Close()
	b, err := d.DialLeader(ctx, "tcp", addr, topic, 0)
	if err != nil {
		return err
	}
	defer b.Close()
	c, err := kafka.DialPartition(ctx, "tcp", addr, kafka.Partition{Topic: topic})
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ReadLastOffset()
	return err
}
