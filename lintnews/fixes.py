"""Autofix: apply the replacements rules offer, safely.

A diagnostic's ``start``/``end`` are code-point offsets into the file's text
after its BOM was removed; ``fix`` replaces that span. Fixes are applied in
passes: in each pass the non-overlapping fixes are applied (on overlap the
first one wins and the others are reconsidered after re-linting), until no
fix is left or ``MAX_PASSES`` is reached. Only the fixed spans change: line
endings, the BOM, the encoding (UTF-8) and the file's permissions are kept,
and the file is replaced atomically (see ``safe_write``).
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .diagnostic import Diagnostic
from .safe_write import write_atomic

MAX_PASSES = 10
BOM = b"\xef\xbb\xbf"

Lint = Callable[[str], list[Diagnostic]]


def is_fixable(d: Diagnostic, unsafe: bool = False) -> bool:
    return d.fix is not None and (d.fix_safe or unsafe)


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """Apply the fixes of ``diagnostics`` that do not overlap an earlier one
    (in text order). Returns the new text and the fixes applied."""
    chosen: list[Diagnostic] = []
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end, d.rule)):
        if d.fix is None or text[d.start:d.end] == d.fix:
            continue  # nothing to do (a no-op fix would never settle)
        if chosen and (d.start < chosen[-1].end or d.start == chosen[-1].start):
            continue  # overlaps the fix before it: re-lint and retry next pass
        chosen.append(d)
    pieces, pos = [], 0
    for d in chosen:
        pieces += [text[pos:d.start], d.fix]
        pos = d.end
    pieces.append(text[pos:])
    return "".join(pieces), chosen


@dataclass
class FixOutcome:
    text: str                                                    # the fixed text
    applied: list[Diagnostic] = field(default_factory=list)     # fixes made, pass by pass
    remaining: list[Diagnostic] = field(default_factory=list)   # findings in the fixed text
    settled: bool = True                                         # False: MAX_PASSES ran out

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(text: str, lint: Lint, *, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint ``text`` and apply fixes until none is left (or ``max_passes``)."""
    applied: list[Diagnostic] = []
    diagnostics = lint(text)
    for _ in range(max_passes):
        text_after, used = apply_fixes(text, [d for d in diagnostics if is_fixable(d, unsafe)])
        if not used:
            return FixOutcome(text, applied, diagnostics)
        text, applied = text_after, applied + used
        diagnostics = lint(text)
    pending = apply_fixes(text, [d for d in diagnostics if is_fixable(d, unsafe)])[1]
    return FixOutcome(text, applied, diagnostics, settled=not pending)


class FileChanged(Exception):
    """The file changed on disk between reading and writing it."""


@dataclass
class SourceFile:
    """A file as read from disk: raw bytes (to detect changes and keep the
    BOM) and its text with the BOM removed. ``encode`` turns text back into
    the file's bytes (default: UTF-8, with the BOM if it had one; see
    ``inputs.Input.encode`` for other encodings); it raises ``UnicodeError``
    for text the file's encoding cannot hold."""
    path: str
    data: bytes
    text: str
    stat: os.stat_result
    encode: Callable[[str], bytes] | None = None

    def __post_init__(self):
        if self.encode is None:
            self.encode = self._utf8

    @property
    def bom(self) -> bool:
        return self.data.startswith(BOM)

    def _utf8(self, text: str) -> bytes:
        return (BOM if self.bom else b"") + text.encode("utf-8")

    def write(self, text: str) -> None:
        """Replace the file with ``text`` (BOM, mode kept), unless it changed
        on disk since it was read: then raise ``FileChanged`` and write nothing."""
        try:
            now = Path(self.path).read_bytes()
        except OSError:
            now = None
        if now != self.data:
            raise FileChanged(self.path)
        write_atomic(self.path, self.encode(text), like=self.stat)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of two texts, keeping their line endings, with the
    usual marker for a last line without a newline."""
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), fromfile=path, tofile=path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Split after each ``\\n`` only (``str.splitlines`` also splits on form
    feeds and U+2028, which would garble the diff)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return out + [lines[-1]] if lines[-1] else out


def fix_file(source: SourceFile, lint: Lint, *, unsafe: bool = False, write: bool = True) -> FixOutcome:
    """Fix one file; with ``write``, save the result (see ``SourceFile.write``).
    Problems become ``LintError``s naming the file; the file is then untouched."""
    from .api import LintError

    outcome = fix_text(source.text, lint, unsafe=unsafe)
    if write and outcome.changed:
        try:
            source.write(outcome.text)
        except FileChanged:
            raise LintError(f"{source.path}: changed on disk while it was being fixed; "
                            f"not written (run again)") from None
        except OSError as exc:
            raise LintError(f"{source.path}: cannot write the fixes: {exc.strerror or exc}; "
                            f"the file is unchanged") from None
        except UnicodeError as exc:  # the fixed text has no form in the file's encoding
            raise LintError(f"{source.path}: cannot write the fixes: {exc}; the file is unchanged") from None
    return outcome
