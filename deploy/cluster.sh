#!/usr/bin/env bash
# A local cluster on loopback (ADR 32): PostgreSQL primary + streaming replica, Redis, two app nodes and nginx in front,
# all from Debian packages and all under one folder; `stop` removes it again.
#   deploy/cluster.sh start    # prints the address and the first sign-in
#   deploy/cluster.sh status
#   deploy/cluster.sh stop
#   deploy/cluster.sh node 5401          # starts that node again (after it was stopped or killed)
#   deploy/cluster.sh app users add …    # an admin command with the cluster's settings
#   deploy/cluster.sh drill              # the restore drill (deploy/restore-drill.sh) on the cluster's database
# ELDERCARE_CLUSTER_EXTRA_ENV=FILE adds the file's KEY=VALUE lines to the settings every node reads (e.g. short alarm
# windows for the cluster tests: Alarms__AcknowledgeSeconds=5). Each node names itself to PostgreSQL as
# application_name eldercare-PORT, so pg_stat_activity shows which node holds the leading lock (ADR 32); its reports,
# dashboards and exports read the replica (ConnectionStrings__Reports) as eldercare-reports-PORT.
# ELDERCARE_CLUSTER_ARTIFACTS=DIR builds the app there (dotnet --artifacts-path) instead of under src/.
# Ports: nginx 8088, nodes 5401 5402, PostgreSQL 5441 (primary) 5442 (replica), Redis 6391. Folder: $ELDERCARE_CLUSTER_DIR
# (default /tmp/eldercare-cluster). Needs postgresql, redis-server and nginx installed (.ci/run installs them); run as root
# or as a user that may run them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${ELDERCARE_CLUSTER_DIR:-/tmp/eldercare-cluster}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
nodes=(5401 5402)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
wait_for() { for _ in $(seq 1 "$2"); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 1; done; echo "timed out: $1" >&2; return 1; }

start() {
  if [ -e "$dir" ]; then echo "$dir exists: run '$0 stop' first" >&2; exit 1; fi
  for port in 8088 "${nodes[@]}" 5441 5442 6391; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
  done
  mkdir -p "$dir"
  # Run as root, PostgreSQL and nginx's workers run as other users: they must be able to pass through the folders above
  # (a temp folder made by mktemp is 0700).
  if [ "$(id -u)" = 0 ]; then
    up=$(cd "$dir/.." && pwd)
    while [ "$up" != / ]; do chmod o+x "$up"; up=$(dirname "$up"); done
  fi
  echo "publishing the app…"
  dotnet publish "$root/src/ElderCare.Web" -c Release -o "$dir/app" --nologo -v quiet \
    ${ELDERCARE_CLUSTER_ARTIFACTS:+--artifacts-path "$ELDERCARE_CLUSTER_ARTIFACTS"} >"$dir/publish.log"

  echo "PostgreSQL primary (5441) and streaming replica (5442)…"
  mkdir -p "$dir/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir/pg"; fi
  as_postgres "$pgbin/initdb" -D "$dir/pg/primary" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >>"$dir/pg/primary/postgresql.conf" <<CONF
port = 5441
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/pg'
wal_level = replica
max_wal_senders = 4
CONF
  echo "host replication postgres 127.0.0.1/32 trust" >>"$dir/pg/primary/pg_hba.conf"
  as_postgres "$pgbin/pg_ctl" -D "$dir/pg/primary" -l "$dir/pg/primary.log" -w start >/dev/null
  as_postgres "$pgbin/pg_basebackup" -h 127.0.0.1 -p 5441 -U postgres -D "$dir/pg/replica" -R -X stream
  sed -i 's/^port = 5441/port = 5442/' "$dir/pg/replica/postgresql.conf"
  as_postgres "$pgbin/pg_ctl" -D "$dir/pg/replica" -l "$dir/pg/replica.log" -w start >/dev/null
  as_postgres "$pgbin/psql" -h 127.0.0.1 -p 5441 -U postgres -qc "CREATE DATABASE eldercare" >/dev/null

  echo "Redis (6391)…"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6391 --save "" --appendonly no --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for "redis-cli -p 6391 ping" 20

  # The settings every node shares (deploy/eldercare.env.example), with fresh keys for this throw-away cluster.
  key() { head -c 32 /dev/urandom | base64; }
  cat >"$dir/eldercare.env" <<ENV
ASPNETCORE_ENVIRONMENT=Production
Database__Provider=Postgres
ConnectionStrings__App="Host=127.0.0.1;Port=5441;Database=eldercare;Username=postgres;Maximum Pool Size=40"
ConnectionStrings__Reports="Host=127.0.0.1;Port=5442;Database=eldercare;Username=postgres;Maximum Pool Size=10"
DataProtection__Store=Database
DataProtection__KeyEncryptionKey=$(key)
FieldEncryption__Keys__k1=$(key)
FieldEncryption__PrimaryKeyId=k1
FieldEncryption__IndexKey=$(key)
Redis__Configuration=127.0.0.1:6391
Redis__Prefix=eldercare-cluster
Proxy__KnownProxies__0=127.0.0.1
Evidence__LocalFolder=$dir/evidence
ELDERCARE_ADMIN_PASSWORD=Rongchang#Cluster2026
ENV
  if [ -n "${ELDERCARE_CLUSTER_EXTRA_ENV:-}" ]; then cat "$ELDERCARE_CLUSTER_EXTRA_ENV" >>"$dir/eldercare.env"; fi
  chmod 600 "$dir/eldercare.env"
  app migrate >"$dir/migrate.log" 2>&1
  app seed >>"$dir/migrate.log" 2>&1

  for port in "${nodes[@]}"; do launch "$port"; done
  for port in "${nodes[@]}"; do wait_for "curl -fs http://127.0.0.1:$port/health/ready" 60; done

  echo "nginx (8088)…"
  sed -e 's/listen 80;/listen 127.0.0.1:8088;/' "$root/deploy/nginx/eldercare.conf" >"$dir/eldercare-site.conf"
  cat >"$dir/nginx.conf" <<NGINX
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
worker_processes auto;
events { worker_connections 4096; } # the default 512 refuses a load test's connections
http {
  access_log $dir/nginx-access.log;
  client_body_temp_path $dir/nginx-body;
  proxy_temp_path $dir/nginx-proxy;
  include $dir/eldercare-site.conf;
}
NGINX
  nginx -c "$dir/nginx.conf" -p "$dir"
  wait_for "curl -fs http://127.0.0.1:8088/health/ready" 20
  echo "ElderCare cluster: http://127.0.0.1:8088 (nodes ${nodes[*]}, replica 5442). 首次登录：admin / Rongchang#Cluster2026"
}

