# testlib.sh - shared by the shell tests: run a command, compare what it
# printed with expectations, and report every mismatch before failing.
# SPDX-License-Identifier: LGPL-2.1-or-later

: "${srcdir:=.}" "${top_builddir:=..}"
failures=0
workdir=$(mktemp -d "${TMPDIR:-/tmp}/wtisd-test.XXXXXX") || exit 99
trap 'rm -rf "$workdir"' 0
stdout=$workdir/stdout
stderr=$workdir/stderr

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run STATUS COMMAND...: runs COMMAND, keeping its output; fails unless
# it exits with STATUS.
run () {
  expected_status=$1
  shift
  last_command="$*"
  "$@" > "$stdout" 2> "$stderr"
  status=$?
  if test "$status" != "$expected_status"; then
    fail "$last_command: exit status $status, expected $expected_status"
    sed 's/^/  stderr: /' "$stderr" >&2
  fi
}

# expect_output FILE STATUS COMMAND...: COMMAND's stdout is data/FILE,
# byte for byte, and its stderr is empty.
expect_output () {
  golden=$srcdir/data/$1
  shift
  run "$@"
  if ! cmp -s "$golden" "$stdout"; then
    fail "$last_command: output differs from $golden"
    diff -u "$golden" "$stdout" | head -20 >&2
  fi
  test -s "$stderr" && fail "$last_command: unexpected stderr: $(cat "$stderr")"
  return 0
}

# expect_output_file FILE STATUS COMMAND...: the same, against any FILE.
expect_output_file () {
  golden=$1
  shift
  run "$@"
  cmp -s "$golden" "$stdout" || fail "$last_command: output differs from $golden"
  test -s "$stderr" && fail "$last_command: unexpected stderr: $(cat "$stderr")"
  return 0
}

expect_first_line () {
  first=$(head -n 1 "$stdout")
  test "$first" = "$1" || fail "$last_command: first line '$first', expected '$1'"
}

expect_empty_stdout () {
  test -s "$stdout" && fail "$last_command: unexpected stdout"
  return 0
}

expect_stderr_contains () {
  grep -qF -- "$1" "$stderr" || fail "$last_command: stderr lacks '$1': $(cat "$stderr")"
}

# expect_minimal_output PROGRAM: PROGRAM prints what examples/minimal.c
# does, wtisd-message's golden output without the source line, in English
# (C locale) and French (LANGUAGE=fr).
expect_minimal_output () {
  for lang in en fr; do
    sed -e '$d' "$srcdir/data/wtisd-message.$lang.out" | sed -e '$d' > "$workdir/minimal.$lang"
  done
  run 0 env LC_ALL=C "$1"
  cmp -s "$workdir/minimal.en" "$stdout" || fail "$1: English output differs"
  run 0 env LC_ALL=C.UTF-8 LANGUAGE=fr "$1"
  cmp -s "$workdir/minimal.fr" "$stdout" || fail "$1: French output differs"
}

finish () {
  if test "$failures" -gt 0; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  exit 0
}

# server_start COMMAND...: starts the web server COMMAND (given --port=0)
# in the background, stops it when the test ends, and sets pid, port and
# url from the address it prints; exits 99 when it does not start.
server_start () {
  # Emptied first: the server's shell empties it only once started, and
  # a previous server's address must not be read meanwhile.
  : > "$workdir/server.out"
  "$@" --port=0 > "$workdir/server.out" 2> "$workdir/server.err" &
  pid=$!
  trap 'kill $pid 2> /dev/null; rm -rf "$workdir"' 0
  # Up to 10 s (server_wait tenths of a fifth of a second): making every
  # page takes a tenth of that, more on a loaded machine or under a
  # sanitizer.
  i=0
  while test $i -lt "${server_wait:-50}"; do
    grep -q listening "$workdir/server.out" 2> /dev/null && break
    sleep 0.2
    i=$((i + 1))
  done
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$workdir/server.out")
  test -n "$port" || { cat "$workdir/server.err" >&2; exit 99; }
  url=http://127.0.0.1:$port
}

# bcp47 NAME: a catalog name's BCP 47 tag, written here from RFC 5646,
# not by the library (the catalog pt is Portugal's: pt-PT, since a bare
# pt means Brazil's in CLDR).
bcp47 () { echo "$1" | sed -e 's/@latin/-Latn/' -e 's/_/-/' -e 's/^pt$/pt-PT/'; }

# direction NAME: the direction of a catalog language, written here from
# its script's, not by the library.
direction () { case $1 in ar|fa|he|ur) echo rtl ;; *) echo ltr ;; esac; }

# drafts_compile: the catalogs of po/drafts compiled into $workdir/drafts,
# their names in $drafts, and that directory put ahead of
# WTISD_LOCALEDIR; a draft that is gone is simply not tested.
drafts_compile () {
  drafts=
  for po in "$top_srcdir"/po/drafts/*.po; do
    test -f "$po" || continue
    lang=$(basename "$po" .po)
    mkdir -p "$workdir/drafts/$lang/LC_MESSAGES"
    ${MSGFMT:-msgfmt} -o "$workdir/drafts/$lang/LC_MESSAGES/libwtisd.mo" "$po" ||
      fail "$lang: the draft does not compile"
    drafts="$drafts $lang"
  done
  WTISD_LOCALEDIR=$workdir/drafts:$WTISD_LOCALEDIR
  export WTISD_LOCALEDIR
}
