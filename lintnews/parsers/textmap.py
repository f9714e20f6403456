"""Build a ``Document`` from markup: everything is blank until a parser
reveals it.

The text starts as a copy of the source with every character blanked to a
space (line breaks kept), so offsets in the text are offsets in the source and
sentences and paragraphs still split where they did. A parser then *reveals*
the characters that are prose, *replaces* an entity such as ``&amp;`` with the
character it stands for, and asks for *paragraph breaks* where one block ends
and the next begins on the very next line (a heading above a paragraph, table
cells). Only replacements and inserted breaks change lengths; then
``Document.offsets`` maps every text position back to the source.
"""
from __future__ import annotations

import bisect
import re

from ..document import Comment, Document, Span

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(reference: str) -> str:
    """``html.unescape``, imported on first use: the parser plugins load at
    every start, plain text never needs it, and its table of entities costs
    a few milliseconds."""
    from html import unescape as html_unescape
    return html_unescape(reference)


class TextMap:
    def __init__(self, source: str):
        self.source = source
        self.chars = [c if c in "\r\n" else " " for c in source]
        self.replacements: dict[int, tuple[int, str]] = {}  # start → (end, text)
        self.breaks: set[int] = set()
        self.comments: list[Comment] = []
        self.quote_spans: list[tuple[int, int]] = []  # source offsets

    def reveal(self, start: int, end: int) -> None:
        self.chars[start:end] = self.source[start:end]

    def reveal_decoding(self, start: int, end: int) -> None:
        """Reveal ``source[start:end]``, decoding character references."""
        pos = start
        for m in ENTITY.finditer(self.source, start, end):
            self.reveal(pos, m.start())
            self.replace(m.start(), m.end(), unescape(m.group()))
            pos = m.end()
        self.reveal(pos, end)

    def replace(self, start: int, end: int, text: str) -> None:
        """Lint ``text`` in place of ``source[start:end]``."""
        self.replacements[start] = (end, text)

    def paragraph_break(self, offset: int) -> None:
        """Make sure lintable text before ``offset`` and after it fall in
        different paragraphs."""
        self.breaks.add(offset)

    def add_comment(self, start: int, end: int, body: str) -> None:
        self.comments.append(Comment(start, end, body))

    def document(self, path: str | None, format: str) -> Document:
        text, offsets = self._build()
        quotes = [Span(_to_text(offsets, s), _to_text(offsets, e)) for s, e in self.quote_spans]
        return Document(text, path, source=self.source, offsets=offsets, format=format,
                        comments=sorted(self.comments, key=lambda c: c.start), block_quotes=quotes)

    def _build(self) -> tuple[str, list[int] | None]:
        events = sorted(set(self.replacements) | self.breaks)
        if not self.replacements and not self._breaks_needed(events):
            return "".join(self.chars), None
        out: list[str] = []
        offsets: list[int] = []
        tail = _Tail()
        pos = 0
        for at in events:
            if at < pos:
                continue  # inside a replaced span
            piece = "".join(self.chars[pos:at])
            out.append(piece)
            tail.add(piece)
            offsets.extend(range(pos, at))
            pos = at
            if at in self.breaks:
                need = tail.newlines_needed()
                out.append("\n" * need)
                tail.add("\n" * need)
                offsets.extend([at] * need)
            if at in self.replacements:
                end, replacement = self.replacements[at]
                out.append(replacement)
                tail.add(replacement)
                offsets.extend([at] * len(replacement))
                pos = end
        out.append("".join(self.chars[pos:]))
        offsets.extend(range(pos, len(self.source) + 1))
        return "".join(out), offsets

    def _breaks_needed(self, events) -> bool:
        tail, pos = _Tail(), 0
        for at in events:
            tail.add("".join(self.chars[pos:at]))
            pos = at
            if tail.newlines_needed():
                return True
        return False


class _Tail:
    """How the text built so far ends: whether it holds any text, and how
    many line breaks follow its last non-blank character. Fed piece by piece,
    so placing paragraph breaks takes time linear in the text, however many
    breaks there are (scanning back from each one was quadratic on a page of
    thousands of ``<div>`` tags)."""

    def __init__(self):
        self.has_text, self.newlines = False, 0

    def add(self, piece: str) -> None:
        body = piece.rstrip()  # str.rstrip and str.isspace agree on what is blank
        if body:
            self.has_text, self.newlines = True, piece.count("\n", len(body))
        else:
            self.newlines += piece.count("\n")

    def newlines_needed(self) -> int:
        """How many line breaks make the text end in a blank line, if it
        holds any text at all."""
        return max(0, 2 - self.newlines) if self.has_text else 0


def _to_text(offsets: list[int] | None, source_offset: int) -> int:
    """The text offset of a source offset (offsets are non-decreasing)."""
    if offsets is None:
        return source_offset
    return bisect.bisect_left(offsets, source_offset)
