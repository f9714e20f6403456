"""Markdown (CommonMark with tables, strikethrough and front matter), parsed
with markdown-it-py.

Linted: headings, paragraphs, list items, block quotes, table cells, link
text and image alt text. Not linted: front matter, fenced and indented code,
inline code, HTML blocks and inline HTML, link targets, autolinks and bare
URLs. Each heading, paragraph and table cell becomes a paragraph of its own.

markdown-it gives block tokens line numbers but inline tokens no positions,
so each inline token's content is aligned with its source lines, and its
children (text, code spans, links ...) are then found in that content in
order. Whatever cannot be aligned is left blank: a missed word is better than
a finding at the wrong place.
"""
from __future__ import annotations

import re

from ..document import Document
from ..errors import note
from ..hookspecs import hookimpl
from . import Parser
from .textmap import ENTITY, TextMap, unescape

COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+")
BACKTICKS = re.compile(r"`+")
# Markup that may stand between two pieces of text in an inline token's source.
GAP = set("*_~[]!\\ \t")
# Block markup that may stand before a line's content (quote, list, table).
LINE_GAP = set(" \t>|\\#-*+.)0123456789")

#: How deep blocks and inline markup may nest. markdown-it stops parsing
#: there and drops the rest of the document (its commonmark preset says 20,
#: which a list in a quote in a list ... can reach); each level costs it a few
#: stack frames, so 100 stays far from Python's recursion limit. A document
#: that still reaches it is linted as plain text, with a note.
MAX_NESTING = 100

_markdown = None


def markdown_it():
    global _markdown
    if _markdown is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin
        _markdown = (MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
                     .enable(["table", "strikethrough"]).use(front_matter_plugin))
    return _markdown


class MarkdownParser(Parser):
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
    comment = "<!-- {} -->"

    def parse(self, source, path):
        # markdown-it turns CRLF into LF; a space in place of each CR keeps
        # every offset of its input equal to the source's.
        md_source = source.replace("\r\n", " \n").replace("\r", "\n")
        try:
            tokens = markdown_it().parse(md_source)
        except RecursionError:
            tokens = None
        if tokens is None or _too_deep(tokens):
            note(f"{path or '<text>'}: note: Markdown nested over {MAX_NESTING} levels deep; "
                 f"linted as plain text")
            return self.plain(source, path)
        text_map = TextMap(source)
        _Walker(md_source, text_map).walk(tokens)
        return text_map.document(path, self.name)

    def plain(self, source: str, path: str | None) -> Document:
        """All of ``source`` as text, but for its HTML comments (which may
        hold suppressions)."""
        text_map = TextMap(source)
        pos = 0
        for start, end, body in html_comments(source, 0, len(source)):
            text_map.reveal(pos, start)
            text_map.add_comment(start, end, body)
            pos = end
        text_map.reveal(pos, len(source))
        return text_map.document(path, self.name)


def _too_deep(tokens) -> bool:
    """Whether markdown-it reached ``MAX_NESTING`` (and so dropped text)."""
    limit = MAX_NESTING - 1
    return any(t.level >= limit or any(c.level >= limit for c in t.children or ()) for t in tokens)


def html_comments(text: str, start: int, end: int):
    """``(start, end, body)`` of each ``<!-- -->`` comment in ``text[start:end]``.
    (Not a regular expression with a lazy body: that searches to the end
    again for every ``<!--`` left open, quadratic time.)"""
    pos = start
    while True:
        i = text.find("<!--", pos, end)
        if i < 0:
            return
        j = text.find("-->", i + 4, end)
        if j < 0:
            return  # no later comment can be closed either
        yield i, j + 3, text[i + 4:j]
        pos = j + 3


class _Walker:
    def __init__(self, md_source: str, text_map: TextMap):
        self.src, self.map = md_source, text_map
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", md_source)]
        self.row_cursor: int | None = None  # inside a table row: where the next cell starts

    def line_span(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.src)
        return start, end

    def walk(self, tokens) -> None:
        quotes = []
        for token in tokens:
            if token.type == "inline" and token.map:
                self.inline(token)
            elif token.type == "html_block" and token.map:
                start, _ = self.line_span(token.map[0])
                _, end = self.line_span(token.map[1] - 1)
                for c_start, c_end, body in html_comments(self.src, start, end):
                    self.map.add_comment(c_start, c_end, body)
            elif token.type == "tr_open":
                self.row_cursor = self.line_span(token.map[0])[0]
            elif token.type == "tr_close":
                self.row_cursor = None
            elif token.type == "blockquote_open":
                quotes.append(token.map)
            elif token.type == "blockquote_close" and quotes:
                first, stop = quotes.pop()
                self.map.quote_spans.append((self.line_span(first)[0], self.line_span(stop - 1)[1]))

    # -- one inline token: align its content, then reveal its prose ----------
    def inline(self, token) -> None:
        content = token.content
        pos = self.align(content, token.map[0])
        first = next((p for p in pos if p is not None), None)
        if first is None:
            return
        self.map.paragraph_break(first)
        _InlineWalk(self, content, pos).walk(token.children or [], 0)

    def align(self, content: str, first_line: int) -> list[int | None]:
        """Source offset of each character of ``content`` (None: not found)."""
        pos: list[int | None] = [None] * len(content)
        k = 0
        for i, line in enumerate(content.split("\n")):
            if first_line + i >= len(self.line_starts):
                break
            lo, hi = self.line_span(first_line + i)
            if self.row_cursor is not None:  # table cells: left to right along the row
                lo = max(lo, self.row_cursor)
                j = self.src.find(line, lo, hi) if line else -1
            else:  # the content is the end of the line, after any block markup
                j = self.src.rfind(line, lo, hi) if line else -1
            if j >= 0:
                pos[k:k + len(line)] = range(j, j + len(line))
                end = j + len(line)
            else:
                end = self._align_chars(line, k, pos, lo, hi)
            if self.row_cursor is not None:
                self.row_cursor = end
            k += len(line) + 1
        return pos

    def _align_chars(self, line: str, k: int, pos: list, lo: int, hi: int) -> int:
        """Align ``line`` character by character (escapes, expanded tabs)."""
        s = lo
        for i, ch in enumerate(line):
            while s < hi and self.src[s] != ch and self.src[s] in LINE_GAP and not (ch == " " and self.src[s] == "\t"):
                s += 1
            if s < hi and (self.src[s] == ch or (ch == " " and self.src[s] == "\t")):
                pos[k + i] = s
                s += 1
            elif ch != " ":  # (a tab expanded into several spaces has no more source)
                break
        return s


