#!/usr/bin/env bash
# Telemetry throughput of N listening service instances on one PostgreSQL database (issue 16): the fleet simulator
# publishes M messages at a set rate through Mosquitto; the instances share the fleet's P listener partitions through
# leases; the run ends when the instances' InfluxDB writers have stored every reading. Prints the readings per second
# from the first message to the last reading stored, and the CPU seconds each process took meanwhile (instances,
# Mosquitto, InfluxDB, PostgreSQL, the simulator), with the load average: where the CPU went.
#
#   benchmarks/cluster/ingest.sh N [--trucks 50] [--rate 10000] [--messages 100000] [--partitions 4]
#
# Servers of the profile LOGISTICS_PROFILE (default "bench", own ports as scripts/bench-ingest.sh; PostgreSQL
# LOGISTICS_PG_PORT, default 45432), a fresh InfluxDB database and data folders per run. The partitions' client ids
# (bench-cluster-p0, …) are the same in every run: a new id per run would leave persistent sessions behind, for which
# Mosquitto goes on queueing every reading of the fleet (the runs after them then measured the broker's queues).
set -euo pipefail
REPO_DIR=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO_DIR"
N=${1:-}; [[ "$N" =~ ^[1-8]$ ]] || { echo "usage: $0 N(1-8) [--trucks T] [--rate R] [--messages M] [--partitions P]" >&2; exit 2; }
shift
TRUCKS=50 RATE=10000 MESSAGES=100000 PARTITIONS=4
while [ $# -gt 0 ]; do
  case $1 in
    --trucks) TRUCKS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    --partitions) PARTITIONS=$2; shift 2 ;;
    *) echo "ingest: unknown option '$1' (use --trucks, --rate, --messages, --partitions)" >&2; exit 2 ;;
  esac
done
export LOGISTICS_PROFILE=${LOGISTICS_PROFILE:-bench}
export LOGISTICS_MQTT_PORT=${LOGISTICS_MQTT_PORT:-41883} LOGISTICS_INFLUX_PORT=${LOGISTICS_INFLUX_PORT:-48086}
export LOGISTICS_INFLUX_RPC_PORT=${LOGISTICS_INFLUX_RPC_PORT:-48088} LOGISTICS_PG_PORT=${LOGISTICS_PG_PORT:-45432}
export LOGISTICS_TRUCKS=$(( TRUCKS > 50 ? TRUCKS : 50 ))
BASE_PORT=${LOGISTICS_HTTP_PORT:-5097}
WORK=$(mktemp -d /tmp/bench-cluster.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  # Only the servers this run started (down without components would stop Mosquitto and InfluxDB whoever started them).
  # shellcheck disable=SC2046
  [ -s "$WORK/started" ] && scripts/infra.sh down --profile "$LOGISTICS_PROFILE" $(sort -u "$WORK/started") >/dev/null 2>&1 || true
}
trap cleanup EXIT

scripts/infra.sh up --profile "$LOGISTICS_PROFILE" --started-file "$WORK/started" mosquitto influxdb postgres
RUN_DIR=${LOGISTICS_RUN_DIR:-.run}/$LOGISTICS_PROFILE
set -a; . "$RUN_DIR/infra.env"; set +a
for p in src/Logistics.Service/Logistics.Service.csproj simulators/Logistics.Simulators.Fleet/Logistics.Simulators.Fleet.csproj src/Logistics.Cli/Logistics.Cli.csproj; do
  dotnet build "$p" -c Release -nologo -v quiet -clp:ErrorsOnly
done
KEY=$(dotnet src/Logistics.Cli/bin/Release/net10.0/logistics.dll keys create --name "bench $(date +%s)" --role admin \
  --database "postgres:$LOGISTICS_PG_CONNECTION" | grep -o 'lk_[A-Za-z0-9_-]*' | head -1)
stats() { curl -s -H "Authorization: Bearer $KEY" "http://127.0.0.1:$1/api/telemetry/stats"; }
RUN=$(date +%s)
head -n $(( TRUCKS + 1 )) "$LOGISTICS_DEVICES_FILE" > "$WORK/fleet.csv"
for ((i = 1; i <= N; i++)); do
  mkdir -p "$WORK/instance-$i"
  Mqtt__Host=$LOGISTICS_MQTT_HOST Mqtt__Port=$LOGISTICS_MQTT_PORT Mqtt__Username=$LOGISTICS_MQTT_LISTENER_USER \
  Mqtt__Password=$LOGISTICS_MQTT_LISTENER_PASSWORD InfluxDb__Url=$LOGISTICS_INFLUX_URL InfluxDb__Username=$LOGISTICS_INFLUX_USER \
  InfluxDb__Password=$LOGISTICS_INFLUX_PASSWORD InfluxDb__Database="bench_cluster_$RUN" \
  Database__Provider=postgres Database__ConnectionString="$LOGISTICS_PG_CONNECTION" Database__InstanceId="bench-$RUN-$i" \
  Listener__Partitions="$PARTITIONS" Listener__ClientId=bench-cluster Listener__FleetFile="$WORK/fleet.csv" \
  Listener__DataDirectory="$WORK/instance-$i" Log__Directory="$WORK/instance-$i/logs" Log__MinimumLevel=Warning \
    dotnet src/Logistics.Service/bin/Release/net10.0/Logistics.Service.dll --urls "http://127.0.0.1:$(( BASE_PORT + i - 1 ))" \
    > "$WORK/instance-$i/stdout.log" 2>&1 &
  PIDS+=("$!")
