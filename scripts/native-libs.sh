#!/usr/bin/env bash
# Native libraries the .NET packages load at run time: libgomp1 (OpenMP) for LightGBM's native library, which
# ML.NET's boosted forecasting model (src/Logistics.Forecasting) calls.
#
#   scripts/native-libs.sh ensure    installs the Debian packages that are missing (needs root when one is)
set -euo pipefail

PACKAGES=(libgomp1)

case "${1:-}" in
  ensure)
    missing=()
    for package in "${PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
    [ "$(id -u)" -eq 0 ] || { echo "native-libs.sh: missing ${missing[*]}; install as root" >&2; exit 1; }
    echo "native-libs.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    ;;
  *)
    echo "usage: scripts/native-libs.sh ensure" >&2
    exit 2
    ;;
esac
