"""Input formats: what is linted, what is skipped, and positions in the original file."""
import io
import json
import sys

import pytest

from conftest import FIXTURES
from lintnews.api import Session

PACK = FIXTURES.parent / "packs" / "deathtoll.yaml"
SENTENCE = "The death tool rose on Tuesday, officials said."


@pytest.fixture(scope="module")
def typos():
    return Session(packs=[PACK], select=["testpack"])


def found(session, source, name):
    """(line, column, end_column) of each finding; each must span 'tool' in the source."""
    out = []
    for d in session.lint_source(source, name):
        assert source[d.start:d.end] == "tool", (source[d.start:d.end], d)
        out.append((d.line, d.column, d.end_column))
    return out


@pytest.mark.parametrize("markdown", [
    "---\ntitle: the death tool\n---\nText.\n",
    "```\nthe death tool\n```\n",
    "~~~md\nthe death tool\n~~~\n",
    "Para.\n\n    the death tool\n",
    "Use `the death tool` here.\n",
    "Use ``the death `tool` `` here.\n",
    "<div>\nthe death tool\n</div>\n",
    "See [the report](https://example.com/the-death-tool \"the death tool\") here.\n",
    "See [the report](<the death tool>) here.\n",
    "See <https://example.com/the-death-tool> here.\n",
    "See https://example.com/the%20death%20tool here.\n",
    "Text <span title='the death tool'>x</span> here.\n",
    "An image ![chart](the-death-tool.png \"the death tool\") here.\n",
])
def test_markdown_skips(typos, markdown):
    assert found(typos, markdown, "a.md") == []


@pytest.mark.parametrize("markdown, where", [
    ("# The death tool rises\n", (1, 13, 17)),
    ("Title\n=====\n\nThe *death tool* rose.\n", (4, 12, 16)),
    ("Intro.\n\n- one\n- the death tool rose\n", (4, 13, 17)),
    ("1. one\n2. the death tool rose\n", (2, 14, 18)),
    ("> He said the death tool\n> rose.\n", (1, 21, 25)),
    ("> Line one\n> and the death tool rose.\n", (2, 17, 21)),
    ("| a | b |\n|---|---|\n| x \\| y | the death tool |\n", (3, 22, 26)),
    ("![the death tool chart](chart.png)\n", (1, 13, 17)),
    ("A [the death tool](https://example.com) link.\n", (1, 14, 18)),
    ("A **bold** and the death\ntool rose.\n", (2, 1, 5)),
    ("Caf&eacute; &amp; the death tool rose.\n", (1, 29, 33)),
    ("Escaped \\*stars\\* and the death tool.\n", (1, 33, 37)),
    ("- item\n\n  the death tool in a second paragraph\n", (3, 13, 17)),
])
def test_markdown_lints_prose(typos, markdown, where):
    assert found(typos, markdown, "a.md") == [where]


def test_markdown_blocks_become_paragraphs(typos):
    doc = typos.document("# Heading\nFirst paragraph\n\n| a | b |\n|---|---|\n| c | d |\n", "a.md")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == ["Heading", "First paragraph", "a", "b", "c", "d"]
    assert [doc.to_source(p.start) for p in doc.paragraphs] == [2, 10, 29, 33, 49, 53]


@pytest.mark.parametrize("html, where", [
    ("<p>The death tool rose.</p>", (1, 14, 18)),
    ("<h1>Toll</h1>\n<p class='x'>The death&nbsp;tool rose.</p>", (2, 29, 33)),
    ("<p>Caf&eacute; &#8217;s &#x2019; the death tool</p>", (1, 44, 48)),
    ("<p>The death\n  tool rose.</p>", (2, 3, 7)),
    ('<img src="a.png" alt="the death tool">', (1, 33, 37)),
    ("<blockquote><p>The death tool</p></blockquote>", (1, 26, 30)),
])
def test_html_lints_text(typos, html, where):
    assert found(typos, html, "a.html") == [where]


@pytest.mark.parametrize("html", [
    "<script>var s = 'the death tool';</script>",
    "<style>/* the death tool */</style>",
    "<pre>the death tool</pre>",
    "<p>Run <code>the death tool</code>.</p>",
    "<!-- the death tool -->",
    '<a href="the death tool">x</a>',
    "<title>the death tool</title>",
])
def test_html_skips(typos, html):
    assert found(typos, html, "a.html") == []


def test_html_block_elements_break_paragraphs(typos):
    doc = typos.document("<h1>Headline</h1><p>First.</p><ul><li>One</li><li>Two</li></ul>", "a.html")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == ["Headline", "First.", "One", "Two"]


def test_html_entities_keep_positions(typos):
    source = "<p>Don&rsquo;t say &ldquo;the death tool&rdquo; &amp; leave.</p>"
    doc = typos.document(source, "a.html")
    assert doc.text.split() == ["Don’t", "say", "“the", "death", "tool”", "&", "leave."]
    i = doc.text.index("’")
    assert source[doc.to_source(i):doc.to_source(i + 1)] == "&rsquo;"
    assert doc.quotes and source[doc.to_source(doc.quotes[0].start):doc.to_source(doc.quotes[0].end)] == \
        "&ldquo;the death tool&rdquo;"


@pytest.mark.parametrize("name", ["a.md", "a.html", "a.txt"])
@pytest.mark.parametrize("bom", [False, True])
def test_crlf_and_bom_positions(tmp_path, run_cli, name, bom):
    body = {"a.md": "# Title\r\n\r\nIntro.\r\n\r\n- The death tool rose.\r\n",
            "a.html": "<h1>Title</h1>\r\n\r\n<p>Intro.</p>\r\n\r\n<li>- The death tool rose.</li>\r\n",
            "a.txt": "Title\r\n\r\nIntro.\r\n\r\n- The death tool rose.\r\n"}[name]
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + body.encode())
    status, out, _ = run_cli("check", "--format", "json", "--pack", PACK, "--select", "testpack", path)
    [d] = json.loads(out)
    line = body.split("\r\n")[d["line"] - 1]
    assert line[d["column"] - 1:d["end_column"] - 1] == "tool"
    assert d["line"] == 5


def test_stdin_filename_chooses_the_format(run_cli, monkeypatch):
    source = "```\nthe death tool\n```\n\nThe death tool rose.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    status, out, _ = run_cli("check", "--pack", PACK, "--select", "testpack", "--stdin-filename", "s.md", "-")
    assert status == 1 and out.startswith("s.md:5:11: ")


def test_parsers_are_plugins_and_declare_comment_syntax(typos):
    parsers = {p.name: p for p in typos.registry.parsers}
    assert {"text", "markdown", "html"} <= set(parsers)
    assert parsers["markdown"].comment == parsers["html"].comment == "<!-- {} -->"
    assert parsers["text"].comment == "# {}"
    assert typos.parser_for("x.markdown").name == "markdown" and typos.parser_for("x.HTM").name == "html"