done
# Ready when the instances run every partition between them, shared out (each at most ceil(P/N)).
share=$(( (PARTITIONS + N - 1) / N ))
for _ in $(seq 1 240); do
  total=0 max=0
  for ((i = 1; i <= N; i++)); do
    c=$(stats $(( BASE_PORT + i - 1 )) 2>/dev/null | grep -o '"index":' | wc -l || true)
    total=$(( total + c )); [ "$c" -gt "$max" ] && max=$c
  done
  [ "$total" -eq "$PARTITIONS" ] && [ "$max" -le "$share" ] && break
  sleep 0.5
done
[ "$total" -eq "$PARTITIONS" ] || { echo "the instances did not share the $PARTITIONS partitions; see $WORK" >&2; exit 1; }
echo "$N instance(s) run the $PARTITIONS partitions"

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
MOSQ=$(cat "$RUN_DIR/mosquitto.pid") INFLUX=$(cat "$RUN_DIR/influxdb.pid") PG=$(cat "$RUN_DIR/postgres.pid")
# The server and its backends (the instances' pooled connections stay open through the run).
pg_ticks() { local s=0 p; for p in "$PG" $(pgrep -P "$PG" || true); do s=$(( s + $(ticks "$p") )); done; echo $s; }
declare -A BEFORE
for pid in "${PIDS[@]}" "$MOSQ" "$INFLUX"; do BEFORE[$pid]=$(ticks "$pid"); done
PG_BEFORE=$(pg_ticks)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$WORK/simulator.time" dotnet simulators/Logistics.Simulators.Fleet/bin/Release/net10.0/Logistics.Simulators.Fleet.dll \
  --trucks "$TRUCKS" --rate "$RATE" --messages "$MESSAGES" --summary "$WORK/summary.json" \
  --host "$LOGISTICS_MQTT_HOST" --port "$LOGISTICS_MQTT_PORT" --devices "$LOGISTICS_DEVICES_FILE" | tail -1
SIM_END=$(date +%s.%N)
READINGS=$(sed -n '/"totals"/,/}/s/.*"readings": \([0-9]*\).*/\1/p' "$WORK/summary.json")
stored() { local s=0 i; for ((i = 1; i <= N; i++)); do s=$(( s + $(stats $(( BASE_PORT + i - 1 )) | sed -n 's/.*"readingsStored":\([0-9]*\).*/\1/p') )); done; echo $s; }
until [ "$(stored)" -ge "$READINGS" ]; do
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "an instance died; see $WORK" >&2; exit 1; }; done
  sleep 0.2
done
END=$(date +%s.%N)
HZ=$(getconf CLK_TCK)
cpu() { awk -v t="$1" -v hz="$HZ" 'BEGIN { printf "%.1f", t / hz }'; }
echo "load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v s="$START" -v e="$SIM_END" -v d="$END" -v r="$READINGS" -v m="$MESSAGES" 'BEGIN {
  printf "simulator: %d messages, %d readings published in %.1f s\n", m, r, e - s
  printf "stored: all %d readings in InfluxDB %.1f s after the first message: %.0f readings/s\n", r, d - s, r / (d - s) }'
for ((i = 1; i <= N; i++)); do
  pid=${PIDS[$((i - 1))]}
  echo "instance $i: $(cpu $(( $(ticks "$pid") - ${BEFORE[$pid]} ))) s CPU, $(stats $(( BASE_PORT + i - 1 )) | sed -n 's/.*"readingsStored":\([0-9]*\).*/\1/p') readings stored"
done
echo "mosquitto: $(cpu $(( $(ticks "$MOSQ") - ${BEFORE[$MOSQ]} ))) s CPU; influxd: $(cpu $(( $(ticks "$INFLUX") - ${BEFORE[$INFLUX]} ))) s CPU;" \
     "postgres (all its processes): $(cpu $(( $(pg_ticks) - PG_BEFORE ))) s CPU; simulator: $(awk '{ printf "%.1f", $1 + $2 }' "$WORK/simulator.time") s CPU"
echo "details in $WORK"
