#!/usr/bin/env bash
# Ingestion benchmark (issue #5): the fleet simulator publishes at a set rate through Mosquitto to
# the service's listener (journal, then InfluxDB), while mosquitto_sub receives the same stream in the
# same run as the yardstick. Sensor faults scripted on up to 50 trucks give alert latencies (device
# time of the faulty reading → alert received by that truck's device on fleet/{truck}/alerts). Servers of the "bench"
# profile (own ports), a fresh database and data folder per run.
#
#   scripts/bench-ingest.sh [--trucks 50] [--rate 10000] [--messages 200000] [--restart-backlog N] [--trace DIR]
#
# --restart-backlog N: the listener's session is made, the service stopped, N messages published while it is
# away (the broker queues them), the service started again and, while it drains that backlog, the run above (with
# its faulty readings) published: the alert latency is then that of alerts raised during the drain.
# --trace DIR: also samples the listener's threads with dotnet-trace (a .NET global tool) for the first
# 20 s of publishing and writes DIR/listener.nettrace and DIR/listener.speedscope.json, with
# DIR/counters.csv from dotnet-counters (System.Runtime) beside it.
set -euo pipefail
REPO_DIR=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO_DIR"
TRUCKS=50 RATE=10000 MESSAGES=200000 TRACE_DIR="" BACKLOG=0
while [ $# -gt 0 ]; do
  case $1 in
    --trucks) TRUCKS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    --trace) TRACE_DIR=$(realpath -m "$2"); shift 2 ;;
    --restart-backlog) BACKLOG=$2; shift 2 ;;
    *) echo "bench-ingest: unknown option '$1' (use --trucks, --rate, --messages, --restart-backlog, --trace)" >&2; exit 2 ;;
  esac
done

# Another profile (own ports and folder) through the environment, e.g. for two benches on one machine.
export LOGISTICS_PROFILE=${LOGISTICS_PROFILE:-bench}
export LOGISTICS_MQTT_PORT=${LOGISTICS_MQTT_PORT:-41883} LOGISTICS_INFLUX_PORT=${LOGISTICS_INFLUX_PORT:-48086}
export LOGISTICS_INFLUX_RPC_PORT=${LOGISTICS_INFLUX_RPC_PORT:-48088}
HTTP_PORT=${LOGISTICS_HTTP_PORT:-5097}
export LOGISTICS_TRUCKS=$(( TRUCKS > 50 ? TRUCKS : 50 ))
WORK=$(mktemp -d /tmp/bench-ingest.XXXXXX)
SERVICE_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null
  # The run's database goes with it: kept, each run's WAL made InfluxDB's next start replay hundreds of MB (over 30 s).
  [ -n "${DATABASE:-}" ] && curl -s -XPOST "$LOGISTICS_INFLUX_URL/query" -u "$LOGISTICS_INFLUX_USER:$LOGISTICS_INFLUX_PASSWORD" \
    --data-urlencode "q=DROP DATABASE \"$DATABASE\"" >/dev/null 2>&1 || true
  # The subshells' children too (a mosquitto_sub left behind reconnects under its client id and takes the next run's place).
  for job in $(jobs -p); do pkill -P "$job" 2>/dev/null; kill "$job" 2>/dev/null; done || true
  scripts/infra.sh down --profile "$LOGISTICS_PROFILE" --started-file "$WORK/started" >/dev/null 2>&1 || true
}
trap cleanup EXIT

scripts/infra.sh up --profile "$LOGISTICS_PROFILE" --started-file "$WORK/started"
set -a; . "${LOGISTICS_RUN_DIR:-.run}/$LOGISTICS_PROFILE/infra.env"; set +a
dotnet build src/Logistics.Service/Logistics.Service.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build simulators/Logistics.Simulators.Fleet/Logistics.Simulators.Fleet.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/Logistics.Cli/Logistics.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
# The listener's counters (/api/telemetry/stats) need a key: an admin key in the bench service's own database.
mkdir -p "$WORK/service"
KEY=$(dotnet src/Logistics.Cli/bin/Release/net10.0/logistics.dll keys create --name bench --role admin \
  --database "$WORK/service/logistics.db" | grep -o 'lk_[A-Za-z0-9_-]*' | head -1)
stats() { curl -s -H "Authorization: Bearer $KEY" "$URL/api/telemetry/stats"; }

