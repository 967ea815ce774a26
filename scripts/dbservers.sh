#!/usr/bin/env bash
# dbservers.sh start|stop — PostgreSQL 15, MariaDB 10.11 and Redis 7.0, from
# Debian's packages, for the tests that run against real servers (oracle/,
# integration/). Run as root (CI and the developers' machines are).
#
#   start  installs those of postgresql-15, mariadb-server and redis-server
#          that are missing, upgrading nothing already installed (one
#          apt-get update), stops any instance a previous start
#          left in the data folder, makes fresh data directories, starts the
#          three servers on 127.0.0.1, waits until each accepts connections,
#          creates the database and the accounts below, and writes $DIR/env.
#   stop   stops the three servers (bounded); nothing running is not an
#          error.
#
# The data folder is ${CONNRELEASE_DB_DIR:-/tmp/connrelease-db}:
#
#   $DIR/pg/data, $DIR/pg/run (socket), $DIR/pg/postgresql.log
#   $DIR/mariadb/data, $DIR/mariadb/run (socket, pid), $DIR/mariadb/error.log
#   $DIR/redis/data, $DIR/redis/run (pid), $DIR/redis/redis.log
#   $DIR/env   four export lines, to source before the tests:
#     CONNRELEASE_PG_DSN          postgres://connrelease:connrelease@127.0.0.1:55432/connrelease?sslmode=disable
#     CONNRELEASE_MYSQL_DSN       connrelease:connrelease@tcp(127.0.0.1:53306)/connrelease
#     CONNRELEASE_MYSQL_ADMIN_DSN root:connrelease-root@tcp(127.0.0.1:53306)/
#     CONNRELEASE_REDIS_ADDR      127.0.0.1:56379
#
# PostgreSQL refuses to run as root: initdb and pg_ctl run as the package's
# postgres user, mariadbd as the package's mysql user, redis-server as the
# package's redis user (no password, bound to 127.0.0.1, no persistence:
# --save "" --appendonly no). Each uses only its own data folder, ports and
# sockets: the packages' default clusters, /etc/mysql and /etc/redis are
# left alone (and not started).
#
# A failure prints the reason and the tail of the server's log, and exits 1;
# a failed start stops what it had started.
set -euo pipefail

DIR=${CONNRELEASE_DB_DIR:-/tmp/connrelease-db}
PG_PORT=55432
MY_PORT=53306
RD_PORT=56379
PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
START_TIMEOUT=${CONNRELEASE_DB_START_TIMEOUT:-90} # seconds, per server
STOP_TIMEOUT=30                                   # seconds, per server

PG_DATA=$DIR/pg/data
PG_RUN=$DIR/pg/run
PG_LOG=$DIR/pg/postgresql.log
MY_DATA=$DIR/mariadb/data
MY_RUN=$DIR/mariadb/run
MY_SOCK=$MY_RUN/mariadb.sock
MY_PID=$MY_RUN/mariadb.pid
MY_LOG=$DIR/mariadb/error.log
RD_DATA=$DIR/redis/data
RD_RUN=$DIR/redis/run
RD_PID=$RD_RUN/redis.pid
RD_LOG=$DIR/redis/redis.log

say() { echo "dbservers: $*" >&2; }
die() {
	say "$*"
	exit 1
}

