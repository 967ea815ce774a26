#!/usr/bin/env bash
# recall.sh: does connrelease catch leaks that public projects fixed upstream?
#
#   bash bench/recall.sh            # every case of bench/recall/cases.tsv
#   RECALL_ONLY="a b" bash bench/recall.sh   # only the cases named
#
# Each line of bench/recall/cases.tsv names an upstream fix: the module, the
# last version the Go module proxy serves with the bug ("before"), the first
# with the fix ("after"), the package, file and function the fix changed.
# For each case and each side the package is fetched through the proxy into
# a scratch module of its own under $RECALL_DIR (default /tmp/connrelease-recall;
# one module per case and side, since the versions of one project conflict),
# then analysed, with GOPROXY=off, CGO_ENABLED=0 and a private GOCACHE, by
#
#   connrelease    this repository's cmd/connrelease, default configuration
#   sqlclosecheck  github.com/ryanrolds/sqlclosecheck ($SQLCLOSECHECK_VERSION,
#                  default v0.6.0), installed into $RECALL_DIR/bin
#
# A diagnostic counts for a case when its position (the acquisition, for
# connrelease) is in the case's file, between the first and the last line of
# the function (bench/recall/funcrange reads them with go/parser). Verdicts:
#
#   CAUGHT  something reported in the function before the fix, nothing after
#   NOISY   something reported in the function before and after the fix
#   MISSED  nothing reported in the function before the fix
#   ERROR   a side could not be fetched, loaded or analysed
#
# Output: a table and the totals on standard output and in
# bench/results/recall.txt. Each tool's output per package and version
# stays in $RECALL_DIR/out (cases that share a package and version share one
# analysis) and is reused until connrelease or sqlclosecheck is rebuilt
# differently; the scratch modules are kept between runs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${RECALL_DIR:-/tmp/connrelease-recall}
scver=${SQLCLOSECHECK_VERSION:-v0.6.0}
cases=$root/bench/recall/cases.tsv
results=$root/bench/results
rev=$(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown)

mkdir -p "$dir/bin" "$dir/out" "$dir/mod" "$results"
dir=$(cd "$dir" && pwd)
bin=$dir/bin
out=$dir/out

echo "building the tools ..." >&2
(cd "$root" && GOFLAGS=-buildvcs=false go build -o "$bin/connrelease" ./cmd/connrelease &&
	GOFLAGS=-buildvcs=false go build -o "$bin/funcrange" ./bench/recall/funcrange)
if [[ ! -x $bin/sqlclosecheck-$scver ]]; then
	echo "installing github.com/ryanrolds/sqlclosecheck@$scver ..." >&2
	(cd "$dir" && GOBIN=$bin GOFLAGS= GO111MODULE=on go install "github.com/ryanrolds/sqlclosecheck@$scver")
	mv "$bin/sqlclosecheck" "$bin/sqlclosecheck-$scver"
fi

export GOCACHE=$dir/gocache CGO_ENABLED=0 GOFLAGS= GOWORK=off GOTOOLCHAIN=local GO111MODULE=on

selected() { [[ -z ${RECALL_ONLY:-} || " $RECALL_ONLY " == *" $1 "* ]]; }

# key PKG VERSION: a file name for the package at that version; cases that
# share a package and version share its scratch module and the tools' output.
key() { echo "$1@$2" | tr '/' '_'; }

# fetch MODULE VERSION PKG: a scratch module requiring PKG at VERSION, with
# everything the loaders ask for in the module cache. Prints the module's
# directory.
fetch() {
	local module=$1 version=$2 pkg=$3
	local mod
	mod=$dir/mod/$(key "$pkg" "$version")
	local want="$module@$version $pkg"
	if [[ -f $mod/fetched && $(cat "$mod/fetched") == "$want" ]]; then
		echo "$mod"
		return
	fi
	rm -rf "$mod"
	mkdir -p "$mod"
	(
		cd "$mod"
		go mod init recall.local/scratch >/dev/null 2>&1
		# Some modules served here have no entry the checksum database
		# can be asked for through the proxy (it answers 404): fetch
		# those without it, once the plain fetch has failed.
		# (Explicit exits: errexit does not apply in a subshell on the
		# left of ||.)
		if ! go get -t "$pkg@$version" >"$mod/get.log" 2>&1; then
			GOSUMDB=off go get -t "$pkg@$version" >>"$mod/get.log" 2>&1 || exit 1
		fi
		# The loaders ask for the .info and go.mod of modules that go get
		# did not need (tests of dependencies): list them once, online.
		GOSUMDB=off go list -e -deps -test -json=ImportPath "$pkg" >/dev/null 2>>"$mod/get.log" || exit 1
	) || {
		tail -5 "$mod/get.log" >&2
		return 1
	}
	echo "$want" >"$mod/fetched"
	echo "$mod"
}

# count FILE_OUT SRCFILE START END: primary diagnostics ("FILE:LINE:COL: msg",
# not the related lines that start with a tab) at SRCFILE, lines START..END.
count() {
	awk -v f="$2" -v s="$3" -v e="$4" '
		{
			if (!match($0, /^[^ \t]+\.go:[0-9]+:[0-9]+: /)) next
			head = substr($0, 1, RLENGTH); rest = substr($0, RLENGTH + 1)
			if (rest ~ /^\t/) next
			n = split(head, p, ":")
			if (p[1] == f && p[2] + 0 >= s && p[2] + 0 <= e) c++
		}
		END { print c + 0 }' "$1"
}

