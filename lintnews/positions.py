"""Positions in other units than Python's code points.

lintnews counts in code points (Python ``str`` offsets). Editors and web
tools count differently: LSP positions are 0-based lines and, by default,
UTF-16 code units; SARIF and GitHub's viewers are written in languages whose
strings are UTF-16. A character outside the Basic Multilingual Plane (most
emoji) is one code point but two UTF-16 units, so the columns differ after it.

``LineIndex`` converts both ways and is shared by the reporters and the LSP
server. Line breaks are ``\\n``, ``\\r\\n`` and ``\\r``, as in the LSP spec and
``Document.line_col``.
"""
from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: Position encodings, named as LSP's ``PositionEncodingKind``.
UTF16, UTF32, UTF8 = "utf-16", "utf-32", "utf-8"


def unit_length(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in code units of ``encoding``."""
    if encoding not in (UTF8, UTF16, UTF32):
        raise ValueError(f"unknown position encoding {encoding!r}")
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _prefix_length(line: str, count: int, encoding: str) -> int:
    """How many code points of ``line`` the first ``count`` code units span
    (a count inside a character stops before it)."""
    count = max(count, 0)
    if encoding == UTF32 or line.isascii():
        return min(count, len(line))
    if encoding == UTF8:
        return len(line.encode("utf-8", "surrogatepass")[:count].decode("utf-8", "ignore"))
    data = line.encode("utf-16-le", "surrogatepass")[:2 * count]
    if len(data) >= 2 and 0xD8 <= data[-1] <= 0xDB:  # cut between the halves of a pair
        data = data[:-2]
    return len(data.decode("utf-16-le", "surrogatepass"))


class LineIndex:
    """Line starts of a text, for converting offsets to (line, column) in a
    chosen unit and back. Lines and columns here are 0-based."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        # The last conversion, reused when the next one is further along the
        # same line: findings come in order, so a very long line is measured
        # once rather than once per finding.
        self._last = (-1, 0, 0, None)  # line, offset, units, encoding

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line, before its line break."""
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

    def line_text(self, line: int) -> str:
        """The text of a 0-based line, without its line break."""
        return self.text[self.starts[line]:self.line_end(line)] if 0 <= line < len(self.starts) else ""

    def position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """0-based (line, column) of a code-point ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        last_line, last_offset, last_units, last_encoding = self._last
        if last_line == line and last_offset <= offset and last_encoding == encoding:
            count = last_units + unit_length(self.text[last_offset:offset], encoding)
        else:
            count = unit_length(self.text[self.starts[line]:offset], encoding)
        self._last = (line, offset, count, encoding)
        return line, count

    def offset(self, line: int, column: int, encoding: str = UTF16) -> int:
        """The code-point offset of a 0-based (line, column). As LSP asks, a
        line past the end means the end of the text and a column past the end
        of its line means the end of that line; a column falling inside a
        character (half a surrogate pair) rounds down to its start."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        return start + _prefix_length(self.text[start:end], column, encoding)
