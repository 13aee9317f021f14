#!/bin/sh
# formats.sh - wtisd-message --format in every language: HTML that an
# HTML5 validator accepts (html-validate, where CI installs it), with the
# language's tag and direction; JSON that a JSON parser (Node.js) reads
# back to the catalog's texts; Markdown; and text that would be markup,
# in a catalog, escaped in every format.
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$srcdir/testlib.sh"

prog=$top_builddir/examples/wtisd-message
linguas=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
node=$(command -v node || true)
validator=${HTML_VALIDATE:-}
test -n "$node" || echo "note: no node: JSON is not parsed"
test -n "$validator" || echo "note: no HTML_VALIDATE: HTML is not validated"

# json_check LANG...: parses each $workdir/LANG.json, in one Node.js
# process, and compares it with the texts of $workdir/LANG.text.
json_check () {
  test -n "$node" || return 0
  for lang in "$@"; do
    printf '%s\t%s\t%s\n' "$lang" "$(bcp47 "$lang")" "$(direction "$lang")"
  done > "$workdir/json.list"
  "$node" -e '
    const fs = require ("fs");
    const [dir, list] = process.argv.slice (1);
    let failed = 0;
    for (const line of fs.readFileSync (list, "utf8").split ("\n").filter (Boolean))
      {
        const [lang, tag, direction] = line.split ("\t");
        try
          {
            const doc = JSON.parse (fs.readFileSync (dir + "/" + lang + ".json", "utf8"));
            const lines = fs.readFileSync (dir + "/" + lang + ".text", "utf8").split ("\n\n");
            const want = { lang: tag, dir: direction, title: lines[0],
                           source_url: "https://xn--b1akbcqh2a7i.xn--90ais/node/7193",
                           original_url: "https://www.itu.int/en/wtisd/2021/Pages/message-zhao.aspx" };
            for (const k in want)
              if (doc[k] !== want[k]) throw new Error (k + ": " + doc[k]);
            if (doc.paragraphs.length !== 5) throw new Error ("paragraphs");
            doc.paragraphs.forEach ((p, i) => { if (p !== lines[i + 1]) throw new Error ("paragraph " + (i + 1)); });
            if (!lines[5].includes (doc.themes.wtisd_2021) || !lines[4].includes (doc.themes.wtdc_2021))
              throw new Error ("themes");
          }
        catch (e)
          {
            console.log (lang + ": JSON: " + e.message);
            failed = 1;
          }
      }
    process.exit (failed);
  ' "$workdir" "$workdir/json.list" > "$workdir/json.err" 2>&1 ||
    fail "$(cat "$workdir/json.err")"
}

# Each language's documents; then the validator on every page at once
# and Node.js on every JSON document at once (a process each per
# language took a minute).
for lang in $linguas en; do
  run 0 "$prog" --lang="$lang" --format=html
  grep -qxF "<html lang=\"$(bcp47 "$lang")\" dir=\"$(direction "$lang")\">" "$stdout" ||
    fail "$lang: HTML lacks lang and dir"
  grep -qF "<h1>$("$prog" --lang="$lang" --title --width=0 | sed 's/&/\&amp;/g')</h1>" "$stdout" ||
    fail "$lang: HTML lacks the title as <h1>"
  # The five, the source line and the original's address.
  test "$(grep -c '^<p>' "$stdout")" -eq 7 || fail "$lang: HTML lacks a paragraph"
  test "$(grep -c '<q class="theme">' "$stdout")" -eq 2 || fail "$lang: HTML themes not quoted"
  cp "$stdout" "$workdir/$lang.html"
  run 0 "$prog" --lang="$lang" --format=json
  cp "$stdout" "$workdir/$lang.json"
  "$prog" --lang="$lang" --width=0 > "$workdir/$lang.text"
  run 0 "$prog" --lang="$lang" --format=markdown
  test "$(head -n 1 "$stdout" | sed -e 's/^# //' -e 's/\\\(.\)/\1/g')" = \
    "$("$prog" --lang="$lang" --title --width=0)" || fail "$lang: Markdown title"
