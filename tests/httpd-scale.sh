#!/bin/sh
# httpd-scale.sh - wtisd-httpd's start-up grows in proportion to its
# catalogs: with 2,000 catalogs (copies of the French one under made-up
# names) its memory is at most 12 times what it is with 200, and it
# starts within the wait of server_start (before: 70 s and 670 MB, as
# every page listed every language).  Skipped where the server was not
# built.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

server=$top_builddir/examples/wtisd-httpd
if ! test -x "$server"; then
  echo "SKIP: wtisd-httpd was not built (libmicrohttpd missing)"
  exit 77
fi
french=$top_builddir/tests/locale/fr/LC_MESSAGES/libwtisd.mo

# catalogs N DIR: N copies of the French catalog in DIR, named qaa ...
# qtz (private use), then baa, bab, ...
catalogs () {
  for first in q b c d; do
    for second in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
      for third in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
        test "$1" -gt 0 || return 0
        case $first$second in q[u-z]) continue ;; esac
        mkdir -p "$2/$first$second$third/LC_MESSAGES"
        cp "$french" "$2/$first$second$third/LC_MESSAGES/libwtisd.mo"
        set -- $(($1 - 1)) "$2"
      done
    done
  done
}

# rss N: the resident memory, in KiB, of a server started over N catalogs.
rss () {
  dir=$workdir/catalogs-$1
  catalogs "$1" "$dir"
  # Under a sanitizer, 2,000 catalogs take longer than the usual wait.
  server_wait=300 WTISD_LOCALEDIR=$dir server_start "$server"
  kib=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2> /dev/null
  echo "$kib"
}

small=$(rss 200)
large=$(rss 2000)
echo "resident memory: $small KiB with 200 catalogs, $large KiB with 2000"
test -n "$small" && test -n "$large" || fail "no memory figure"
test "$large" -le $((small * 12)) ||
  fail "2000 catalogs take $large KiB, more than 12 times $small KiB"
finish
