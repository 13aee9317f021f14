# hostile-po.sh - French catalogs edited to be hostile, compiled without
# msgfmt --check (which would refuse some of them), for the shell tests
# of wtisd-message.  Sourced after testlib.sh.
# SPDX-License-Identifier: LGPL-2.1-or-later

french=$top_srcdir/po/fr.po

# catalog DIR LANG: compiles standard input (a .po file) as DIR's LANG.
catalog () {
  mkdir -p "$1/$2/LC_MESSAGES"
  "$MSGFMT" -o "$1/$2/LC_MESSAGES/libwtisd.mo" - || exit 99
}

# hostile NAME SED-SCRIPT: $workdir/NAME, a locale directory whose fr is
# the French catalog edited by SED-SCRIPT.
hostile () {
  sed -e "$2" "$french" > "$workdir/$1.po"
  cmp -s "$french" "$workdir/$1.po" && exit 99 # The edit must take.
  catalog "$workdir/$1" fr < "$workdir/$1.po"
}

# The catalogs the library refuses: each program message with forty %s,
# %n or %x %p instead of its %s; terminal controls in the texts (clear
# the screen, a hyperlink, a window title, a bell, right-to-left
# override, a newline).
hostile_refused="format-forty format-n format-x-p escape-csi osc8 osc0 bell rlo newline"
hostile_refused_make () {
  hostile format-forty '/^msgstr "Source/s/%s/%s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s/'
  hostile format-n 's/^\(msgstr ".*\)%s\(.*\)$/\1%n%s\2/'
  hostile format-x-p 's/^\(msgstr ".*\)%s\(.*\)$/\1%x %p %s\2/'
  hostile escape-csi '/^msgid "WTISD 2021/{n;s/^msgstr "/msgstr "\\033[2J/}'
  hostile osc8 '/^msgid "Accelerating/{n;s/^msgstr "\(.*\)"$/msgstr "\\033]8;;https:\/\/example.invalid\\033\\\\\1\\033]8;;\\033\\\\"/}'
  hostile osc0 '/^msgid "WTISD 2021/{n;s/^msgstr "/msgstr "\\033]0;owned\\a/}'
  hostile bell '/^msgid "WTISD 2021/{n;s/^msgstr "/msgstr "\\a/}'
  hostile rlo '/^msgid "WTISD 2021/{n;s/^msgstr "/msgstr "‮/}'
  hostile newline '/^msgid "WTISD 2021/{n;s/^msgstr "\(...\)/msgstr "\1\\n/}'
}

# Sound catalogs whose texts would be markup if they were not escaped,
# or once normalized: ASCII markup; fullwidth forms that NFKC and NFKD
# turn into < > " [ ] ( ) \; combining marks at the start of a text (a
# U+0338 after the > of a tag composes with it into U+226F).  Each edit
# is at the start of a text (the title, paragraphs 1 to 3, the theme of
# paragraph 5) or around the source label's directive.  markup-gfm
# holds what GitHub's Markdown would make links or code of: addresses,
# an e-mail address, leading spaces.
hostile_markup="markup-ascii markup-fullwidth markup-combining markup-gfm"
hostile_markup_make () {
  # The first lines of the French texts.
  title='^msgstr "WTISD 2021'
  p1='^"Sous l’impulsion'
  p2='^"La société de l’information s’est'
  p3='^"En cette année'
  theme='^msgstr "Accélérer la transformation'
  source='^msgstr "Source'
  hostile markup-ascii "
    /$title/s|^msgstr \"|msgstr \"<script>alert(1)</script> \& \\\\\"q\\\\\" 'a' *b* _c_ [d](e) # \\\\\\\\ \`f\` |
    /$p1/s|^\"|\"<img src=x onerror=alert(1)> |
    /$theme/s|^msgstr \"|msgstr \"</q><b> |
    /$source/s|%s|<i>%s</i>|"
  hostile markup-fullwidth "
    /$title/s|^msgstr \"|msgstr \"＜img src=x onerror=alert(1)＞＜／title＞ |
    /$p1/s|^\"|\"＂＞＜script＞alert(1)＜/script＞ ＆lt; ＼u0022 ＼ |
    /$p2/s|^\"|\"［x］（javascript:alert(1)） ！［i］（x） |
    /$theme/s|^msgstr \"|msgstr \"＜/q＞ |
    /$source/s|%s|＜b＞%s＜/b＞|"
  hostile markup-combining "
    /$title/s|^msgstr \"|msgstr \"̸|
    /$p1/s|^\"|\"̸|
    /$p2/s|^\"|\"̸̸|
    /$p3/s|^\"|\"⃒|
    /$theme/s|^msgstr \"|msgstr \"̸|
    /$source/s|%s|%s̸|"
  hostile markup-gfm "
    /$title/s|^msgstr \"|msgstr \"    https://www.itu.int/x |
    /$p1/s|^\"|\"    http://3232235777/ www.example.com user@example.com mailto:a@b.c xmpp:a@b.c/d \$x\$ ~~s~~ \| a \| b \| |
    /$p2/s|^\"|\"1. - + * |
    /$p3/s|^\"|\"＜https://example.invalid＞ ｗｗｗ．example．com a＠b．c |
    /$theme/s|^msgstr \"|msgstr \"   @everyone |
    /$source/s|%s|%s www.example.com|"
}