# run TOOL MOD PKG VERSION: the tool's output on PKG, in $out (once per
# package, version and tool). Prints the output file.
run() {
	local tool=$1 mod=$2 pkg=$3 version=$4 rc=0
	local o
	o=$out/$(key "$pkg" "$version")-$tool.txt
	if [[ -f $o.ok ]]; then
		echo "$o"
		return
	fi
	case $tool in
	connrelease) (cd "$mod" && GOPROXY=off "$bin/connrelease" "$pkg") >"$o" 2>&1 || rc=$? ;;
	sqlclosecheck) (cd "$mod" && GOPROXY=off "$bin/sqlclosecheck-$scver" "$pkg") >"$o" 2>&1 || rc=$? ;;
	esac
	# 3: diagnostics found (both are singlechecker drivers).
	if [[ $rc != 0 && $rc != 3 ]] || grep -qE 'could not import|cannot find package|errors during loading|^panic:' "$o"; then
		echo "   $tool on $pkg@$version failed (exit $rc):" >&2
		head -5 "$o" >&2
		return 1
	fi
	touch "$o.ok"
	echo "$o"
}

# The tools' outputs are kept while the tools are the same binaries (built
# without VCS stamps, so a commit that changes no code keeps them); a
# connrelease built from other code analyses afresh.
stamp=$(cat "$bin/connrelease" "$bin/sqlclosecheck-$scver" | sha256sum)
if [[ $(cat "$out/stamp" 2>/dev/null) != "$stamp" ]]; then
	rm -f "$out"/*
	echo "$stamp" >"$out/stamp"
fi
table=$out/table.txt
: >"$table"
printf '%-24s %-28s %-13s %-13s %s\n' case function "connrelease" "sqlclosecheck" "before/after" >>"$table"
declare -A total
while IFS=$'\t' read -r name module before after pkgdir file function leaked fix; do
	[[ -z $name || $name == \#* ]] && continue
	selected "$name" || continue
	echo "== $name: $module $before -> $after, $file $function" >&2
	pkg=$module
	[[ $pkgdir != . ]] && pkg=$module/$pkgdir
	verdict=()
	counts=()
	declare -A n=()
	ok=1
	for side in before after; do
		version=$before
		[[ $side == after ]] && version=$after
		if ! mod=$(fetch "$module" "$version" "$pkg"); then
			echo "   could not fetch $pkg@$version" >&2
			ok=0
			break
		fi
		if ! src=$(cd "$mod" && GOPROXY=off go list -m -f '{{.Dir}}' "$module"); then
			ok=0
			break
		fi
		src=$src/$file
		if ! range=$("$bin/funcrange" "$src" "$function"); then
			ok=0
			break
		fi
		read -r start end <<<"$range"
		for tool in connrelease sqlclosecheck; do
			if ! o=$(run "$tool" "$mod" "$pkg" "$version"); then
				ok=0
				continue
			fi
			n[$side-$tool]=$(count "$o" "$src" "$start" "$end")
		done
	done
	for tool in connrelease sqlclosecheck; do
		if [[ $ok == 0 || -z ${n[before-$tool]:-} || -z ${n[after-$tool]:-} ]]; then
			v=ERROR
		elif ((${n[before-$tool]} == 0)); then
			v=MISSED
		elif ((${n[after-$tool]} == 0)); then
			v=CAUGHT
		else
			v=NOISY
		fi
		verdict+=("$v")
		counts+=("${n[before-$tool]:-?}/${n[after-$tool]:-?}")
		total[$tool-$v]=$((${total[$tool-$v]:-0} + 1))
	done
	total[cases]=$((${total[cases]:-0} + 1))
	printf '%-24s %-28s %-13s %-13s %s %s\n' "$name" "$function" "${verdict[0]}" "${verdict[1]}" "${counts[0]}" "${counts[1]}" >>"$table"
	unset n
done <"$cases"

{
	echo "recall: connrelease $rev vs sqlclosecheck $scver on upstream fixes of leaked database resources"
	echo "$(go env GOVERSION), CGO_ENABLED=0, $(date -u +%Y-%m-%d); cases in bench/recall/cases.tsv"
	echo "before/after: diagnostics inside the function before and after the fix, connrelease then sqlclosecheck"
	echo
	cat "$table"
	echo
	for tool in connrelease sqlclosecheck; do
		printf '%-14s caught %d of %d; missed %d, noisy %d, errors %d\n' "$tool" \
			"${total[$tool-CAUGHT]:-0}" "${total[cases]:-0}" "${total[$tool-MISSED]:-0}" \
			"${total[$tool-NOISY]:-0}" "${total[$tool-ERROR]:-0}"
	done
} >"$out/recall.txt"
cat "$out/recall.txt"
if [[ -z ${RECALL_ONLY:-} ]]; then
	cp "$out/recall.txt" "$results/recall.txt"
fi
