#!/usr/bin/env bash
# Start a private, throwaway PostgreSQL cluster for the test suite and print its admin URL.
#
#   export SUPERVISION_TEST_PG_URL="$(.ci/postgres.sh)"
#
# Needs the Debian `postgresql` package (any major version; the newest one installed is used).
# The system's own cluster is left alone, running or not: this one lives in a fresh temporary
# folder, listens on 127.0.0.1 only, on a free port, with trust authentication and fsync off.
# When run as root the cluster belongs to the `postgres` user; otherwise to the calling user.
# Stdout gets exactly one line, the URL; progress and the stop command go to stderr.
set -euo pipefail

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
    if [[ -n "${PG_BINDIR:-}" ]]; then
        echo "$PG_BINDIR"
        return
    fi
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null \
        | sort -V | tail -n 1 || true)
    if [[ -z "$dir" ]] && command -v pg_config >/dev/null; then
        dir=$(pg_config --bindir)
    fi
    [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] \
        || die "no PostgreSQL server binaries found (apt-get install postgresql)"
    echo "$dir"
}

port_in_use() {
    local port=$1
    if command -v ss >/dev/null; then
        ss -Htln "sport = :$port" 2>/dev/null | grep -q .
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

free_port() {
    local port tries
    for tries in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
    done
    die "no free TCP port found after $tries tries"
}

BINDIR=$(find_bindir)

if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user"
    as_owner() { runuser -u postgres -- "$@"; }
    STOP_PREFIX="runuser -u postgres -- "
    BASE=$(mktemp -d /tmp/pg-ci.XXXXXX)
    chown postgres: "$BASE"
else
    as_owner() { "$@"; }
    STOP_PREFIX=""
    BASE=$(mktemp -d "${TMPDIR:-/tmp}/pg-ci.XXXXXX")
fi
chmod 700 "$BASE"
DATA="$BASE/data"
LOGFILE="$BASE/server.log"
cd "$BASE"

# On any failure, leave nothing behind.
ready=""
cleanup() {
    if [[ -z "$ready" ]]; then
        as_owner "$BINDIR/pg_ctl" --pgdata="$DATA" --mode=immediate stop >/dev/null 2>&1 || true
        cd /
        rm -rf "$BASE"
    fi
}
trap cleanup EXIT

as_owner "$BINDIR/initdb" --pgdata="$DATA" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$BASE/initdb.log" 2>&1 \
    || { cat "$BASE/initdb.log" >&2; die "initdb failed"; }

# Trust on loopback only: the server listens nowhere else.
cat >"$DATA/pg_hba.conf" <<'EOF'
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
EOF

started=""
for attempt in 1 2 3 4 5; do
    PORT=$(free_port)
    if as_owner "$BINDIR/pg_ctl" --pgdata="$DATA" --log="$LOGFILE" --wait --timeout=60 \
        --options="-p $PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2; then
        started=yes
        break
    fi
    log "start on port $PORT failed (attempt $attempt); trying another port"
done
[[ -n "$started" ]] || { cat "$LOGFILE" >&2 || true; die "the server did not start"; }

for _ in $(seq 1 60); do
    if "$BINDIR/pg_isready" --quiet --host=127.0.0.1 --port="$PORT" --username=postgres; then
        log "cluster in $DATA, port $PORT; stop it with:"
        log "  ${STOP_PREFIX}$BINDIR/pg_ctl --pgdata=$DATA stop && rm -rf $BASE"
        ready=yes
        echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
        exit 0
    fi
    sleep 0.5
done
cat "$LOGFILE" >&2 || true
die "the server started but does not accept connections"
