// Package workpoolcfg uses example.com/workpool under workpool.yml.
package workpoolcfg

import (
	"errors"

	"example.com/workpool"
)

func runLeaks(r *workpool.Registry, name string) error {
	res, err := r.Checkout(name) // want `res \(\*puddle\.Resource\[\*workpool\.Worker\] from r\.Checkout\) is not released on every path: the return at line 16 leaks it`
	if err != nil {
		return err
	}
	if res.Value().ID == 0 {
		return errors.New("no id")
	}
	res.Release()
	return nil
}

func run(r *workpool.Registry, name string) error {
	res, err := r.Checkout(name)
	if err != nil {
		return err
	}
	defer res.Release()
	if res.Value().ID == 0 {
		return errors.New("no id")
	}
	return nil
}
