// Package serverlock lets the tests that disturb one another on the shared
// database servers of scripts/dbservers.sh run one after the other: the
// incident test (integration/) lowers max_connections for every client and
// counts Threads_connected, and the oracle (oracle/) opens and KILLs
// sessions. go test runs their packages in parallel.
//
// The lock is a file lock (flock(2)) on a file of the temporary directory,
// taken before the test opens any session: a lock held by the server (a
// named lock) would need a session to wait in, and that session would be
// counted among the incident's connections.
package serverlock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Path is the file the lock is taken on.
func Path() string { return filepath.Join(os.TempDir(), "connrelease-dbservers.lock") }

// pollEvery is how often Acquire tries again while another process holds
// the lock.
const pollEvery = 50 * time.Millisecond

// Acquire takes the lock, waiting until ctx is done. The returned function
// gives it back; closing the file would too, and so does the process's end.
func Acquire(ctx context.Context) (release func() error, err error) {
	return acquire(ctx, Path())
}

func acquire(ctx context.Context, path string) (func() error, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("serverlock: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f.Close, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			_ = f.Close()
			return nil, fmt.Errorf("serverlock: flock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return nil, fmt.Errorf("serverlock: %s is held by another test: %w", path, ctx.Err())
		case <-time.After(pollEvery):
		}
	}
}