class _InlineWalk:
    """Find an inline token's children in its content, in order."""

    def __init__(self, walker: _Walker, content: str, pos: list[int | None]):
        self.walker, self.map, self.c, self.pos = walker, walker.map, content, pos

    def walk(self, children, cur: int) -> int:
        in_autolink = False
        for child in children:
            kind = child.type
            if kind == "text":
                cur = self.skip_text(child.content, cur) if in_autolink else self.text(child.content, cur)
            elif kind == "code_inline":
                cur = self.after_code_span(cur, len(child.markup))
            elif kind in ("softbreak", "hardbreak"):
                j = self.c.find("\n", cur)
                cur = j + 1 if j >= 0 else cur
            elif kind == "html_inline":
                j = self.c.find(child.content, cur)
                if j >= 0:
                    cur = j + len(child.content)
                    for m in COMMENT.finditer(self.c, j, cur):
                        self.comment(m)
            elif kind == "link_open" and child.markup == "autolink":
                in_autolink = True
            elif kind == "link_close" and child.markup == "autolink":
                in_autolink = False
                j = self.c.find(">", cur)
                cur = j + 1 if j >= 0 else cur
            elif kind == "link_close":
                cur = self.after_link_target(cur)
            elif kind == "image":
                cur = self.after_link_target(self.walk(child.children or [], cur))
        return cur

    def reveal(self, start: int, end: int) -> None:
        """Reveal ``content[start:end]``, one source run at a time."""
        run = None
        for i in range(start, end):
            p = self.pos[i]
            if p is not None and run is not None and p == run[1]:
                run[1] = p + 1
                continue
            if run:
                self.map.reveal(*run)
            run = [p, p + 1] if p is not None else None
        if run:
            self.map.reveal(*run)

    def text(self, s: str, cur: int) -> int:
        c = self.c
        j = c.find(s, cur)
        if j >= 0 and all(ch in GAP for ch in c[cur:j]):
            last = j
            for m in URL.finditer(c, j, j + len(s)):
                self.reveal(last, m.start())
                last = m.end()
            self.reveal(last, j + len(s))
            return j + len(s)
        return self.text_by_char(s, cur)

    def text_by_char(self, s: str, k: int) -> int:
        """Align decoded text (escapes, entities) with its source."""
        c, pos = self.c, self.pos
        for ch in s:
            while k < len(c):
                m = ENTITY.match(c, k) if c[k] == "&" else None
                if m and unescape(m.group()) == ch:
                    if pos[k] is not None and pos[m.end() - 1] is not None:
                        self.map.replace(pos[k], pos[m.end() - 1] + 1, ch)
                    k = m.end()
                    break
                if c[k] == ch:
                    self.reveal(k, k + 1)
                    k += 1
                    break
                if c[k] not in GAP:
                    return k  # cannot align the rest: leave it blank
                k += 1
        return k

    def skip_text(self, s: str, cur: int) -> int:
        j = self.c.find(s, cur)
        return j + len(s) if j >= 0 else cur

    def after_code_span(self, cur: int, ticks: int) -> int:
        runs = [m for m in BACKTICKS.finditer(self.c, cur) if len(m.group()) == ticks]
        return runs[1].end() if len(runs) > 1 else cur

    def after_link_target(self, cur: int) -> int:
        """Skip ``](target "title")``, ``][label]`` or ``]`` after link text."""
        c = self.c
        j = c.find("]", cur)
        if j < 0:
            return cur
        if c[j + 1:j + 2] == "[":
            k = c.find("]", j + 2)
            return k + 1 if k >= 0 else j + 1
        if c[j + 1:j + 2] != "(":
            return j + 1
        k, depth, quote = j + 2, 1, None
        while k < len(c):
            ch = c[k]
            if ch == "\\":
                k += 1
            elif quote:
                quote = None if ch == quote else quote
            elif ch in "\"'" and c[k - 1].isspace():
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return j + 1

    def comment(self, m: re.Match) -> None:
        start, end = self.pos[m.start()], self.pos[m.end() - 1]
        if start is not None and end is not None:
            self.map.add_comment(start, end + 1, m.group(1))


@hookimpl
def lintnews_parsers():
    return [MarkdownParser]
