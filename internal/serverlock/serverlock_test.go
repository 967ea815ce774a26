package serverlock

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestAcquire checks that a second Acquire waits while the first holds the
// lock (flock locks are per open file, so this holds within one process
// too), gives up when its context ends, and gets the lock once it is
// released.
func TestAcquire(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock")
	release, err := acquire(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*pollEvery)
	defer cancel()
	if r, err := acquire(ctx, path); !errors.Is(err, context.DeadlineExceeded) {
		if r != nil {
			_ = r()
		}
		t.Fatalf("second acquire while held: err = %v, want the context's deadline", err)
	}

	got := make(chan error, 1)
	go func() {
		r, err := acquire(context.Background(), path)
		if err == nil {
			err = r()
		}
		got <- err
	}()
	time.Sleep(2 * pollEvery)
	select {
	case err := <-got:
		t.Fatalf("acquired while held (err %v)", err)
	default:
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("not acquired 5 s after the release")
	}
}
