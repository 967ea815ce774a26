package redis

// Version is the current release version.
func Version() string {
	return "8.11.5"
}
