#!/usr/bin/env bash
# The store tests start a throwaway PostgreSQL server: they need Debian's postgresql (initdb, pg_ctl).
# Installs it when neither PATH nor /usr/lib/postgresql/*/bin has initdb; does nothing otherwise.
set -euo pipefail
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if command -v initdb >/dev/null 2>&1 || [ -n "$(pg_bin)" ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "installing Debian's postgresql for the store tests" >&2
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
