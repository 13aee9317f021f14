#!/usr/bin/env python3
# document-check.py - reads wtisd-message's documents as their readers
# do: HTML with an HTML parser, JSON with a JSON parser, Markdown rendered
# by a CommonMark/GFM renderer (cmark-gfm, where installed) and its HTML
# parsed.  Each must hold exactly the expected elements, the only links
# being the source address, and the texts of the text output.
# Usage: document-check.py PROGRAM ARG...  (each run of PROGRAM gets
# ARG... and, in turn, each --normalize form); prints one line per
# failure and exits 1 when there is one; prints "SKIP: ..." for Markdown
# when cmark-gfm is not installed.
# SPDX-License-Identifier: LGPL-2.1-or-later

import html.parser
import json
import shutil
import subprocess
import sys

SOURCE = "https://xn--b1akbcqh2a7i.xn--90ais/node/7193"
ORIGINAL = "https://www.itu.int/en/wtisd/2021/Pages/message-zhao.aspx"
FORMS = ("NFC", "NFD", "NFKC", "NFKD")
CMARK = shutil.which("cmark-gfm")

# The elements each document may hold, with the attributes they may have
# (a value of None: any value; a tuple: any of its values).  The meta
# description's content is compared with the first paragraph apart.
HTML_ELEMENTS = {
    "html": {"lang": None, "dir": None}, "head": {}, "body": {},
    "meta": {"charset": "utf-8", "name": ("viewport", "description"),
             "content": None},
    "title": {}, "style": {}, "header": {}, "h1": {}, "main": {},
    "footer": {}, "p": {}, "q": {"class": "theme"},
    "a": {"href": (SOURCE, ORIGINAL)},
}
MARKDOWN_ELEMENTS = {"h1": {}, "p": {}, "blockquote": {}, "a": {"href": SOURCE}}
BLOCKS = ("title", "h1", "p")

failures = []


class Reader(html.parser.HTMLParser):
    """Collects the elements of a page and the text of its blocks."""

    def __init__(self, allowed):
        super().__init__(convert_charrefs=True)
        self.allowed, self.blocks, self.block = allowed, [], None
        self.errors, self.metas = [], {}

    def handle_starttag(self, tag, attrs):
        if tag not in self.allowed:
            self.errors.append("element <%s>" % tag)
            return
        for name, value in attrs:
            want = self.allowed[tag].get(name, "absent")
            if isinstance(want, tuple) and value in want:
                continue
            if want == "absent" or (want is not None and value != want):
                self.errors.append("<%s %s=%r>" % (tag, name, value))
        if tag == "meta" and dict(attrs).get("name") is not None:
            self.metas[dict(attrs)["name"]] = dict(attrs).get("content")
        if tag in BLOCKS:
            self.block = [tag, ""]

    def handle_endtag(self, tag):
        if tag in BLOCKS and self.block is not None:
            self.blocks.append(tuple(self.block))
            self.block = None

    def handle_data(self, data):
        if self.block is not None:
            self.block[1] += data

    def handle_comment(self, data):
        pass


def run(program, args):
    done = subprocess.run([program] + args, capture_output=True, timeout=20)
    if done.returncode != 0:
        failures.append("%s: status %d" % (" ".join(args), done.returncode))
    return done.stdout.decode("utf-8")


def texts(program, args):
    """The text output, unwrapped: the title, the paragraphs, the source
    line, then the two themes."""
    whole = run(program, args + ["--width=0"]).rstrip("\n").split("\n\n")
    themes = run(program, args + ["--width=0", "--themes"]).rstrip("\n")
    return whole + themes.split("\n\n")


def read(what, text, allowed, metas=None):
    reader = Reader(allowed)
    reader.feed(text)
    reader.close()
    for error in reader.errors:
        failures.append("%s: %s" % (what, error))
    if metas is not None:
        metas.update(reader.metas)
    return reader.blocks


def expect(what, got, want):
    """Reports the first item of GOT that is not WANT's."""
    if got == want:
        return
    for i, (g, w) in enumerate(zip(list(got) + [None] * len(want),
                                   list(want) + [None] * len(got))):
        if g != w:
            failures.append("%s: item %d is %.200r, expected %.200r"
                            % (what, i, g, w))
            return


def check_html(program, args, t):
    what = "html " + " ".join(args)
    metas = {}
    blocks = read(what, run(program, args + ["--format=html"]), HTML_ELEMENTS,
                  metas)
    expect(what, blocks, [("title", t[0]), ("h1", t[0])]
           + [("p", p) for p in t[1:7]] + [("p", ORIGINAL)])
    expect(what + " meta", sorted(metas.items()),
           [("description", t[1]),
            ("viewport", "width=device-width, initial-scale=1")])
    blocks = read(what + " --themes",
                  run(program, args + ["--format=html", "--themes"]),
                  HTML_ELEMENTS)
    expect(what + " --themes", blocks,
           [("title", t[0]), ("p", t[7]), ("p", t[8])])


def check_json(program, args, t):
    what = "json " + " ".join(args)
    try:
        doc = json.loads(run(program, args + ["--format=json"]))
    except ValueError as error:
        failures.append("%s: not JSON: %s" % (what, error))
        return
    expect(what, (doc.get("title"), doc.get("paragraphs"), doc.get("themes")),
           (t[0], t[1:6], {"wtisd_2021": t[7], "wtdc_2021": t[8]}))
    expect(what, (doc.get("source_url"), doc.get("original_url")),
           (SOURCE, ORIGINAL))


def markdown_render(text):
    done = subprocess.run([CMARK, "--extension", "autolink", "--extension",
                           "table", "--extension", "strikethrough",
                           "--extension", "tagfilter"],
                          input=text.encode("utf-8"), capture_output=True)
    return done.stdout.decode("utf-8")


def check_markdown(program, args, t):
    what = "markdown " + " ".join(args)
    page = markdown_render(run(program, args + ["--format=markdown"]))
    expect(what, read(what, page, MARKDOWN_ELEMENTS),
           [("h1", t[0])] + [("p", p) for p in t[1:7]])
    page = markdown_render(run(program, args + ["--format=markdown",
                                                "--themes"]))
    expect(what + " --themes", read(what, page, MARKDOWN_ELEMENTS),
           [("p", t[7]), ("p", t[8])])


def main():
    program, args = sys.argv[1], sys.argv[2:]
    if CMARK is None:
        print("SKIP: cmark-gfm is not installed: Markdown is not rendered")
    for form in FORMS:
        form_args = args + ["--normalize=" + form]
        t = texts(program, form_args)
        if len(t) != 9:
            failures.append("%s: %d texts" % (" ".join(form_args), len(t)))
            continue
        check_html(program, form_args, t)
        check_json(program, form_args, t)
        if CMARK is not None:
            check_markdown(program, form_args, t)
    for failure in failures[:20]:
        print("FAIL: " + failure)
    return 1 if failures else 0


sys.exit(main())
