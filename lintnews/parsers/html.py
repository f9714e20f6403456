"""HTML, read by a small tokenizer of its own.

Linted: text and ``alt`` text of images. Not linted: tags, comments, and the
contents of ``script``, ``style``, ``pre``, ``code`` (and other code-like or
non-prose elements, see ``SKIP``). Character references (``&amp;``,
``&#8217;``) are decoded, each mapped back to its place in the source. Block
elements (``p``, ``li``, ``h1`` ...) start new paragraphs. ``blockquote`` and
``q`` mark quotations.

Why not the standard library's ``html.parser``: on broken markup (many
``<!--`` or ``<x`` without an end) it searches to the end of the input again
for each of them, and a few megabytes of such a file took hours. This
tokenizer follows HTML's own rules where they matter for prose (tags end at
the first ``>`` outside a quoted attribute value; ``script`` and ``style``
hold no tags; an unterminated comment runs to the end, as in browsers) and
looks at each character a bounded number of times. A ``<`` that cannot start
a tag (no ``>`` after it, as in "if x<y") is text.
"""
from __future__ import annotations

import functools
import re

from ..hookspecs import hookimpl
from . import Parser
from .textmap import TextMap

SKIP = frozenset({"script", "style", "pre", "code", "kbd", "samp", "var", "textarea",
                  "template", "noscript", "svg", "math", "title", "iframe", "object"})
#: Elements whose content is not markup: it runs to the matching end tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                    "dd", "blockquote", "figure", "figcaption", "table", "tr", "td", "th",
                    "caption", "section", "article", "aside", "header", "footer", "nav", "main",
                    "br", "hr", "address", "details", "summary", "body", "html", "form", "fieldset"})
QUOTES = frozenset({"blockquote", "q"})
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*+")
#: An attribute value opening with a quote: a ``>`` inside it does not end the tag.
_QUOTED_VALUE = re.compile(r"""=[\t\n\f\r ]*+(["'])""")


class HTMLParser(Parser):
    name = "html"
    extensions = (".html", ".htm", ".xhtml")
    comment = "<!-- {} -->"

    def parse(self, source, path):
        text_map = TextMap(source)
        _Reader(source, text_map).read()
        return text_map.document(path, self.name)


class _Reader:
    def __init__(self, source: str, text_map: TextMap):
        self.source, self.map = source, text_map
        self.last_gt = source.rfind(">")  # no tag or declaration can start after it
        self.skipping: dict[str, int] = {}
        self.quotes: list[int] = []

    @property
    def linting(self) -> bool:
        return not any(self.skipping.values())

    def read(self) -> None:
        source, n = self.source, len(self.source)
        text_from = pos = 0
        while True:
            i = source.find("<", pos)
            if i < 0 or i > self.last_gt and not source.startswith("<!--", i):
                break  # what is left is text
            if not (source.startswith(("!", "?", "/"), i + 1) or _TAG_NAME.match(source, i + 1)):
                pos = i + 1  # "<" and then no tag name ("x < 5"): text
                continue
            self.text(text_from, i)
            text_from = pos = self.markup(i)
        self.text(text_from, n)

    def markup(self, i: int) -> int:
        """Handle the markup starting at ``i``; return where it ends."""
        source = self.source
        after = source[i + 1:i + 2]
        if source.startswith("<!--", i):
            return self.html_comment(i)
        if after in ("!", "?"):  # a doctype, CDATA or processing instruction: a bogus comment
            return self.to_gt(i + 2)
        if after == "/":
            name = _TAG_NAME.match(source, i + 2)
            if not name:
                return self.to_gt(i + 2)  # "</>" or "</ x>": dropped, as browsers do
            end = self.to_gt(name.end())
            self.end_tag(i, name.group().lower())
            return end
        tag = _TAG_NAME.match(source, i + 1).group().lower()
        end = self.tag_end(i + 1 + len(tag))  # a ">" follows: i is not after the last one
        self.start_tag(i, end, tag)
        if tag in RAW_TEXT and not source.startswith("/>", end - 2):
            closing = _end_tag(tag).search(source, end)
            if closing is None:
                return len(source)  # an unterminated script runs to the end
            return closing.start()  # its end tag is read next
        return end

    def to_gt(self, start: int) -> int:
        end = self.source.find(">", start)
        return len(self.source) if end < 0 else end + 1

    def tag_end(self, start: int) -> int:
        """Where a start tag whose attributes begin at ``start`` ends (just
        after its ``>``). A quoted attribute value is skipped whole; if that
        leaves no ``>``, the tag ends at the first one after all."""
        source = self.source
        pos, gt = start, -1
        while True:
            if gt < pos:  # (kept while it lies ahead: a tag with many attributes stays linear)
                gt = source.find(">", pos)
                if gt < 0:
                    return source.find(">", start) + 1
            quote = _QUOTED_VALUE.search(source, pos, gt)
            if quote is None:
                return gt + 1
            close = source.find(quote.group(1), quote.end())
            if close < 0:
                return gt + 1
            pos = close + 1

    def html_comment(self, i: int) -> int:
        source = self.source
        if source.startswith(">", i + 4) or source.startswith("->", i + 4):  # "<!-->", "<!--->"
            end, body_end = source.find(">", i + 4) + 1, i + 4
        else:
            close = source.find("-->", i + 4)
            end, body_end = (len(source), len(source)) if close < 0 else (close + 3, close)
        self.map.add_comment(i, end, source[i + 4:body_end])
        return end

    def text(self, start: int, end: int) -> None:
        if start < end and self.linting:
            self.map.reveal_decoding(start, end)

    def start_tag(self, start: int, end: int, tag: str) -> None:
        self_closing = self.source.startswith("/>", end - 2)
        if tag in SKIP and not self_closing:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        if tag in BLOCKS:
            self.map.paragraph_break(start)
        if tag in QUOTES and not self_closing:
            self.quotes.append(start)
        if tag == "img" and self.linting:
            self.alt_text(start, end)

    def end_tag(self, start: int, tag: str) -> None:
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        if tag in BLOCKS:
            self.map.paragraph_break(start)
        if tag in QUOTES and self.quotes:
            self.map.quote_spans.append((self.quotes.pop(), start))

    def alt_text(self, start: int, end: int) -> None:
        m = _ALT.search(self.source, start, end)
        if m:
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            alt_start, alt_end = m.start(group), m.end(group)
            self.map.paragraph_break(alt_start)
            self.map.reveal_decoding(alt_start, alt_end)
            self.map.paragraph_break(alt_end)


@functools.lru_cache(maxsize=None)
def _end_tag(tag: str) -> re.Pattern:
    return re.compile(rf"</{re.escape(tag)}[\t\n\f\r />]", re.IGNORECASE)


@hookimpl
def lintnews_parsers():
    return [HTMLParser]