URL=http://127.0.0.1:$HTTP_PORT
DATABASE="bench_$(date +%s)"
launch_service() {
  Mqtt__Host=$LOGISTICS_MQTT_HOST Mqtt__Port=$LOGISTICS_MQTT_PORT Mqtt__Username=$LOGISTICS_MQTT_LISTENER_USER \
  Mqtt__Password=$LOGISTICS_MQTT_LISTENER_PASSWORD InfluxDb__Url=$LOGISTICS_INFLUX_URL InfluxDb__Username=$LOGISTICS_INFLUX_USER \
  InfluxDb__Password=$LOGISTICS_INFLUX_PASSWORD InfluxDb__Database="$DATABASE" Listener__DataDirectory="$WORK/service" Database__Path="$WORK/service/logistics.db" \
  Listener__ClientId=bench-listener Log__Directory="$WORK/logs" Log__MinimumLevel=Warning \
  DOTNET_hostBuilder__reloadConfigOnChange=false env ${SERVICE_ENV:-} \
    dotnet src/Logistics.Service/bin/Release/net10.0/Logistics.Service.dll --urls "$URL" >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
}
await_service() {
  for _ in $(seq 1 60); do curl -sf -H "Authorization: Bearer $KEY" "$URL/api/telemetry/stats" 2>/dev/null | grep -q '"influx"' && break; sleep 0.5; done
}
# A clean session under the listener's id drops whatever an earlier, interrupted run left queued for it at the broker.
mosquitto_sub -h "$LOGISTICS_MQTT_HOST" -p "$LOGISTICS_MQTT_PORT" -u "$LOGISTICS_MQTT_LISTENER_USER" -P "$LOGISTICS_MQTT_LISTENER_PASSWORD" \
  -i bench-listener -t bench/none -W 1 >/dev/null 2>&1 || true
launch_service; await_service
if [ "$BACKLOG" -gt 0 ]; then
  # The first start made the listener's persistent session; while it is away the broker queues its messages.
  kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""
  dotnet simulators/Logistics.Simulators.Fleet/bin/Release/net10.0/Logistics.Simulators.Fleet.dll \
    --trucks "$TRUCKS" --rate "$RATE" --messages "$BACKLOG" --seed 2 | tail -1
fi
TOTAL=$(( MESSAGES + BACKLOG ))

SUB=(-h "$LOGISTICS_MQTT_HOST" -p "$LOGISTICS_MQTT_PORT" -u "$LOGISTICS_MQTT_LISTENER_USER" -P "$LOGISTICS_MQTT_LISTENER_PASSWORD" -q 1)
# Receive time and topic of every message; the payload only of the faulty ones (all of them would be tens of MB).
# The subshells note their children's CPU time (clock ticks) when these exit: the yardstick's, and below the simulator's.
( mosquitto_sub "${SUB[@]}" -i bench-yardstick -t 'fleet/+/telemetry' -C "$MESSAGES" -F '%U %t %p' \
  | awk '{ if (index($0, "\":-999")) print; else print $1, $2 }' > "$WORK/sub.txt"; awk '{ print $16 + $17 }' "/proc/$BASHPID/stat" > "$WORK/sub.cpu" ) &
YARDSTICK=$!
# A sensor fault on up to 50 trucks, spread over the run: each opens one alert at once, which the
# truck's own device receives (only it may read its alerts topic).
SECONDS_RUN=$(( MESSAGES / RATE > 2 ? MESSAGES / RATE : 2 ))
STEP=$(( TRUCKS > 50 ? TRUCKS / 50 : 1 ))
FAULTS=()
for (( t = STEP; t <= TRUCKS; t += STEP )); do
  truck=$(printf 'T-%03d' "$t")
  FAULTS+=(--fault "sensor-fault:$truck@$(( (t * 7) % SECONDS_RUN ))s")
  password=$(awk -F, -v id="$truck" '$1 == id { print $2 }' "$LOGISTICS_DEVICES_FILE")
  mosquitto_sub -h "$LOGISTICS_MQTT_HOST" -p "$LOGISTICS_MQTT_PORT" -u "$truck" -P "$password" -q 1 -i "bench-$truck" \
    -t "fleet/$truck/alerts" -F '%U %p' >> "$WORK/alerts.txt" &
done
sleep 1
if [ "$BACKLOG" -gt 0 ]; then
  # The live run (with its faults) starts as the service does, so its messages queue at the broker behind the backlog
  # and reach the listener while it drains it at full speed. (Waiting for the service to answer first let it drain the
  # whole backlog before the first live message: the faults then met an idle listener.)
  echo "restart backlog: $BACKLOG messages queued at the broker for the stopped listener; starting it and the live run"
  RESTARTED=$(date +%s.%N) INFLUX_CPU_AT_RESTART=$(awk '{ print $14 + $15 }' "/proc/$(cat "${LOGISTICS_RUN_DIR:-.run}/$LOGISTICS_PROFILE/influxdb.pid")/stat")
  launch_service
