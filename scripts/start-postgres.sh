#!/usr/bin/env bash
# Start a PostgreSQL server for eventwire and print the URL to use.
#
#   scripts/start-postgres.sh            # then: export EVENTWIRE_TEST_POSTGRES=<printed URL>
#
# As root (CI, containers): starts the Debian cluster (apt-get install postgresql)
# with pg_ctlcluster and creates the role and database "eventwire".
# As another user: creates a private cluster in ./eventwire-data/postgres with the
# server binaries of the installed PostgreSQL (initdb/pg_ctl), listening on
# 127.0.0.1:$PGPORT (default 5433). Safe to run again: it reuses what exists.
# Environment: EVENTWIRE_PG_USER, EVENTWIRE_PG_PASSWORD, EVENTWIRE_PG_DB, PGPORT.
set -euo pipefail
# Only the URL goes to standard output (callers capture it); everything the
# PostgreSQL tools print, e.g. "Removed stale pid file.", goes to standard error.
exec 3>&1 1>&2
# (Servers started below get "3>&-" so they do not hold the caller's pipe open.)

USER_NAME="${EVENTWIRE_PG_USER:-eventwire}"
PASSWORD="${EVENTWIRE_PG_PASSWORD:-eventwire}"
DB_NAME="${EVENTWIRE_PG_DB:-eventwire}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" ]]; then
    echo "PostgreSQL is not installed. On Debian/Ubuntu: sudo apt-get install postgresql" >&2
    exit 1
fi
version=$(basename "$(dirname "$bindir")")

sql_as_superuser() {  # run psql as the superuser, on the right server
    if [[ $(id -u) -eq 0 ]]; then
        su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -p $port -d postgres" <<<"$1"
    else
        "$bindir/psql" -v ON_ERROR_STOP=1 -qtA -h 127.0.0.1 -p "$port" -U "$(id -un)" -d postgres <<<"$1"
    fi
}

if [[ $(id -u) -eq 0 ]]; then
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
        pg_createcluster "$version" main >/dev/null
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
        # A container restored from a snapshot can keep the socket lock file of a server
        # that no longer runs; PostgreSQL refuses to start until it is gone.
        lock="/var/run/postgresql/.s.PGSQL.$port.lock"
        if [[ -f "$lock" ]] && ! kill -0 "$(head -n 1 "$lock")" 2>/dev/null; then
            echo "Removing stale socket lock $lock" >&2
            rm -f "$lock"
        fi
        pg_ctlcluster "$version" main start 3>&- || pg_lsclusters -h | grep -q online
    fi
else
    port="${PGPORT:-5433}"
    data="$(pwd)/eventwire-data/postgres"
    if [[ ! -f "$data/PG_VERSION" ]]; then
        mkdir -p "$data"
        "$bindir/initdb" -D "$data" -A trust -U "$(id -un)" >/dev/null
    fi
    if ! "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null 3>&-
    fi
fi

for _ in $(seq 1 30); do  # wait until it accepts connections
    if sql_as_superuser "SELECT 1" >/dev/null 2>&1; then break; fi
    sleep 1
done

sql_as_superuser "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE \"$USER_NAME\" LOGIN PASSWORD '$PASSWORD' CREATEDB;
  END IF;
END \$\$;" >/dev/null
if [[ -z $(sql_as_superuser "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") ]]; then
    sql_as_superuser "CREATE DATABASE \"$DB_NAME\" OWNER \"$USER_NAME\"" >/dev/null 2>&1 || true
fi

echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:$port/$DB_NAME" >&3
