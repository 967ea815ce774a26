// Package workpool is an in-house registry of workers checked out of a
// puddle pool: the configuration file workpool.yml says Checkout hands one
// out, which its summary cannot tell (it comes out of a map).
package workpool

import (
	"context"
	"errors"

	"github.com/jackc/puddle/v2"
)

// A Worker is pooled.
type Worker struct{ ID int }

// A Registry keeps workers taken out of the pool ahead of time, by name.
type Registry struct {
	pool   *puddle.Pool[*Worker]
	parked map[string]*puddle.Resource[*Worker]
}

// Reserve takes a worker out of the pool and parks it under name.
func (r *Registry) Reserve(ctx context.Context, name string) error {
	res, err := r.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	r.parked[name] = res
	return nil
}

// Checkout hands out the worker parked under name: the caller releases it.
func (r *Registry) Checkout(name string) (*puddle.Resource[*Worker], error) {
	res, ok := r.parked[name]
	if !ok {
		return nil, errors.New("no worker parked as " + name)
	}
	delete(r.parked, name)
	return res, nil
}