# tail_log FILE: the last lines of a server log, for a failure message.
tail_log() {
	if [ -f "$1" ]; then
		echo "---- last lines of $1" >&2
		tail -n 40 "$1" >&2 || true
		echo "----" >&2
	else
		echo "(no log at $1)" >&2
	fi
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# as_user USER CMD...: CMD as USER, from / (the caller's directory, a
# checkout under /root for one, may be closed to USER, and initdb and
# pg_ctl fail where they cannot read it).
as_user() {
	local user=$1
	shift
	if command -v runuser >/dev/null 2>&1; then
		(cd / && runuser -u "$user" -- "$@")
	else
		(cd / && su -s /bin/sh "$user" -c "$(printf '%q ' "$@")")
	fi
}

# ---------------------------------------------------------------- install

mariadb_bins() {
	MY_D=$(command -v mariadbd || true)
	[ -n "$MY_D" ] || { [ -x /usr/sbin/mariadbd ] && MY_D=/usr/sbin/mariadbd; } || true
	MY_INSTALL=$(command -v mariadb-install-db || command -v mysql_install_db || true)
	MY_CLIENT=$(command -v mariadb || command -v mysql || true)
	MY_ADMIN=$(command -v mariadb-admin || command -v mysqladmin || true)
}

redis_bins() {
	RD_SERVER=$(command -v redis-server || true)
	[ -n "$RD_SERVER" ] || { [ -x /usr/bin/redis-server ] && RD_SERVER=/usr/bin/redis-server; } || true
	RD_CLI=$(command -v redis-cli || true)
}

pg_installed() {
	[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/postgres" ] &&
		[ -x "$PG_BIN/psql" ] && id postgres >/dev/null 2>&1
}

mariadb_installed() {
	mariadb_bins
	[ -n "$MY_D" ] && [ -n "$MY_INSTALL" ] && [ -n "$MY_CLIENT" ] && [ -n "$MY_ADMIN" ] &&
		id mysql >/dev/null 2>&1
}

redis_installed() {
	redis_bins
	[ -n "$RD_SERVER" ] && [ -n "$RD_CLI" ] && id redis >/dev/null 2>&1
}

installed() {
	pg_installed && mariadb_installed && redis_installed
}

# candidate PKG: the version apt would install ("" when none).
candidate() {
	apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}' | grep -v '^(none)$' || true
}

install_packages() {
	if installed; then
		return 0
	fi
	command -v apt-get >/dev/null 2>&1 || die "postgresql-$PG_VERSION, mariadb-server or redis-server is missing and there is no apt-get to install them"
	# Only what is missing, and nothing already installed upgraded
	# (--no-upgrade): a developer's machine keeps its own versions.
	local pkgs=()
	pg_installed || pkgs+=("postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION")
	mariadb_installed || pkgs+=(mariadb-server mariadb-client)
	redis_installed || pkgs+=(redis-server redis-tools)
	say "installing ${pkgs[*]} from Debian's packages"
	apt-get update -qq || die "apt-get update failed"
	local p c
	for p in "${pkgs[@]}"; do
		c=$(candidate "$p")
		[ -n "$c" ] || die "apt-cache policy: no candidate for $p (Debian 12 bookworm has it)"
		case "$p:$c" in
		mariadb-server:*10.11.* | redis-server:*:7.0.*) ;;
		mariadb-server:* | redis-server:*) say "warning: $p candidate is $c, not the version the tests were written against" ;;
		esac
		say "$p $c"
	done
	# The packages start their default servers (port 5432, 3306, 6379) unless a
	# policy-rc.d forbids it: forbid it for the install, if none does.
	local policy=/usr/sbin/policy-rc.d made_policy=""
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		made_policy=1
	fi
	local status=0
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade \
		"${pkgs[@]}" >/dev/null || status=$?
	[ -z "$made_policy" ] || rm -f "$policy"
	[ "$status" -eq 0 ] || die "apt-get install ${pkgs[*]} failed (status $status)"
	installed || die "installed postgresql-$PG_VERSION, mariadb-server and redis-server, but their programs are still missing"
}

# ---------------------------------------------------------------- stop

stop_pg() {
	if [ -f "$PG_DATA/postmaster.pid" ]; then
		local pid
		pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			if ! as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" stop >/dev/null 2>&1; then
				say "PostgreSQL (pid $pid) did not stop in ${STOP_TIMEOUT}s: killing it"
				kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
		rm -f "$PG_DATA/postmaster.pid"
	fi
}

# stop_pidfile NAME PIDFILE: SIGTERM the process of PIDFILE, wait up to
# STOP_TIMEOUT seconds, then SIGKILL it; forget the pid file.
stop_pidfile() {
	local name=$1 file=$2 pid i
	[ -f "$file" ] || return 0
	pid=$(cat "$file" 2>/dev/null || true)
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		if kill -0 "$pid" 2>/dev/null; then
			say "$name (pid $pid) did not stop in ${STOP_TIMEOUT}s: killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$file"
}

stop_mariadb() { stop_pidfile MariaDB "$MY_PID"; }

# SIGTERM: redis-server shuts down (nothing to save: --save "").
stop_redis() { stop_pidfile Redis "$RD_PID"; }

cmd_stop() {
	stop_pg
	stop_mariadb
	stop_redis
	say "stopped (data in $DIR)"
}

# ---------------------------------------------------------------- start

