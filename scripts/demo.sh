#!/usr/bin/env bash
# The demo's day, through the service's own API, as a dispatcher and the fleet would do it: API keys for
# a dispatcher and a QA user, a generated day of stores and orders, a plan (with its progress), the plan
# published to the trucks, and the simulated fleet driving it with one scripted reefer failure, so that QA
# sees an excursion and the deliveries it touched; then the same stores' order history (the orders
# simulator's --history) uploaded and a forecast started, for the forecast page. Called by run.sh once the
# service answers.
#
#   scripts/demo.sh SERVICE_URL DATABASE_FILE
#
# The simulated trucks replay the day time-compressed from its first departure, and readings stamped in the
# future would be refused: the day is today's once today's routes are over (after 18:00), else yesterday's.
# Environment: DEMO_STORES (200), DEMO_TIME_SCALE (20: a 10-hour day in 30 minutes), DEMO_PLAN_SECONDS (20),
# DEMO_HISTORY_YEARS (3), DEMO_FORECAST_PERIOD (week), DEMO_FORECAST_HORIZON (10: into the month after next).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
URL=${1:?service URL}
DATABASE=${2:?database file}
PROFILE_DIR="$REPO_DIR/.run/demo"
STORES=${DEMO_STORES:-200}
TIME_SCALE=${DEMO_TIME_SCALE:-20}
PLAN_SECONDS=${DEMO_PLAN_SECONDS:-20}
HISTORY_YEARS=${DEMO_HISTORY_YEARS:-3}
FORECAST_PERIOD=${DEMO_FORECAST_PERIOD:-week}
FORECAST_HORIZON=${DEMO_FORECAST_HORIZON:-10}
if [ "$(TZ=Asia/Shanghai date +%H)" -ge 18 ]; then DAY=$(TZ=Asia/Shanghai date +%F); else DAY=$(TZ=Asia/Shanghai date -d yesterday +%F); fi

say() { echo "demo: $*"; }
die() { echo "demo: $*" >&2; exit 1; }

# A fresh key per role and run (names carry the time): the tokens are shown once and kept in the profile.
new_key() {
  dotnet "$REPO_DIR/src/Logistics.Cli/bin/Release/net10.0/logistics.dll" keys create \
    --name "demo-$1-$(date +%Y%m%d-%H%M%S)" --role "$1" --database "$DATABASE" | grep -o 'lk_[A-Za-z0-9_-]*' | head -1
}
DISPATCHER_KEY=$(new_key dispatcher) || die "could not create the dispatcher's key"
QA_KEY=$(new_key qa) || die "could not create the QA key"
umask 077
printf 'DISPATCHER_KEY=%s\nQA_KEY=%s\n' "$DISPATCHER_KEY" "$QA_KEY" > "$PROFILE_DIR/demo-keys.env"
umask 022

api() { # METHOD PATH [JSON]
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$URL$2" -H "Authorization: Bearer $DISPATCHER_KEY" \
    -H 'Content-Type: application/json' ${3:+--data "$3"})
  if [ "${status:0:1}" != 2 ]; then cat "$out" >&2; rm -f "$out"; die "$1 $2 answered $status"; fi
  cat "$out"; rm -f "$out"
}

say "generating $STORES stores and their orders for $DAY"
api POST /api/demo-day "{\"date\":\"$DAY\",\"stores\":$STORES,\"seed\":1}" | jq -r '"demo: \(.stores) stores, \(.orders) orders, \(.cartons) cartons"'

PLAN_ID=$(api POST /api/plans "{\"date\":\"$DAY\",\"timeLimitSeconds\":$PLAN_SECONDS}" | jq -r .id)
while :; do
  plan=$(api GET "/api/plans/$PLAN_ID")
  status=$(jq -r .status <<<"$plan")
  printf '\rdemo: planning %s: %s, %s s, best %s yuan   ' "$PLAN_ID" "$status" \
    "$(jq -r '.progress.elapsedSeconds // 0 | floor' <<<"$plan")" "$(jq -r '.progress.bestCostYuan // "-"' <<<"$plan")"
  case $status in succeeded) echo; break ;; failed|cancelled) echo; die "the plan $status: $(jq -r .error <<<"$plan")" ;; esac
  sleep 1
done
api GET "/api/plans/$PLAN_ID/result" > "$PROFILE_DIR/plan.json"
ROUTES=$(jq '.routes | length' "$PROFILE_DIR/plan.json")
say "$ROUTES routes, $(jq '.totals.unassignedOrders' "$PROFILE_DIR/plan.json") orders left out; publishing to the trucks"
api POST "/api/plans/$PLAN_ID/publish" '{}' | jq -r '.trucks | to_entries | map("\(.key) → \(.value)") | join(", ")' | fold -s -w 100 | sed 's/^/demo:   /'

# T-001's reefer fails 90 simulated minutes into its route: the temperature climbs out of the tobacco band.
FLEET_LOG="$PROFILE_DIR/logs/fleet.log"
say "the fleet drives the plan at ×$TIME_SCALE (log: $FLEET_LOG); T-001's reefer fails after 90 minutes"
dotnet "$REPO_DIR/simulators/Logistics.Simulators.Fleet/bin/Release/net10.0/Logistics.Simulators.Fleet.dll" \
  --trucks "$ROUTES" --plan "$PROFILE_DIR/plan.json" --time-scale "$TIME_SCALE" \
  --fault "reefer-failure:T-001@90m" > "$FLEET_LOG" 2>&1 &
echo $! > "$PROFILE_DIR/fleet.pid"

# The order history of the same stores (the demo day's network: same store count and seed), uploaded as a
# dispatcher would upload the order system's export, and a forecast of it, which runs in the service.
# The history ends on the Sunday before the demo day's week: a forecast by weeks then sees no half week at its end.
HISTORY_DIR="$PROFILE_DIR/history"
mkdir -p "$HISTORY_DIR"
WEEK_START=$(date -d "$DAY -$(( $(date -d "$DAY" +%u) - 1 )) days" +%F)
dotnet "$REPO_DIR/simulators/Logistics.Simulators.Orders/bin/Release/net10.0/Logistics.Simulators.Orders.dll" \
  --stores "$STORES" --seed 1 --date "$WEEK_START" --history "$HISTORY_YEARS" --out "$HISTORY_DIR" | grep '^history' | sed 's/^/demo: /'
out=$(mktemp)
status=$(curl -s -o "$out" -w '%{http_code}' -X PUT "$URL/api/history" -H "Authorization: Bearer $DISPATCHER_KEY" \
  -H 'Content-Type: text/csv' --data-binary "@$HISTORY_DIR/history.csv")
if [ "${status:0:1}" != 2 ]; then cat "$out" >&2; rm -f "$out"; die "PUT /api/history answered $status"; fi
jq -r '"demo: history saved: \(.history.series) stores, \(.history.rows) store-days from \(.history.first) to \(.history.last)"' "$out"
rm -f "$out"
FORECAST_ID=$(api POST /api/forecasts "{\"horizon\":$FORECAST_HORIZON,\"period\":\"$FORECAST_PERIOD\"}" | jq -r .id)
say "forecast $FORECAST_ID of the next $FORECAST_HORIZON ${FORECAST_PERIOD}s is running; follow it on $URL/forecast.html?forecast=$FORECAST_ID"
