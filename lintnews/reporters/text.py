"""``--format text`` (default): one line per finding, ruff-style, then a
summary by category and rule. Colour only when asked to (the check command
turns it on for a terminal, and off for ``NO_COLOR``)."""
from __future__ import annotations

from collections import Counter

from ..hookspecs import hookimpl
from . import Reporter, plural

_COLORS = {"error": "1;31", "warning": "33", "info": "36", "path": "1", "rule": "35", "dim": "2",
           "fixed": "32"}


def _counted(counter: Counter) -> str:
    """``a.x ×2, a.y``: rules by frequency, then name."""
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


class TextReporter(Reporter):
    name = "text"

    def paint(self, text: str, what: str) -> str:
        return f"\033[{_COLORS[what]}m{text}\033[0m" if self.color and text else text

    def report(self, results):
        diagnostics = [d for r in results for d in r.diagnostics]
        for d in diagnostics:
            self.out.write(f"{self.paint(d.path, 'path')}:{d.line}:{d.column}: "
                           f"{self.paint(d.severity, d.severity)} {self.paint(d.rule, 'rule')} "
                           f"{d.message}{self.paint(self.fix_note(d), 'dim')}\n")
        if self.statistics and diagnostics:
            self.write_statistics(diagnostics)
        self.write_summary(results, diagnostics)

    @staticmethod
    def fix_note(d) -> str:
        if d.fix is None:
            return ""
        return f" [{'fix' if d.fix_safe else 'unsafe fix'}: {d.fix!r}]"

    def write_statistics(self, diagnostics):
        """Like ``ruff --statistics``: count, rule, fixable mark, severity, category."""
        counts = Counter(d.rule for d in diagnostics)
        sample = {d.rule: d for d in diagnostics}
        width = max(len(rule) for rule in counts)
        self.out.write("\n")
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            d = sample[rule]
            mark = "[*]" if d.fix is not None and d.fix_safe else "[-]" if d.fix is not None else "   "
            self.out.write(f"{n:6d}  {rule:<{width}}  {mark}  {d.severity:<7}  {d.category}\n")
        self.out.write("\n")

    def write_summary(self, results, diagnostics):
        fixed = [d for r in results for d in r.fixed]
        baselined = sum(r.baselined for r in results)
        if fixed:
            files = sum(1 for r in results if r.fixed)
            self.out.write(self.paint(f"Fixed {plural(len(fixed), 'problem')} in {plural(files, 'file')}",
                                      "fixed") + f" ({_counted(Counter(d.rule for d in fixed))}).\n")
        if diagnostics:
            files = len({d.path for d in diagnostics})
            left = " remaining" if fixed else ""
            self.out.write(f"Found {plural(len(diagnostics), 'problem')}{left} in {plural(files, 'file')}:\n")
            by_category: dict[str, Counter] = {}
            for d in diagnostics:
                by_category.setdefault(d.category, Counter())[d.rule] += 1
            width = max(len(c) for c in by_category)
            for category, rules in sorted(by_category.items()):
                self.out.write(f"  {sum(rules.values()):4d} {category:<{width}}  ({_counted(rules)})\n")
            safe = sum(1 for d in diagnostics if d.fix is not None and d.fix_safe)
            unsafe = sum(1 for d in diagnostics if d.fix is not None and not d.fix_safe)
            if safe or unsafe:
                more = f" ({unsafe} more with `--unsafe-fixes`)" if unsafe and safe else ""
                how = "`--fix`" if safe else "`--fix --unsafe-fixes`"
                self.out.write(f"{safe or unsafe} fixable with {how}{more}.\n")
        elif not fixed:
            self.out.write(f"All clear: {plural(len(results), 'file')} checked.\n")
        if baselined:
            self.out.write(f"{plural(baselined, 'known problem')} recorded in the baseline not shown.\n")


@hookimpl
def lintnews_reporters():
    return {"text": TextReporter}
