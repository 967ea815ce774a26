// Package inhouse uses resources declared in the configuration file.
package inhouse

import (
	"context"

	"example.com/lease"
)

var shared *lease.Pool

func leaseLeaks(ctx context.Context, p *lease.Pool) error {
	l, err := p.Get(ctx) // want `l \(\*lease\.Lease from p\.Get\) is not given back with Return on every path: the return at line 17 leaks it`
	if err != nil {
		return err
	}
	return l.Do(ctx)
}

func leaseReturned(ctx context.Context, p *lease.Pool) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Return()
	return l.Do(ctx)
}

func leaseDrained(ctx context.Context, p *lease.Pool) error {
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	return lease.Drain(ctx, l)
}

func closeSharedLeasePool() {
	shared.Close() // want `closing the shared pool shared \(\*lease\.Pool from the package-level variable shared\) breaks every other user of it`
}

func closeOwnLeasePool(ctx context.Context) error {
	p, err := lease.NewPool("localhost")
	if err != nil {
		return err
	}
	defer p.Close()
	l, err := p.Get(ctx)
	if err != nil {
		return err
	}
	defer l.Return()
	return l.Do(ctx)
}
