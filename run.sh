#!/usr/bin/env bash
# Sets up everything on a fresh Debian machine with the .NET SDK and runs the demo in the foreground:
# Mosquitto and InfluxDB of the "demo" profile (installed with apt-get when missing), the service, and
# the demo day (scripts/demo.sh: a generated day planned through the API, published to the trucks, and
# the simulated fleet driving it with one scripted reefer failure). It prints the pages to open and
# their keys. Ctrl-C stops the fleet, the service and the servers that this run started.
#
#   ./run.sh
#
# Environment: LOGISTICS_HTTP_PORT (service, default 5080) and the ports of scripts/infra.sh
# (LOGISTICS_MQTT_PORT 11883, LOGISTICS_INFLUX_PORT 18086, LOGISTICS_INFLUX_RPC_PORT 18088).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$REPO_DIR"
export LOGISTICS_PROFILE=demo
HTTP_PORT=${LOGISTICS_HTTP_PORT:-5080}
PROFILE_DIR="$REPO_DIR/.run/demo"

die() { echo "run.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null || die "the .NET SDK is missing: install dotnet-sdk-10.0 (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
(exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null && die "port $HTTP_PORT is taken; set LOGISTICS_HTTP_PORT to a free port"

mkdir -p "$PROFILE_DIR"
STARTED_FILE="$PROFILE_DIR/started-by-run"
: > "$STARTED_FILE"
service_pid=""
FLEET_PID_FILE="$PROFILE_DIR/fleet.pid"
rm -f "$FLEET_PID_FILE"

stop_everything() {
  trap - EXIT INT TERM
  # Output may be piped into a program that Ctrl-C already ended; a failed write must not stop the clean-up.
  trap '' PIPE
  # A write to that closed pipe fails (EPIPE); under set -e it would end the clean-up half-way.
  set +e
  if [ -s "$FLEET_PID_FILE" ]; then kill -TERM "$(cat "$FLEET_PID_FILE")" 2>/dev/null; rm -f "$FLEET_PID_FILE"; fi
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    echo "run.sh: stopping the service (pid $service_pid)" 2>/dev/null
    kill -TERM "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$service_pid" 2>/dev/null || true
  fi
  if [ -s "$STARTED_FILE" ]; then
    # Its output goes to a file first: infra.sh stops at its first failed write (set -e), and SIGPIPE,
    # ignored here, stays ignored in it.
    # shellcheck disable=SC2046
    scripts/infra.sh down --profile demo $(sort -u "$STARTED_FILE") > "$PROFILE_DIR/stop.log" 2>&1
    cat "$PROFILE_DIR/stop.log" 2>/dev/null
  fi
  rm -f "$STARTED_FILE"
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
scripts/infra.sh up --profile demo --started-file "$STARTED_FILE"
set -a
# shellcheck disable=SC1091
. "$PROFILE_DIR/infra.env"
set +a

# LightGBM's native library (forecasting) needs libgomp1; installed (as root) when missing.
scripts/native-libs.sh ensure || die "native libraries could not be installed (scripts/native-libs.sh)"
echo "run.sh: building (the first build restores NuGet packages and takes a minute)"
for project in src/Logistics.Service src/Logistics.Cli simulators/Logistics.Simulators.Fleet simulators/Logistics.Simulators.Orders; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly
done

export Mqtt__Host=$LOGISTICS_MQTT_HOST Mqtt__Port=$LOGISTICS_MQTT_PORT
export Mqtt__Username=$LOGISTICS_MQTT_LISTENER_USER Mqtt__Password=$LOGISTICS_MQTT_LISTENER_PASSWORD
export InfluxDb__Url=$LOGISTICS_INFLUX_URL InfluxDb__Database=$LOGISTICS_INFLUX_DATABASE
export InfluxDb__Username=$LOGISTICS_INFLUX_USER InfluxDb__Password=$LOGISTICS_INFLUX_PASSWORD
export InfluxDb__RetentionPolicy=$LOGISTICS_INFLUX_RETENTION_POLICY
export Log__Directory="$PROFILE_DIR/logs"
export Listener__DataDirectory="$PROFILE_DIR/service" Listener__FleetFile="$LOGISTICS_DEVICES_FILE"
export Database__Path="$PROFILE_DIR/service/logistics.db"
SERVICE_URL="http://127.0.0.1:$HTTP_PORT"
dotnet src/Logistics.Service/bin/Release/net10.0/Logistics.Service.dll --urls "$SERVICE_URL" &
service_pid=$!

for _ in $(seq 1 300); do
  kill -0 "$service_pid" 2>/dev/null || { wait "$service_pid" || true; die "the service exited during start (see above)"; }
  curl -s -o /dev/null -m 2 "$SERVICE_URL/health" && break
  sleep 0.2
done

ready=$(( $(date +%s) - start ))
echo "run.sh: the service answers after $ready s; now the demo day"
mkdir -p "$PROFILE_DIR/logs"
scripts/demo.sh "$SERVICE_URL" "$Database__Path" || echo "run.sh: the demo day failed (see above); the service keeps running" >&2
# shellcheck disable=SC1091
[ -f "$PROFILE_DIR/demo-keys.env" ] && . "$PROFILE_DIR/demo-keys.env"

cat <<EOF

  Logistics demo is running (service ready in $ready s).
    Sign in          $SERVICE_URL/   with a key below (kept in $PROFILE_DIR/demo-keys.env)
    Dispatcher       $SERVICE_URL/dispatch.html   key ${DISPATCHER_KEY:-(none)}
    QA               $SERVICE_URL/qa.html         key ${QA_KEY:-(none)}
                     T-001's excursion appears within minutes (its reefer fails 90 simulated minutes in)
    Forecast         $SERVICE_URL/forecast.html   both keys (the dispatcher changes, QA reads)
    API              $SERVICE_URL/openapi/v1.json  (docs/api/README.md)
    Service health   $SERVICE_URL/health  (status only; an admin key adds each server's check)
    Listener stats   $SERVICE_URL/api/telemetry/stats  (with either key: curl -H "Authorization: Bearer \$QA_KEY" …)
    MQTT broker      mqtt://$LOGISTICS_MQTT_HOST:$LOGISTICS_MQTT_PORT  (device accounts: $LOGISTICS_DEVICES_FILE)
    InfluxDB         $LOGISTICS_INFLUX_URL  (database $LOGISTICS_INFLUX_DATABASE; credentials in $PROFILE_DIR/credentials.env)
    Logs             $PROFILE_DIR/logs (fleet.log: the simulated trucks), $PROFILE_DIR/mosquitto/log, $PROFILE_DIR/influxdb
  Press Ctrl-C to stop everything this run started.

EOF
wait "$service_pid"