fi

# The listener's and InfluxDB's CPU time (user + system, clock ticks) and the bytes the listener allocated, before and after.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${1:-$SERVICE_PID}/stat"; }
INFLUX_PID=$(cat "${LOGISTICS_RUN_DIR:-.run}/$LOGISTICS_PROFILE/influxdb.pid")
BROKER_PID=$(cat "${LOGISTICS_RUN_DIR:-.run}/$LOGISTICS_PROFILE/mosquitto.pid")
allocated() { stats | sed -n 's/.*"allocatedBytes":\([0-9]*\).*/\1/p'; }
if [ -n "$TRACE_DIR" ]; then
  mkdir -p "$TRACE_DIR"
  PATH=$PATH:$HOME/.dotnet/tools
  dotnet-trace collect -p "$SERVICE_PID" --profile dotnet-sampled-thread-time --duration 00:00:00:20 --format Speedscope \
    -o "$TRACE_DIR/listener.nettrace" > "$TRACE_DIR/trace.log" 2>&1 &
  dotnet-counters collect -p "$SERVICE_PID" --counters System.Runtime --duration 00:00:00:20 -o "$TRACE_DIR/counters.csv" \
    > "$TRACE_DIR/counters.log" 2>&1 &
  sleep 2
fi
# Where the listener stands every half second (for a look at how far each stage is behind): time, received,
# journaled, the journal's last record, the InfluxDB writer's checkpoint, the record the alert engine evaluated last,
# acknowledged (PUBACKs), the client's receive queue and its messages not yet acknowledged, the thread pool's workers
# and queued work items, the GC's pauses in all (s).
( while kill -0 "$SERVICE_PID" 2>/dev/null; do
    stats | jq -r --arg t "$(date +%s.%N)" '[$t, .received, .journaled, .journal.lastSequence, .journal.checkpoints.influx,
      .alertLatency.evaluatedSequence, .acknowledged, .stages.receiveQueue, .stages.unacknowledged,
      .process.threadPoolThreads, .process.threadPoolQueue, .process.gcPauseSeconds] | map(tostring) | join(" ")' 2>/dev/null
    sleep 0.5
  done > "$WORK/progress.txt" ) &
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg) BROKER_CPU_BEFORE=$(cpu_ticks "$BROKER_PID")
if [ "$BACKLOG" -gt 0 ]; then
  # After a restart the drain began at connect: count the listener's CPU and allocation from its start (start-up too).
  CPU_BEFORE=0 ALLOC_BEFORE=0 INFLUX_CPU_BEFORE=$INFLUX_CPU_AT_RESTART
  echo '{}' > "$WORK/stats-before.json"
else
  CPU_BEFORE=$(cpu_ticks) ALLOC_BEFORE=$(allocated) INFLUX_CPU_BEFORE=$(cpu_ticks "$INFLUX_PID")
  stats > "$WORK/stats-before.json"
fi
START=$(date +%s.%N)
( dotnet simulators/Logistics.Simulators.Fleet/bin/Release/net10.0/Logistics.Simulators.Fleet.dll \
  --trucks "$TRUCKS" --rate "$RATE" --messages "$MESSAGES" --summary "$WORK/summary.json" "${FAULTS[@]}" | tail -1
  awk '{ print $16 + $17 }' "/proc/$BASHPID/stat" > "$WORK/simulator.cpu" )
SIM_END=$(date +%s.%N)
READINGS=$(sed -n '/"totals"/,/}/s/.*"readings": \([0-9]*\).*/\1/p' "$WORK/summary.json")

# Done when every telemetry message was received and the InfluxDB writer's checkpoint reached the
# journal's end (faulty values are not readings, so the reading count would never match).
stored() {
  local s; s=$(stats)
  local received=$(sed -n 's/.*"received":\([0-9]*\).*/\1/p' <<<"$s")
  local last=$(sed -n 's/.*"lastSequence":\([0-9]*\).*/\1/p' <<<"$s")
  local influx=$(sed -n 's/.*"influx":\([0-9]*\).*/\1/p' <<<"$s")
  [ "${received:-0}" -ge "$TOTAL" ] && [ "${influx:-0}" -ge "${last:-1}" ]
}
until stored; do
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died; see $WORK/service.log" >&2; exit 1; }
  sleep 0.2
