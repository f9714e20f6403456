"""Run rules over a document and turn their hits into diagnostics."""
from __future__ import annotations

from dataclasses import replace

from .diagnostic import Diagnostic
from .document import Document
from .packs import SEVERITIES, Rule
from .ruletypes import RuleError


class Linter:
    """Applies a fixed set of rules to documents."""

    def __init__(self, rules: list[Rule]):
        self.rules = [r for r in rules if r.checker is not None]
        for rule in self.rules:
            try:
                rule.checker.prepare()
            except RuleError as exc:
                raise RuleError(f"rule {rule.id!r}: {exc}") from None

    def lint(self, doc: Document) -> list[Diagnostic]:
        """The findings in text order, one per piece of advice."""
        return one_per_advice(self.findings(doc))

    def findings(self, doc: Document) -> list[Diagnostic]:
        """Every rule's findings, rule by rule, the same advice from several
        rules included: suppressions apply to each rule's own (silencing one
        rule must not silence another that gives the same advice)."""
        found = []
        for rule in self.rules:
            for hit in rule.checker.find(doc):
                if rule.skip_quotes and doc.in_quote(hit.start, hit.end):
                    continue
                found.append(make_diagnostic(doc, rule, hit))
        return found


def one_per_advice(found: list[Diagnostic]) -> list[Diagnostic]:
    """``found`` in text order with findings that give the same advice
    (``advice_key``) reported once (``keep_one``)."""
    kept: dict[tuple, Diagnostic] = {}
    for diag in found:
        key = advice_key(diag)
        kept[key] = keep_one(kept[key], diag) if key in kept else diag
    return sorted(kept.values(), key=lambda d: d.sort_key)


# The one place that decides when two findings are the same advice, so that
# overlapping packs (lintnews' typos and proselint's spelling checks, say)
# report a problem once.
def advice_key(diag: Diagnostic) -> tuple:
    """Findings with equal keys give the same advice: the same edit (whatever
    their rules or categories: the edit *is* the advice), or, when there is no
    fix, the same span and category. The edit is the fix with what it shares
    with the matched text at either end taken off, so "baited breath" →
    "bated breath" (a phrase list) and "baited" → "bated" (the idiom rule)
    are one finding, not two."""
    if diag.fix is not None:
        matched, fix = diag.matched, diag.fix
        if len(matched) != diag.end - diag.start:
            return (diag.start, diag.end, "fix", fix)  # markup between: offsets differ
        shorter = min(len(matched), len(fix))
        head = 0
        while head < shorter and matched[head] == fix[head]:
            head += 1
        tail = 0
        while tail < shorter - head and matched[-1 - tail] == fix[-1 - tail]:
            tail += 1
        return (diag.start + head, diag.end - tail, "fix", fix[head:len(fix) - tail])
    return (diag.start, diag.end, "category", diag.category)


def keep_one(kept: Diagnostic, other: Diagnostic) -> Diagnostic:
    """Of two findings giving the same advice, report the more severe one (on
    a tie the one found first: built-in packs load before plugins' packs). The
    fix counts as safe if either rule says so."""
    if SEVERITIES.index(other.severity) < SEVERITIES.index(kept.severity):
        kept, other = other, kept
    if kept.fix is not None and other.fix_safe and not kept.fix_safe:
        kept = replace(kept, fix_safe=True)
    return kept


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
