"""``--format text``: one line per finding, ruff-style, then a summary."""
from __future__ import annotations

from collections import Counter

from ..hookspecs import hookimpl
from . import Reporter

_COLORS = {"error": "31", "warning": "33", "info": "36", "path": "1", "rule": "35", "dim": "2"}


class TextReporter(Reporter):
    name = "text"

    def paint(self, text: str, what: str) -> str:
        return f"\033[{_COLORS[what]}m{text}\033[0m" if self.color else text

    def report(self, results):
        diagnostics = [d for r in results for d in r.diagnostics]
        for d in diagnostics:
            fix = " [fix: " + repr(d.fix) + "]" if d.fix is not None else ""
            self.out.write(f"{self.paint(d.path, 'path')}:{d.line}:{d.column}: "
                           f"{self.paint(d.severity, d.severity)} {self.paint(d.rule, 'rule')} "
                           f"{d.message}{self.paint(fix, 'dim')}\n")
        fixed = sum(len(r.fixed) for r in results)
        if self.statistics and diagnostics:
            self.out.write("\n")
            for rule, count in Counter(d.rule for d in diagnostics).most_common():
                self.out.write(f"{count:6d}  {rule}\n")
        if diagnostics:
            by_category = Counter(d.category for d in diagnostics)
            files = len({d.path for d in diagnostics})
            parts = ", ".join(f"{n} {c}" for c, n in sorted(by_category.items()))
            fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix_safe)
            self.out.write(f"Found {len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} "
                           f"({parts}) in {files} file{'s' * (files != 1)}.\n")
            if fixable:
                self.out.write(f"{fixable} fixable with `--fix`.\n")
        elif not fixed:
            self.out.write(f"All clear: {len(results)} file{'s' * (len(results) != 1)} checked.\n")
        if fixed:
            self.out.write(f"Fixed {fixed} problem{'s' * (fixed != 1)}.\n")


@hookimpl
def lintnews_reporters():
    return {"text": TextReporter}
