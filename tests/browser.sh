#!/bin/sh
# browser.sh - the pages of wtisd-httpd as a person sees them, in a real
# browser (headless Chromium, driven by browser.mjs): every page, in
# every shipped language, at a phone's width and a desktop's, says the
# catalog's heading and first paragraph in its language and direction,
# shows them in the first screen, fits the screen's width, loads
# nothing refused or missing, passes axe-core, and draws every
# character in a font that has it; screenshots of the pages in French,
# Arabic, Hindi, Japanese and Amharic go to screenshots/ as artifacts,
# and Lighthouse scores those pages on a phone and on a desktop
# (accessibility, best practices and SEO 100, performance 95 or more in
# the best of up to five runs).
# Then the glyph check is shown to fail: with only a Latin font, the
# Hindi page has characters no font draws.
# Skipped where Chromium, Node, the server or the npm packages are
# missing (CI installs them: .ci/run); the packages are looked for in
# $top_srcdir/_tools/node_modules, then in npm's global directory.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

# CI's sanitizer build leaves the page to the plain build's run.
if test -n "${WTISD_TESTS_NO_BROWSER-}"; then
  echo "SKIP: WTISD_TESTS_NO_BROWSER is set"
  exit 77
fi

server=$top_builddir/examples/wtisd-httpd
prog=$top_builddir/examples/wtisd-message
CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || true)}
export CHROME_PATH
node=$(command -v node || true)
if test -z "$CHROME_PATH" || test -z "$node" || ! test -x "$server"; then
  echo "SKIP: no Chromium, no Node, or wtisd-httpd was not built"
  exit 77
fi
for modules in "$top_srcdir/_tools/node_modules" "$(npm root -g 2> /dev/null)"; do
  missing=
  for package in puppeteer-core axe-core lighthouse; do
    test -f "$modules/$package/package.json" || missing="$missing $package"
  done
  test -z "$missing" && break
done
if test -n "$missing"; then
  echo "SKIP: npm packages missing:$missing (npm install --prefix _tools, as .ci/run does)"
  exit 77
fi
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
shots=$top_builddir/tests/screenshots
mkdir -p "$shots"

# What each page must say: its tag (as RFC 5646 writes it, bcp47),
# direction, and from wtisd-message's text, unwrapped, its title and
# first paragraph (lines 1 and 3).
for lang in $linguas en; do
  "$prog" --lang="$lang" --width=0 > "$workdir/text" || exit 99
  printf '%s\t%s\t%s\t%s\n' "$(bcp47 "$lang")" "$(direction "$lang")" \
    "$(sed -n 1p "$workdir/text")" "$(sed -n 3p "$workdir/text")"
done > "$workdir/expected"

server_start "$server"
"$node" "$srcdir/browser.mjs" "$url" "$modules" "$shots" "$workdir/expected" \
  "fr ar hi ja am" > "$workdir/out" 2>&1 || fail "the pages in the browser"
cat "$workdir/out"
echo "screenshots in $shots"

# The glyph check can fail: fontconfig with a directory holding one
# Latin font that has no Devanagari, and the Hindi page's Devanagari is
# drawn by no font.
latin=$(fc-match -f '%{file}' 'sans-serif:lang=en' 2> /dev/null)
if test -f "$latin" && ! fc-query -f '%{lang}\n' "$latin" | grep -q '\(^\||\)hi\(|\|$\)'; then
  mkdir "$workdir/latin-font"
  ln -s "$latin" "$workdir/latin-font/"
  cat > "$workdir/latin.conf" << EOC
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>$workdir/latin-font</dir><cachedir>$workdir/fc-cache</cachedir></fontconfig>
EOC
  grep "^hi	" "$workdir/expected" > "$workdir/expected.hi"
  FONTCONFIG_FILE=$workdir/latin.conf "$node" "$srcdir/browser.mjs" "$url" \
    "$modules" "$workdir" "$workdir/expected.hi" "" > "$workdir/latin" 2>&1 &&
    fail "with only $latin, the Hindi page passed"
  grep -q '^FAIL: hi: U+09[0-7][0-9A-F] .* has no glyph' "$workdir/latin" ||
    fail "with only $latin, no missing Devanagari glyph: $(head -n 3 "$workdir/latin")"
else
  echo "note: no Latin font without Devanagari: the glyph check is not shown to fail"
fi
finish
