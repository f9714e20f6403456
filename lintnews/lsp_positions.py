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

import bisect
import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _prefix_length(line: str, count: int, encoding: str) -> int:
    """How many code points of ``line`` the first ``count`` code units span
    (a count inside a character stops before it)."""
    if encoding == UTF32 or line.isascii():
        return min(count, len(line))
    if encoding == UTF8:
        return len(line.encode("utf-8", "surrogatepass")[:count].decode("utf-8", "ignore"))
    data = line.encode("utf-16-le", "surrogatepass")[:2 * count]
    if len(data) >= 2 and 0xD8 <= data[-1] <= 0xDB:  # cut between the halves of a pair
        data = data[:-2]
    return len(data.decode("utf-16-le", "surrogatepass"))


class LineIndex:
    """Converts between offsets into ``text`` and LSP positions."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF32) else UTF16
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        # The last conversion, reused when the next one is further along the
        # same line: diagnostics come in order, so a very long line is
        # measured once rather than once per finding.
        self._last = (-1, 0, 0)  # line, offset, units

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s text (before its line break)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        text = self.text
        if text[end - 1] == "\n":
            end -= 1
            if end > self.starts[line] and text[end - 1] == "\r":
                end -= 1
        elif text[end - 1] == "\r":
            end -= 1
        return end

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        last_line, last_offset, last_units = self._last
        if last_line == line and last_offset <= offset:
            count = last_units + units(self.text[last_offset:offset], self.encoding)
        else:
            count = units(self.text[start:offset], self.encoding)
        self._last = (line, offset, count)
        return types.Position(line=line, character=count)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``; past the end of a line means its end,
        past the last line the end of the text (as the specification says)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self.line_end(position.line)
        return start + _prefix_length(self.text[start:end], position.character, self.encoding)


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
