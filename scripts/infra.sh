#!/usr/bin/env bash
# Owns the project's servers: Mosquitto, InfluxDB and (when named) PostgreSQL as plain processes on
# 127.0.0.1, one set per profile, with configuration from infra/ and data, logs, credentials and PIDs
# under .run/<profile>/.
#
#   scripts/infra.sh up|down|status [--profile NAME] [--started-file FILE] [mosquitto|influxdb|postgres ...]
#
# `up --started-file FILE` appends the components it started to FILE; `down --started-file FILE` stops only those.
#
# Without components: mosquitto and influxdb (the embedded SQLite default needs no database server);
# postgres runs only where it is named (test.sh, Database:Provider=postgres).
#
# Profiles: "demo" (run.sh) and "test" (test.sh) have their own ports and folders, so tests never
# touch a running demo. Any other profile name needs its ports in the environment.
#
# Environment (defaults: demo / test):
#   LOGISTICS_PROFILE          profile when --profile is not given (demo)
#   LOGISTICS_MQTT_PORT        Mosquitto listener               (11883 / 21883)
#   LOGISTICS_INFLUX_PORT      InfluxDB HTTP API                (18086 / 28086)
#   LOGISTICS_INFLUX_RPC_PORT  InfluxDB backup/RPC service      (18088 / 28088)
#   LOGISTICS_PG_PORT          PostgreSQL                       (15432 / 25432)
#   LOGISTICS_TRUCKS           device accounts T-001..T-<n>     (50)
#   LOGISTICS_RUN_DIR          where profiles live              (<repo>/.run)
#
# `up` is idempotent: it starts what is not running, waits until each server answers, and writes
# .run/<profile>/infra.env (ports and credentials, for run.sh, test.sh and the tests to source).
# `down` stops exactly the PIDs that `up` recorded, after checking each still is our server.
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA_DIR="$REPO_DIR/infra"

die() { echo "infra: $*" >&2; exit 1; }
say() { echo "infra[$PROFILE]: $*"; }

usage() {
  sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-2}"
}

ACTION=${1:-}
[ -n "$ACTION" ] || usage
shift
PROFILE=${LOGISTICS_PROFILE:-demo}
STARTED_FILE=""
COMPONENTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=${2:?--profile needs a name}; shift 2 ;;
    --started-file) STARTED_FILE=${2:?--started-file needs a path}; shift 2 ;;
    mosquitto|influxdb|postgres) COMPONENTS+=("$1"); shift ;;
    -h|--help) usage 0 ;;
    *) die "unknown argument '$1' (expected --profile NAME, --started-file FILE, mosquitto, influxdb or postgres)" ;;
  esac
