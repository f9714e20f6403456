"""Direct quotations: where they are and, when named next to them, who speaks.

News style: curly or straight double quotes; single quotes nest inside double
ones; a quotation running over several paragraphs leaves its closing mark off
at each paragraph end and reopens the next paragraph with an opening mark.
"""
from __future__ import annotations

import re

from .document import Document, Quote

OPEN, CLOSE = "“„«", "”»"
_REPORTING = r"(?:said|says|say|told|added|adds|asked|asks|wrote|writes|explained|stated|declared|insisted|argued|warned|tweeted|posted|replied|noted|continued|recalled)"
_NAME = r"((?:[A-Z](?:\.|[\w'’-]*)\s+){0,4}[A-Z][\w'’-]*|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) [a-z-]+(?: [a-z-]+)?)"
_SPEAKER_AFTER = re.compile(r"^[,\s]*(?:" + _REPORTING + r"\s+" + _NAME + r"|" + _NAME + r"\s+" + _REPORTING + r"|(he|she|they)\s+" + _REPORTING + ")")
_SPEAKER_BEFORE = re.compile(_NAME + r"\s+" + _REPORTING + r"(?:\s+\w+){0,3}\s*[:,]?\s*$")


def _close_paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph holding ``pos``."""
    m = re.compile(r"\n[ \t\r]*\n").search(text, pos)
    return m.start() if m else len(text)


def find_quotes(doc: Document) -> list[Quote]:
    text = doc.text
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in OPEN or c == '"':
            closer = '"' if c == '"' else ("»" if c == "«" else "”")
            para_end = _close_paragraph_end(text, i)
            j = text.find(closer, i + 1, para_end)
            if c == '"' and j < 0:
                i += 1  # a stray straight quote (inch mark, typo): not a quotation
                continue
            end = para_end if j < 0 else j + 1
            if end > i + 1:
                spans.append((i, end))
            i = end
            continue
        i += 1
    return [Quote(s, e, _speaker(text, s, e)) for s, e in spans]


def _speaker(text: str, start: int, end: int) -> str | None:
    m = _SPEAKER_AFTER.match(text[end:end + 120])
    if m:
        return next(g for g in m.groups() if g)
    m = _SPEAKER_BEFORE.search(text[max(0, start - 120):start])
    return m.group(1) if m else None
