#!/usr/bin/env bash
# Starts the servers the integration tests talk to, on 127.0.0.1, from Debian's packages:
#   PostgreSQL on port 5432 and MariaDB on port 3306, each with database `otelite`,
#   user `otelite`, password `otelite`.
#
# Idempotent: a server that already accepts connections on its port is reused (the otelite database and
# user are created in it when missing); otherwise the packages are installed when missing and a server
# is started with its data under $OTELITE_SERVICES_DIR (default /tmp/otelite-services). Prints one line
# per service and exits 0 once every service accepts connections as the otelite user.
#
# Runs unattended (CI=true, no stdin). As root it installs packages and starts each server as its own
# system user; as another user it expects the packages to be installed already.
#
# Also builds Jaeger (start_jaeger) and the Python virtual environment of the W3C Trace Context suite
# (prepare_w3c_trace_context_venv), which the smoke tests use.
#
# One function per service (start_postgresql, start_mariadb), called from main; add a service the same way.
set -euo pipefail

SERVICES_DIR="${OTELITE_SERVICES_DIR:-/tmp/otelite-services}"
DB_NAME=otelite
DB_USER=otelite
DB_PASSWORD=otelite
POSTGRESQL_PORT=5432
MARIADB_PORT=3306
READY_TIMEOUT_SECONDS=90

