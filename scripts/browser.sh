#!/usr/bin/env bash
# The browser the web tests drive: Debian's Chromium at /usr/bin/chromium (Playwright never downloads
# one of its own here), with a CJK font so that the stores' Chinese names render in screenshots.
#
#   scripts/browser.sh ensure    installs the Debian package when /usr/bin/chromium is missing (needs root)
#   scripts/browser.sh path      prints the executable's path, or fails when it is missing
set -euo pipefail

CHROMIUM=/usr/bin/chromium

case "${1:-}" in
  ensure)
    if [ -x "$CHROMIUM" ]; then exit 0; fi
    [ "$(id -u)" -eq 0 ] || { echo "browser.sh: $CHROMIUM is missing; install the 'chromium' package as root" >&2; exit 1; }
    echo "browser.sh: installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
    [ -x "$CHROMIUM" ] || { echo "browser.sh: apt-get ran but $CHROMIUM is still missing" >&2; exit 1; }
    ;;
  path)
    [ -x "$CHROMIUM" ] || { echo "browser.sh: $CHROMIUM is missing; run scripts/browser.sh ensure" >&2; exit 1; }
    echo "$CHROMIUM"
    ;;
  *)
    echo "usage: scripts/browser.sh ensure|path" >&2
    exit 2
    ;;
esac
