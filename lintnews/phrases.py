"""Compile lists of plain phrases into fast word-bounded matchers.

A phrase matches on word boundaries, any run of whitespace matching its spaces,
case-insensitively unless asked otherwise. Straight and curly apostrophes are
interchangeable, as news copy uses both.
"""
from __future__ import annotations

import re

_APOSTROPHES = "'’"


def phrase_pattern(phrase: str) -> str:
    """Regex source for one phrase (no boundaries)."""
    parts = []
    for word in phrase.split():
        parts.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word))
    return r"\s+".join(parts)


def bounded(source: str, phrase: str) -> str:
    """Add word boundaries where the phrase starts or ends with a word character."""
    left = r"(?<![\w'’-])" if phrase[:1].isalnum() or phrase[:1] == "_" else ""
    right = r"(?![\w'’]|-\w)" if phrase[-1:].isalnum() or phrase[-1:] == "_" else ""
    return left + source + right


def compile_phrases(phrases: list[str], ignorecase: bool = True) -> re.Pattern | None:
    """One regex matching any of ``phrases`` (longest first)."""
    if not phrases:
        return None
    ordered = sorted(set(phrases), key=len, reverse=True)
    alternation = "|".join(bounded(phrase_pattern(p), p) for p in ordered)
    return re.compile(alternation, re.IGNORECASE if ignorecase else 0)


def normalize(matched: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces, straight apostrophes."""
    return " ".join(matched.replace("’", "'").lower().split())


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template``."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
