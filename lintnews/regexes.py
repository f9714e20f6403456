"""Regular expressions from packs, matched fast: a literal prefilter.

Python's ``re`` finds a pattern quickly only when the pattern starts with a
literal; a leading ``\\b``, a lookbehind or an alternation of words
(``(?i)\\b(?:clearly|obviously)\\s+[a-z]+ing\\b``) makes it try the whole
pattern at every position of the text, at some 100 ns a character. When every
match must start with one of a few literal strings (``clearly``,
``obviously``), ``fast`` finds those strings first (``str.find``, or an
Aho-Corasick automaton for many) and tries the pattern only there. The
matches are the very ones ``re`` finds, in the same order: the pattern is
tried at each candidate with ``Pattern.match(text, pos, endpos)``, which sees
the text before ``pos`` exactly as a search does (``\\b``, lookbehinds).

Case-insensitive patterns look for their prefixes in ``text.lower()``. That is
only sound where lower-casing keeps offsets and agrees with ``re``'s case
folding for ASCII letters; the three characters for which it does not are
listed in ``UNSAFE_FOR_LOWER``, and a text holding one is searched by ``re``
as before.
"""
from __future__ import annotations

import bisect
import re

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

#: Characters whose ``str.lower()`` changes the text's length (İ) or differs
#: from the ASCII letter ``re.IGNORECASE`` matches them to (ı ~ i, ſ ~ s).
#: ``tests/test_regexes.py`` checks this list against every code point.
UNSAFE_FOR_LOWER = frozenset("\u0130\u0131\u017f")
#: Give up on prefixes when a pattern would have more than this many.
MAX_PREFIXES = 256
#: Prefixes shorter than this are too common to save anything.
MIN_PREFIX = 2
#: Up to this many prefixes are found with ``str.find``; more with an automaton.
FIND_LIMIT = 6

_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)


def literal_prefixes(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with (lower
    case if the pattern ignores case), or None if there is no useful set."""
    if pattern.flags & re.LOCALE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled
        return None
    found, _ = _sequence(list(tree))
    if not found or min(map(len, found)) < MIN_PREFIX:
        return None
    if pattern.flags & re.IGNORECASE:
        if not all(p.isascii() for p in found):
            return None
        found = {p.lower() for p in found}
    return frozenset(found)


def _sequence(items) -> tuple[set[str], bool]:
    """Prefixes of a sequence of parsed items, and whether each prefix spans
    the whole sequence (so that what follows may extend it)."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        got = _item(op, av)
        if got is None:
            return out, False
        heads, complete = got
        longer = {a + b for a in out for b in heads}
        if len(longer) > MAX_PREFIXES:
            return out, False
        out = longer
        if not complete:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str], bool] | None:
    if op is _C.LITERAL:
        return {chr(av)}, True
    if op is _C.IN:
        if len(av) <= 8 and all(o is _C.LITERAL for o, _ in av):
            return {chr(c) for _, c in av}, True
        return None
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:  # (?i:...) inside: keep it simple
            return None
        return _sequence(list(sub))
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(av))
    if op is _C.BRANCH:
        heads, complete = set(), True
        for alternative in av[1]:
            sub, whole = _sequence(list(alternative))
            heads |= sub
            complete = complete and whole
        return (heads, complete) if len(heads) <= MAX_PREFIXES else None
    if op in _REPEATS:
        low, high, sub = av
        if low == 0:
            return None
        heads, whole = _sequence(list(sub))
        return heads, whole and low == high == 1
    return None


class FastPattern:
    """A pattern from a pack, compiled on first use (a pack from the cache
    may have many rules that never run), with a literal prefilter when it has
    one. ``finditer`` and ``search`` give what ``re`` gives; everything else
    is the compiled pattern's own."""

    __slots__ = ("source", "flags", "prefixes", "ignorecase", "_regex", "_automaton", "_last")

    def __init__(self, source: str, flags: int, prefixes: frozenset[str] | None, regex: re.Pattern | None = None):
        self.source, self.flags, self.prefixes = source, flags, prefixes
        self._regex = regex
        self.ignorecase = bool(regex.flags & re.IGNORECASE) if regex is not None else None
        self._automaton = None
        self._last = None  # (text, candidate offsets): rules query one text sentence by sentence

    @property
    def regex(self) -> re.Pattern:
        regex = self._regex
        if regex is None:
            regex = self._regex = re.compile(self.source, self.flags)
            self.ignorecase = bool(regex.flags & re.IGNORECASE)
        return regex

    def __getattr__(self, name):
        return getattr(self.regex, name)

    def __reduce__(self):
        return FastPattern, (self.source, self.flags, self.prefixes)

    def __repr__(self):
        return f"FastPattern({self.source!r}, {self.flags})"

    def _candidates(self, text: str) -> list[int] | None:
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        if self.ignorecase is None:
            self.regex  # noqa: B018 - compiles it, which tells whether it ignores case
        haystack = lowered(text) if self.ignorecase else text
        if haystack is None:
            found = None
        elif len(self.prefixes) <= FIND_LIMIT:
            found = set()
            for prefix in self.prefixes:
                i = haystack.find(prefix)
                while i >= 0:
                    found.add(i)
                    i = haystack.find(prefix, i + 1)
            found = sorted(found)
        else:
            automaton = self._automaton or self._build()
            found = sorted({end - len(key) + 1 for end, key in automaton.iter(haystack)})
        self._last = (text, found)
        return found

    def _build(self):
        import ahocorasick
        automaton = ahocorasick.Automaton()
        for prefix in self.prefixes:
            automaton.add_word(prefix, prefix)
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        end = len(string) if endpos is None else max(0, min(endpos, len(string)))
        candidates = self._candidates(string) if self.prefixes else None
        if candidates is None:
            return self.regex.finditer(string, pos, end)
        i = bisect.bisect_left(candidates, pos)
        if i == len(candidates) or candidates[i] >= end:
            return iter(())  # the common case when searching sentence by sentence
        return self._iter(string, candidates, i, end)

    def _iter(self, string, candidates, i, end):
        match = self.regex.match
        n = len(candidates)
        while i < n:
            at = candidates[i]
            if at >= end:
                return
            m = match(string, at, end)
            if m is None:
                i += 1
            else:
                yield m
                # Prefixes are not empty, so neither is a match: go past it.
                i = bisect.bisect_left(candidates, m.end(), i + 1)

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(string, pos, endpos), None)


def fast(regex: re.Pattern) -> FastPattern:
    """``regex`` with a literal prefilter when it has one."""
    return FastPattern(regex.pattern, regex.flags, literal_prefixes(regex), regex)


_last_lowered: tuple[str, str | None] | None = None


def lowered(text: str) -> str | None:
    """``text.lower()`` if its offsets and ASCII letters agree with ``re``'s
    case folding, else None; the last result is reused (every rule reads the
    same document)."""
    global _last_lowered
    last = _last_lowered  # read once: the LSP server lints from worker threads
    if last is None or last[0] is not text:
        unsafe = not text.isascii() and any(c in text for c in UNSAFE_FOR_LOWER)
        low = None if unsafe else text.lower()
        last = _last_lowered = (text, low)
    return last[1]
