// Command golangci-lint is golangci-lint v2.15.0 with the connrelease module
// plugin compiled in: the binary `golangci-lint custom` builds from
// .custom-gcl.yml, built from the Go module proxy alone (no git clone).
//
//	cd tools/golangci-lint && go build -o ../../custom-gcl .
//
// main mirrors golangci-lint's cmd/golangci-lint/main.go at v2.15.0, with the
// plugin imported and the version derived from the golangci-lint module this
// is built with.
package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The module plugins: each registers its linters in init.
	_ "github.com/connrelease/connrelease/plugin"
)

const (
	golangciModule = "github.com/golangci/golangci-lint/v2"
	pluginModule   = "github.com/connrelease/connrelease"
)

var (
	goVersion = "unknown"

	// Set with -ldflags "-X main.version=... -X main.date=..." to override.
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	info := createBuildInfo()

	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Commit:    commit,
		Version:   version,
		GoVersion: goVersion,
		Date:      cmp.Or(date, "(unknown)"),
	}

	buildInfo, available := debug.ReadBuildInfo()
	if !available {
		return info
	}

	info.GoVersion = buildInfo.GoVersion

	var gcl, plugin string
	for _, dep := range buildInfo.Deps {
		switch dep.Path {
		case golangciModule:
			gcl = dep.Version
		case pluginModule:
			plugin = dep.Version
			if dep.Replace != nil {
				plugin = dep.Replace.Path
				if dep.Replace.Version != "" && dep.Replace.Version != "(devel)" {
					plugin += "@" + dep.Replace.Version
				}
			}
		}
	}

	if info.Commit == "" {
		info.Commit = fmt.Sprintf("%s %s with the module plugin %s %s", golangciModule, gcl, pluginModule, plugin)
	}

	// golangci-lint salts its results cache with the version. The plugin
	// changes without golangci-lint's version changing (`golangci-lint
	// custom` puts a hash of the plugin's directory in the version), so the
	// version carries a hash of this executable: a rebuilt plugin never
	// reads results cached by the one before.
	if info.Version == "" {
		sum, err := executableHash()
		if err != nil {
			// golangci-lint hashes the executable itself, and reports
			// the error, for the version "(devel)".
			info.Version = "(devel)"
		} else {
			info.Version = strings.TrimPrefix(gcl, "v") + "-connrelease-" + sum
		}
	}

	return info
}

func executableHash() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}

	f, err := os.Open(p)
	if err != nil {
		return "", err
	}

	defer func() { _ = f.Close() }()

	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}

	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
