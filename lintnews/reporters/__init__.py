"""Reporters write the findings of a run in one output format. They are
registered through the ``lintnews_reporters`` hook (name → class)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, ClassVar

from ..diagnostic import Diagnostic


@dataclass
class FileResult:
    """The outcome of linting one file."""
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str | None = None
    fixed: list[Diagnostic] = field(default_factory=list)


class Reporter:
    """Base class. ``rules`` maps rule id → ``Rule`` for metadata."""
    name: ClassVar[str] = ""

    def __init__(self, out: IO[str], *, rules: dict, color: bool = False, statistics: bool = False):
        self.out, self.rules, self.color, self.statistics = out, rules, color, statistics

    def report(self, results: list[FileResult]) -> None:
        raise NotImplementedError
