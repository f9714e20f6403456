"""Direct quotations: where they are and, when named next to them, who speaks.

News style: double quotes (curly or straight) with single ones nested inside,
or the British way round; a quotation may run over several lines, and over
several paragraphs, each paragraph but the last left open and the next one
reopened with an opening mark. A single quote mark is also an apostrophe
("don't", "the '90s", "students' books"): it opens a quotation only where an
opening mark can stand (after a space or an opening bracket, before a
non-space, not an elision) and closes one only where a closing mark can (after
a non-space, before a space or punctuation).

Markup can mark quotations as well (a Markdown ``>`` block, HTML
``<blockquote>``): the parser passes those spans in ``Document.block_quotes``.
"""
from __future__ import annotations

import re

from .document import Document, Quote

_REPORTING = r"(?:said|says|say|told|added|adds|asked|asks|wrote|writes|explained|stated|declared|insisted|argued|warned|tweeted|posted|replied|noted|continued|recalled)"
_NAME = r"((?:[A-Z](?:\.|[\w'’-]*)\s+){0,4}[A-Z][\w'’-]*|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) [a-z-]+(?: [a-z-]+)?)"
_speaker_patterns = None  # compiled on first use: linting needs where quotations are, not who speaks


def _speaker_regexes():
    global _speaker_patterns
    if _speaker_patterns is None:
        _speaker_patterns = (
            re.compile(r"^[,\s]*(?:" + _REPORTING + r"\s+" + _NAME + r"|" + _NAME + r"\s+" + _REPORTING
                       + r"|(he|she|they)\s+" + _REPORTING + ")"),
            re.compile(_REPORTING),
            re.compile(_NAME + r"\s+" + _REPORTING + r"(?:\s+\w+){0,3}\s*[:,]?\s*$"),
        )
    return _speaker_patterns

DOUBLE_OPEN, DOUBLE_CLOSE = "“„«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘‹", "’›"
_BEFORE_OPENING = " \t\r\n([{—–-/“‘\"'«‹"
_AFTER_CLOSING = " \t\r\n.,;:!?)]}—–-”’\"'»›…"
# A mark before these is an apostrophe of elision, not an opening quote.
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|n\b|til\b|cause\b|tis\b|twas\b|bout\b)", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
_MARK = re.compile("[\"'“”„«»‘’‹›]")


def find_quotes(doc: Document) -> list[Quote]:
    """All quotations, outermost (``depth`` 0) and nested, sorted by start."""
    text = doc.text
    quotes = []
    for start, end, depth in quotation_spans(doc):
        speaker = _speaker(text, start, end) if depth == 0 else None
        quotes.append(Quote(start, end, speaker, depth))
    # A paragraph of a quotation that runs on has its speaker named at the end
    # of the quotation's last paragraph.
    outer = [q for q in quotes if q.depth == 0]
    for i in range(len(outer) - 2, -1, -1):
        q = outer[i]
        if q.speaker is None and text[q.end - 1] not in DOUBLE_CLOSE + SINGLE_CLOSE + "\"'":
            outer[i] = Quote(q.start, q.end, outer[i + 1].speaker, 0)
    nested = [q for q in quotes if q.depth > 0]
    return sorted(outer + nested, key=lambda q: (q.start, q.depth))


def quotation_spans(doc: Document) -> list[tuple[int, int, int]]:
    """``(start, end, depth)`` of every quotation, sorted by start (longest
    first); outermost ones (depth 0) never overlap. What ``find_quotes``
    gives, without the speakers: all that telling quoted text apart needs."""
    text = doc.text
    spans: list[tuple[int, int, int]] = []
    for para in doc.paragraphs:
        spans.extend(_scan(text, para.start, para.end))
    spans.extend((q.start, q.end, 0) for q in doc.block_quotes)
    return _nest(spans)


def _scan(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Quotations within one paragraph ``text[start:end]``."""
    found = []
    stack: list[tuple[str, int]] = []  # (kind: '"' or "'", offset of the opening mark)
    for m in _MARK.finditer(text, start, end):  # the marks only: a loop over every character is slow
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        can_open = prev in _BEFORE_OPENING and not nxt.isspace()
        can_close = not prev.isspace() and nxt in _AFTER_CLOSING
        if c in DOUBLE_CLOSE or (c == '"' and _open(stack, '"') and (can_close or not can_open)):
            if _open(stack, '"'):
                while stack[-1][0] != '"':
                    stack.pop()  # a single mark left open inside was an apostrophe
                found.append((stack.pop()[1], i + 1, len(stack)))
        elif c in DOUBLE_OPEN or (c == '"' and (can_open or not can_close)):
            # Quotations alternate double and single: a double mark inside
            # a double quotation is a typo, not a new one.
            if not stack or stack[-1][0] == "'":
                stack.append(('"', i))
        elif c in "’'›" and stack and stack[-1][0] == "'" and can_close:
            found.append((stack.pop()[1], i + 1, len(stack)))
        elif c in "‘'‹" and can_open and not _ELISION.match(text, i + 1) and not (stack and stack[-1][0] == "'"):
            stack.append(("'", i))
    # Marks left open at the end of the paragraph: a quotation running on into
    # the next paragraph if that one reopens it, or a curly opening mark (which
    # cannot be anything else); a straight mark alone is a stray.
    reopened = _next_paragraph_opens(text, end)
    for kind, pos in stack[:1]:
        if text[pos] in DOUBLE_OPEN + SINGLE_OPEN or reopened:
            found.append((pos, end, 0))
    return found


def _open(stack, kind: str) -> bool:
    return any(k == kind for k, _ in stack)


def _next_paragraph_opens(text: str, end: int) -> bool:
    m = _PARAGRAPH_BREAK.match(text, end) or _PARAGRAPH_BREAK.search(text, end, end + 200)
    if not m:
        return False
    rest = text[m.end():m.end() + 2].lstrip()
    return bool(rest) and rest[0] in "\"'“‘„«"


def _nest(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Sort spans and give each its nesting depth; partly overlapping
    outermost spans are merged so that outermost spans never overlap."""
    out: list[list[int]] = []
    outer: list[int] | None = None
    for start, end, depth in sorted(spans, key=lambda s: (s[0], -s[1])):
        if outer is not None and start < outer[1]:
            if end <= outer[1]:
                out.append([start, end, max(depth, 1)])
            else:
                outer[1] = end
            continue
        outer = [start, end, 0]
        out.append(outer)
    return [tuple(s) for s in out]


def _speaker(text: str, start: int, end: int) -> str | None:
    speaker_after, reporting_verb, speaker_before = _speaker_regexes()
    m = speaker_after.match(text[end:end + 120])
    if m:
        return next(g for g in m.groups() if g)
    before = text[max(0, start - 120):start]
    # The search tries every position of ``before``; most quotations have no
    # reporting verb before them at all, which one quick scan tells.
    m = speaker_before.search(before) if reporting_verb.search(before) else None
    return m.group(1) if m else None
