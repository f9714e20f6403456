"""Inline suppressions: comments in the linted file that silence findings.

Markdown and HTML use HTML comments, plain text uses lines starting with
``#`` (each parser collects its own comments, so a directive shown inside a
code block is not one)::

    <!-- lintnews-disable RULE[, RULE] -->   ... <!-- lintnews-enable [RULE] -->
    <!-- lintnews-disable-next-line [RULE] -->
    <!-- lintnews-disable-line [RULE] -->     (on the line it silences)
    <!-- lintnews-disable-file [RULE] -->

RULE is a rule id, a pack name or an id prefix; with none, all rules. A
reason may follow ``--``. "Next line" is the next line that is not blank.
A bare ``enable`` ends every open ``disable``; ``enable RULE`` ends
``disable RULE``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostic import Diagnostic
from .document import Comment, Document
from .packs import Rule, id_matches

DIRECTIVE = re.compile(
    r"^\s*lintnews-(disable-file|disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$", re.DOTALL)

UNUSED_SUPPRESSION = Rule(
    id="lintnews.unused-suppression", type="suppression", category="style", severity="warning",
    message="{match}", pack="lintnews", path="<built-in>", line=1,
    description=(
        "A suppression comment that silenced nothing in this run, or names a rule or pack that "
        "does not exist. Reported only with `--report-unused-suppressions`. Stale suppressions "
        "hide the findings of later edits: delete them. A suppression naming a rule that exists "
        "but is not selected in this run is not reported."),
    examples={"flag": ["<!-- lintnews-disable-next-line typos -->\nA clean sentence."],
              "pass": ["<!-- lintnews-disable-next-line typos -->\nThe death tool rose."]},
)


@dataclass
class Suppression:
    kind: str                # disable, disable-next-line, disable-line, disable-file
    rule: str | None         # a rule id, pack or prefix; None for all rules
    comment: Comment
    start: int = 0           # source offsets silenced (disable ... enable)
    end: int = 0
    lines: tuple[int, ...] = ()  # lines silenced (next-line, line)
    used: bool = False

    def covers(self, d: Diagnostic) -> bool:
        if self.rule is not None and not id_matches(d.rule, self.rule):
            return False
        if self.kind == "disable-file":
            return True
        if self.kind == "disable":
            return self.start <= d.start < self.end
        return d.line in self.lines

    @property
    def text(self) -> str:
        return " ".join(self.comment.body.split())


def parse(doc: Document) -> list[Suppression]:
    """The suppressions written in ``doc``'s comments."""
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for comment in doc.comments:
        m = DIRECTIVE.match(comment.body)
        if not m:
            continue
        kind = m.group(1)
        rules = [r for r in re.split(r"[,\s]+", m.group(2).split("--")[0]) if r] or [None]
        if kind == "enable":
            for s in list(open_ranges):
                if rules == [None] or s.rule in rules:
                    s.end = comment.start
                    open_ranges.remove(s)
            continue
        first_line, _ = doc.line_col(comment.start)
        last_line, _ = doc.line_col(comment.end)
        for rule in rules:
            s = Suppression(kind, rule, comment, start=comment.end, end=len(doc.source))
            if kind == "disable-line":
                s.lines = tuple(range(first_line, last_line + 1))
            elif kind == "disable-next-line":
                s.lines = (_next_text_line(doc, last_line),)
            elif kind == "disable":
                open_ranges.append(s)
            found.append(s)
    return found


def _next_text_line(doc: Document, line: int) -> int:
    last = doc.line_col(len(doc.source))[0]
    line += 1
    while line < last and not doc.line_text(line).strip():
        line += 1
    return line


def apply(doc: Document, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Suppression]]:
    """The diagnostics no suppression covers, and the suppressions (marked
    ``used`` when they silenced something)."""
    suppressions = parse(doc)
    if not suppressions:
        return diagnostics, suppressions
    kept = []
    for d in diagnostics:
        covering = [s for s in suppressions if s.covers(d)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(d)
    return kept, suppressions


def unused(doc: Document, suppressions: list[Suppression], active: list[str], known: list[str]) -> list[Diagnostic]:
    """Findings for suppressions that silenced nothing. ``active`` and
    ``known`` are the ids of the rules run and of all loaded rules."""
    out = []
    for s in suppressions:
        if s.used:
            continue
        if s.rule is not None and not any(id_matches(r, s.rule) for r in known):
            message = f"Suppression names no known rule or pack: {s.rule!r}"
        elif s.rule is None or any(id_matches(r, s.rule) for r in active):
            message = f"Unused suppression: 'lintnews-{s.kind}{' ' + s.rule if s.rule else ''}' silenced nothing"
        else:
            continue  # the rule exists but is not selected in this run
        out.append(_diagnostic(doc, s.comment, message))
    return out


def _diagnostic(doc: Document, comment: Comment, message: str) -> Diagnostic:
    line, column = doc.line_col(comment.start)
    end_line, end_column = doc.line_col(comment.end)
    rule = UNUSED_SUPPRESSION
    return Diagnostic(path=doc.path or "-", line=line, column=column, end_line=end_line,
                      end_column=end_column, start=comment.start, end=comment.end, rule=rule.id,
                      category=rule.category, severity=rule.severity, message=message,
                      matched=doc.source[comment.start:comment.end])
