package knowledge

// Puddle is jackc/puddle v2, the generic pool under pgxpool.
const Puddle = "github.com/jackc/puddle/v2"

// puddle: a *Resource[T] of Pool[T].Acquire or TryAcquire is checked out
// until Release, ReleaseUnused, Destroy or Hijack. A second release
// panics, so the type is not Repeatable. AcquireAllIdle hands out a slice
// of resources, an obligation per element, which the analysis does not
// follow: it is left out.
func puddle() Library {
	return Library{
		Name: "puddle v2",
		Resources: []Resource{
			{Pkg: Puddle, Type: "*Resource", Release: []string{Release, "ReleaseUnused", "Destroy", "Hijack"}, Verb: VerbRelease},
		},
		Acquirers:    Keys(Puddle, "Pool.Acquire", "Pool.TryAcquire"),
		Pools:        Keys(Puddle, "Pool"),
		PoolCreators: Keys(Puddle, "NewPool"),
		Borrowing:    []string{Puddle},
	}
}
