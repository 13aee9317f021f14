#!/bin/sh
# hello-bench.sh - what a user feels: wtisd-message printing the message
# in French, next to GNU hello printing its greeting in French (the
# smallest program that does gettext right) and to baseline-message
# printing the English message from static strings while linking the
# same libraries as wtisd-message (what loading them costs).  Prints the
# median wall and CPU time of interleaved runs, the instructions each
# runs (callgrind) and its memory at exit (memprobe.so), with
# wtisd-message's ratios to the other two.  Figures, not a test; says
# so and stops, successfully, without hello or a French locale.
#   hello-bench.sh BUILDDIR MEMPROBE.so [ROUNDS]
set -eu
build=$1
probe=$2
rounds=${3:-200}
message=$build/examples/.libs/wtisd-message
baseline=$build/tests/bench/baseline-message
memory_runs=11

echo
echo "### wtisd-message next to GNU hello and a static baseline (hello-bench.sh)"
echo
hello=$(command -v hello || :)
if test -z "$hello"; then
  echo "GNU hello is not installed (Debian: apt-get install hello): skipped."
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' 0

# hello follows the locale, and the machine may have no French one: a
# private one, compiled from the locales package's sources.  localedef
# exits 1 for mere warnings, having written the locale.
localedef -i fr_FR -f UTF-8 "$work/fr_FR.UTF-8" > "$work/localedef.log" 2>&1 ||
  test -f "$work/fr_FR.UTF-8/LC_MESSAGES/SYS_LC_MESSAGES" || {
  echo "localedef could not make fr_FR.UTF-8 (Debian: apt-get install locales):"
  echo "skipped."
  exit 0
}
# Pages of a file not yet written back count as Private_Dirty where it
# is mapped: written back now, the new locale and the catalogs weigh
# what they would on a user's machine.
sync "$work"/fr_FR.UTF-8/* "$build"/tests/locale/*/LC_MESSAGES/*.mo
# The same locale for all three, so that each pays the same setlocale.
unset LC_ALL LC_MESSAGES
export LOCPATH="$work" LANG=fr_FR.UTF-8 LANGUAGE=fr
# For wtisd-message, a libtool binary without a run path; the others
# look there first too (for hello, a failed open of libc.so.6).
export LD_LIBRARY_PATH="$build/libwtisd/.libs"
# The baseline binds its catalogs to a directory without any: every
# dcgettext returns its msgid, the English text compiled into it.
mkdir "$work/no-catalogs"
message_env="WTISD_LOCALEDIR=$build/tests/locale"
baseline_env="WTISD_LOCALEDIR=$work/no-catalogs"

# Each program's output is checked before anything is timed.
"$hello" > "$work/hello.out"
LANG=C LANGUAGE='' "$hello" > "$work/hello.en"
env "$message_env" "$message" > "$work/message.out"
env "$baseline_env" "$baseline" > "$work/baseline.out"
LC_ALL=C "$baseline" > "$work/baseline.en"
english_title=$(sed -n 1p "$work/baseline.en")
french_title=$(TEXTDOMAINDIR="$build/tests/locale" gettext libwtisd "$english_title")
if cmp -s "$work/hello.out" "$work/hello.en" || ! grep -q Bonjour "$work/hello.out"; then
  echo "hello did not print French (its catalog: Debian's hello package): skipped."
  exit 0
fi
if test "$french_title" = "$english_title" ||
   test "$(sed -n 1p "$work/message.out")" != "$french_title"; then
  echo "hello-bench: wtisd-message did not print the French title" >&2
  exit 1
fi
if ! cmp -s "$work/baseline.out" "$work/baseline.en"; then
  echo "hello-bench: baseline-message did not print its English msgids" >&2
  exit 1
fi

# Time: ROUNDS rounds, each running the four (the three and true, the
# floor of starting a program) once in turn from a different one,
# posix_spawn to wait4, output to /dev/null.  Wall time, and the CPU
# time wait4 reports (user + system), which waiting for a processor on
# a loaded machine does not inflate.  The ratios are the medians of
# each round's own ratios.  Prints "NAME WALL-MS CPU-MS" for each and
# "ratio NAME WALL CPU" for wtisd-message against each other one.
cat > "$work/timer.py" << 'EOF'
import os, statistics, sys, time

rounds = int (sys.argv[1])
programs = []
for spec in sys.argv[2:]:
    name, assignment, path = spec.split (' ', 2)
    variable, value = assignment.split ('=', 1)
    programs.append ((name, path, dict (os.environ, **{variable: value})))
to_null = [(os.POSIX_SPAWN_OPEN, 1, '/dev/null', os.O_WRONLY, 0)]

def run (program):
    name, path, environment = program
    start = time.monotonic ()
    pid = os.posix_spawn (path, [path], environment, file_actions=to_null)
    _, status, usage = os.wait4 (pid, 0)
    wall = time.monotonic () - start
    if status != 0:
        sys.exit ('hello-bench: %s failed' % path)
    return wall * 1e3, (usage.ru_utime + usage.ru_stime) * 1e3

for program in programs:
    run (program)  # The page cache, warm.
times = [[None] * rounds for _ in programs]
for r in range (rounds):
    for k in range (len (programs)):
        i = (r + k) % len (programs)
        times[i][r] = run (programs[i])
for i, (name, _, _) in enumerate (programs):
    print (name, '%.3f %.3f' % tuple (statistics.median (t[j] for t in times[i])
                                      for j in (0, 1)))
for i, (name, _, _) in enumerate (programs[1:], 1):
    print ('ratio', name, '%.3f %.3f' % tuple (
        statistics.median (times[0][r][j] / times[i][r][j]
                           for r in range (rounds)) for j in (0, 1)))
EOF
# hello and true get a variable they do not read, to keep one form.
python3 "$work/timer.py" "$rounds" \
  "message $message_env $message" \
  "hello WTISD_UNUSED= $hello" \
  "baseline $baseline_env $baseline" \
  "true WTISD_UNUSED= /bin/true" > "$work/times"
# The field N (1: wall, 2: CPU) of the line of NAME.
field () { sed -n "s/^$1 //p" "$work/times" | cut -d' ' -f"$2"; }

# Instructions: callgrind's count of the whole process, the dynamic
# linker included (the kernel's work is not counted).  Deterministic
# but for a few hundred instructions, so one run each.
count () {
  command -v valgrind > /dev/null 2>&1 || { echo 0; return; }
  env "$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$2" \
    2>&1 > /dev/null | sed -n 's/.*Collected : //p'
}
hello_ir=$(count WTISD_UNUSED= "$hello")
baseline_ir=$(count "$baseline_env" "$baseline")
message_ir=$(count "$message_env" "$message")

# Memory: memprobe.so, preloaded, appends the process's own VmHWM and
# Private_Dirty at its exit; the medians of MEMORY_RUNS runs each.
memory () {
  rm -f "$work/mem"
  for _ in $(seq $memory_runs); do
    env "$1" LD_PRELOAD="$probe" WTISD_MEMPROBE="$work/mem" "$2" > /dev/null
  done
  hwm=$(cut -d' ' -f1 "$work/mem" | sort -n | sed -n "$((memory_runs / 2 + 1))p")
  private=$(cut -d' ' -f2 "$work/mem" | sort -n | sed -n "$((memory_runs / 2 + 1))p")
  echo "$hwm $private"
}
# shellcheck disable=SC2046 # two words from each
set -- $(memory WTISD_UNUSED= "$hello") $(memory "$baseline_env" "$baseline") \
  $(memory "$message_env" "$message")
hello_hwm=$1 hello_private=$2 baseline_hwm=$3 baseline_private=$4
message_hwm=$5 message_private=$6
# The report in the C locale: a decimal point, whatever the shell.
unset LOCPATH LANG LANGUAGE
export LC_ALL=C

echo "| what | GNU hello | baseline-message | wtisd-message | wtisd-message / hello | wtisd-message / baseline |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| what it prints | $(wc -c < "$work/hello.out") B, its greeting in French | $(wc -c < "$work/baseline.out") B, the message in English, static strings | $(wc -c < "$work/message.out") B, the message in French, wrapped | | |"
printf '| wall time, median of %d interleaved rounds | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× |\n' \
  "$rounds" "$(field hello 1)" "$(field baseline 1)" "$(field message 1)" \
  "$(field 'ratio hello' 1)" "$(field 'ratio baseline' 1)"
printf '| CPU time (user + system), same runs | %.2f ms | %.2f ms | %.2f ms | %.2f× | %.2f× |\n' \
  "$(field hello 2)" "$(field baseline 2)" "$(field message 2)" \
  "$(field 'ratio hello' 2)" "$(field 'ratio baseline' 2)"
if test "$message_ir" -gt 0 2> /dev/null; then
  echo "$hello_ir $baseline_ir $message_ir" | awk '{
    printf "| instructions (callgrind) | %.2f M | %.2f M | %.2f M | %.1f× | %.2f× |\n",
      $1 / 1e6, $2 / 1e6, $3 / 1e6, $3 / $1, $3 / $2 }'
else
  echo "| instructions | not measured (no valgrind) | | | | |"
fi
printf '| private memory at exit (Private_Dirty) | %d KiB | %d KiB | %d KiB | %+d KiB | %+d KiB |\n' \
  "$hello_private" "$baseline_private" "$message_private" \
  $((message_private - hello_private)) $((message_private - baseline_private))
printf '| peak resident memory at exit (VmHWM) | %d KiB | %d KiB | %d KiB | %+d KiB | %+d KiB |\n' \
  "$hello_hwm" "$baseline_hwm" "$message_hwm" \
  $((message_hwm - hello_hwm)) $((message_hwm - baseline_hwm))
printf '\nStarting and reaping a program that does nothing (true), in the same\nrounds: %.2f ms wall, %.2f ms CPU; it is part of every figure above.\n' \
  "$(field true 1)" "$(field true 2)"
cat << EOF

How: the three run with the same private fr_FR.UTF-8 locale (localedef,
LOCPATH), LANG=fr_FR.UTF-8 and LANGUAGE=fr, their output checked first
(hello's French; wtisd-message's title as gettext translates it;
baseline-message's output the same as in the C locale).  Times: from
posix_spawn to wait4, from a Python parent, output to /dev/null, in
$rounds rounds that run the four in turn, each round from the next one;
CPU time is wait4's user + system time of the child; the ratios are the
medians of each round's own.  Instructions: valgrind --tool=callgrind,
one run, the whole process (dynamic linker included, kernel excluded).
Memory: memprobe.so preloaded, reading the process's own VmHWM
(/proc/self/status) and Private_Dirty (/proc/self/smaps_rollup) at its
exit; medians of $memory_runs runs.
EOF
