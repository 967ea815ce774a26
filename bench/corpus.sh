#!/usr/bin/env bash
# corpus.sh: connrelease on a corpus of real Go modules, against its peer and
# its floors, measured alternately in one run.
#
#   bash bench/corpus.sh [runs]        # default 3 runs of each tool
#
# Two corpora: libraries (drivers, pools, ORMs, migration tools, queues) and
# applications (programs and tools that talk to databases, and libraries
# built on the drivers, as an application uses them). Their modules, pinned
# by version, are fetched through the Go module proxy (go get -t, so test
# dependencies resolve) into one scratch module per corpus under $BENCH_DIR
# (default /tmp/connrelease-bench), kept between runs: mod for the libraries,
# mod-applications for the applications. One module per corpus, because one
# go get resolves its modules together: an application's requirements would
# otherwise lift the libraries' dependencies (and their diagnostics) through
# minimal version selection. Every tool then runs on each corpus entry's own
# packages, tests included, from its corpus's scratch module, with a private
# GOCACHE and CGO_ENABLED=0 (the sqlite drivers type-check without compiling
# C), GOPROXY=off and GOFLAGS unset (or set to the entry's build flags):
#
#   connrelease    this repository's cmd/connrelease (declares facts: loads
#                  and type-checks every dependency from source)
#   sqlclosecheck  github.com/ryanrolds/sqlclosecheck (v0.6.0), installed
#                  into $BENCH_DIR/bin
#   noop-facts     bench/noop-facts: a fact type, no SSA, exports nothing —
#                  the load-and-type-check floor of a fact-using analyzer
#   noop-ssa       bench/noop-ssa: requires buildssa, does nothing — the floor
#                  of an SSA analyzer without facts (as sqlclosecheck is)
#   vet            go vet -json with its default analyzers
#
# Each tool runs once first, unmeasured: that checks it loads the packages,
# keeps connrelease's diagnostics, and warms the build cache. sqlclosecheck,
# noop-ssa and go vet read dependencies as export data from the build cache
# (the compiled packages) as they do on a developer's machine; connrelease
# and noop-facts never compile anything. go vet also caches its own results,
# dependencies' facts and the packages' reports alike (Go 1.26): each
# measured vet run passes a -printf.funcs value of its own, which matches no
# function but changes vet's cache key, so vet analyses everything afresh
# while the compiled export data stays cached.
#
# CPU is user+system time of the process tree (go list, compilers and vet
# processes included), peak RSS that of the largest single process; the
# median of the runs is reported (bench/compare). Output: a table per module,
# a summary with a total per corpus, the total of both and the targets,
# bench/results/corpus.txt (the same summary) and
# bench/results/diagnostics-NAME.txt (connrelease's diagnostics, paths
# relative to the repository root of the module, for triage).
#
# Environment:
#   BENCH_DIR              scratch directory (default /tmp/connrelease-bench)
#   BENCH_ONLY             space-separated corpus entry names to run (default
#                          all); a corpus none of whose entries is named is
#                          not fetched
#   SQLCLOSECHECK_VERSION  default v0.6.0
#   BENCH_REV              how to name the connrelease measured (default: git describe)
#   BENCH_REPORT=1         measure nothing: rewrite the diagnostics files and
#                          print the summary again from the last run's output
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
dir=${BENCH_DIR:-/tmp/connrelease-bench}
scver=${SQLCLOSECHECK_VERSION:-v0.6.0}
results=$root/bench/results
rev=${BENCH_REV:-$(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown)}

