#!/usr/bin/env bash
# Benchmark of `logistics forecast` on public real series it has never seen (R's datasets; monthly, quarterly,
# weekly, daily): each series' last h periods are held out, our forecaster sees only the rest (and runs its own
# backtest inside it), and the held-out part is scored by MASE next to R's forecast::ets and seasonal naive on
# the same split. Not a test: it prints numbers. R is the reference only, installed here (needs root) when missing.
#
#   benchmarks/forecast/run.sh [--set datasets|econ] [test|validation|validationK] [OUT_DIR]
#                                                     (default: datasets, test, .run/forecast-bench[-econ]-SPLIT)
# "datasets" is the set the forecaster was designed on (24 series of R's datasets and forecast packages); "econ" is
# a second set of 56 series (R's AER and tseries packages, installed here when missing) selected by a fixed rule
# after the first set's results were known, never used to try a change: see series.R.
# "validation" scores the h periods before the test part instead (the test part dropped): the split to try
# changes on; "validation2", "validation3" ... the h periods K·h before the end, more splits to check a change on;
# the README reports "test".
set -euo pipefail
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$REPO_DIR/benchmarks/forecast"
SET=datasets
if [ "${1:-}" = "--set" ]; then SET=${2:?"--set needs datasets or econ"}; shift 2; fi
case "$SET" in datasets) SUFFIX= ;; econ) SUFFIX=-econ ;; *) echo "run.sh: --set '$SET' is neither datasets nor econ" >&2; exit 2 ;; esac
SPLIT=${1:-test}
OUT=${2:-"$REPO_DIR/.run/forecast-bench$SUFFIX-$SPLIT"}

if ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "run.sh: R with the forecast package is missing; install r-base-core r-cran-forecast as root" >&2; exit 1; }
  echo "run.sh: installing R and its forecast package (the reference only)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends r-base-core r-cran-forecast >/dev/null
fi
if [ "$SET" = econ ] && ! Rscript -e 'library(AER); library(tseries)' >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "run.sh: R's AER and tseries packages are missing; install r-cran-aer r-cran-tseries as root" >&2; exit 1; }
  echo "run.sh: installing R's AER and tseries packages (the econ set's series)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends r-cran-aer r-cran-tseries >/dev/null
fi
"$REPO_DIR/scripts/native-libs.sh" ensure

rm -rf "$OUT"
mkdir -p "$OUT/ours"
Rscript "$HERE/series.R" "$OUT" "$SPLIT" "$SET"
dotnet build "$REPO_DIR/src/Logistics.Cli/Logistics.Cli.csproj" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" >&2
start=$(date +%s)
while IFS=, read -r name h; do
  "$REPO_DIR/logistics" forecast --history "$OUT/train/$name.csv" --horizon "$h" \
    --out "$OUT/ours/$name.csv" --backtest "$OUT/ours/$name.backtest.csv" > "$OUT/ours/$name.log" 2>&1
done < <(Rscript -e "t <- read.csv('$OUT/test.csv'); h <- tapply(t\$step, t\$name, max); cat(paste0(names(h), ',', h), sep='\n')")
echo "our forecasts: $(( $(date +%s) - start )) s"
Rscript "$HERE/score.R" "$OUT"
