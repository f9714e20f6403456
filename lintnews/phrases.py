"""Match lists of plain phrases fast: one Aho-Corasick automaton per list.

A phrase matches on word boundaries, any run of whitespace matching its spaces,
case-insensitively unless asked otherwise. Straight and curly apostrophes are
interchangeable, as news copy uses both.

Why not one big regex alternation: Python's ``re`` tries every alternative at
every position (the word-boundary lookbehinds defeat its literal-prefix
search), which made a few hundred phrases cost seconds per megabyte. The
automaton scans a "folded" copy of the text once (lower-cased, whitespace
runs collapsed to one space, apostrophes straightened); offsets are mapped
back to the original text.
"""
from __future__ import annotations

import bisect
import re

import ahocorasick

_APOSTROPHES = "'’"
_FOLD_TABLE = str.maketrans({"’": "'", "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
                             "\u00a0": " "})
_WHITESPACE_RUN = re.compile(r"\s{2,}|[^\S ]")


def normalize(phrase: str, ignorecase: bool = True) -> str:
    """The folded form of a phrase: single spaces, straight apostrophes, lower case."""
    folded = " ".join(phrase.replace("’", "'").split())
    return folded.lower() if ignorecase else folded


class Folded:
    """A text folded for matching, with the map back to original offsets."""

    __slots__ = ("text", "_points", "_shifts", "lower")

    def __init__(self, text: str):
        points, shifts, parts, pos, shift = [], [], [], 0, 0
        for m in _WHITESPACE_RUN.finditer(text):
            parts.append(text[pos:m.start()])
            parts.append(" ")
            shift += m.end() - m.start() - 1
            if m.end() - m.start() > 1:
                points.append(m.start() + 1 - (shift - (m.end() - m.start() - 1)))
                shifts.append(shift)
            pos = m.end()
        parts.append(text[pos:])
        folded = "".join(parts).translate(_FOLD_TABLE)
        self.text = folded
        self._points, self._shifts = points, shifts
        lower = folded.lower()
        # A few characters lower-case to two (İ): keep offsets aligned.
        self.lower = lower if len(lower) == len(folded) else "".join(c.lower()[0] for c in folded)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._points, offset) - 1
        return offset + (self._shifts[i] if i >= 0 else 0)


_last: tuple[str, Folded] | None = None


def fold(text: str) -> Folded:
    """Fold ``text``, reusing the last result: every rule reads the same document."""
    global _last
    last = _last  # read once: the LSP server lints from worker threads
    if last is None or last[0] is not text:
        last = _last = (text, Folded(text))
    return last[1]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class PhraseMatch:
    """A match, with the ``re.Match`` methods rule types use."""

    __slots__ = ("key", "folded", "fstart", "fend", "source")

    def __init__(self, key, folded, fstart, fend, source):
        self.key, self.folded, self.fstart, self.fend, self.source = key, folded, fstart, fend, source

    def start(self) -> int:
        return self.folded.to_original(self.fstart)

    def end(self) -> int:
        return self.folded.to_original(self.fend - 1) + 1

    def span(self, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        """Original offsets of ``key[lo:hi]`` within this match."""
        hi = len(self.key) if hi is None else hi
        return (self.folded.to_original(self.fstart + lo), self.folded.to_original(self.fstart + hi - 1) + 1)

    def group(self, *_):
        return self.source[self.start():self.end()]


class PhraseMatcher:
    """Finds any of a list of phrases; see the module docstring."""

    def __init__(self, phrases, ignorecase: bool = True):
        self.ignorecase = ignorecase
        self.automaton = ahocorasick.Automaton()
        for phrase in phrases:
            key = normalize(phrase, ignorecase)
            if key:
                self.automaton.add_word(key, key)
        self.automaton.make_automaton()
        self._cache = None

    def _all_matches(self, text: str):
        """Every word-bounded match in ``text``, in order of start (longest
        first at one start), overlapping ones included; cached for the last
        text, as rule types query one document sentence by sentence."""
        cached = self._cache
        if cached is not None and cached[0] is text:
            return cached[1], cached[2]
        folded = fold(text)
        haystack = folded.lower if self.ignorecase else folded.text
        found = []
        for last, key in self.automaton.iter(haystack):
            first = last - len(key) + 1
            if _is_word(key[0]) and first > 0:
                before = haystack[first - 1]
                if _is_word(before) or before in "'-":
                    continue
            if _is_word(key[-1]) and last + 1 < len(haystack):
                after = haystack[last + 1]
                if _is_word(after) or after == "'" or (
                        after == "-" and last + 2 < len(haystack) and _is_word(haystack[last + 2])):
                    continue
            found.append(PhraseMatch(key, folded, first, last + 1, text))
        found.sort(key=lambda m: (m.fstart, -m.fend))
        starts = [m.start() for m in found]
        self._cache = (text, found, starts)
        return found, starts

    def _matches(self, text: str, start: int = 0, end: int | None = None):
        found, starts = self._all_matches(text)
        end = len(text) if end is None else end
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            if found[i].end() <= end:
                yield found[i]

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Leftmost-longest, non-overlapping matches (like a regex alternation)."""
        reached = -1
        for m in self._matches(text, start, end):
            if m.fstart >= reached:
                reached = m.fend
                yield m

    def search(self, text: str, start: int = 0, end: int | None = None):
        """The first match in ``text[start:end]``, or None."""
        return next(self.finditer(text, start, end), None)


def compile_phrases(phrases: list[str], ignorecase: bool = True) -> PhraseMatcher | None:
    """A matcher for ``phrases``, or None when the list is empty."""
    phrases = [p for p in phrases if p.strip()]
    return PhraseMatcher(phrases, ignorecase) if phrases else None


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template``."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