log() { echo "start-services: $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as a system user when we are root, as ourselves otherwise.
run_as() {
  local user="$1"; shift
  if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

APT_UPDATED=false
# Installs the Debian packages that are not installed yet; `apt-get update` once, only if something is missing.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  is_root || fail "packages missing (${missing[*]}); run this script as root to install them"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" = false ]; then
    apt-get update -qq </dev/null >&2
    APT_UPDATED=true
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2
}

prepare_services_dir() {
  mkdir -p "$SERVICES_DIR"
  # The servers run as their own users and must be able to reach their data directories below.
  is_root && chmod 755 "$SERVICES_DIR"
  return 0
}

# Waits until the command succeeds, or fails with the log file's tail.
wait_until() {
  local what="$1" logfile="$2"; shift 2
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      [ -f "$logfile" ] && tail -n 30 "$logfile" >&2
      fail "$what not ready after ${READY_TIMEOUT_SECONDS}s (log: $logfile)"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------
POSTGRESQL_DIR="$SERVICES_DIR/postgresql"
POSTGRESQL_DATA="$POSTGRESQL_DIR/data"
POSTGRESQL_LOG="$SERVICES_DIR/postgresql.log"

postgresql_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || fail "no PostgreSQL server binaries under /usr/lib/postgresql"
  echo "$dir"
}

postgresql_accepts_otelite() {
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p "$POSTGRESQL_PORT" -U "$DB_USER" \
    -d "$DB_NAME" -w -tAc 'SELECT 1' </dev/null
}

# Runs SQL as the postgres superuser through a Unix socket (peer authentication), trying our own server's
# socket first, then the default one of Debian's clusters (a server we reuse).
postgresql_admin_sql() {
  local sql="$1" socket_dir
  for socket_dir in "$POSTGRESQL_DIR" /var/run/postgresql; do
    [ -S "$socket_dir/.s.PGSQL.$POSTGRESQL_PORT" ] || continue
    run_as postgres psql -h "$socket_dir" -p "$POSTGRESQL_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -w -tAc "$sql" </dev/null && return 0
  done
  return 1
}

postgresql_create_user_and_database() {
  postgresql_admin_sql "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
      ELSE
        ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
      END IF;
    END \$\$;" >/dev/null || return 1
  if [ -z "$(postgresql_admin_sql "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
    postgresql_admin_sql "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null || return 1
  fi
}

start_postgresql() {
  ensure_packages postgresql
  if port_open "$POSTGRESQL_PORT"; then
    log "reusing the PostgreSQL server already listening on 127.0.0.1:$POSTGRESQL_PORT"
  else
    local bin
    bin=$(postgresql_bin_dir)
    prepare_services_dir
    mkdir -p "$POSTGRESQL_DIR"
    is_root && chown postgres:postgres "$POSTGRESQL_DIR"
    chmod 700 "$POSTGRESQL_DIR"
    if [ ! -f "$POSTGRESQL_DATA/PG_VERSION" ]; then
      log "initialising PostgreSQL in $POSTGRESQL_DATA"
      run_as postgres "$bin/initdb" -D "$POSTGRESQL_DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$POSTGRESQL_DIR.initdb.log" 2>&1 \
        || { cat "$POSTGRESQL_DIR.initdb.log" >&2; fail "initdb failed"; }
    fi
    touch "$POSTGRESQL_LOG"
    is_root && chown postgres:postgres "$POSTGRESQL_LOG"
    run_as postgres "$bin/pg_ctl" -D "$POSTGRESQL_DATA" -l "$POSTGRESQL_LOG" -w -t "$READY_TIMEOUT_SECONDS" \
      -o "-c listen_addresses=127.0.0.1 -c port=$POSTGRESQL_PORT -c unix_socket_directories=$POSTGRESQL_DIR" \
      start </dev/null >&2 || { tail -n 30 "$POSTGRESQL_LOG" >&2; fail "PostgreSQL did not start"; }
  fi
  if ! postgresql_accepts_otelite >/dev/null 2>&1; then
    postgresql_create_user_and_database \
      || fail "PostgreSQL on port $POSTGRESQL_PORT does not accept $DB_USER and no superuser socket to create it"
  fi
  wait_until "PostgreSQL" "$POSTGRESQL_LOG" postgresql_accepts_otelite
  echo "postgresql: ready on 127.0.0.1:$POSTGRESQL_PORT (database $DB_NAME, user $DB_USER, password $DB_PASSWORD)"
}

# ---------------------------------------------------------------------------------------------------------
# MariaDB
# ---------------------------------------------------------------------------------------------------------
MARIADB_DIR="$SERVICES_DIR/mariadb"
MARIADB_DATA="$MARIADB_DIR/data"
MARIADB_SOCKET="$MARIADB_DIR/mariadb.sock"
MARIADB_LOG="$SERVICES_DIR/mariadb.log"

mariadb_accepts_otelite() {
  mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$MARIADB_PORT" -u "$DB_USER" -p"$DB_PASSWORD" \
    --connect-timeout=5 -D "$DB_NAME" -N -e 'SELECT 1' </dev/null
}

# Runs SQL as root through a Unix socket (root authenticates by its OS identity), trying our own server's
# socket first, then the default one of Debian's server (a server we reuse).
mariadb_admin_sql() {
  local sql="$1" socket
  for socket in "$MARIADB_SOCKET" /run/mysqld/mysqld.sock; do
    [ -S "$socket" ] || continue
    mariadb --no-defaults --socket="$socket" -u root -N -e "$sql" </dev/null && return 0
  done
  return 1
}

mariadb_create_user_and_database() {
  # Both hosts: an anonymous ''@'localhost' account would otherwise shadow '%' for local connections.
  mariadb_admin_sql "CREATE DATABASE IF NOT EXISTS $DB_NAME;
    CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PASSWORD';
    CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'%';
    GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'localhost';
    FLUSH PRIVILEGES;"
}

start_mariadb() {
  # Only the core packages: the full mariadb-server package would also start a system-wide server.
  ensure_packages mariadb-server-core mariadb-client-core
  if port_open "$MARIADB_PORT"; then
    log "reusing the MariaDB server already listening on 127.0.0.1:$MARIADB_PORT"
  else
    local server_user
    server_user=$(id -un)
    if is_root; then
      server_user=mysql
      # The full server package creates this user; the core package does not.
      id mysql >/dev/null 2>&1 || useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin mysql
    fi
    prepare_services_dir
    mkdir -p "$MARIADB_DIR"
    is_root && chown mysql:mysql "$MARIADB_DIR"
    chmod 750 "$MARIADB_DIR"
    if [ ! -d "$MARIADB_DATA/mysql" ]; then
      log "initialising MariaDB in $MARIADB_DATA"
      rm -rf "$MARIADB_DATA"
      mariadb-install-db --no-defaults --user="$server_user" --datadir="$MARIADB_DATA" \
        --auth-root-authentication-method=socket --skip-test-db >"$MARIADB_DIR.install-db.log" 2>&1 \
        </dev/null || { cat "$MARIADB_DIR.install-db.log" >&2; fail "mariadb-install-db failed"; }
    fi
    touch "$MARIADB_LOG"
    is_root && chown mysql:mysql "$MARIADB_LOG"
    local server
    server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
    # A session of its own, so that the server outlives this script and its process group.
    setsid "$server" --no-defaults --user="$server_user" --datadir="$MARIADB_DATA" --socket="$MARIADB_SOCKET" \
      --pid-file="$MARIADB_DIR/mariadb.pid" --log-error="$MARIADB_LOG" --bind-address=127.0.0.1 \
      --port="$MARIADB_PORT" --skip-name-resolve </dev/null >/dev/null 2>&1 &
    wait_until "MariaDB" "$MARIADB_LOG" mariadb_admin_sql 'SELECT 1'
  fi
  if ! mariadb_accepts_otelite >/dev/null 2>&1; then
    mariadb_create_user_and_database >/dev/null \
      || fail "MariaDB on port $MARIADB_PORT does not accept $DB_USER and no root socket to create it"
  fi
  wait_until "MariaDB" "$MARIADB_LOG" mariadb_accepts_otelite
  echo "mariadb: ready on 127.0.0.1:$MARIADB_PORT (database $DB_NAME, user $DB_USER, password $DB_PASSWORD)"
}

# ---------------------------------------------------------------------------------------------------------
# The W3C Trace Context conformance suite's Python (smoke-tests' W3cTraceContextConformanceTest)
# ---------------------------------------------------------------------------------------------------------
# The suite (../shared/third-party/w3c-trace-context-test/, outside this repository) needs aiohttp. It goes
# into a virtual environment at this fixed path, which the test reads the same way.
W3C_VENV="$SERVICES_DIR/w3c-trace-context-venv"
AIOHTTP_VERSION=3.13.5

w3c_venv_ready() {
  "$W3C_VENV/bin/python" -c "import aiohttp, sys; sys.exit(aiohttp.__version__ != '$AIOHTTP_VERSION')" \
    </dev/null >/dev/null 2>&1
}

# Built beside its final path and moved into place, so that a run of this script on another worktree at the
# same time never sees half a venv (a venv's bin/python works from wherever the folder is).
prepare_w3c_trace_context_venv() {
  if ! w3c_venv_ready; then
    python3 -m venv --help >/dev/null 2>&1 || ensure_packages python3 python3-venv
    prepare_services_dir
    local building="$W3C_VENV.building.$$"
    rm -rf "$building"
    log "creating a Python virtual environment with aiohttp $AIOHTTP_VERSION in $W3C_VENV"
    python3 -m venv "$building" </dev/null >&2 || fail "python3 -m venv failed"
    "$building/bin/python" -m pip install --quiet --disable-pip-version-check "aiohttp==$AIOHTTP_VERSION" \
      </dev/null >&2 || { rm -rf "$building"; fail "pip could not install aiohttp $AIOHTTP_VERSION"; }
    rm -rf "$W3C_VENV"
    mv -T "$building" "$W3C_VENV" 2>/dev/null || rm -rf "$building"
    w3c_venv_ready || fail "the virtual environment at $W3C_VENV does not import aiohttp $AIOHTTP_VERSION"
  fi
  echo "w3c-trace-context: Python with aiohttp $AIOHTTP_VERSION at $W3C_VENV/bin/python"
}

# Jaeger v2, built from its Go module (cached in the Go bin folder); the smoke tests start it themselves,
# on ports of their own, so here it is only built.
start_jaeger() {
  local binary
  binary="$("$(dirname "${BASH_SOURCE[0]}")/start-jaeger.sh" --build-only)"
  echo "jaeger: built at $binary"
}

main() {
  start_postgresql
  start_mariadb
  start_jaeger
  prepare_w3c_trace_context_venv
}

main "$@"
