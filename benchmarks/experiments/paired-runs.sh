#!/bin/bash
# Paired fixed-time runs of two search settings: for each instance and seed, arm A and arm B run at the same time,
# one process per core, so that a change in the machine's speed (a shared host's load) reaches both arms alike.
# Each arm is "DLL|SETTING|OPTIONS" for the benchmark's setting comparisons (Logistics.Benchmarks.dll; see
# SearchComparison.cs), e.g. "bin/Logistics.Benchmarks.dll|eliminate|--only on" for today's search.
# One CSV line per run, prefixed with its arm, goes to OUT; "DONE" ends a complete file.
#   benchmarks/experiments/paired-runs.sh OUT SECONDS SEEDS "A" "B" INSTANCE_FILES...
set -u
if [ $# -lt 6 ]; then
  sed -n 2,7p "$0" >&2
  exit 2
fi
out=$1; seconds=$2; seeds=$3; a=$4; b=$5; shift 5
IFS='|' read -r a_dll a_setting a_options <<< "$a"
IFS='|' read -r b_dll b_setting b_options <<< "$b"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$out"
for file in "$@"; do
  for seed in ${seeds//,/ }; do
    # shellcheck disable=SC2086 # the options are several words
    dotnet "$a_dll" "$a_setting" 1 "$seed" $a_options --time "$seconds" "$file" 2>&1 | tail -1 | sed 's/^/A,/' > "$work/a" &
    # shellcheck disable=SC2086
    dotnet "$b_dll" "$b_setting" 1 "$seed" $b_options --time "$seconds" "$file" 2>&1 | tail -1 | sed 's/^/B,/' > "$work/b" &
    wait
    cat "$work/a" "$work/b" >> "$out"
  done
done
echo DONE >> "$out"
