"""Run rules over a document and turn their hits into diagnostics."""
from __future__ import annotations

from .diagnostic import Diagnostic
from .document import Document
from .packs import Rule


class Linter:
    """Applies a fixed set of rules to documents."""

    def __init__(self, rules: list[Rule]):
        self.rules = [r for r in rules if r.checker is not None]

    def lint(self, doc: Document) -> list[Diagnostic]:
        found: dict[tuple, Diagnostic] = {}
        for rule in self.rules:
            for hit in rule.checker.find(doc):
                if rule.skip_quotes and doc.in_quote(hit.start, hit.end):
                    continue
                diag = make_diagnostic(doc, rule, hit)
                # Two packs giving the same advice on the same span: report it once.
                found.setdefault((diag.start, diag.end, diag.category, diag.fix), diag)
        return sorted(found.values(), key=lambda d: d.sort_key)


def make_diagnostic(doc: Document, rule: Rule, hit) -> Diagnostic:
    start, end = doc.to_source(hit.start), doc.to_source(hit.end)
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    matched = doc.text[hit.start:hit.end]
    return Diagnostic(
        path=doc.path or "-", line=line, column=column, end_line=end_line, end_column=end_column,
        start=start, end=end, rule=rule.id, category=rule.category, severity=rule.severity,
        message=rule.format_message(" ".join(matched.split()), hit.fix, hit.data),
        fix=hit.fix, fix_safe=rule.fix == "safe", matched=matched,
    )