# An entry: its name, then the modules whose packages it covers, the first
# being the one the diagnostics' paths are relative to, then the go build
# flags its packages need, if any (given to every tool as GOFLAGS).
libraries=(
	"pgx-v5 github.com/jackc/pgx/v5@v5.12.0"
	"pgx-v4 github.com/jackc/pgx/v4@v4.18.3"
	"river github.com/riverqueue/river@v0.51.2 github.com/riverqueue/river/riverdriver@v0.51.2 github.com/riverqueue/river/riverdriver/riverpgxv5@v0.51.2 github.com/riverqueue/river/riverdriver/riverdatabasesql@v0.51.2"
	"sqlx github.com/jmoiron/sqlx@v1.4.0"
	"goose github.com/pressly/goose/v3@v3.30.0"
	"migrate github.com/golang-migrate/migrate/v4@v4.20.1"
	"tern github.com/jackc/tern/v2@v2.3.4"
	"gorm gorm.io/gorm@v1.31.2"
	"bun github.com/uptrace/bun@v1.3.0"
	"gue github.com/vgarvardt/gue/v5@v5.8.0"
	"ent entgo.io/ent@v0.14.5"
)
# neoq's test helpers (package testutils) build only with the tag testing.
applications=(
	"sqlc github.com/sqlc-dev/sqlc@v1.31.1"
	"miniflux miniflux.app/v2@v2.3.5"
	"riverui riverqueue.com/riverui@v0.22.0"
	"sql-migrate github.com/rubenv/sql-migrate@v1.8.1"
	"watermill-sql github.com/ThreeDotsLabs/watermill-sql/v4@v4.1.2"
	"scany github.com/georgysavva/scany/v2@v2.1.4"
	"cockroach-go github.com/cockroachdb/cockroach-go/v2@v2.4.2"
	"neoq github.com/acaloiaro/neoq@v0.72.2 -tags=testing"
	"goqite maragu.dev/goqite@v0.4.0"
	"pgtestdb github.com/peterldowns/pgtestdb@v0.1.1"
)
corpora=(libraries applications)

# parse ENTRY: sets name, mods (module@version) and flags (go build flags).
parse() {
	local f x
	read -r -a f <<<"$1"
	name=${f[0]}
	mods=()
	flags=()
	for x in "${f[@]:1}"; do
		if [[ $x == -* ]]; then flags+=("$x"); else mods+=("$x"); fi
	done
}
# The corpus's scratch module (the libraries' keeps its old name).
moddir() {
	if [[ $1 == libraries ]]; then echo "$dir/mod"; else echo "$dir/mod-$1"; fi
}
selected() { [[ -z ${BENCH_ONLY:-} || " $BENCH_ONLY " == *" $1 "* ]]; }
# Is any entry of the corpus selected?
wanted() {
	local -n entries=$1
	local entry
	for entry in "${entries[@]}"; do
		if selected "${entry%% *}"; then return 0; fi
	done
	return 1
}
# Every entry, after the name of its corpus, libraries first.
everything=()
for c in "${corpora[@]}"; do
	declare -n entries=$c
	for entry in "${entries[@]}"; do everything+=("$c $entry"); done
	unset -n entries
done

mkdir -p "$dir/bin" "$dir/out" "$results"
dir=$(cd "$dir" && pwd)
bin=$dir/bin
out=$dir/out

echo "building the tools ..." >&2
(cd "$root" && GOFLAGS= go build -o "$bin/connrelease" ./cmd/connrelease &&
	GOFLAGS= go build -o "$bin/noop-facts" ./bench/noop-facts &&
	GOFLAGS= go build -o "$bin/noop-ssa" ./bench/noop-ssa &&
	GOFLAGS= go build -o "$bin/compare" ./bench/compare)
if [[ ! -x $bin/sqlclosecheck-$scver ]]; then
	echo "installing github.com/ryanrolds/sqlclosecheck@$scver ..." >&2
	(cd "$dir" && GOBIN=$bin GOFLAGS= GO111MODULE=on go install "github.com/ryanrolds/sqlclosecheck@$scver")
	mv "$bin/sqlclosecheck" "$bin/sqlclosecheck-$scver"
fi

export GOCACHE=$dir/gocache CGO_ENABLED=0 GOFLAGS= GOWORK=off GOTOOLCHAIN=local GO111MODULE=on

