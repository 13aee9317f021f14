#!/bin/sh
# browser.sh - the page of wtisd-httpd in a real browser, headless
# Chromium: in French, Arabic, Chinese and Hindi (where those catalogs
# ship), the DOM has the language's lang and dir, the heading and the
# paragraphs are the catalog's text, and the menu offers every language;
# a screenshot of each page is kept in screenshots/ as an artifact.
# Skipped where Chromium or the server is missing; CI installs both.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

server=$top_builddir/examples/wtisd-httpd
prog=$top_builddir/examples/wtisd-message
browser=$(command -v chromium || command -v chromium-browser || true)
if test -z "$browser" || ! test -x "$server"; then
  echo "SKIP: no Chromium, or wtisd-httpd was not built"
  exit 77
fi
linguas=" $(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS" | tr '\n' ' ') "
shots=$top_builddir/tests/screenshots
mkdir -p "$shots"

server_start "$server"
url=$url/

# chrome ARGS...: headless Chromium as root, without a profile of its own.
# chrome ARGS...: Chromium headless; its console (where it reports what
# the Content-Security-Policy blocked) in $workdir/console.
chrome () {
  timeout 60 "$browser" --headless=new --no-sandbox --disable-gpu \
    --user-data-dir="$workdir/profile" --no-first-run \
    --enable-logging=stderr --v=0 "$@" 2> "$workdir/console"
}

serialized () { sed -e 's/&/\&amp;/g' -e 's/\xc2\xa0/\&nbsp;/g'; }

for lang in fr ar zh_CN hi; do
  case $linguas in *" $lang "*) ;; *) continue ;; esac
  tag=$(echo "$lang" | sed 's/_/-/')
  dir=ltr
  test "$lang" = ar && dir=rtl
  # (Through the redirect from ?lang=.)
  chrome --dump-dom "$url?lang=$lang" > "$workdir/dom" || fail "$lang: Chromium failed"
  # The page's style is allowed by its hash: nothing blocked.
  grep -F 'Content Security Policy' "$workdir/console" > "$workdir/blocked" &&
    fail "$lang: the browser blocked: $(head -n 1 "$workdir/blocked")"
  grep -qF "<html lang=\"$tag\" dir=\"$dir\">" "$workdir/dom" ||
    fail "$lang: the DOM lacks lang=\"$tag\" dir=\"$dir\""
  # As the DOM serializes text: &, and the no-break space French uses.
  title=$("$prog" --lang="$lang" --title --width=0 | serialized)
  grep -qF "<h1>$title</h1>" "$workdir/dom" || fail "$lang: the heading is not the catalog's title"
  "$prog" --lang="$lang" --paragraph=1 --width=0 | serialized > "$workdir/p1"
  grep -qF "<p>$(cat "$workdir/p1")</p>" "$workdir/dom" ||
    fail "$lang: the first paragraph is not the catalog's"
  for code in $linguas en; do
    grep -qF "href=\"/$(bcp47 "$code")/\"" "$workdir/dom" || fail "$lang: the menu lacks $code"
  done
  chrome --screenshot="$shots/$lang.png" --window-size=1000,1200 \
    --hide-scrollbars "$url$tag/" > /dev/null
  test -s "$shots/$lang.png" || fail "$lang: no screenshot"
done
echo "screenshots in $shots"
finish
