"""Reporters write the findings of a run in one output format. They are
registered through the ``lintnews_reporters`` hook (name → class)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import IO, ClassVar

from ..diagnostic import Diagnostic
from ..positions import UTF16, LineIndex


@dataclass
class FileResult:
    """The outcome of linting one file."""
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str | None = None
    fixed: list[Diagnostic] = field(default_factory=list)
    #: findings left out because the baseline (``--baseline``) records them
    baselined: int = 0


class Reporter:
    """Base class. ``rules`` maps rule id → ``Rule`` for metadata."""
    name: ClassVar[str] = ""

    def __init__(self, out: IO[str], *, rules: dict, color: bool = False, statistics: bool = False):
        self.out, self.rules, self.color, self.statistics = out, rules, color, statistics

    def report(self, results: list[FileResult]) -> None:
        raise NotImplementedError


def utf16_region(d: Diagnostic, lines: LineIndex | None) -> tuple[int, int, int, int]:
    """1-based ``(line, column, end_line, end_column)`` of a finding with
    columns in UTF-16 units (end exclusive); code points if the text is unknown."""
    if lines is None:
        return d.line, d.column, d.end_line, d.end_column
    (line, col), (end_line, end_col) = lines.position(d.start, UTF16), lines.position(d.end, UTF16)
    return line + 1, col + 1, end_line + 1, end_col + 1


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


_not_xml = None


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters,
    lone surrogates): escaping cannot represent them."""
    global _not_xml
    if _not_xml is None:  # compiled on use: it takes milliseconds, and most formats are not XML
        _not_xml = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    return _not_xml.sub("\ufffd", text)