# app ARGS…: the published app with the cluster's settings (admin commands: migrate, seed, users add …).
app() { (set -a; . "$dir/eldercare.env"; set +a; cd "$dir/app" && ./ElderCare.Web "$@"); }

# launch PORT: starts one node in the background, its log in node-PORT.log (appended: a restarted node keeps the old lines).
launch() {
  (set -a; . "$dir/eldercare.env"; set +a
   export ConnectionStrings__App="$ConnectionStrings__App;Application Name=eldercare-$1"
   export ConnectionStrings__Reports="$ConnectionStrings__Reports;Application Name=eldercare-reports-$1"
   nohup "$dir/app/ElderCare.Web" --urls "http://127.0.0.1:$1" --contentRoot "$dir/app" >>"$dir/node-$1.log" 2>&1 &
   echo $! >"$dir/node-$1.pid")
}

node() {
  local port=$1
  if [ -f "$dir/node-$port.pid" ] && kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null; then echo "node $port is running" >&2; exit 1; fi
  launch "$port"
  wait_for "curl -fs http://127.0.0.1:$port/health/ready" 60
}

status() {
  for port in "${nodes[@]}"; do
    printf 'node %s: %s\n' "$port" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
  done
  printf 'nginx 8088: %s\n' "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8088/health/ready || true)"
  printf 'replica in recovery: %s\n' "$(as_postgres "$pgbin/psql" -h 127.0.0.1 -p 5442 -U postgres -tAc 'SELECT pg_is_in_recovery()' || true)"
  printf 'redis: %s\n' "$(redis-cli -p 6391 ping 2>/dev/null || true)"
}

stop() {
  [ -d "$dir" ] || return 0
  for port in "${nodes[@]}"; do [ -f "$dir/node-$port.pid" ] && kill "$(cat "$dir/node-$port.pid")" 2>/dev/null || true; done
  [ -f "$dir/nginx.pid" ] && nginx -c "$dir/nginx.conf" -p "$dir" -s stop 2>/dev/null || true
  redis-cli -p 6391 shutdown nosave >/dev/null 2>&1 || true
  for pg in replica primary; do
    [ -d "$dir/pg/$pg" ] && as_postgres "$pgbin/pg_ctl" -D "$dir/pg/$pg" -m fast -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  drill) "$root/deploy/restore-drill.sh" "$dir/app" "$dir/eldercare.env" ;;
  node) node "${2:?usage: $0 node PORT}" ;;
  app) shift; app "$@" ;;
  *) echo "usage: $0 start|status|stop|drill|node PORT|app ARGS…" >&2; exit 2 ;;
esac