done
# `down --started-file FILE` stops what an `up` with the same file started, and nothing when it started nothing.
if [ "$ACTION" = down ] && [ -n "$STARTED_FILE" ] && [ ${#COMPONENTS[@]} -eq 0 ]; then
  [ -s "$STARTED_FILE" ] || exit 0
  mapfile -t COMPONENTS < <(sort -u "$STARTED_FILE")
fi
[ ${#COMPONENTS[@]} -gt 0 ] || COMPONENTS=(mosquitto influxdb)
[[ "$PROFILE" =~ ^[A-Za-z0-9_-]+$ ]] || die "profile '$PROFILE' must match [A-Za-z0-9_-]+"

case "$PROFILE" in
  demo) def_mqtt=11883; def_influx=18086; def_rpc=18088; def_pg=15432 ;;
  test) def_mqtt=21883; def_influx=28086; def_rpc=28088; def_pg=25432 ;;
  *)    def_mqtt=""; def_influx=""; def_rpc=""; def_pg="" ;;
esac
has_component() { [[ " ${COMPONENTS[*]} " == *" $1 "* ]]; }
MQTT_PORT=${LOGISTICS_MQTT_PORT:-$def_mqtt}
INFLUX_PORT=${LOGISTICS_INFLUX_PORT:-$def_influx}
INFLUX_RPC_PORT=${LOGISTICS_INFLUX_RPC_PORT:-$def_rpc}
PG_PORT=${LOGISTICS_PG_PORT:-$def_pg}
TRUCKS=${LOGISTICS_TRUCKS:-50}
RUN_ROOT=${LOGISTICS_RUN_DIR:-$REPO_DIR/.run}
PROFILE_DIR="$RUN_ROOT/$PROFILE"
MQ_DIR="$PROFILE_DIR/mosquitto"
IX_DIR="$PROFILE_DIR/influxdb"
PG_DIR="$PROFILE_DIR/postgres"
CREDENTIALS="$PROFILE_DIR/credentials.env"
for v in MQTT_PORT INFLUX_PORT INFLUX_RPC_PORT; do
  val=${!v}
  [ -n "$val" ] || die "profile '$PROFILE' has no default ports: set LOGISTICS_$v"
  [[ "$val" =~ ^[0-9]+$ ]] && [ "$val" -ge 1 ] && [ "$val" -le 65535 ] || die "LOGISTICS_$v='$val' is not a port number"
done
# PostgreSQL's port is needed only where it runs: other profiles (and the tests' private ones) need not name it.
if has_component postgres; then
  [ -n "$PG_PORT" ] || die "profile '$PROFILE' has no default ports: set LOGISTICS_PG_PORT"
fi
if [ -n "$PG_PORT" ]; then
  [[ "$PG_PORT" =~ ^[0-9]+$ ]] && [ "$PG_PORT" -ge 1 ] && [ "$PG_PORT" -le 65535 ] || die "LOGISTICS_PG_PORT='$PG_PORT' is not a port number"
fi
[[ "$TRUCKS" =~ ^[0-9]+$ ]] && [ "$TRUCKS" -le 100000 ] || die "LOGISTICS_TRUCKS='$TRUCKS' must be a whole number up to 100000"

MQ_LISTENER_USER="svc.listener"
INFLUX_DATABASE="logistics"
INFLUX_RETENTION_POLICY="cold_chain"
# Transport temperature records must be kept at least a year; we keep a little over two.
INFLUX_RETENTION_DURATION="760d"
PG_USER="logistics"
PG_DATABASE="logistics"
# Debian 12's PostgreSQL (postgresql-15) keeps its server programs here, off the PATH.
PG_BIN="/usr/lib/postgresql/15/bin"

is_root() { [ "$(id -u)" -eq 0 ]; }
find_bin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || true; }

ensure_installed() {
  local missing=()
  [ -n "$(find_bin mosquitto)" ] || missing+=(mosquitto)
  [ -n "$(find_bin mosquitto_passwd)" ] || missing+=(mosquitto)
  [ -n "$(find_bin mosquitto_sub)" ] || missing+=(mosquitto-clients)
  [ -n "$(find_bin influxd)" ] || missing+=(influxdb)
  if has_component postgres; then
    [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/psql" ] || missing+=(postgresql-15 postgresql-client-15)
  fi
  [ -n "$(find_bin curl)" ] || missing+=(curl)
  # The demo (scripts/demo.sh) reads the service's JSON answers with jq.
  [ -n "$(find_bin jq)" ] || missing+=(jq)
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if ! is_root; then
    die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]} (or run this script as root)"
  fi
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  # policy-rc.d keeps Debian from starting system-wide copies of the servers we run ourselves.
  apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

random_secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

# Credentials are made once per profile and kept: InfluxDB's admin user lives in its data folder.
ensure_credentials() {
  mkdir -p "$PROFILE_DIR"
  if [ ! -f "$CREDENTIALS" ]; then
    umask 077
    {
      echo "LOGISTICS_MQTT_LISTENER_PASSWORD=$(random_secret)"
      echo "LOGISTICS_INFLUX_USER=admin"
      echo "LOGISTICS_INFLUX_PASSWORD=$(random_secret)"
      echo "LOGISTICS_DEVICE_PASSWORD_SEED=$(random_secret)"
    } > "$CREDENTIALS"
    umask 022
  fi
  # Profiles made before PostgreSQL joined get its password added; the others keep theirs.
  if ! grep -q '^LOGISTICS_PG_PASSWORD=' "$CREDENTIALS"; then
    umask 077
    echo "LOGISTICS_PG_PASSWORD=$(random_secret)" >> "$CREDENTIALS"
    umask 022
  fi
  # shellcheck disable=SC1090
  . "$CREDENTIALS"
}

# One account per truck (T-001 …); the password is the first 24 hex digits of sha256("T-001:<seed>"),
# derived from the profile's seed so that the device list can grow without changing existing devices'
# passwords.