start_pg() {
	mkdir -p "$DIR/pg"
	rm -rf "$PG_DATA" "$PG_RUN"
	mkdir -p "$PG_DATA" "$PG_RUN"
	: >"$PG_LOG"
	chown -R postgres: "$DIR/pg"
	chmod 700 "$PG_DATA"
	local pwfile
	pwfile=$(mktemp "$DIR/pg/pw.XXXXXX")
	echo "connrelease-postgres" >"$pwfile"
	chown postgres: "$pwfile"
	if ! as_user postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >"$DIR/pg/initdb.log" 2>&1; then
		rm -f "$pwfile"
		tail_log "$DIR/pg/initdb.log"
		die "PostgreSQL: initdb failed"
	fi
	rm -f "$pwfile"
	cat >>"$PG_DATA/postgresql.conf" <<EOF
# dbservers.sh: a throwaway test server
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
	if ! as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null 2>&1; then
		tail_log "$PG_LOG"
		die "PostgreSQL did not start on 127.0.0.1:$PG_PORT within ${START_TIMEOUT}s"
	fi
	local i
	for ((i = 0; i < START_TIMEOUT * 5; i++)); do
		if as_user postgres "$PG_BIN/psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 && port_open "$PG_PORT"; then
			break
		fi
		sleep 0.2
	done
	port_open "$PG_PORT" || {
		tail_log "$PG_LOG"
		die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT"
	}
	if ! as_user postgres "$PG_BIN/psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >"$DIR/pg/setup.log" 2>&1 <<'EOF'; then
CREATE ROLE connrelease LOGIN PASSWORD 'connrelease';
GRANT pg_read_all_stats TO connrelease;
CREATE DATABASE connrelease OWNER connrelease;
EOF
		tail_log "$DIR/pg/setup.log"
		die "PostgreSQL: creating the connrelease role and database failed"
	fi
	say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

start_mariadb() {
	mkdir -p "$DIR/mariadb"
	rm -rf "$MY_DATA" "$MY_RUN"
	mkdir -p "$MY_DATA" "$MY_RUN"
	: >"$MY_LOG"
	chown -R mysql: "$DIR/mariadb"
	chmod 750 "$MY_DATA"
	# --no-defaults: not /etc/mysql's configuration (its socket, datadir, port).
	if ! "$MY_INSTALL" --no-defaults --user=mysql --datadir="$MY_DATA" \
		--auth-root-authentication-method=socket --skip-test-db \
		>"$DIR/mariadb/install-db.log" 2>&1; then
		tail_log "$DIR/mariadb/install-db.log"
		die "MariaDB: $(basename "$MY_INSTALL") failed"
	fi
	chown -R mysql: "$MY_DATA"
	# mariadbd started by root switches to --user=mysql itself. setsid: not
	# in the caller's process group, so the caller's job control leaves it be.
	setsid "$MY_D" --no-defaults --user=mysql --datadir="$MY_DATA" \
		--socket="$MY_SOCK" --port="$MY_PORT" --bind-address=127.0.0.1 \
		--pid-file="$MY_PID" --log-error="$MY_LOG" --skip-name-resolve \
		--max-connections=300 --innodb-buffer-pool-size=128M \
		--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
		</dev/null >>"$MY_LOG" 2>&1 &
	local launched=$! i
	for ((i = 0; i < START_TIMEOUT * 5; i++)); do
		if "$MY_ADMIN" --no-defaults --connect-timeout=2 --socket="$MY_SOCK" -uroot ping >/dev/null 2>&1 && port_open "$MY_PORT"; then
			break
		fi
		if ! kill -0 "$launched" 2>/dev/null; then
			tail_log "$MY_LOG"
			die "MariaDB exited while starting"
		fi
		sleep 0.2
	done
	if ! "$MY_ADMIN" --no-defaults --connect-timeout=2 --socket="$MY_SOCK" -uroot ping >/dev/null 2>&1 || ! port_open "$MY_PORT"; then
		tail_log "$MY_LOG"
		die "MariaDB does not accept connections on 127.0.0.1:$MY_PORT within ${START_TIMEOUT}s"
	fi
	# The pid file appears a little after the socket answers: write it if
	# mariadbd has not yet, so that stop finds the server.
	[ -s "$MY_PID" ] || echo "$launched" >"$MY_PID"
	if ! "$MY_CLIENT" --no-defaults --socket="$MY_SOCK" -uroot >"$DIR/mariadb/setup.log" 2>&1 <<'EOF'; then
CREATE DATABASE connrelease;
CREATE USER 'connrelease'@'%' IDENTIFIED BY 'connrelease';
GRANT ALL PRIVILEGES ON connrelease.* TO 'connrelease'@'%';
GRANT PROCESS ON *.* TO 'connrelease'@'%';
CREATE USER 'root'@'%' IDENTIFIED BY 'connrelease-root';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
EOF
		tail_log "$DIR/mariadb/setup.log"
		die "MariaDB: creating the connrelease database and accounts failed"
	fi
	say "MariaDB $("$MY_D" --version | awk '{print $3}') on 127.0.0.1:$MY_PORT"
}

start_redis() {
	mkdir -p "$DIR/redis"
	rm -rf "$RD_DATA" "$RD_RUN"
	mkdir -p "$RD_DATA" "$RD_RUN"
	: >"$RD_LOG"
	chown -R redis: "$DIR/redis"
	chmod 750 "$RD_DATA"
	# No configuration file: the defaults and these options, not
	# /etc/redis's. --daemonize: redis-server forks, leaves the caller's
	# session and writes its pid file once it listens.
	if ! as_user redis "$RD_SERVER" --port "$RD_PORT" --bind 127.0.0.1 \
		--dir "$RD_DATA" --save "" --appendonly no \
		--daemonize yes --pidfile "$RD_PID" --logfile "$RD_LOG" \
		</dev/null >>"$RD_LOG" 2>&1; then
		tail_log "$RD_LOG"
		die "Redis: redis-server failed to start"
	fi
	local i pid
	for ((i = 0; i < START_TIMEOUT * 5; i++)); do
		if [ "$("$RD_CLI" -h 127.0.0.1 -p "$RD_PORT" ping 2>/dev/null)" = PONG ]; then
			break
		fi
		pid=$(cat "$RD_PID" 2>/dev/null || true)
		if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
			tail_log "$RD_LOG"
			die "Redis exited while starting"
		fi
		sleep 0.2
	done
	if [ "$("$RD_CLI" -h 127.0.0.1 -p "$RD_PORT" ping 2>/dev/null)" != PONG ]; then
		tail_log "$RD_LOG"
		die "Redis does not accept connections on 127.0.0.1:$RD_PORT within ${START_TIMEOUT}s"
	fi
	# The pid file is written before the server answers; should it be
	# missing, the server's own process_id tells stop whom to stop.
	if [ ! -s "$RD_PID" ]; then
		"$RD_CLI" -h 127.0.0.1 -p "$RD_PORT" info server 2>/dev/null |
			awk -F: '/^process_id:/ {print $2}' | tr -d '\r' >"$RD_PID" || true
	fi
	[ -s "$RD_PID" ] || {
		"$RD_CLI" -h 127.0.0.1 -p "$RD_PORT" shutdown nosave >/dev/null 2>&1 || true
		tail_log "$RD_LOG"
		die "Redis: no pid file at $RD_PID"
	}
	say "Redis $("$RD_SERVER" --version | awk '{print $3}' | sed 's/^v=//') on 127.0.0.1:$RD_PORT"
}

cmd_start() {
	[ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and runs the servers as postgres, mysql and redis)"
	install_packages
	mariadb_bins
	redis_bins
	mkdir -p "$DIR"
	chmod 755 "$DIR"
	# A previous start's servers, if any, give way to fresh ones.
	stop_pg
	stop_mariadb
	stop_redis
	local port
	for port in "$PG_PORT" "$MY_PORT" "$RD_PORT"; do
		if port_open "$port"; then
			die "127.0.0.1:$port is already in use by another program"
		fi
	done
	rm -f "$DIR/env"
	# A failed start stops what it started.
	trap 'status=$?; if [ "$status" -ne 0 ]; then stop_pg; stop_mariadb; stop_redis; fi' EXIT
	start_pg
	start_mariadb
	start_redis
	trap - EXIT
	cat >"$DIR/env" <<EOF
export CONNRELEASE_PG_DSN=postgres://connrelease:connrelease@127.0.0.1:$PG_PORT/connrelease?sslmode=disable
export CONNRELEASE_MYSQL_DSN='connrelease:connrelease@tcp(127.0.0.1:$MY_PORT)/connrelease'
export CONNRELEASE_MYSQL_ADMIN_DSN='root:connrelease-root@tcp(127.0.0.1:$MY_PORT)/'
export CONNRELEASE_REDIS_ADDR=127.0.0.1:$RD_PORT
EOF
	say "ready: source $DIR/env"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
*)
	echo "usage: $0 start|stop   (data in \${CONNRELEASE_DB_DIR:-/tmp/connrelease-db})" >&2
	exit 2
	;;
esac