done
if test -n "$validator"; then
  # (It names the file, and so the language, of each error.)
  # shellcheck disable=SC2046 # a file name per language
  (cd "$workdir" && "$validator" --preset standard $(printf '%s.html ' $linguas en)) \
    > "$workdir/hv" 2>&1 ||
    { fail "html-validate rejects a page"; cat "$workdir/hv" >&2; }
fi
json_check $linguas en

# Parts combine with every format.
run 0 "$prog" --lang=fr --format=json --title --paragraph=2
test -z "$node" || "$node" -e '
  const d = JSON.parse (require ("fs").readFileSync (process.argv[1], "utf8"));
  if (!d.title || d.paragraphs.length !== 1 || d.themes || d.source_url) process.exit (1);' \
  "$stdout" || fail "--format=json --title --paragraph=2"
run 0 "$prog" --lang=fr --format=html --themes
test "$(grep -c '<q class="theme">' "$stdout")" -eq 2 || fail "--format=html --themes"
grep -q '<h1>' "$stdout" && fail "--format=html --themes has a title"
run 2 "$prog" --format=pdf
expect_stderr_contains "'pdf'"

# --url-form applies to the documents too: the text of the link, which
# always leads to the ASCII form, and JSON's source_url (ASCII unless
# asked otherwise).
ascii=https://xn--b1akbcqh2a7i.xn--90ais/node/7193
unicode=https://минсвязи.бел/node/7193
for form in ascii unicode display; do
  case $form in ascii) address=$ascii ;; *) address=$unicode ;; esac
  run 0 "$prog" --format=html --url-form=$form
  grep -qF "<a href=\"$ascii\">$address</a>" "$stdout" || fail "--format=html --url-form=$form"
  run 0 "$prog" --format=markdown --url-form=$form
  test "$(tail -n 1 "$stdout" | sed 's/\\\(.\)/\1/g')" = "Source: [$address](<$ascii>)" ||
    fail "--format=markdown --url-form=$form: $(tail -n 1 "$stdout")"
  run 0 "$prog" --format=json --url-form=$form
  grep -qxF "  \"source_url\": \"$address\"," "$stdout" || fail "--format=json --url-form=$form"
done
run 0 "$prog" --format=json
grep -qxF "  \"source_url\": \"$ascii\"," "$stdout" || fail "--format=json: source_url is not ASCII"

# Text that would be markup is escaped: a sound catalog whose title is
# full of it.
dir=$workdir/locale
mkdir -p "$dir/qaa/LC_MESSAGES"
cat > "$workdir/qaa.po" <<'EOP'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "WTISD 2021: Message from ITU Secretary-General, Houlin Zhao"
msgstr "<script>alert(1)</script> & \"q\" 'a' *b* _c_ [d](e) # \\ `f`"
EOP
"$MSGFMT" -o "$dir/qaa/LC_MESSAGES/libwtisd.mo" "$workdir/qaa.po" || exit 99
title='<script>alert(1)</script> & "q" '"'"'a'"'"' *b* _c_ [d](e) # \ `f`'
run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --format=html --title
grep -qF '<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;' "$stdout" ||
  fail "HTML: the title is not escaped"
grep -qF '<script>' "$stdout" && fail "HTML: a <script> got through"
run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --format=markdown --title
test "$(sed -e 's/^# //' -e 's/\\\(.\)/\1/g' "$stdout")" = "$title" || fail "Markdown: not reversible"
grep -qF '\<script\>' "$stdout" || fail "Markdown: < and > are not escaped"
run 0 env WTISD_LOCALEDIR="$dir" "$prog" --lang=qaa --format=json --title
test -z "$node" || test "$("$node" -e 'process.stdout.write (JSON.parse (require ("fs").readFileSync (process.argv[1], "utf8")).title)' "$stdout")" = "$title" ||
  fail "JSON: the title does not parse back"
finish
