// Package integration holds end-to-end tests of connrelease with the tools
// it plugs into: precommit_test.go runs the pre-commit hooks of
// .pre-commit-hooks.yaml with the real pre-commit on a throwaway Git
// repository; incident_test.go replays the "Error 1040: Too many
// connections" incident of examples/multitenant on a real MariaDB/MySQL
// server (scripts/dbservers.sh), and builds only with the tag dbservers.
// The package has no code of its own.
package integration
