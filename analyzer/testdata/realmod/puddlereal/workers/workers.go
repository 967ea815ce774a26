// Package workers takes resources out of a puddle pool for another package:
// its facts tell puddlereal which helper acquires, which releases and which
// only borrows.
package workers

import (
	"context"
	"fmt"

	"github.com/jackc/puddle/v2"
)

// A Worker is pooled.
type Worker struct{ ID int }

// Take is an acquirer: the resource is its caller's.
func Take(ctx context.Context, p *puddle.Pool[*Worker]) (*puddle.Resource[*Worker], error) {
	res, err := p.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("take worker: %w", err)
	}
	return res, nil
}

// Give is a releaser.
func Give(res *puddle.Resource[*Worker]) { res.Release() }

// Describe borrows the resource.
func Describe(res *puddle.Resource[*Worker]) string {
	return fmt.Sprintf("worker %d", res.Value().ID)
}