# prepare CORPUS: its scratch module, rebuilt when the corpus changes, with
# everything the tools will ask for fetched.
prepare() {
	local -n entries=$1
	local mod entry spec gets all mv got
	mod=$(moddir "$1")
	spec=$(printf '%s\n' "${entries[@]}")
	if [[ ! -f $mod/go.sum || $(cat "$mod/corpus.spec" 2>/dev/null) != "$spec" ]]; then
		echo "fetching the $1 into $mod ..." >&2
		rm -rf "$mod"
		mkdir -p "$mod"
		gets=()
		for entry in "${entries[@]}"; do
			parse "$entry"
			for mv in "${mods[@]}"; do
				gets+=("${mv%@*}/...@${mv#*@}")
			done
		done
		(cd "$mod" && go mod init "bench.local/$1" >/dev/null 2>&1 && go get -t "${gets[@]}" >"$dir/get-$1.log" 2>&1) || {
			tail -20 "$dir/get-$1.log" >&2
			exit 1
		}
		echo "$spec" >"$mod/corpus.spec"
	fi
	# Every module's .info too, not only its go.mod and source: with
	# GOPROXY=off, go list -json reports a module whose .info is not in the
	# module cache with an error ("module lookup disabled"), which fails the
	# drivers. go mod download misses the modules of dependencies' tests that
	# the pruned module graph loads lazily; listing the packages (with each
	# entry's build flags) fetches them.
	if [[ ! -f $mod/prefetched ]]; then
		echo "fetching the module information the drivers ask for ..." >&2
		(cd "$mod" && go mod download)
		for entry in "${entries[@]}"; do
			parse "$entry"
			all=()
			for mv in "${mods[@]}"; do all+=("${mv%@*}/..."); done
			(cd "$mod" && GOFLAGS="${flags[*]}" go list -e -deps -test -json=ImportPath,Module "${all[@]}" >/dev/null)
		done
		touch "$mod/prefetched"
	fi
	# One go get resolves every module of the corpus together: check that no
	# pin moved.
	for entry in "${entries[@]}"; do
		parse "$entry"
		for mv in "${mods[@]}"; do
			got=$(cd "$mod" && GOPROXY=off go list -m -f '{{.Version}}' "${mv%@*}")
			if [[ $got != "${mv#*@}" ]]; then
				echo "corpus: ${mv%@*} resolved to $got, not ${mv#*@}" >&2
				exit 1
			fi
		done
	done
}
for c in "${corpora[@]}"; do
	if wanted "$c"; then prepare "$c"; fi
done
export GOPROXY=off

record=$out/record.tsv
report=${BENCH_REPORT:-}
# Forget what is about to be measured (or, reporting, recounted).
touch "$record" "$out/info.tsv"
if [[ -z ${BENCH_ONLY:-} && -z $report ]]; then
	: >"$record"
fi
for item in "${everything[@]}"; do
	parse "${item#* }"
	if selected "$name"; then
		awk -F'\t' -v n="$name" '$1 != n' "$out/info.tsv" >"$out/info.tsv.new" && mv "$out/info.tsv.new" "$out/info.tsv"
		if [[ -z $report ]]; then
			awk -F'\t' -v n="$name" '$1 != n' "$record" >"$record.new" && mv "$record.new" "$record"
		fi
	fi
done
failed=()
crashes=()
loaderrs='module lookup disabled|could not import|cannot find package|no required module|build constraints exclude|^-: |: undefined: |errors during loading'

