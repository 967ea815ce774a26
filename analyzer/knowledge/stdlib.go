package knowledge

// stdlib: what the standard library does where a verdict depends on it.
func stdlib() Library {
	lib := Library{
		Name:     "standard library",
		NoReturn: []string{"os.Exit", "runtime.Goexit"},
		// Formatting and logging only look at their arguments.
		Borrowing: []string{"fmt", "log", "log/slog", "errors"},
		ErrorMatchers: map[string]ErrorMatch{
			"errors.Is": ErrorIs,
			"errors.As": ErrorAs,
		},
		CancelDerivers: Keys("context", "WithCancel", "WithTimeout", "WithDeadline",
			"WithCancelCause", "WithTimeoutCause", "WithDeadlineCause"),
		SharedLookups:  Keys("sync", "Map.Load", "Map.LoadOrStore", "Map.LoadAndDelete"),
		RunsAtMostOnce: Keys("sync", "Once.Do"),
	}
	for _, name := range []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"} {
		lib.NoReturn = append(lib.NoReturn, "log."+name, "log.Logger."+name)
	}
	return lib
}