done
STORED=$(date +%s.%N)
CPU_AFTER=$(cpu_ticks) ALLOC_AFTER=$(allocated) INFLUX_CPU_AFTER=$(cpu_ticks "$INFLUX_PID") BROKER_CPU_AFTER=$(cpu_ticks "$BROKER_PID")
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
wait "$YARDSTICK" 2>/dev/null || true
RSS=$(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status")
READINGS=$(stats | sed -n 's/.*"readingsStored":\([0-9]*\).*/\1/p')

awk -v start="$START" -v simend="$SIM_END" -v stored="$STORED" -v n="$MESSAGES" -v total="$TOTAL" -v readings="$READINGS" -v rss="$RSS" \
  -v backlog="$BACKLOG" -v restarted="${RESTARTED:-0}" \
  -v cpu="$(awk -v t=$(( CPU_AFTER - CPU_BEFORE )) -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }')" \
  -v influxcpu="$(awk -v t=$(( INFLUX_CPU_AFTER - INFLUX_CPU_BEFORE )) -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }')" -v alloc="$(( ${ALLOC_AFTER:-0} - ${ALLOC_BEFORE:-0} ))" '
  NR == 1 { first = $1 } { last = $1; count++ }
  END {
    per = readings / total
    subrate = (count - 1) / (last - first) * per
    # Both rates from the first message of the run (as mosquitto_sub received it): the simulator start-up counts for neither.
    listener = readings / (stored - first)
    printf "simulator: %d messages, %d readings in %.1f s (%.0f readings/s offered)\n", n, n * per, simend - start, n * per / (simend - start)
    printf "mosquitto_sub: %d messages received, %.0f readings/s\n", count, subrate
    if (backlog > 0)
      printf "listener: the backlog of %d messages and the %d live ones, %d readings, all in InfluxDB %.1f s after the restart: %.0f readings/s\n", backlog, n, readings, stored - restarted, readings / (stored - restarted)
    else
      printf "listener: all %d readings in InfluxDB %.1f s after the first message (%.1f s after the simulator started): %.0f readings/s, %.2f of mosquitto_sub\n", readings, stored - first, stored - start, listener, listener / subrate
    printf "listener peak memory (VmHWM): %.0f MiB\n", rss / 1024
    printf "listener CPU: %.3f s per 1,000 readings (%.1f s in all), %.0f bytes allocated per message\n", cpu / readings * 1000, cpu, alloc / total
    printf "InfluxDB CPU: %.3f s per 1,000 readings (%.1f s in all)\n", influxcpu / readings * 1000, influxcpu
  }' "$WORK/sub.txt"

# Alert latency from the device time ("at") of the reading that raised the alert, as the issue defines it,
# over the alerts raised by readings (the "offline" alerts that the devices' last status messages raise at
# the end carry no device time: left out). The simulator stamps each message with its scheduled time, and
# on a saturated machine it runs behind that schedule: how late the faulty readings themselves reached
# mosquitto_sub (no listener involved) is printed next to it.
grep -v '"kind":"NoData"' "$WORK/alerts.txt" > "$WORK/reading-alerts.txt" || true
device_time_lag() { # lines "received payload" → received − the payload's device time ("at" or "ts"), in ms
  while read -r received payload; do
    at=$(printf '%s' "$payload" | sed -n 's/.*"\(at\|ts\)":"\([^"]*\)".*/\2/p')
    [ -n "$at" ] && echo "$received $(date -d "$at" +%s.%N)"
  done | awk '{ print ($1 - $2) * 1000 }' | sort -n
}
device_time_lag < "$WORK/reading-alerts.txt" > "$WORK/latency.txt"
awk 'NF > 2 && !seen[$2]++ { $2 = ""; print }' "$WORK/sub.txt" | device_time_lag > "$WORK/reading-lag.txt"
summary() { awk -v what="$1" '{ v[NR] = $1 } END {
  if (NR == 0) { print what ": none"; exit }
  p50 = v[int((NR - 1) * 0.5) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
  printf "%s (%d): p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", what, NR, p50, p99, v[NR] }' "$2"; }
summary "alert latency, device time → alert received by the truck's device" "$WORK/latency.txt"
summary "  of which the faulty readings took to reach mosquitto_sub (simulator behind schedule, broker)" "$WORK/reading-lag.txt"
# The listener's own share: from its receipt of the message to its publication of the alert (its stats).
stats > "$WORK/stats.json"
part() { sed -n "s/.*\"$1\":{\"p50\":\([0-9.]*\),\"p99\":\([0-9.]*\)}.*/p50 \1 ms, p99 \2 ms/p" "$WORK/stats.json" | sed 's/\.\([0-9]\)[0-9]* ms/.\1 ms/g'; }
echo "  the listener's own part (receipt of the reading → alert published): $(part receiptToCabMs)"
alert_evaluated=$(jq -r '.alertLatency.receiptToEvaluatedMs | if . == null or .p50 == null then "-" else "p50 \(.p50 * 10 | round / 10) ms, p99 \(.p99 * 10 | round / 10) ms" end' "$WORK/stats.json" 2>/dev/null || echo -)
echo "    of which receipt → the alert engine's evaluation of that reading: $alert_evaluated"

# Where the time went, stage by stage (the listener's "stages" in its stats), and every process's CPU over the run.
hz=$(getconf CLK_TCK)
jq -r --argjson first "$(head -1 "$WORK/sub.txt" | cut -d' ' -f1)" --argjson last "$(tail -1 "$WORK/sub.txt" | cut -d' ' -f1)" \
  --argjson stored "$STORED" --slurpfile before "$WORK/stats-before.json" -f /dev/stdin "$WORK/stats.json" <<'JQ' || echo "stages: not in the listener's stats"
  def ms(x): if x == null then "-" else "\(x * 10 | round / 10) ms" end;
  # Totals over the run: less what the stats said when it began (nothing after a restart, whose drain counts whole).
  ($before[0].stages // {}) as $b |
  def run(f): (.stages | f) - (($b | f) // 0);
  def s2(x): x * 100 | round / 100;
  def epoch(t): t | sub("\\.[0-9]+"; "") | sub("\\+00:00$"; "Z") | fromdateiso8601 + ((t | capture("\\.(?<f>[0-9]+)") | ("0." + .f | tonumber)) // 0);
  .stages as $s | (epoch($s.firstReceivedAt)) as $rf | (epoch($s.lastReceivedAt)) as $rl |
  "stages (the listener's stats):",
  "  intake: last message \(($rl - $last) * 1000 | round) ms after; mosquitto_sub's span \(($last - $first) * 100 | round / 100) s; then \(($stored - $rl) * 100 | round / 100) s to the last batch stored (the tail: \((($stored - $rl) / ($stored - $first)) * 100 | round) % of the listener's time)",
  "  intake waited for: the broker \(s2(run(.intake.waitingForBrokerSeconds))) s, the alert processor \(s2(run(.intake.waitingForAlertsSeconds))) s, the journal \(s2(run(.intake.waitingForJournalSeconds))) s; client receive queue full (socket not read) \(s2(run(.receiveQueueFullSeconds))) s",
  (run(.groupCommit.groups)) as $g | (run(.groupCommit.records)) as $r | (run(.groupCommit.flushSeconds)) as $f |
  "  journal group commit: \($g) fsyncs, \(if $g > 0 then $r / $g * 10 | round / 10 else 0 end) records each (largest since start \($s.groupCommit.largestGroup)), \(if $g > 0 then $f / $g * 100000 | round / 100 else 0 end) ms each, \(s2($f)) s in all",
  "  receipt → durable (PUBACK may go) p50 \(ms($s.receiptToDurableMs.p50)), p99 \(ms($s.receiptToDurableMs.p99)); → evaluated p50 \(ms($s.receiptToEvaluatedMs.p50)), p99 \(ms($s.receiptToEvaluatedMs.p99)); → stored in InfluxDB p50 \(ms($s.receiptToStoredMs.p50)), p99 \(ms($s.receiptToStoredMs.p99))",
  "  InfluxDB writer: busy \(s2(run(.writer.busySeconds))) s, waiting for the journal \(s2(run(.writer.waitingForJournalSeconds))) s, for InfluxDB \(s2(run(.writer.waitingForInfluxSeconds))) s"
JQ
printf 'CPU seconds over the run: listener %.1f, InfluxDB %.1f, broker %.1f, simulator %.1f, mosquitto_sub %.1f (2 cores: %.1f s available); load average %s → %s\n' \
  "$(bc -l <<<"($CPU_AFTER - $CPU_BEFORE) / $hz")" "$(bc -l <<<"($INFLUX_CPU_AFTER - $INFLUX_CPU_BEFORE) / $hz")" \
  "$(bc -l <<<"($BROKER_CPU_AFTER - $BROKER_CPU_BEFORE) / $hz")" "$(bc -l <<<"$(cat "$WORK/simulator.cpu" 2>/dev/null || echo 0) / $hz")" \
  "$(bc -l <<<"$(cat "$WORK/sub.cpu" 2>/dev/null || echo 0) / $hz")" "$(bc -l <<<"2 * ($STORED - $START)")" "$LOAD_BEFORE" "$LOAD_AFTER"
echo "details in $WORK"
