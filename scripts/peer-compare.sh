#!/usr/bin/env bash
# peer-compare.sh: how many of the analyzer's testdata cases the peer linter
# sqlclosecheck misses or falsely flags, next to connrelease itself.
#
#   scripts/peer-compare.sh             # summary tables with a few examples
#   scripts/peer-compare.sh --details   # every miss and every flagged function
#
# A leak case is a line with a `// want` comment; a clean case is a function
# declaration with none. Counts come from the want comments and the tools'
# -json output (scripts/peer-compare.go); nothing is hard-coded. Needs only
# Go: sqlclosecheck is installed from the Go module proxy into a temp GOBIN.
#
# Environment:
#   SQLCLOSECHECK_VERSION  module version to install (default v0.6.0)
#   PEER_PKGS              GOPATH testdata packages (default: the suites below)
#   KEEP_TMP=1             keep the temp dir with the raw JSON output
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${SQLCLOSECHECK_VERSION:-v0.6.0}
pkgs=${PEER_PKGS:-sqlbasic paths ownership regressions pgxv5cases pgxv4cases sqlxcases rediscases service indirect mt/db mt/repo mt/handlers}
testdata=$root/analyzer/testdata
realmod=$testdata/realmod

tmp=$(mktemp -d "${TMPDIR:-/tmp}/peer-compare.XXXXXX")
if [[ ${KEEP_TMP:-} == 1 ]]; then
	echo "raw output kept in $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT
fi

echo "installing github.com/ryanrolds/sqlclosecheck@$version ..." >&2
(cd "$tmp" && GOBIN=$tmp/bin GOFLAGS= GO111MODULE=on go install "github.com/ryanrolds/sqlclosecheck@$version")
echo "building connrelease ..." >&2
(cd "$root" && GOFLAGS= go build -o "$tmp/bin/connrelease" ./cmd/connrelease)

# run TOOL LABEL DIR ENV... -- PATTERNS...: -json output into $tmp/TOOL-LABEL.json.
# With -json a driver exits 0 whatever it finds; 1 means it could not load or
# analyse the packages, which must not pass for "found nothing".
run() {
	local tool=$1 label=$2 dir=$3
	shift 3
	local envs=()
	while [[ $1 != -- ]]; do envs+=("$1"); shift; done
	shift
	local out=$tmp/$tool-$label.json rc=0
	(cd "$dir" && env "${envs[@]}" "$tmp/bin/$tool" -json "$@") >"$out" 2>"$tmp/$tool-$label.err" || rc=$?
	if [[ $rc != 0 ]]; then
		echo "$tool on $label failed (exit $rc):" >&2
		cat "$tmp/$tool-$label.err" >&2
		exit 1
	fi
	json_args+=(-json "$tool=$out")
}

json_args=()
read -r -a pkg_list <<<"$pkgs"
realpkgs=$(cd "$realmod" && find . -path ./vendor -prune -o -name '*.go' -print | xargs -n1 dirname | sort -u)
for tool in sqlclosecheck connrelease; do
	run "$tool" gopath "$testdata" GOPATH="$testdata" GO111MODULE=off GOFLAGS= -- "${pkg_list[@]}"
	run "$tool" realmod "$realmod" GO111MODULE=on GOFLAGS=-mod=vendor GOPROXY=off -- ./...
done

suite_args=()
for p in "${pkg_list[@]}"; do
	suite_args+=(-suite "$p=$testdata/src/$p")
done
for d in $realpkgs; do
	d=${d#./}
	suite_args+=(-suite "realmod/$d=$realmod/$d")
done

echo >&2
cd "$root"
GOFLAGS= go run scripts/peer-compare.go "${suite_args[@]}" "${json_args[@]}" \
	-style '^Close should use defer$' \
	-type-re '([a-z0-9_]+\\\.[A-Z][A-Za-z0-9_]*) from ' "$@"
