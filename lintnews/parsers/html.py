"""HTML, parsed with the standard library's ``html.parser``.

Linted: text and ``alt`` text of images. Not linted: tags, comments, and the
contents of ``script``, ``style``, ``pre``, ``code`` (and other code-like or
non-prose elements, see ``SKIP``). Character references (``&amp;``,
``&#8217;``) are decoded, each mapped back to its place in the source. Block
elements (``p``, ``li``, ``h1`` ...) start new paragraphs. ``blockquote`` and
``q`` mark quotations.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser as _StdlibHTMLParser

from ..hookspecs import hookimpl
from . import Parser
from .textmap import TextMap

SKIP = frozenset({"script", "style", "pre", "code", "kbd", "samp", "var", "textarea",
                  "template", "noscript", "svg", "math", "title", "iframe", "object"})
BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                    "dd", "blockquote", "figure", "figcaption", "table", "tr", "td", "th",
                    "caption", "section", "article", "aside", "header", "footer", "nav", "main",
                    "br", "hr", "address", "details", "summary", "body", "html", "form", "fieldset"})
QUOTES = frozenset({"blockquote", "q"})
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


class HTMLParser(Parser):
    name = "html"
    extensions = (".html", ".htm", ".xhtml")
    comment = "<!-- {} -->"

    def parse(self, source, path):
        text_map = TextMap(source)
        reader = _Reader(source, text_map)
        reader.feed(source)
        reader.close()
        return text_map.document(path, self.name)


class _Reader(_StdlibHTMLParser):
    def __init__(self, source: str, text_map: TextMap):
        # convert_charrefs=False: references arrive one by one, with positions.
        super().__init__(convert_charrefs=False)
        self.source, self.map = source, text_map
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.skipping: dict[str, int] = {}
        self.quotes: list[int] = []

    def here(self) -> int:
        """Source offset of the event being handled (``getpos`` counts lines
        by LF, as ``line_starts`` does)."""
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    @property
    def linting(self) -> bool:
        return not any(self.skipping.values())

    def handle_starttag(self, tag, attrs):
        start = self.here()
        if tag in SKIP:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        if tag in BLOCKS:
            self.map.paragraph_break(start)
        if tag in QUOTES:
            self.quotes.append(start)
        if tag == "img" and self.linting:
            self._alt_text(start)

    def handle_startendtag(self, tag, attrs):
        start = self.here()
        if tag in BLOCKS:
            self.map.paragraph_break(start)
        if tag == "img" and self.linting:
            self._alt_text(start)

    def handle_endtag(self, tag):
        start = self.here()
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        if tag in BLOCKS:
            self.map.paragraph_break(start)
        if tag in QUOTES and self.quotes:
            self.map.quote_spans.append((self.quotes.pop(), start))

    def handle_data(self, data):
        if self.linting:
            start = self.here()
            self.map.reveal(start, start + len(data))

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def _reference(self, raw: str):
        if not self.linting:
            return
        start = self.here()
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        decoded = html.unescape(self.source[start:end])
        if decoded == self.source[start:end]:  # not a known reference: lint it as written
            self.map.reveal(start, end)
        else:
            self.map.replace(start, end, decoded)

    def handle_comment(self, data):
        start = self.here()
        end = self.source.find("-->", start)
        self.map.add_comment(start, end + 3 if end >= 0 else len(self.source), data)

    def _alt_text(self, start: int):
        tag = self.get_starttag_text() or ""
        m = _ALT.search(tag)
        if m:
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            alt_start = start + m.start(group)
            self.map.paragraph_break(alt_start)
            self.map.reveal_decoding(alt_start, alt_start + len(m.group(group)))
            self.map.paragraph_break(alt_start + len(m.group(group)))


@hookimpl
def lintnews_parsers():
    return [HTMLParser]
