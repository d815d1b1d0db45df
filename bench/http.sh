#!/usr/bin/env bash
# Anonymous load on the demo commune's home page and a news page, with wrk on loopback:
#   1. one Zope instance, no cache;
#   2. through the HTTP front written by `mairie proxy` (nginx -> Varnish -> nginx -> Zope),
#      and Varnish alone;
#   3. nginx serving a saved copy of the home page as a static file: the ceiling.
# Prints median and p95 latency and requests per second of each, and the machine; the
# uncached cases with 1 connection (the page's own time) and with CONNECTIONS.
#
# Usage: bench/http.sh [SECONDS] [CONNECTIONS]   (default 20 s, 8 connections)
# Builds what it needs (make install, Debian's wrk, nginx and Varnish), creates the demo
# commune in a temporary instance, and removes everything at the end.
# Ports 8180-8185 must be free.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-8}
ZOPE=8180 FRONT=8181 CACHE=8182 BALANCER=8183 STATIC=8184
DOMAIN=www.saint-aubin-sur-loire.example.fr
SITE=saint-aubin-sur-loire
WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()

cleanup() {
    [ -f "$WORK/front/nginx.conf" ] && scripts/proxy stop "$WORK/front" >/dev/null 2>&1 || true
    [ -f "$WORK/static/nginx.pid" ] && nginx -q -c "$WORK/static/nginx.conf" -p "$WORK/static" -s quit 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

make -s install >/dev/null
scripts/system-packages wrk nginx varnish curl
export TZ=Europe/Paris

# A fresh instance with the demo commune, the way `make start` builds one.
.venv/bin/mkwsgiinstance -d "$WORK/instance" -u admin:admin >/dev/null
sed -i "s/^    zope$/    egg:Paste#gzip\n    zope/; s/^port = .*/port = $ZOPE/" "$WORK/instance/etc/zope.ini"
sed "s|@INSTANCE@|$WORK/instance|" etc/zope.conf.in > "$WORK/instance/etc/zope.conf"
mkdir -p "$WORK/instance/var/filestorage" "$WORK/instance/var/blobstorage"
cp examples/agency.yaml "$WORK/agency.yaml"
cat >> "$WORK/agency.yaml" <<EOF
proxy:
  listen: $FRONT
  cache: "127.0.0.1:$CACHE"
  balancer: "127.0.0.1:$BALANCER"
  instances: ["127.0.0.1:$ZOPE"]
  config_dir: "front"
EOF
.venv/bin/mairie --zope-conf "$WORK/instance/etc/zope.conf" --agency "$WORK/agency.yaml" \
    create --demo-content examples/saint-aubin-sur-loire/demo.yaml \
    examples/saint-aubin-sur-loire/commune.yaml >/dev/null
.venv/bin/runwsgi "$WORK/instance/etc/zope.ini" >"$WORK/zope.log" 2>&1 &
PIDS+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$ZOPE/"; do sleep 1; done
scripts/proxy start "$WORK/front" "127.0.0.1:$CACHE" >/dev/null

NEWS=$(curl -s "http://127.0.0.1:$ZOPE/$SITE/actualites" \
    | grep -o "href=\"http://127.0.0.1:$ZOPE/$SITE/actualites/[a-z0-9-]*\"" | head -n 1 \
    | sed "s|href=\"http://127.0.0.1:$ZOPE/$SITE||; s|\"||")
[ -n "$NEWS" ] || { echo "bench : aucune actualité dans la commune de démonstration" >&2; exit 1; }

# The ceiling: the home page as a file, gzipped beforehand, served by nginx alone.
mkdir -p "$WORK/static/www" "$WORK/static/tmp"
curl -s -H "Host: $DOMAIN" "http://127.0.0.1:$FRONT/" > "$WORK/static/www/index.html"
gzip -k -9 "$WORK/static/www/index.html"
cat > "$WORK/static/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/static/nginx.pid;
error_log $WORK/static/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $WORK/static/tmp;
    proxy_temp_path $WORK/static/tmp;
    fastcgi_temp_path $WORK/static/tmp;
    uwsgi_temp_path $WORK/static/tmp;
    scgi_temp_path $WORK/static/tmp;
    gzip_static on;
    server { listen 127.0.0.1:$STATIC; root $WORK/static/www; }
}
EOF
nginx -q -c "$WORK/static/nginx.conf" -p "$WORK/static"

# wrk reports the median and the 95th percentile through this script.
cat > "$WORK/report.lua" <<'EOF'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.0f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
EOF
measure() {  # measure LABEL CONNECTIONS URL [wrk options]
    local label=$1 connections=$2 url=$3 result
    shift 3
    # Warm up (Zope's caches, Varnish's), then measure.
    wrk -t 1 -c "$connections" -d 3s -H "Accept-Encoding: gzip" "$@" "$url" >/dev/null
    result=$(wrk -t "$((connections > 1 ? 2 : 1))" -c "$connections" -d "${DURATION}s" --timeout 10s \
        -H "Accept-Encoding: gzip" -s "$WORK/report.lua" "$@" "$url" | grep '^RESULT')
    read -r _ median p95 rps errors <<<"$result"
    printf "%-42s %5s %9s %9s %10s %7s\n" "$label" "$connections" "$median" "$p95" "$rps" "$errors"
}

echo "machine: $(hostname) $(uname -m), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1 /proc/loadavg)"
echo "date: $(date '+%Y-%m-%d %H:%M %Z'); wrk on loopback, ${DURATION} s a line, Accept-Encoding: gzip"
printf "%-42s %5s %9s %9s %10s %7s\n" "" "conn." "median ms" "p95 ms" "requests/s" "errors"
for connections in 1 "$CONNECTIONS"; do
    measure "home, one Zope instance, no cache" "$connections" "http://127.0.0.1:$ZOPE/$SITE/"
    measure "news page, one Zope instance, no cache" "$connections" "http://127.0.0.1:$ZOPE/$SITE$NEWS"
done
measure "home, through nginx + Varnish" "$CONNECTIONS" "http://127.0.0.1:$FRONT/" -H "Host: $DOMAIN"
measure "news page, through nginx + Varnish" "$CONNECTIONS" "http://127.0.0.1:$FRONT$NEWS" -H "Host: $DOMAIN"
# Varnish alone, as nginx calls it: the cache's own rate, without the front's hop.
measure "home, Varnish alone" "$CONNECTIONS" \
    "http://127.0.0.1:$CACHE/VirtualHostBase/http/$DOMAIN:$FRONT/$SITE/VirtualHostRoot/" -H "Host: $DOMAIN"
measure "home as a static file, nginx (ceiling)" "$CONNECTIONS" "http://127.0.0.1:$STATIC/index.html"
