#!/usr/bin/env bash
# Runs the whole test suite against real servers: brings up the "test" profile's Mosquitto,
# InfluxDB and PostgreSQL (the store tests run on SQLite and on it; other ports and folders than the demo), restores, builds, runs every test project under
# tests/, stops the servers it started (also on failure or Ctrl-C), and ends with one line
# "N passed, N failed" summed over all projects. Exits non-zero on any failure.
#
#   ./test.sh [--filter EXPR]     EXPR is passed to `dotnet test --filter` (e.g. FullyQualifiedName~Mqtt)
set -uo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$REPO_DIR"
FILTER=()
if [ "${1:-}" = "--filter" ]; then FILTER=(--filter "${2:?--filter needs an expression}"); fi

export LOGISTICS_PROFILE=test
RESULTS_DIR="$REPO_DIR/.run/test/results"
STARTED_FILE=$(mktemp)

cleanup() {
  [ -f "$STARTED_FILE" ] || return 0
  if [ -s "$STARTED_FILE" ]; then
    # shellcheck disable=SC2046
    scripts/infra.sh down --profile test $(sort -u "$STARTED_FILE")
  fi
  rm -f "$STARTED_FILE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

summary() { echo "$1 passed, $2 failed"; }

begin=$(date +%s)
# The web tests drive Debian's Chromium; installed here (as root) when missing, never downloaded by Playwright.
scripts/browser.sh ensure || { echo "test.sh: Chromium for the web tests could not be installed" >&2; summary 0 1; exit 1; }
# LightGBM's native library (the forecasting tests' boosted model) needs libgomp1; installed here (as root) when missing.
scripts/native-libs.sh ensure || { echo "test.sh: native libraries could not be installed" >&2; summary 0 1; exit 1; }
# 100 device accounts: tests that run side by side keep to their own trucks (the two-instance test's 50 are T-051..T-100).
LOGISTICS_TRUCKS=100 scripts/infra.sh up --profile test --started-file "$STARTED_FILE" mosquitto influxdb postgres || { echo "test.sh: the test servers did not start" >&2; summary 0 1; exit 1; }
set -a
# shellcheck disable=SC1091
. .run/test/infra.env
set +a

echo "== restore and build"
# The build writes about 1 GB and the tests' servers some more; a full disk shows up as MSBuild copy errors.
read -r free_kb mount < <(df -Pk . | awk 'NR == 2 { print $4, $6 }')
if [ -n "${free_kb:-}" ] && [ "$free_kb" -lt 2097152 ]; then
  echo "test.sh: warning: only $((free_kb / 1024)) MB free on $mount; the build needs about 1 GB and the test servers more" >&2
fi
if ! dotnet build Logistics.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed (if it says 'No space left on device', free disk space and run ./test.sh again)" >&2
  summary 0 1
  exit 1
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
failed_projects=()
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build -nologo "${FILTER[@]}" \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$RESULTS_DIR"; then
    failed_projects+=("$name")
  fi
done

# Sum the counters of every project's TRX report: <Counters total=".." passed=".." failed=".." ...>.
passed=0; failed=0
for trx in "$RESULTS_DIR"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A project that crashed before writing its report still counts as a failure.
for name in "${failed_projects[@]}"; do
  [ -f "$RESULTS_DIR/$name.trx" ] || failed=$((failed + 1))
done

cleanup
trap - EXIT
echo "== $(( $(date +%s) - begin )) s; reports in $RESULTS_DIR"
[ ${#failed_projects[@]} -eq 0 ] || echo "failing projects: ${failed_projects[*]}"
summary "$passed" "$failed"
[ ${#failed_projects[@]} -eq 0 ] && [ "$failed" -eq 0 ]
