#!/usr/bin/env bash
# Planning jobs through a cluster of service instances (scripts/cluster.sh): queues N jobs of S seconds each
# through URL on the day D (saved first, e.g. with POST /api/demo-day) and prints each job's end and the wall time
# until all have ended. Any instance of the cluster may run each job.
#
#   benchmarks/cluster/jobs.sh KEY URL N S [DATE]
set -euo pipefail
KEY=${1:?admin or dispatcher key}; URL=${2:?service URL}; N=${3:?number of jobs}; S=${4:?seconds per job}; DAY=${5:-2026-11-23}
H="Authorization: Bearer $KEY"
start=$(date +%s.%N); ids=()
for ((i = 1; i <= N; i++)); do
  ids+=("$(curl -sf -X POST -H "$H" -H 'Content-Type: application/json' \
    -d "{\"date\":\"$DAY\",\"timeLimitSeconds\":$S,\"seed\":$i}" "$URL/api/plans" | jq -r .id)")
done
for id in "${ids[@]}"; do
  while true; do
    status=$(curl -sf -H "$H" "$URL/api/plans/$id" | jq -r .status)
    case "$status" in succeeded|failed|cancelled) break ;; esac
    sleep 0.2
  done
  echo "$id $status"
done
echo "jobs=$N limit=${S}s wall=$(echo "$(date +%s.%N) - $start" | bc) s"
