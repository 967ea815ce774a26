package puddlereal

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/puddle/v2"

	"realmod/puddlereal/workers"
)

type worker struct{ id int }

func (w *worker) do(job string) error {
	if job == "" {
		return errors.New("empty job")
	}
	return nil
}

type svc struct{ pool *puddle.Pool[*worker] }

// Pool[T].Acquire -> *Resource[T], given back with Release.

func (s *svc) runAcquireLeaks(ctx context.Context, job string) error {
	res, err := s.pool.Acquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from s\.pool\.Acquire\) is not released on every path: the return at line 32 leaks it`
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	if err := res.Value().do(job); err != nil {
		return fmt.Errorf("do: %w", err) // <- leaks res
	}
	res.Release()
	return nil
}

func (s *svc) runAcquireDeferRelease(ctx context.Context, job string) error {
	res, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire: %w", err)
	}
	defer res.Release()
	return res.Value().do(job)
}

// A failed job destroys the worker; a good one goes back unused or used:
// Destroy and ReleaseUnused give it back as Release does.

func (s *svc) runDestroyOnErrorLeaks(ctx context.Context, job string, idle bool) error {
	res, err := s.pool.Acquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from s\.pool\.Acquire\) is not released on every path: the return at line 60 leaks it`
	if err != nil {
		return err
	}
	if err := res.Value().do(job); err != nil {
		res.Destroy()
		return err
	}
	if idle {
		return nil // <- leaks res
	}
	res.Release()
	return nil
}

func (s *svc) runDestroyOnError(ctx context.Context, job string, idle bool) error {
	res, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	if err := res.Value().do(job); err != nil {
		res.Destroy()
		return err
	}
	if idle {
		res.ReleaseUnused()
		return nil
	}
	res.Release()
	return nil
}

// Hijack takes the resource out of the pool: the value is the caller's.

func (s *svc) takeWorker(ctx context.Context) (*worker, error) {
	res, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	res.Hijack()
	return res.Value(), nil
}

// TryAcquire -> *Resource[T] or ErrNotAvailable.

func (s *svc) tryRunLeaks(ctx context.Context, job string) (bool, error) {
	res, err := s.pool.TryAcquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from s\.pool\.TryAcquire\) is not released on every path: the return at line 105 leaks it`
	if errors.Is(err, puddle.ErrNotAvailable) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if job == "" {
		return false, nil // <- leaks res
	}
	defer res.Release()
	return true, res.Value().do(job)
}

func (s *svc) tryRun(ctx context.Context, job string) (bool, error) {
	res, err := s.pool.TryAcquire(ctx)
	if errors.Is(err, puddle.ErrNotAvailable) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer res.Release()
	if job == "" {
		return false, nil
	}
	return true, res.Value().do(job)
}

// A discarded resource is never given back.

func (s *svc) warmDiscardedLeaks(ctx context.Context) error {
	_, err := s.pool.Acquire(ctx) // want `the \*puddle\.Resource\[\*worker\] from s\.pool\.Acquire is discarded and never released`
	return err
}

// In a loop: a resource a `continue` keeps is still held when the next
// iteration acquires again, and the return of a failed Acquire there
// leaks it; a Release deferred in the loop holds every iteration's.

func (s *svc) runAllLostLeaks(ctx context.Context, jobs []string) error {
	for _, job := range jobs {
		res, err := s.pool.Acquire(ctx) // want `res \(\*puddle\.Resource\[\*worker\] from s\.pool\.Acquire\) is not released on every path: the return at line 141 leaks it`
		if err != nil {
			return err
		}
		if job == "" {
			continue
		}
		err = res.Value().do(job)
		res.Release()
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *svc) runAllDeferInLoop(ctx context.Context, jobs []string) error {
	for _, job := range jobs {
		res, err := s.pool.Acquire(ctx) // want `res\.Release is deferred inside a loop: every iteration's \*puddle\.Resource\[\*worker\] from s\.pool\.Acquire stays held until the function returns`
		if err != nil {
			return err
		}
		defer res.Release()
		if err := res.Value().do(job); err != nil {
			return err
		}
	}
	return nil
}

func (s *svc) runAll(ctx context.Context, jobs []string) error {
	for _, job := range jobs {
		if err := s.runAcquireDeferRelease(ctx, job); err != nil {
			return err
		}
	}
	return nil
}

// Handed over: returned, stored, sent.

type lease struct{ res *puddle.Resource[*worker] }

func (s *svc) lease(ctx context.Context) (*lease, error) {
	res, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return &lease{res: res}, nil
}

func (s *svc) handOff(ctx context.Context, out chan<- *puddle.Resource[*worker]) error {
	res, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	out <- res
	return nil
}

// Across packages: workers.Take acquires, workers.Give releases,
// workers.Describe borrows.

func describeLeaks(ctx context.Context, p *puddle.Pool[*workers.Worker]) (string, error) {
	res, err := workers.Take(ctx, p) // want `res \(\*puddle\.Resource\[\*workers\.Worker\] from workers\.Take\) is not released on every path: the return at line 207 leaks it`
	if err != nil {
		return "", err
	}
	return workers.Describe(res), nil // <- leaks res
}

func describe(ctx context.Context, p *puddle.Pool[*workers.Worker]) (string, error) {
	res, err := workers.Take(ctx, p)
	if err != nil {
		return "", err
	}
	defer workers.Give(res)
	return workers.Describe(res), nil
}

// Pool[T] is a pool: one the function created may be closed there.

func newPool(max int32) (*puddle.Pool[*worker], error) {
	p, err := puddle.NewPool(&puddle.Config[*worker]{
		Constructor: func(context.Context) (*worker, error) { return &worker{}, nil },
		Destructor:  func(*worker) {},
		MaxSize:     max,
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func selfTest(ctx context.Context) error {
	p, err := newPool(1)
	if err != nil {
		return err
	}
	defer p.Close()
	res, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	res.Release()
	return nil
}

// AcquireAllIdle hands out a slice of resources, which the analysis does
// not follow (README, Limitations): nothing is reported, on either twin.

func keepAliveForgotten(p *puddle.Pool[*worker]) int {
	return len(p.AcquireAllIdle())
}

func keepAlive(p *puddle.Pool[*worker]) {
	for _, res := range p.AcquireAllIdle() {
		res.ReleaseUnused()
	}
}