write_devices_file() {
  local f="$PROFILE_DIR/devices.csv" i
  if [ -f "$f" ] && [ "$(($(wc -l < "$f") - 1))" -eq "$TRUCKS" ]; then return 0; fi
  umask 077
  # One sha256sum over one small file per truck (and no subshell per truck) rather than a process per
  # truck: 10,000 trucks in seconds instead of minutes.
  local seeds t; seeds=$(mktemp -d)
  for ((i = 1; i <= TRUCKS; i++)); do printf -v t 'T-%03d' "$i"; printf '%s' "$t:$LOGISTICS_DEVICE_PASSWORD_SEED" > "$seeds/$t"; done
  { echo "truck,password"
    (cd "$seeds" && for ((i = 1; i <= TRUCKS; i++)); do printf 'T-%03d\n' "$i"; done | xargs sha256sum) | awk '{ print $2 "," substr($1, 1, 24) }'; } > "$f.tmp"
  rm -rf "$seeds"
  mv "$f.tmp" "$f"
  umask 022
}

write_env_file() {
  umask 077
  cat > "$PROFILE_DIR/infra.env" <<EOF
# Written by scripts/infra.sh up for profile '$PROFILE'. Source it; do not edit.
LOGISTICS_PROFILE=$PROFILE
LOGISTICS_PROFILE_DIR=$PROFILE_DIR
LOGISTICS_MQTT_HOST=127.0.0.1
LOGISTICS_MQTT_PORT=$MQTT_PORT
LOGISTICS_MQTT_LISTENER_USER=$MQ_LISTENER_USER
LOGISTICS_MQTT_LISTENER_PASSWORD=$LOGISTICS_MQTT_LISTENER_PASSWORD
LOGISTICS_DEVICES_FILE=$PROFILE_DIR/devices.csv
LOGISTICS_INFLUX_URL=http://127.0.0.1:$INFLUX_PORT
LOGISTICS_INFLUX_RPC_PORT=$INFLUX_RPC_PORT
LOGISTICS_INFLUX_USER=$LOGISTICS_INFLUX_USER
LOGISTICS_INFLUX_PASSWORD=$LOGISTICS_INFLUX_PASSWORD
LOGISTICS_INFLUX_DATABASE=$INFLUX_DATABASE
LOGISTICS_INFLUX_RETENTION_POLICY=$INFLUX_RETENTION_POLICY
EOF
  if [ -n "$PG_PORT" ]; then
    cat >> "$PROFILE_DIR/infra.env" <<EOF
LOGISTICS_PG_HOST=127.0.0.1
LOGISTICS_PG_PORT=$PG_PORT
LOGISTICS_PG_USER=$PG_USER
LOGISTICS_PG_PASSWORD=$LOGISTICS_PG_PASSWORD
LOGISTICS_PG_DATABASE=$PG_DATABASE
# Quoted: the semicolons would end the assignment when the file is sourced.
LOGISTICS_PG_CONNECTION='Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$LOGISTICS_PG_PASSWORD;Database=$PG_DATABASE'
EOF
  fi
  umask 022
}

render() { # template output dir-for-@DIR@
  sed -e "s|@DIR@|$3|g" -e "s|@MQTT_PORT@|$MQTT_PORT|g" \
      -e "s|@INFLUX_PORT@|$INFLUX_PORT|g" -e "s|@INFLUX_RPC_PORT@|$INFLUX_RPC_PORT|g" "$1" > "$2"
}

# --- process bookkeeping: a PID file per server, checked against /proc before any signal ---------
pid_file() { echo "$PROFILE_DIR/$1.pid"; }
# Prints the PID the pid file records, if it holds one.
recorded_pid() { local pid; pid=$(cat "$(pid_file "$1")" 2>/dev/null) && [[ "$pid" =~ ^[0-9]+$ ]] && echo "$pid"; }

# Prints the PID if the recorded process is alive and still runs this profile's config.
running_pid() {
  local pid conf
  pid=$(recorded_pid "$1") || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  case "$1" in mosquitto) conf="$MQ_DIR/mosquitto.conf" ;; influxdb) conf="$IX_DIR/influxdb.conf" ;; postgres) conf="$PG_DIR/data" ;; esac
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$conf" || return 1
  echo "$pid"
}

