#!/bin/sh
# nginx-bench.sh - wtisd-httpd against Debian's nginx serving the same
# pages as static files: every language's page (/TAG/) and JSON
# (/TAG/message.json), taken in turn, written out from wtisd-httpd with
# the gzip and brotli copies it makes (nginx: gzip_static, and
# brotli_static where the module is installed, Debian package
# libnginx-mod-http-brotli-static; Debian's nginx itself has no
# brotli).  The load is wrk's (Debian package wrk): 2 threads, 32
# connections, RUN seconds a run (default 5), with and without keep-alive
# ("Connection: close" on every request), identity, gzip and br; five
# rounds, the two servers interleaved in each.  Prints each run's
# requests per second and bytes per response (headers and body, as wrk
# counts what it read), then the medians with the lowest and highest
# round, and wtisd-httpd's ratio to nginx of the medians.  Figures, not
# a test; the client and both servers share the machine.
#   nginx-bench.sh BUILDDIR [RUN]
set -eu
build=$1
run=${2:-5}
nginx=$(command -v nginx || ls /usr/sbin/nginx 2> /dev/null || true)
for tool in "$nginx" wrk curl python3; do
  if test -z "$tool" || ! command -v "$tool" > /dev/null 2>&1; then
    echo "nginx-bench.sh: skipped: ${tool:-nginx} is not installed (Debian packages nginx-light, wrk, curl)"
    exit 0
  fi
done
work=$(mktemp -d)
pids=
trap 'kill $pids 2> /dev/null; rm -rf "$work"' 0
export WTISD_LOCALEDIR="$build/tests/locale"
prog=$build/examples/wtisd-message

"$build/examples/wtisd-httpd" --port=0 > "$work/out" 2>&1 &
pids="$pids $!"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  grep -q listening "$work/out" 2> /dev/null && break
  sleep 0.2
done
wtisd_port=$(sed -n 's|.*:\([0-9]*\)/$|\1|p' "$work/out")
origin=http://127.0.0.1:$wtisd_port

# The site as files: what wtisd-httpd answers, in each coding it has.
codings="identity gzip"
test -n "$(curl -s -D - -o /dev/null -H 'Accept-Encoding: br' "$origin/fr/" |
  grep -i '^Content-Encoding: br')" && codings="$codings br"
www=$work/www
for lang in $("$prog" --list-languages | awk '{ print $1 }'); do
  path=$(curl -s -o /dev/null -w '%{redirect_url}' "$origin/?lang=$lang" | sed 's|^http://[^/]*||')
  mkdir -p "$www$path"
  echo "$path" >> "$work/paths"
  echo "${path}message.json" >> "$work/paths"
  for coding in $codings; do
    suffix=$(echo $coding | sed -e 's/identity//' -e 's/gzip/.gz/' -e 's/br/.br/')
    curl -s -H "Accept-Encoding: $coding" -o "$www${path}index.html$suffix" "$origin$path"
    curl -s -H "Accept-Encoding: $coding" -o "$www${path}message.json$suffix" "$origin${path}message.json"
  done
done

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
{
  test "$(id -u)" -eq 0 && echo "user root;"
  test -f "$brotli_module" && echo "load_module $brotli_module;"
  cat << EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { text/html html; application/json json; }
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=1000;
  keepalive_requests 1000000;
  gzip off;
  gzip_static on;
  gzip_vary on;
  $(test -f "$brotli_module" && echo "brotli_static on;")
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
    index index.html;
  }
}
EOF
} > "$work/nginx/nginx.conf"
"$nginx" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e stderr &
pids="$pids $!"
sleep 0.5

# The same answers from both: /fr/ in each coding, decoded.
for coding in $codings; do
  for port in $wtisd_port $nginx_port; do
    curl -s -H "Accept-Encoding: $coding" "http://127.0.0.1:$port/fr/" > "$work/check.$port"
  done
  cmp -s "$work/check.$wtisd_port" "$work/check.$nginx_port" ||
    echo "WARNING: /fr/ in $coding differs between the servers"
done
test -f "$brotli_module" || echo "(nginx has no brotli_static module: its br runs send identity)"

# wrk's script: the paths in turn, and the bytes per response at the end.
{
  echo 'local paths = {'
  sed 's/.*/  "&",/' "$work/paths"
  cat << 'EOF'
}
local i = 0
request = function ()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
done = function (summary, latency, requests)
  io.write(string.format("bytes per response: %.0f\n", summary.bytes / summary.requests))
  io.write(string.format("errors: %d\n", summary.errors.status + summary.errors.read
    + summary.errors.write + summary.errors.timeout + summary.errors.connect))
end
EOF
} > "$work/paths.lua"

echo "== wtisd-httpd against nginx $("$nginx" -v 2>&1 | sed 's|.*/||'), wrk: 2 threads, 32 connections, ${run} s a run,"
echo "   $(wc -l < "$work/paths") paths in turn ($(nproc) processors, shared by client and servers)"
for round in 1 2 3 4 5; do
  for keepalive in yes no; do
    for coding in $codings; do
      for server in wtisd nginx; do
        eval "port=\$${server}_port"
        set -- -H "Accept-Encoding: $coding"
        test $keepalive = no && set -- "$@" -H "Connection: close"
        wrk -t 2 -c 32 -d "${run}s" -s "$work/paths.lua" "$@" "http://127.0.0.1:$port/" > "$work/wrk" 2>&1
        rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk" | cut -d. -f1)
        bytes=$(sed -n 's/^bytes per response: //p' "$work/wrk")
        errors=$(sed -n 's/^errors: //p' "$work/wrk")
        key=$keepalive.$coding.$server
        echo "$rps" >> "$work/$key.rps"
        echo "$bytes" > "$work/$key.bytes"
        printf 'round %d keep-alive %-3s %-8s %-5s %7s rps, %5s bytes/response%s\n' "$round" \
          $keepalive $coding $server "$rps" "$bytes" "$(test "$errors" = 0 || echo ", $errors ERRORS")"
      done
    done
  done
done

median () { sort -n "$1" | sed -n 3p; }
range () { echo "$(sort -n "$1" | head -n 1)-$(sort -n "$1" | tail -n 1)"; }
echo "== medians of the five rounds (lowest-highest)"
printf '%-10s %-8s %20s %20s %6s %13s %13s\n' keep-alive coding "wtisd rps" "nginx rps" ratio \
  "wtisd B/resp" "nginx B/resp"
for keepalive in yes no; do
  for coding in $codings; do
    key=$work/$keepalive.$coding
    w=$(median "$key.wtisd.rps")
    n=$(median "$key.nginx.rps")
    printf '%-10s %-8s %20s %20s %5sx %13s %13s\n' $keepalive $coding \
      "$w ($(range "$key.wtisd.rps"))" "$n ($(range "$key.nginx.rps"))" \
      "$(echo "$w $n" | awk '{ printf "%.2f", $1 / $2 }')" \
      "$(cat "$key.wtisd.bytes")" "$(cat "$key.nginx.bytes")"
  done
done
