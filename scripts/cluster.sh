#!/usr/bin/env bash
# Several service instances on one machine sharing one PostgreSQL database (issue 16):
#
#   scripts/cluster.sh up N [--profile NAME]    PostgreSQL, Mosquitto and InfluxDB of the profile, then N instances
#   scripts/cluster.sh status [--profile NAME]
#   scripts/cluster.sh down [--profile NAME]    stops the instances (by their recorded PIDs), then the servers up started
#
# Instance i listens on 127.0.0.1:(LOGISTICS_CLUSTER_HTTP_PORT + i - 1) (default 5180, 5181, …), with its own
# folder .run/<profile>/cluster/instance-i (journal, logs) and the instance id "instance-i" in the jobs' history.
# Every instance serves the API, runs planning and forecast jobs and listens: the fleet (the profile's devices
# file) is split into LOGISTICS_CLUSTER_PARTITIONS partitions (default 4), shared by the instances through
# leases in the database. An admin key for all of them is created in the shared database and kept in
# .run/<profile>/cluster/admin-key.
#
# Environment: the ports of scripts/infra.sh (the demo profile's by default: PostgreSQL 15432, Mosquitto
# 11883, InfluxDB 18086), LOGISTICS_CLUSTER_HTTP_PORT (5180), LOGISTICS_CLUSTER_PARTITIONS (4).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_DIR"
die() { echo "cluster: $*" >&2; exit 1; }
usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

ACTION=${1:-}
[ -n "$ACTION" ] || usage
shift
COUNT=""
if [ "$ACTION" = up ]; then
  COUNT=${1:-}
  [[ "$COUNT" =~ ^[0-9]+$ ]] && [ "$COUNT" -ge 1 ] && [ "$COUNT" -le 16 ] || die "up needs the number of instances, 1 to 16 (got '${COUNT}')"
  shift
fi
PROFILE=${LOGISTICS_PROFILE:-demo}
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=${2:?--profile needs a name}; shift 2 ;;
    -h|--help) usage 0 ;;
    *) die "unknown argument '$1'" ;;
  esac
done
export LOGISTICS_PROFILE=$PROFILE
RUN_ROOT=${LOGISTICS_RUN_DIR:-$REPO_DIR/.run}
PROFILE_DIR="$RUN_ROOT/$PROFILE"
CLUSTER_DIR="$PROFILE_DIR/cluster"
BASE_PORT=${LOGISTICS_CLUSTER_HTTP_PORT:-5180}
[[ "$BASE_PORT" =~ ^[0-9]+$ ]] || die "LOGISTICS_CLUSTER_HTTP_PORT='$BASE_PORT' is not a port number"
SERVICE_DLL="$REPO_DIR/src/Logistics.Service/bin/Release/net10.0/Logistics.Service.dll"

# Prints the PID of instance $1 if the recorded process is alive and still this instance's service (its command
# line names the service and the instance's address). --starting: alive is enough (env and setsid have not yet
# become dotnet).
instance_pid() {
  local f="$CLUSTER_DIR/instance-$1.pid" pid port
  [ -f "$f" ] || return 1
  read -r pid port < "$f" || true
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$port" =~ ^[0-9]+$ ]] || return 1
  [ -d "/proc/$pid" ] || return 1
  if [ "${2:-}" != --starting ]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "Logistics.Service.dll --urls http://127.0.0.1:$port" || return 1
  fi
  echo "$pid"
}

recorded_instances() { for f in "$CLUSTER_DIR"/instance-*.pid; do [ -f "$f" ] && basename "$f" .pid | sed 's/^instance-//'; done; }

