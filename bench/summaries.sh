#!/usr/bin/env bash
# What summaries across packages cost: connrelease against the same engine
# without facts (bench/engine-alone), measured alternately in one run on a
# real module (default: pgx v5.12.0, ./...).
#
#   bash bench/summaries.sh [module@version] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mod=${1:-github.com/jackc/pgx/v5@v5.12.0}
runs=${2:-3}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/connrelease" ./cmd/connrelease
go build -o "$bin/engine-alone" ./bench/engine-alone
go build -o "$bin/compare" ./bench/compare
dir=$(go mod download -json "$mod" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
echo "module $mod in $dir, $runs runs each"
"$bin/compare" -dir "$dir" -runs "$runs" \
	"engine-alone=$bin/engine-alone ./..." \
	"connrelease=$bin/connrelease ./..."
