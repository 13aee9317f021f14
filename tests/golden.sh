#!/bin/sh
# golden.sh - write the golden outputs of language LL into tests/data, once
# its translation has been reviewed:
#   tests/golden.sh LL [BUILDDIR]
# wtisd-message.LL.out comes from GNU gettext's own gettext(1) reading the
# catalog, not from libwtisd; the wrapped .w40.out and .w72.out come from
# BUILDDIR's wtisd-message (default: the source tree, an in-tree build)
# and are checked independently by check_wrap.  Review them by eye, then
# add them to EXTRA_DIST in tests/Makefile.am.  Without them, make check
# still checks LL's catalog and wrapping.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

lang=${1:?usage: tests/golden.sh LL [BUILDDIR]}
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$top}" && pwd)
data=$top/tests/data
dir=$(mktemp -d)
trap 'rm -rf "$dir"' 0
mkdir -p "$dir/$lang/LC_MESSAGES"
msgfmt -o "$dir/$lang/LC_MESSAGES/libwtisd.mo" "$top/po/$lang.po"
translate () {
  TEXTDOMAINDIR=$dir LANGUAGE=$lang LC_ALL=C.UTF-8 gettext -d libwtisd -- "$1"
}
{
  grep -v '^$' "$data/message-en.txt" | head -n 6 |
    while IFS= read -r text; do translate "$text"; printf '\n\n'; done
  # The msgid ends in a newline, which $(...) would drop: keep it.
  source_msgid=$(printf 'Source: %%s\n.')
  # shellcheck disable=SC2059 # the translation is the format
  printf "$(translate "${source_msgid%.}")\n" https://минсвязи.бел/node/7193
} > "$data/wtisd-message.$lang.out"
for width in 40 72; do
  WTISD_LOCALEDIR=$dir "$build/examples/wtisd-message" --lang="$lang" \
    --width=$width > "$data/wtisd-message.$lang.w$width.out"
done
echo "wrote tests/data/wtisd-message.$lang.out, .w40.out and .w72.out"
