// Package puddle is a minimal stub of github.com/jackc/puddle/v2 for analyzer tests.
package puddle

import "context"

// Resource is the resource handle returned by acquiring from the pool.
type Resource[T any] struct{ value T }

func (res *Resource[T]) Value() T       { return res.value }
func (res *Resource[T]) Release()       { panic("stub") }
func (res *Resource[T]) ReleaseUnused() { panic("stub") }
func (res *Resource[T]) Destroy()       { panic("stub") }
func (res *Resource[T]) Hijack()        { panic("stub") }

// Pool is a concurrency-safe resource pool.
type Pool[T any] struct{ closed bool }

func (p *Pool[T]) Acquire(ctx context.Context) (*Resource[T], error)    { panic("stub") }
func (p *Pool[T]) TryAcquire(ctx context.Context) (*Resource[T], error) { panic("stub") }
func (p *Pool[T]) AcquireAllIdle() []*Resource[T]                       { panic("stub") }
func (p *Pool[T]) Close()                                               { panic("stub") }
