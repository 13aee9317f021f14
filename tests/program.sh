#!/bin/sh
# program.sh - wtisd-message's output, options and exit statuses, against
# the golden files in data/.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

prog=$top_builddir/examples/wtisd-message

# English in the C locale.
expect_output wtisd-message.en.out 0 env LC_ALL=C "$prog"
# French from LANG, even on a machine with no fr_FR locale installed.
expect_output wtisd-message.fr.out 0 env -u LC_ALL LANG=fr_FR.UTF-8 "$prog"
expect_output wtisd-message.fr.out 0 env -u LC_ALL LC_MESSAGES=fr_FR.UTF-8 "$prog"
# Every shipped language from LANGUAGE in C.UTF-8, the way gettext users
# select it, and its --help translated.
for lang in $(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS"); do
  expect_output "wtisd-message.$lang.out" 0 env LC_ALL=C.UTF-8 LANGUAGE="$lang" "$prog"
  run 0 env LC_ALL=C.UTF-8 LANGUAGE="$lang" "$prog" --help
  cmp -s "$srcdir/data/wtisd-message.help" "$stdout" && fail "$lang: --help is not translated"
done
# Russian from LANG on a machine without a Russian locale, too.
expect_output wtisd-message.ru.out 0 env -u LC_ALL LANG=ru_RU.UTF-8 "$prog"
# A language without a catalog: English.
expect_output wtisd-message.en.out 0 env -u LC_ALL LANG=xx_YY.UTF-8 "$prog"

expect_output wtisd-message.help 0 "$prog" --help
run 0 "$prog" --version
expect_first_line "wtisd-message (libwtisd) 0.1.0"
run 0 env LC_ALL=C.UTF-8 LANGUAGE=fr "$prog" --help
expect_first_line "$(printf 'Utilisation\302\240: wtisd-message [OPTION]...')"

# Usage errors: nothing on stdout, a message on stderr, status 2.
run 2 "$prog" --no-such-option
expect_empty_stdout
expect_stderr_contains "Try 'wtisd-message --help' for more information."
run 2 "$prog" extra-operand
expect_empty_stdout
expect_stderr_contains "wtisd-message: extra operand 'extra-operand'"

# A failed write is reported, not hidden behind status 0.
if test -w /dev/full; then
  run 1 sh -c '"$0" > /dev/full' "$prog"
  expect_stderr_contains "wtisd-message: write error"
fi

finish
