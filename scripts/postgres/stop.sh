#!/bin/sh
# Stops a cluster started by start.sh and removes its files: stop.sh [dir] (default: the one started last).
set -eu
dir="${1:-$(cat /tmp/classroom-pg.last)}"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
case "$dir" in /tmp/classroom-pg.*) ;; *) echo "not a cluster of start.sh: $dir" >&2; exit 1 ;; esac
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
rm -rf "$dir"