for item in "${everything[@]}"; do
	kind=${item%% *}
	parse "${item#* }"
	if ! selected "$name"; then
		continue
	fi
	mod=$(moddir "$kind")
	cd "$mod"
	export GOFLAGS="${flags[*]}"
	# The entry's own packages: those of its modules (a pattern M/... would
	# also match nested modules, such as river's rivershared).
	pkgs=()
	for mv in "${mods[@]}"; do
		m=${mv%@*}
		while read -r p; do pkgs+=("$p"); done < <(go list -e -f "{{if eq .Module.Path \"$m\"}}{{.ImportPath}}{{end}}" "$m/..." | grep .)
	done
	npkgs=${#pkgs[@]}
	nunits=$(go list -e -test "${pkgs[@]}" | grep -vc '\.test$')
	ndeps=$(go list -e -deps -test "${pkgs[@]}" | grep -vc '\.test$')
	echo
	echo "== $name: ${mods[*]}${flags[*]:+ (${flags[*]})}"
	echo "   $npkgs packages, $nunits with test variants, $ndeps type-checked with their dependencies"

	p="${pkgs[*]}"
	tools=(
		"connrelease=$bin/connrelease $p"
		"sqlclosecheck=$bin/sqlclosecheck-$scver $p"
		"noop-facts=$bin/noop-facts $p"
		"noop-ssa=$bin/noop-ssa $p"
		"vet=go vet -json -printf.funcs=connreleasebench_{nonce} $p"
	)
	# Unmeasured first run: does it load, what does it say.
	ok=1
	for t in "${tools[@]}"; do
		if [[ -n $report ]]; then
			break
		fi
		tool=${t%%=*}
		line=${t#*=}
		line=${line//\{nonce\}/warmup}
		rc=0
		# shellcheck disable=SC2086
		$line >"$out/$name-$tool.stdout" 2>"$out/$name-$tool.stderr" || rc=$?
		# 3: diagnostics found. go vet -json exits 0 with or without them.
		if [[ $rc != 0 && $rc != 3 ]]; then
			echo "   $tool failed (exit $rc):" >&2
			head -20 "$out/$name-$tool.stderr" >&2
			ok=0
		elif grep -qE "$loaderrs" "$out/$name-$tool.stderr"; then
			# A driver that also found something exits 3 all the same.
			echo "   $tool could not load everything:" >&2
			grep -E "$loaderrs" "$out/$name-$tool.stderr" | head -5 >&2
			ok=0
		fi
	done
	for t in "${tools[@]}"; do
		tool=${t%%=*}
		if grep -qiE 'internal error|^panic:|goroutine [0-9]+ \[' "$out/$name-$tool.stdout" "$out/$name-$tool.stderr" 2>/dev/null; then
			crashes+=("$name/$tool: $(grep -hiE 'internal error|^panic:' "$out/$name-$tool.stdout" "$out/$name-$tool.stderr" | head -3)")
		fi
	done
	if [[ $ok == 0 ]]; then
		failed+=("$name")
		continue
	fi

	# connrelease's diagnostics, with paths relative to the repository root.
	script=()
	base=${mods[0]%@*}
	for mv in "${mods[@]}"; do
		m=${mv%@*}
		d=$(go list -m -f '{{.Dir}}' "$m")
		rel=${m#"$base"}
		rel=${rel#/}
		script+=(-e "s|^$d/|${rel:+$rel/}|")
	done
	{
		echo "# connrelease on ${mods[*]} (packages and tests, default configuration${flags[*]:+, ${flags[*]}})"
		echo "# connrelease $rev, $(go env GOVERSION), GOOS=$(go env GOOS) CGO_ENABLED=0"
		# A diagnostic is a line and the related lines after it ("FILE:LINE:COL:
		# <tab>..."): keep them together, once each (a file analysed in the
		# package and again in its test variant reports twice), in order.
		sed "${script[@]}" "$out/$name-connrelease.stderr" |
			awk '/^[^ \t]+:[0-9]+:[0-9]+: \t/ { printf "\001%s", $0; next } NR > 1 { printf "\n" } { printf "%s", $0 } END { if (NR) printf "\n" }' |
			sort -u -t: -k1,1 -k2,2n -k3,3n | tr '\001' '\n'
	} >"$results/diagnostics-$name.txt"
	ndiag=$(grep -c $'^[^#].*:[0-9]*:[0-9]*: [^\t]' "$results/diagnostics-$name.txt" || true)
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$npkgs" "$nunits" "$ndeps" "$ndiag" "$kind" >>"$out/info.tsv"

	if [[ -z $report ]]; then
		echo "   measuring, $runs runs of each tool ..."
		"$bin/compare" -dir "$mod" -runs "$runs" -label "$name" -record "$record" "${tools[@]}" >"$out/$name-compare.txt" || {
			echo "   measuring failed" >&2
			failed+=("$name")
			continue
		}
	elif ! grep -q "^$name	" "$record"; then
		echo "   not measured in the last run"
		failed+=("$name")
		continue
	fi
	awk -F'\t' -v n="$name" '
		$1 == n { cpu[$2] = $3; rss[$2] = $4; order[++k] = $2 }
		END {
			printf "   %-14s %9s %10s   %s\n", "tool", "cpu", "peak RSS", "connrelease/tool: cpu, RSS"
			for (i = 1; i <= k; i++) {
				t = order[i]
				printf "   %-14s %8.2fs %6d MiB", t, cpu[t], rss[t] / 1024
				if (t != "connrelease") printf "   %5.2fx %5.2fx", cpu["connrelease"] / cpu[t], rss["connrelease"] / rss[t]
				printf "\n"
			}
		}' "$record"
	echo "   $ndiag diagnostics in bench/results/diagnostics-$name.txt"
done
export GOFLAGS=

summary() {
	echo "connrelease $rev vs sqlclosecheck $scver, $(go env GOVERSION), $(nproc) cores, $(date -u +%Y-%m-%d)"
	echo "median of $(awk -F'\t' 'NR == 1 { print $5 }' "$record") alternated runs; cpu = user+sys seconds of the process tree; rss = peak RSS (MiB) of the largest process"
	echo "c/X = connrelease / X"
	awk -F'\t' -v kinds="${corpora[*]}" '
		# row: a line of the table, from the cpu and rss of each tool in c and r.
		function row(label, p, d, g, c, r,   j) {
			printf "%-13s %4s %5s %5s", label, p, d, g
			for (j = 1; j <= 5; j++) printf " | %6.1fs %5d", c[tl[j]], r[tl[j]]
			printf " | %5.2fx %5.2fx | %5.2fx | %5.2fx | %5.2fx\n", c["connrelease"] / c["sqlclosecheck"], r["connrelease"] / r["sqlclosecheck"],
				c["connrelease"] / c["noop-facts"], c["connrelease"] / c["noop-ssa"], c["connrelease"] / c["vet"]
		}
		FNR == NR { pk[$1] = $2; units[$1] = $3; deps[$1] = $4; diags[$1] = $5; kind[$1] = ($6 == "" ? "libraries" : $6); next }
		!($1 in pk) { next }
		{ if (!($1 in seen)) { seen[$1] = 1; names[++n] = $1 } cpu[$1, $2] = $3; rss[$1, $2] = $4 / 1024 }
		END {
			if (n == 0) exit
			split("connrelease sqlclosecheck noop-facts noop-ssa vet", tl, " ")
			split("connrelease sqlclosecheck noop-facts noop-ssa go_vet", hl, " ")
			printf "%-13s %4s %5s %5s", "", "", "", ""
			for (j = 1; j <= 5; j++) { gsub(/_/, " ", hl[j]); printf " | %-13s", hl[j] }
			printf " | connrelease / sqlclosecheck, noop-facts, noop-ssa, vet\n"
			printf "%-13s %4s %5s %5s", "module", "pkgs", "deps", "diags"
			for (j = 1; j <= 5; j++) printf " | %7s %5s", "cpu", "rss"
			printf " |  cpu    rss   |  cpu   |  cpu   |  cpu\n"
			worst = 0
			nk = split(kinds, kl, " ")
			for (k = 1; k <= nk; k++) {
				split("", kc); split("", kr); kp = kd = 0
				for (i = 1; i <= n; i++) {
					m = names[i]
					if (kind[m] != kl[k]) continue
					kp += pk[m]; kd += diags[m]; tp += pk[m]; td += diags[m]
					split("", mc); split("", mr)
					for (j = 1; j <= 5; j++) {
						t = tl[j]; mc[t] = cpu[m, t]; mr[t] = rss[m, t]
						kc[t] += mc[t]; if (mr[t] > kr[t]) kr[t] = mr[t]
						tc[t] += mc[t]; if (mr[t] > tr[t]) tr[t] = mr[t]
					}
					r = mr["connrelease"] / mr["sqlclosecheck"]; if (r > worst) { worst = r; worstm = m }
					row(m, pk[m], deps[m], diags[m], mc, mr)
				}
				if (kc["connrelease"] == 0) continue
				row(kl[k], kp, "", kd, kc, kr)
				share = share sprintf("%s%s %.2fx", (share == "" ? "" : ", "), kl[k], kc["connrelease"] / kc["sqlclosecheck"])
				share_names = share_names (share_names == "" ? "" : ", ") kl[k]
			}
			row("total", tp, "", td, tc, tr)
			print "(" share_names ": the subtotal of each corpus; total: every module; cpu summed, rss the largest of the modules)"
			print ""
			a = tc["connrelease"] / tc["sqlclosecheck"]; b = tc["connrelease"] / tc["noop-facts"]
			printf "target total cpu <= 1.0x sqlclosecheck:     %.2fx  %s (%s)\n", a, (a <= 1.0 ? "met" : "NOT met"), share
			printf "target total cpu <= 1.2x noop-facts floor:  %.2fx  %s\n", b, (b <= 1.2 ? "met" : "NOT met")
			printf "target peak RSS <= 1.0x sqlclosecheck:      %.2fx on the worst module (%s)  %s\n", worst, worstm, (worst <= 1.0 ? "met" : "NOT met")
		}' "$out/info.tsv" "$record"
	if ((${#failed[@]})); then
		echo "FAILED to build, load or measure: ${failed[*]}"
	fi
	if ((${#crashes[@]})); then
		echo "crashes or internal errors:"
		printf '  %s\n' "${crashes[@]}"
	else
		echo "no tool printed a panic or an internal error"
	fi
}

echo
echo "== summary"
if [[ -z ${BENCH_ONLY:-} ]]; then
	summary | tee "$results/corpus.txt"
else
	summary # with the modules of earlier runs: not saved
fi
if ((${#failed[@]})); then
	exit 1
fi
