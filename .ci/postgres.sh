#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests, on 127.0.0.1 only, and print its URL.
#
#   eval "$(bash .ci/postgres.sh start)"   # exports CLASS_VIEWS_PG_URL and CLASS_VIEWS_PG_DIR
#   npm test                               # the PostgreSQL suites now run too
#   bash .ci/postgres.sh stop              # stops the server and removes its files
#   bash .ci/postgres.sh halt              # stops the server, keeping its files: `start` resumes it
#
# `start` installs Debian's postgresql when no server binaries are found (as root, with
# apt-get), makes a cluster in a temporary directory owned by the `postgres` user, starts it
# on PGPORT (default 55432) and creates the database `class_views`. Nothing outside the
# temporary directory is changed, and no system service is started. Progress goes to
# stderr; stdout carries only the `export` lines.
set -euo pipefail

PGPORT="${PGPORT:-55432}"
STATE_FILE="${TMPDIR:-/tmp}/class-views-postgres-${PGPORT}.dir"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Start the server of the cluster in $2; wait until it accepts connections.
server_start() {
  # Enough connections for several app processes and parallel test suites; no fsync: a test server.
  as_postgres "$1/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PGPORT -k $2 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
}

start() {
  local bin started=1
  bin="$(find_bin)"
  if [ -z "$bin" ]; then
    log "installing Debian's postgresql"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
    bin="$(find_bin)"
  fi
  [ -n "$bin" ] || { log "no PostgreSQL server binaries found"; exit 1; }

  if [ -f "$STATE_FILE" ] && as_postgres "$bin/pg_ctl" -D "$(cat "$STATE_FILE")/data" status >/dev/null 2>&1; then
    log "already running on port $PGPORT"
    started=0
  elif [ -f "$STATE_FILE" ] && [ -d "$(cat "$STATE_FILE")/data" ]; then
    server_start "$bin" "$(cat "$STATE_FILE")"
    log "resumed on 127.0.0.1:$PGPORT"
  else
    local dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/class-views-pg.XXXXXX")"
    chmod 755 "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    server_start "$bin" "$dir"
    echo "$dir" > "$STATE_FILE"
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -c 'CREATE DATABASE class_views' postgres >&2
    log "started on 127.0.0.1:$PGPORT (files in $dir)"
  fi
  echo "export CLASS_VIEWS_PG_URL=postgres://postgres@127.0.0.1:$PGPORT/class_views"
  echo "export CLASS_VIEWS_PG_DIR=$(cat "$STATE_FILE")"
  # 1 when this call started the server: only then should its caller stop it.
  echo "export CLASS_VIEWS_PG_STARTED=$started"
}

stop() {
  local bin dir
  bin="$(find_bin)"
  [ -f "$STATE_FILE" ] || { log "not running"; return 0; }
  dir="$(cat "$STATE_FILE")"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir" "$STATE_FILE"
  log "stopped"
}

halt() {
  [ -f "$STATE_FILE" ] || { log "not running"; return 0; }
  as_postgres "$(find_bin)/pg_ctl" -D "$(cat "$STATE_FILE")/data" -m fast -w stop >&2
}

case "${1:-}" in
  start) start ;;
  halt) halt ;;
  stop) stop ;;
  *) echo "usage: $0 start|halt|stop" >&2; exit 2 ;;
esac