stop_instances() {
  local i pid n
  for i in $(recorded_instances); do
    if pid=$(instance_pid "$i"); then
      kill -TERM "$pid" 2>/dev/null || true
      for ((n = 0; n < 150; n++)); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
      [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null
      echo "cluster[$PROFILE]: instance $i stopped (pid $pid)"
    fi
    rm -f "$CLUSTER_DIR/instance-$i.pid"
  done
}

case "$ACTION" in
  up)
    mkdir -p "$CLUSTER_DIR"
    scripts/infra.sh up --profile "$PROFILE" --started-file "$CLUSTER_DIR/started-servers" mosquitto influxdb postgres
    set -a
    # shellcheck disable=SC1091
    . "$PROFILE_DIR/infra.env"
    set +a
    [ -n "${LOGISTICS_PG_CONNECTION:-}" ] || die "$PROFILE_DIR/infra.env has no PostgreSQL connection"
    scripts/native-libs.sh ensure
    dotnet build src/Logistics.Service -c Release -nologo -v quiet -clp:ErrorsOnly
    if [ ! -s "$CLUSTER_DIR/admin-key" ]; then
      umask 077
      ./logistics keys create --name "cluster admin $(date +%s)" --role admin --database "postgres:$LOGISTICS_PG_CONNECTION" > "$CLUSTER_DIR/admin-key"
      umask 022
    fi
    for ((i = 1; i <= COUNT; i++)); do
      if pid=$(instance_pid "$i"); then echo "cluster[$PROFILE]: instance $i already running (pid $pid)"; continue; fi
      port=$((BASE_PORT + i - 1))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken; set LOGISTICS_CLUSTER_HTTP_PORT"
      dir="$CLUSTER_DIR/instance-$i"
      mkdir -p "$dir"
      env Mqtt__Host="$LOGISTICS_MQTT_HOST" Mqtt__Port="$LOGISTICS_MQTT_PORT" \
          Mqtt__Username="$LOGISTICS_MQTT_LISTENER_USER" Mqtt__Password="$LOGISTICS_MQTT_LISTENER_PASSWORD" \
          InfluxDb__Url="$LOGISTICS_INFLUX_URL" InfluxDb__Database="$LOGISTICS_INFLUX_DATABASE" \
          InfluxDb__Username="$LOGISTICS_INFLUX_USER" InfluxDb__Password="$LOGISTICS_INFLUX_PASSWORD" \
          InfluxDb__RetentionPolicy="$LOGISTICS_INFLUX_RETENTION_POLICY" \
          Database__Provider=postgres Database__ConnectionString="$LOGISTICS_PG_CONNECTION" Database__InstanceId="instance-$i" \
          Listener__Partitions="${LOGISTICS_CLUSTER_PARTITIONS:-4}" Listener__DataDirectory="$dir" Listener__FleetFile="$LOGISTICS_DEVICES_FILE" \
          Log__Directory="$dir/logs" \
          setsid dotnet "$SERVICE_DLL" --urls "http://127.0.0.1:$port" > "$dir/stdout.log" 2>&1 < /dev/null &
      echo "$! $port" > "$CLUSTER_DIR/instance-$i.pid"
    done
    for ((i = 1; i <= COUNT; i++)); do
      port=$((BASE_PORT + i - 1))
      for ((n = 0; n < 300; n++)); do
        instance_pid "$i" --starting >/dev/null || { tail -n 20 "$CLUSTER_DIR/instance-$i/stdout.log" >&2; die "instance $i exited during start (log above)"; }
        curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/health" && break
        sleep 0.2
      done
      echo "cluster[$PROFILE]: instance $i up (pid $(instance_pid "$i"), http://127.0.0.1:$port, API, jobs and its share of the listener's partitions)"
    done
    echo "cluster[$PROFILE]: admin key in $CLUSTER_DIR/admin-key; PostgreSQL at 127.0.0.1:$LOGISTICS_PG_PORT"
    ;;
  status)
    rc=0
    for i in $(recorded_instances); do
      if pid=$(instance_pid "$i"); then echo "cluster[$PROFILE]: instance $i running (pid $pid)"; else echo "cluster[$PROFILE]: instance $i stopped"; rc=3; fi
    done
    scripts/infra.sh status --profile "$PROFILE" mosquitto influxdb postgres || rc=3
    exit $rc
    ;;
  down)
    stop_instances
    if [ -s "$CLUSTER_DIR/started-servers" ]; then
      # shellcheck disable=SC2046
      scripts/infra.sh down --profile "$PROFILE" $(sort -u "$CLUSTER_DIR/started-servers")
      rm -f "$CLUSTER_DIR/started-servers"
    fi
    ;;
  *) usage ;;
esac
