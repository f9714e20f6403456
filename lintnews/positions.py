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
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown position encoding {encoding!r}")


class LineIndex:
    """Line starts of a text, for converting offsets to (line, column) in a
    chosen unit and back. Lines and columns here are 0-based."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line, before its line break."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def line_text(self, line: int) -> str:
        """The text of a 0-based line, without its line break."""
        return self.text[self.starts[line]:self.line_end(line)] if 0 <= line < len(self.starts) else ""

    def position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """0-based (line, column) of a code-point ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        return line, unit_length(self.text[start:offset], encoding)

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
        if encoding == UTF32:
            return min(start + max(column, 0), end)
        units = 0
        for i in range(start, end):
            width = unit_length(self.text[i], encoding)
            if units + width > column:
                return i
            units += width
        return end
