"""LSP positions ↔ the code-point offsets lintnews uses.

An LSP position is a line and a character counted in code units of the
encoding negotiated at start-up: UTF-16 unless the client offers UTF-8 or
UTF-32. An emoji is one code point but two UTF-16 units, so a finding after one
must be shifted, or the editor underlines the wrong letters.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only, as the LSP specification and
editors say: not at the other characters ``str.splitlines`` breaks on (U+2028,
form feed, ...), which would put the server's idea of a line out of step with
the editor's.
"""
from __future__ import annotations

from lsprotocol import types

from . import positions
from .positions import UTF8, UTF16, UTF32, unit_length as units  # noqa: F401 - re-exported


class LineIndex(positions.LineIndex):
    """``positions.LineIndex`` speaking LSP: positions in the encoding agreed
    with the client, as ``lsprotocol`` objects."""

    def __init__(self, text: str, encoding: str = UTF16):
        super().__init__(text)
        self.encoding = encoding if encoding in (UTF8, UTF32) else UTF16

    def position(self, offset: int) -> types.Position:
        line, character = super().position(offset, self.encoding)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``; past the end of a line means its end,
        past the last line the end of the text (as the specification says)."""
        return super().offset(position.line, position.character, self.encoding)


def apply_change(text: str, change, encoding: str = UTF16) -> str:
    """``text`` after one ``textDocument/didChange`` content change: a range
    replacement, or (with no range) the whole new text."""
    change_range = getattr(change, "range", None)
    if change_range is None:
        return change.text
    index = LineIndex(text, encoding)
    start, end = index.offset(change_range.start), index.offset(change_range.end)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]
