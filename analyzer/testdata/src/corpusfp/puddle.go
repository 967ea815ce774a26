package corpusfp

import (
	"context"
	"errors"

	"github.com/jackc/puddle/v2"
)

// pgxpoolAcquirePrepareConn is pgx v5.12.0's pgxpool Pool.Acquire
// (pool.go:641): a resource its PrepareConn hook refused (ok false) is
// destroyed under one `if !ok`, and the loop goes on under a second: the
// two branches on ok go the same way.
func pgxpoolAcquirePrepareConn(ctx context.Context, p *puddle.Pool[int], prepare func(int) (bool, error), tries int) (*puddle.Resource[int], error) {
	for range tries {
		res, err := p.Acquire(ctx)
		if err != nil {
			return nil, err
		}
		ok, err := prepare(res.Value())
		if !ok {
			res.Destroy()
		}
		if err != nil {
			if ok {
				res.Release()
			}
			return nil, err
		}
		if !ok {
			continue
		}
		return res, nil
	}
	return nil, errors.New("too many attempts")
}

// acquireRetryLeaks goes on with the loop under another condition than
// the one it destroyed the resource under: where it kept it, it is lost.
func acquireRetryLeaks(ctx context.Context, p *puddle.Pool[int], prepare func(int) (bool, error), retry bool) *puddle.Resource[int] {
	for {
		res, err := p.Acquire(ctx) // want `res \(\*puddle\.Resource\[int\] from p\.Acquire\) is not released on every path`
		if err != nil {
			return nil
		}
		if ok, _ := prepare(res.Value()); !ok {
			res.Destroy()
		}
		if !retry {
			return res
		}
	}
}