# A server just launched with `setsid ... &` may for a moment still be the forked shell (its command line not yet the
# server's, so running_pid does not know it): while starting, alive counts as starting and only gone as exited.
# (Checking running_pid there made a start that was going fine fail as "exited during start".)
alive() { local pid; pid=$(recorded_pid "$1") && kill -0 "$pid" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

record_started() { [ -z "$STARTED_FILE" ] || echo "$1" >> "$STARTED_FILE"; }

# --- Mosquitto --------------------------------------------------------------------------------
mosquitto_answers() {
  "$(find_bin mosquitto_sub)" -h 127.0.0.1 -p "$MQTT_PORT" -u "$MQ_LISTENER_USER" -P "$LOGISTICS_MQTT_LISTENER_PASSWORD" \
    -i "infra-probe-$$" -t '$SYS/broker/version' -C 1 -W 2 >/dev/null 2>&1
}

mosquitto_up() {
  if running_pid mosquitto >/dev/null; then say "mosquitto already running (pid $(running_pid mosquitto), port $MQTT_PORT)"; return 0; fi
  port_in_use "$MQTT_PORT" && die "port $MQTT_PORT is taken by another process; set LOGISTICS_MQTT_PORT to a free port"
  mkdir -p "$MQ_DIR/data" "$MQ_DIR/log"
  render "$INFRA_DIR/mosquitto/mosquitto.conf.template" "$MQ_DIR/mosquitto.conf" "$MQ_DIR"
  cp "$INFRA_DIR/mosquitto/acl" "$MQ_DIR/acl"
  # The password file is made from plain "user:password" lines and hashed in one pass (-U).
  local plain="$MQ_DIR/passwd.tmp"
  umask 077
  { echo "$MQ_LISTENER_USER:$LOGISTICS_MQTT_LISTENER_PASSWORD"
    tail -n +2 "$PROFILE_DIR/devices.csv" | tr ',' ':'; } > "$plain"
  umask 022
  "$(find_bin mosquitto_passwd)" -U "$plain" 2>/dev/null || die "mosquitto_passwd -U failed on $plain"
  mv "$plain" "$MQ_DIR/passwd"
  chmod 600 "$MQ_DIR/passwd"
  if is_root; then
    # As root, Mosquitto drops to the 'mosquitto' user: its files must be that user's, and every
    # folder above them must let it through.
    chown -R mosquitto:mosquitto "$MQ_DIR"
    runuser -u mosquitto -- test -r "$MQ_DIR/passwd" ||
      die "the 'mosquitto' user cannot reach $MQ_DIR (a parent folder is not searchable by others); set LOGISTICS_RUN_DIR to a folder it can reach, e.g. /var/tmp/logistics"
  fi
  setsid "$(find_bin mosquitto)" -c "$MQ_DIR/mosquitto.conf" >> "$PROFILE_DIR/mosquitto.stdout.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file mosquitto)"
  local i
  for ((i = 0; i < 100; i++)); do
    alive mosquitto || { tail -n 20 "$MQ_DIR/log/mosquitto.log" "$PROFILE_DIR/mosquitto.stdout.log" >&2 2>/dev/null; die "mosquitto exited during start (logs above)"; }
    if mosquitto_answers; then say "mosquitto up (pid $(running_pid mosquitto), 127.0.0.1:$MQTT_PORT)"; record_started mosquitto; return 0; fi
    sleep 0.2
  done
  die "mosquitto did not answer on 127.0.0.1:$MQTT_PORT within 20 s; see $MQ_DIR/log/mosquitto.log"
}

# --- InfluxDB ---------------------------------------------------------------------------------
influx_query() { # statement [user password] -> prints body, returns curl's status
  local auth=()
  [ $# -ge 3 ] && auth=(-u "$2:$3")
  curl -sS -m 10 "${auth[@]}" -XPOST "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "q=$1"
}

influx_admin_query() {
  local body
  body=$(influx_query "$1" "$LOGISTICS_INFLUX_USER" "$LOGISTICS_INFLUX_PASSWORD") || die "InfluxDB query failed: $1"
  if echo "$body" | grep -q '"error"'; then echo "$body"; return 1; fi
  echo "$body"
}

influx_bootstrap() {
  local body
  body=$(influx_query "SHOW DATABASES" "$LOGISTICS_INFLUX_USER" "$LOGISTICS_INFLUX_PASSWORD") || die "InfluxDB did not answer a query"
  if echo "$body" | grep -q 'create admin user first'; then
    # With auth on and no users yet, InfluxDB accepts exactly this statement without credentials.
    body=$(influx_query "CREATE USER \"$LOGISTICS_INFLUX_USER\" WITH PASSWORD '$LOGISTICS_INFLUX_PASSWORD' WITH ALL PRIVILEGES")
    echo "$body" | grep -q '"error"' && die "could not create the InfluxDB admin user: $body"
    say "influxdb admin user '$LOGISTICS_INFLUX_USER' created"
  elif echo "$body" | grep -q '"error"'; then
    die "InfluxDB refused the admin credentials in $CREDENTIALS: $body (if the data folder $IX_DIR was made with other credentials, remove $PROFILE_DIR to start over)"
  fi
  influx_admin_query "CREATE DATABASE $INFLUX_DATABASE" >/dev/null || die "CREATE DATABASE $INFLUX_DATABASE failed"
  influx_admin_query "CREATE RETENTION POLICY $INFLUX_RETENTION_POLICY ON $INFLUX_DATABASE DURATION $INFLUX_RETENTION_DURATION REPLICATION 1 DEFAULT" >/dev/null ||
    influx_admin_query "ALTER RETENTION POLICY $INFLUX_RETENTION_POLICY ON $INFLUX_DATABASE DURATION $INFLUX_RETENTION_DURATION DEFAULT" >/dev/null ||
    die "could not set retention policy $INFLUX_RETENTION_POLICY on $INFLUX_DATABASE"
}

influx_up() {
  if running_pid influxdb >/dev/null; then
    say "influxdb already running (pid $(running_pid influxdb), port $INFLUX_PORT)"; influx_bootstrap; return 0
  fi
  port_in_use "$INFLUX_PORT" && die "port $INFLUX_PORT is taken by another process; set LOGISTICS_INFLUX_PORT to a free port"
  port_in_use "$INFLUX_RPC_PORT" && die "port $INFLUX_RPC_PORT is taken by another process; set LOGISTICS_INFLUX_RPC_PORT to a free port"
  mkdir -p "$IX_DIR/meta" "$IX_DIR/data" "$IX_DIR/wal"
  render "$INFRA_DIR/influxdb/influxdb.conf.template" "$IX_DIR/influxdb.conf" "$IX_DIR"
  setsid "$(find_bin influxd)" -config "$IX_DIR/influxdb.conf" >> "$IX_DIR/influxd.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file influxdb)"
  local i
  for ((i = 0; i < 150; i++)); do
    alive influxdb || { tail -n 20 "$IX_DIR/influxd.log" >&2; die "influxd exited during start (log above)"; }
    if curl -sf -m 2 "http://127.0.0.1:$INFLUX_PORT/ping" >/dev/null 2>&1; then
      influx_bootstrap
      say "influxdb up (pid $(running_pid influxdb), http://127.0.0.1:$INFLUX_PORT, database $INFLUX_DATABASE)"
      record_started influxdb
      return 0
    fi
    sleep 0.2
  done
  die "influxd did not answer on 127.0.0.1:$INFLUX_PORT within 30 s; see $IX_DIR/influxd.log"
}

# --- PostgreSQL -------------------------------------------------------------------------------
# The server refuses to run as root: as root it runs as Debian's 'postgres' system user (made by the
# package), which owns its folder; otherwise as the user running this script.
pg_as_owner() { if is_root; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }

pg_psql() { # database statement -> prints the single value
  PGPASSWORD="$LOGISTICS_PG_PASSWORD" "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$1" -v ON_ERROR_STOP=1 -tAc "$2"
}

pg_bootstrap() {
  local exists
  exists=$(pg_psql postgres "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'") ||
    die "PostgreSQL refused user '$PG_USER' with the password in $CREDENTIALS (if $PG_DIR was made with other credentials, remove $PROFILE_DIR to start over)"
  if [ "$exists" != "1" ]; then
    pg_psql postgres "CREATE DATABASE $PG_DATABASE" >/dev/null || die "CREATE DATABASE $PG_DATABASE failed"
    say "postgres database '$PG_DATABASE' created"
  fi
}

postgres_up() {
  if running_pid postgres >/dev/null; then
    say "postgres already running (pid $(running_pid postgres), port $PG_PORT)"; pg_bootstrap; return 0
  fi
  port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process; set LOGISTICS_PG_PORT to a free port"
  mkdir -p "$PG_DIR"
  if is_root; then
    id postgres >/dev/null 2>&1 || die "the 'postgres' system user is missing (Debian's postgresql-15 package makes it); install it with apt-get install postgresql-15"
    chown -R postgres:postgres "$PG_DIR"
    setpriv --reuid=postgres --regid=postgres --init-groups -- test -w "$PG_DIR" ||
      die "the 'postgres' user cannot reach $PG_DIR (a parent folder is not searchable by others); set LOGISTICS_RUN_DIR to a folder it can reach, e.g. /var/tmp/logistics"
  fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    # First use of the profile: a cluster whose only superuser is the service's account, password
    # authentication on every connection (local socket and TCP alike).
    local pwfile="$PG_DIR/pwfile"
    umask 077
    printf '%s\n' "$LOGISTICS_PG_PASSWORD" > "$pwfile"
    umask 022
    is_root && chown postgres:postgres "$pwfile"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      > "$PG_DIR/initdb.log" 2>&1 || { rm -f "$pwfile"; tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed (log above)"; }
    rm -f "$pwfile"
    say "postgres cluster initialised in $PG_DIR/data"
  fi
  # Settings on the command line rather than in postgresql.conf: the profile's port and socket folder
  # follow the environment on every start. A small shared_buffers: this is one machine shared by all.
  if is_root; then
    setsid setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/postgres" -D "$PG_DIR/data" \
      -c port="$PG_PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PG_DIR" -c shared_buffers=32MB \
      -c logging_collector=off >> "$PG_DIR/postgres.log" 2>&1 < /dev/null &
  else
    setsid "$PG_BIN/postgres" -D "$PG_DIR/data" \
      -c port="$PG_PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PG_DIR" -c shared_buffers=32MB \
      -c logging_collector=off >> "$PG_DIR/postgres.log" 2>&1 < /dev/null &
  fi
  echo $! > "$(pid_file postgres)"
  local i
  for ((i = 0; i < 150; i++)); do
    alive postgres || { tail -n 20 "$PG_DIR/postgres.log" >&2; die "postgres exited during start (log above)"; }
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; then
      pg_bootstrap
      say "postgres up (pid $(running_pid postgres), 127.0.0.1:$PG_PORT, database $PG_DATABASE, user $PG_USER)"
      record_started postgres
      return 0
    fi
    sleep 0.2
  done
  die "postgres did not answer on 127.0.0.1:$PG_PORT within 30 s; see $PG_DIR/postgres.log"
}

# --- stop -------------------------------------------------------------------------------------
stop_one() {
  local pid i
  if ! pid=$(running_pid "$1"); then say "$1 not running"; rm -f "$(pid_file "$1")"; return 0; fi
  # PostgreSQL's SIGTERM waits for every client to leave; SIGINT is its fast shutdown (clients are
  # disconnected, committed work is on disk).
  if [ "$1" = postgres ]; then kill -INT "$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
  for ((i = 0; i < 100; i++)); do
    [ -d "/proc/$pid" ] || break
    sleep 0.1
  done
  if [ -d "/proc/$pid" ]; then say "$1 (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$(pid_file "$1")"
  say "$1 stopped (pid $pid)"
}

status_one() {
  local pid
  if pid=$(running_pid "$1"); then
    case "$1" in
      mosquitto) say "mosquitto running (pid $pid, 127.0.0.1:$MQTT_PORT)" ;;
      influxdb) say "influxdb running (pid $pid, http://127.0.0.1:$INFLUX_PORT)" ;;
      postgres) say "postgres running (pid $pid, 127.0.0.1:$PG_PORT)" ;;
    esac
    return 0
  fi
  say "$1 stopped"
  return 1
}

case "$ACTION" in
  up)
    ensure_installed
    ensure_credentials
    write_devices_file
    write_env_file
    for c in "${COMPONENTS[@]}"; do "${c/influxdb/influx}_up"; done
    ;;
  down)
    # Stop InfluxDB and PostgreSQL last so that nothing still writing to them is cut off first.
    for c in mosquitto influxdb postgres; do
      if [[ " ${COMPONENTS[*]} " == *" $c "* ]]; then stop_one "$c"; fi
    done
    ;;
  status)
    [ -f "$CREDENTIALS" ] && . "$CREDENTIALS"
    rc=0
    for c in "${COMPONENTS[@]}"; do status_one "$c" || rc=3; done
    exit $rc
    ;;
  *) usage ;;
esac
