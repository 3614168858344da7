#!/bin/sh
# Starts a throwaway PostgreSQL cluster from Debian's package (postgresql 15) in a temp dir, on a free port, and
# prints its URL on stdout (everything else goes to stderr). Run as root: initdb and pg_ctl run as `postgres`.
#
#   export CLASSROOM_PG_URL="$(scripts/postgres/start.sh)"
#   ...
#   scripts/postgres/stop.sh            # stops the cluster started last (or: stop.sh <dir>) and removes its files
set -eu
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL's server is not installed: apt-get install postgresql" >&2
  exit 1
fi
dir="$(mktemp -d /tmp/classroom-pg.XXXXXX)"
chown postgres:postgres "$dir"
chmod 700 "$dir"
# A free port: ask the kernel for one, then let the server take it.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >&2
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
echo "$dir" > /tmp/classroom-pg.last
echo "postgres://postgres@127.0.0.1:$port/postgres"
