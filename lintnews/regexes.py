"""Regular expressions from packs, matched fast: a literal prefilter.

Python's ``re`` finds a pattern quickly only when the pattern starts with a
literal; a leading ``\\b``, a lookbehind or an alternation of words
(``(?i)\\b(?:clearly|obviously)\\s+[a-z]+ing\\b``) makes it try the whole
pattern at every position of the text, at some 100 ns a character. ``fast``
looks in the parsed pattern for literal strings every match must contain at a
known place, finds those strings (with one Aho-Corasick automaton for the
strings of all patterns) and tries the pattern only where a match can start:

* **prefixes**: every match starts with one of them (``clearly``,
  ``obviously``); a candidate is where one occurs (and, after a leading
  ``\\b``, is not inside a word);
* **anchors**: every match has one of them right after a *head* of bounded
  length or of characters from a known set (``\\b[A-Z][\\w'-]+ said``: the
  anchor `` said`` after a run of word characters); the candidates are the
  positions in the head's reach before each anchor.

The matches are the very ones ``re`` finds, in the same order: the pattern is
tried at each candidate with ``Pattern.match(text, pos, endpos)``, which sees
the text before ``pos`` exactly as a search does (``\\b``, lookbehinds).

Case-insensitive patterns look for their strings in ``text.lower()``. That is
only sound where lower-casing keeps offsets and agrees with ``re``'s case
folding; the three characters for which it does not are listed in
``UNSAFE_FOR_LOWER``, and a text holding one is searched by ``re`` as before.
Strings are then ASCII or made of characters without case (’, —).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

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
#: What ``\s`` matches: the characters for which ``str.isspace()`` is true
#: (checked against every code point by the tests).
SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" \
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
#: Give up on a set of strings larger than this.
MAX_PREFIXES = 256
#: Anchors shorter than this are too common to save anything.
MIN_ANCHOR = 3
#: A head longer than this (and not limited to a set of characters) is no use.
MAX_HEAD = 60
#: Up to this many strings are found with ``str.find``; more with an automaton.
FIND_LIMIT = 6
#: Looking back from an anchor over more than this many head characters, the
#: prefilter gives up on the text and ``re`` searches it.
MAX_BACK = 300

_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)
_CATEGORIES = {
    _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W", _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_NOT_SPACE: r"\S",
}


class Prefilter(NamedTuple):
    """Where a pattern's matches can start; see the module docstring."""
    strings: frozenset[str]
    #: Look for ``strings`` in the lower-cased text.
    lower: bool
    #: A match starts at a word boundary (a leading ``\b``).
    word_start: bool
    #: None: ``strings`` are prefixes. Otherwise ``(least, most, head)``: a
    #: match starts ``least`` to ``most`` characters before an anchor, over
    #: characters matching ``head`` (a one-character pattern; None: any).
    head: tuple | None = None


def literal_prefixes(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with (lower
    case if the pattern ignores case), or None if there is no useful set."""
    found = prefilter(pattern)
    return found.strings if found is not None and found.head is None else None


def prefilter(pattern: re.Pattern) -> Prefilter | None:
    """The best prefilter for ``pattern``, or None."""
    if pattern.flags & re.LOCALE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled
        return None
    items = list(tree)
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    best = None
    strings = _usable(_sequence(items)[0], ignorecase, anchor=False)
    if strings is not None:
        best = Prefilter(strings, ignorecase, _word_start(items, strings, pattern.flags))
    # An anchor further in wins over short prefixes ("is", "was": everywhere)
    # when its strings are clearly longer, so rarer.
    need = min(map(len, best.strings)) + 2 if best else 0
    for k in range(1, len(items)):
        if all(op in _ZERO_WIDTH for op, _ in items[:k]):
            continue
        strings = _usable(_sequence(items[k:])[0], ignorecase, anchor=True)
        if strings is None or min(map(len, strings)) < need:
            continue
        head = _parser.SubPattern(tree.state, items[:k])
        # plain ints: some Pythons (3.11.2) give re's MAXREPEAT constant,
        # which cannot be pickled, and a compiled pack must be
        least, most = map(int, head.getwidth())
        chars = _one_of(items[:k])
        if chars is None and most > MAX_HEAD:
            continue
        keep = pattern.flags & (re.IGNORECASE | re.DOTALL | re.ASCII)
        best = Prefilter(strings, ignorecase, False,
                         (least, min(most, MAX_HEAD) if chars is None else most,
                          None if chars is None else re.compile(chars, keep).pattern))
        need = min(map(len, strings)) + 1
    return best


def _usable(strings: set[str], ignorecase: bool, anchor: bool) -> frozenset[str] | None:
    """``strings`` if they make a prefilter worth having: short ones are too
    common (one character only if it is no lower-case letter or space, and
    anchors at least ``MIN_ANCHOR`` long), and a case-insensitive search can
    only look for ASCII and characters without case in the lower-cased text."""
    if not strings or len(strings) > MAX_PREFIXES:
        return None
    shortest = min(map(len, strings))
    if anchor and shortest < MIN_ANCHOR:
        return None
    if shortest == 0 or any(len(s) == 1 and (s.islower() or s.isspace() or ignorecase and s.isalpha())
                            for s in strings):
        return None
    if ignorecase:
        if not all(c.isascii() or c.lower() == c == c.upper() for s in strings for c in s):
            return None
        strings = {s.lower() for s in strings}
    return frozenset(strings)


_END_ANCHORS = {_C.AT_END, _C.AT_END_STRING, _C.AT_END_LINE}
_end_sensitive: dict = {}


def end_sensitive(pattern) -> bool:
    """Whether matches of ``pattern`` may depend on where the searched text
    ends (``endpos``): it has ``$``, ``\\Z`` or a lookahead. Phrase matchers
    do not."""
    if isinstance(pattern, FastPattern):
        return pattern.looks_ahead
    source, flags = getattr(pattern, "source", None), getattr(pattern, "flags", 0)
    if source is None:
        source = getattr(pattern, "pattern", None)
    if not isinstance(source, str):
        return False
    key = (source, flags)
    found = _end_sensitive.get(key)
    if found is None:
        try:
            found = _looks_ahead(list(_parser.parse(source, flags)))
        except re.error:  # pragma: no cover - it compiled
            found = True
        _end_sensitive[key] = found
    return found


def _looks_ahead(items) -> bool:
    for op, av in items:
        if op is _C.AT and av in _END_ANCHORS:
            return True
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            if av[0] == 1:  # a lookahead (a lookbehind has direction -1)
                return True
            if _looks_ahead(list(av[1])):
                return True
        elif op is _C.SUBPATTERN:
            if _looks_ahead(list(av[3])):
                return True
        elif op is _C.BRANCH:
            if any(_looks_ahead(list(alternative)) for alternative in av[1]):
                return True
        elif op in _REPEATS:
            if _looks_ahead(list(av[2])):
                return True
        elif _ATOMIC is not None and op is _ATOMIC:
            if _looks_ahead(list(av)):
                return True
        elif op is getattr(_C, "GROUPREF_EXISTS", None):
            if any(branch is not None and _looks_ahead(list(branch)) for branch in av[1:]):
                return True
    return False


def _word_start(items, strings, flags) -> bool:
    """Whether a leading ``\\b`` (before any character is consumed) puts
    every match at a word boundary: then a candidate is only where the
    character before it is a word character exactly when its own is not."""
    if flags & re.ASCII:
        return False
    for op, av in items:
        if op not in _ZERO_WIDTH:
            return False
        if op is _C.AT and av is _C.AT_BOUNDARY:
            return True
    return False


_BOUNDARY = re.compile(r"\b")  # Pattern.match(text, pos): is there a word boundary at pos?


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


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
        if len(heads) > 8 and min(map(len, out)) >= MIN_ANCHOR:
            return out, False  # long enough: many more strings (a \s) would only slow the search
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
        chars = set()
        for kind, value in av:
            if kind is _C.LITERAL:
                chars.add(chr(value))
            elif kind is _C.CATEGORY and value is _C.CATEGORY_SPACE:
                chars.update(SPACES)
            elif kind is _C.CATEGORY and value is _C.CATEGORY_DIGIT:
                chars.update(_digits())
            else:
                return None
        return (chars, True) if len(chars) <= 40 or chars >= _digits() and len(chars) <= 1000 else None
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


_DIGITS: frozenset[str] | None = None


def _digits() -> frozenset[str]:
    """What ``\\d`` matches: every decimal digit, in any script."""
    global _DIGITS
    if _DIGITS is None:
        _DIGITS = frozenset(chr(c) for c in range(0x110000) if chr(c).isdecimal())
    return _DIGITS


def _one_of(items) -> str | None:
    """A character class matching any character the items can consume;
    None when that is (nearly) any character."""
    inner = _inner(items)
    return None if inner is None else "[" + "".join(sorted(set(inner))) + "]"


def _inner(items) -> list[str] | None:
    """The insides of a character class (``a``, ``a-z``, ``\\w``; each
    escaped, so they can be joined in any order) for what the items can
    consume."""
    parts: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _C.LITERAL:
            parts.append(re.escape(chr(av)))
            continue
        if op is _C.IN:
            sub = _class(av)
        elif op is _C.SUBPATTERN:
            sub = None if av[1] or av[2] else _inner(list(av[3]))
        elif _ATOMIC is not None and op is _ATOMIC:
            sub = _inner(list(av))
        elif op is _C.BRANCH:
            sub = []
            for alternative in av[1]:
                more = _inner(list(alternative))
                if more is None:
                    return None
                sub += more
        elif op in _REPEATS:
            sub = _inner(list(av[2]))
        else:  # any character, a back reference ...
            return None
        if sub is None:
            return None
        parts += sub
    return parts


def _class(av) -> list[str] | None:
    """A parsed character class's insides in regex syntax (None if negated:
    it would let nearly everything through)."""
    out = []
    for kind, value in av:
        if kind is _C.LITERAL:
            out.append(re.escape(chr(value)))
        elif kind is _C.RANGE:
            out.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _C.CATEGORY and value in _CATEGORIES and value not in (
                _C.CATEGORY_NOT_WORD, _C.CATEGORY_NOT_DIGIT, _C.CATEGORY_NOT_SPACE):
            out.append(_CATEGORIES[value])
        else:
            return None
    return out


class FastPattern:
    """A pattern from a pack, compiled on first use (a pack from the cache
    may have many rules that never run), with a prefilter when it has one.
    ``finditer`` and ``search`` give what ``re`` gives; everything else is
    the compiled pattern's own."""

    __slots__ = ("source", "flags", "prefilter", "looks_ahead", "_regex", "_compiled", "_run", "_last",
                 "_shared", "__weakref__")

    def __init__(self, source: str, flags: int, prefilter: Prefilter | None, looks_ahead: bool = True,
                 regex: re.Pattern | None = None, compiled: tuple | None = None):
        self.source, self.flags, self.prefilter = source, flags, prefilter
        #: Whether matches may depend on where the searched text ends (see ``end_sensitive``).
        self.looks_ahead = looks_ahead
        self._regex = regex
        # (pattern, head run) as the regex engine takes them (see ``engine_arguments``)
        self._compiled = compiled
        self._run = None
        self._last = None  # (text, candidate offsets): rules query one text sentence by sentence
        self._shared = False  # whether its strings are in the shared automaton yet

    @property
    def regex(self) -> re.Pattern:
        regex = self._regex
        if regex is None:
            regex = self._regex = from_engine_arguments(self._compiled and self._compiled[0],
                                                        self.source, self.flags)
        return regex

    @property
    def prefixes(self) -> frozenset[str] | None:
        pf = self.prefilter
        return pf.strings if pf is not None and pf.head is None else None

    def __getattr__(self, name):
        return getattr(self.regex, name)

    def __reduce__(self):
        # Pickled into the pack cache: with the regex engine's arguments, so
        # that a cold start does not parse and compile the pattern again.
        compiled = self._compiled
        if compiled is None:
            pf = self.prefilter
            run = pf is not None and pf.head is not None and pf.head[2] is not None
            compiled = (engine_arguments(self.source, self.flags),
                        engine_arguments(*self._run_pattern()) if run else None)
        return FastPattern, (self.source, self.flags, self.prefilter, self.looks_ahead, None, compiled)

    def __repr__(self):
        return f"FastPattern({self.source!r}, {self.flags})"

    def candidates(self, text: str) -> list[int] | None:
        """Sorted offsets where a match may start; None: anywhere."""
        return self._candidates(text) if self.prefilter is not None else None

    def _candidates(self, text: str) -> list[int] | None:
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        pf = self.prefilter
        haystack = lowered(text) if pf.lower else text
        found = None if haystack is None else self._find(haystack)
        if found is not None and pf.head is not None:
            found = self._heads(text, found)
        elif found is not None and pf.word_start:
            at_boundary = _BOUNDARY.match
            found = [p for p in found if at_boundary(text, p)]
        self._last = (text, found)
        return found

    def _find(self, haystack: str) -> list[int]:
        """Sorted offsets where one of the strings starts: one by one, or,
        for a pattern with many strings in a long run, from the automaton
        the patterns share (a pattern joins it on its first such scan)."""
        strings = self.prefilter.strings
        if len(strings) > FIND_LIMIT and _SHARED.use_automaton(haystack):
            if not self._shared:
                _SHARED.add(self)
                self._shared = True
            return _SHARED.scan(haystack, self.prefilter.lower).get(id(self), [])
        return _find_each(strings, haystack)

    def _run_pattern(self) -> tuple[str, int]:
        """A run of the head's characters (a class of letters under
        IGNORECASE compiles slowly: it is pickled precompiled too)."""
        return f"(?:{self.prefilter.head[2]})*", self.flags & (re.IGNORECASE | re.DOTALL | re.ASCII)

    def _heads(self, text: str, anchors: list[int]) -> list[int] | None:
        """Where matches can start: the positions a head's length and
        characters reach back from each anchor (None: too far, ask ``re``)."""
        least, most, chars = self.prefilter.head
        if chars is not None and self._run is None:
            source, flags = self._run_pattern()
            self._run = from_engine_arguments(self._compiled and self._compiled[1], source, flags)
        starts = set()
        for q in anchors:
            if q < least:
                continue
            lo = max(0, q - most)
            if chars is not None:
                back = text[max(0, q - MAX_BACK):q][::-1]  # the head's characters, read backwards
                n = self._run.match(back).end()
                if n == len(back) and q > MAX_BACK and q - most < q - n:
                    return None
                lo = max(lo, q - n)
            starts.update(range(lo, q - least + 1))
        return sorted(starts)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        end = len(string) if endpos is None else max(0, min(endpos, len(string)))
        candidates = self._candidates(string) if self.prefilter is not None else None
        if candidates is None:
            return self.regex.finditer(string, pos, end)
        i = bisect.bisect_left(candidates, pos)
        if i == len(candidates) or candidates[i] >= end:
            return iter(())  # the common case when searching sentence by sentence
        return self._iter(string, candidates, i, end)

    def finditer_local(self, string: str, pos: int = 0, endpos: int | None = None):
        """``finditer`` for a short part of a long text (a sentence): the
        prefilter's strings are looked for in ``string[pos:endpos]`` only,
        where ``finditer`` finds them in the whole text (and keeps them for
        the next search). A match lies within the part, and so does the
        string it holds."""
        end = len(string) if endpos is None else max(0, min(endpos, len(string)))
        pf = self.prefilter
        last = self._last
        if pf is None or (last is not None and last[0] is string):
            return self.finditer(string, pos, end)
        haystack = lowered(string) if pf.lower else string
        if haystack is None:
            return self.regex.finditer(string, pos, end)
        part = haystack[pos:end]
        found = set()
        for s in pf.strings:
            if s in part:
                i = part.find(s)
                while i >= 0:
                    found.add(pos + i)
                    i = part.find(s, i + 1)
        if not found:
            return iter(())
        candidates = sorted(found)
        if pf.head is not None:
            candidates = self._heads(string, candidates)
            if candidates is None:
                return self.regex.finditer(string, pos, end)
        elif pf.word_start:
            at_boundary = _BOUNDARY.match
            candidates = [p for p in candidates if at_boundary(string, p)]
        return self._iter(string, candidates, bisect.bisect_left(candidates, pos), end)

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
                # go past the match (past its position if it is empty, as re does)
                i = bisect.bisect_left(candidates, max(m.end(), at + 1), i + 1)

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(string, pos, endpos), None)


# Compiling a pattern is mostly Python code (the parser and the code
# generator of ``re._compiler``), about a millisecond for a pack's pattern;
# the C engine then builds it from a list of integers in microseconds. The
# pack cache keeps those arguments; its key holds the Python version (the
# code format is CPython's own), and anything amiss falls back to
# ``re.compile``.
def engine_arguments(source: str, flags: int) -> tuple | None:
    """The arguments ``re.compile(source, flags)`` passes to ``_sre.compile``
    (as ``re._compiler.compile`` computes them), or None."""
    try:
        from re import _compiler
        parsed = _parser.parse(source, flags)
        code = list(map(int, _compiler._code(parsed, flags)))  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return (source, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
    except Exception:  # another Python's internals: compile the usual way
        return None


def from_engine_arguments(arguments: tuple | None, source: str, flags: int) -> re.Pattern:
    """The pattern ``re.compile(source, flags)`` gives, built from
    ``engine_arguments`` when they are at hand."""
    if arguments is not None and arguments[0] == source:
        try:
            import _sre
            return _sre.compile(*arguments)
        except Exception:  # pragma: no cover - arguments of another Python
            pass
    return re.compile(source, flags)


def _find_each(strings, haystack: str) -> list[int]:
    """Sorted offsets where one of ``strings`` starts (overlaps included)."""
    found = set()
    for string in strings:
        i = haystack.find(string)
        while i >= 0:
            found.add(i)
            i = haystack.find(string, i + 1)
    return sorted(found)


#: Patterns with many strings look for them one by one until this many
#: characters have been searched, then with the shared automaton: building
#: it (some 5 ms for the default packs) costs what a few articles' searches do.
AUTOMATON_AFTER = 30_000


class _SharedStrings:
    """One Aho-Corasick automaton (per case mode) for the strings of every
    live pattern that has too many to look for one by one: a text is scanned
    once, not once per pattern. A short run (see ``AUTOMATON_AFTER``) does
    without it. A pattern joins on its first scan: patterns only ever
    matched at one place (an attribution rule's agent) or searched in a few
    sentences (its sources) would otherwise cost every text a hit at each of
    their strings ("by", ",")."""

    def __init__(self):
        import threading
        import weakref
        self.patterns = weakref.WeakSet()
        self.built = None  # {lower: automaton}, the automaton's values (len(string) - 1, (pattern ids))
        self.last = {}     # lower -> (haystack, {id(pattern): [offsets]}), for the last text
        self.lock = threading.Lock()
        self.searched = 0        # characters searched without the automaton
        self.counted = None      # the last haystack counted in ``searched``

    def add(self, pattern) -> None:
        with self.lock:
            self.patterns.add(pattern)
            self.built, self.last = None, {}

    def use_automaton(self, haystack: str) -> bool:
        """Whether to find the strings in ``haystack`` with the automaton."""
        if self.built is not None:
            return True
        if haystack is not self.counted:
            self.counted = haystack
            self.searched += len(haystack)
        return self.searched > AUTOMATON_AFTER

    def _build(self):
        import ahocorasick
        owners: dict[bool, dict[str, list]] = {}
        for pattern in list(self.patterns):
            for string in pattern.prefilter.strings:
                owners.setdefault(pattern.prefilter.lower, {}).setdefault(string, []).append(id(pattern))
        built = {}
        for lower, strings in owners.items():
            automaton = ahocorasick.Automaton()
            for string, ids in strings.items():
                automaton.add_word(string, (len(string) - 1, tuple(ids)))
            automaton.make_automaton()
            built[lower] = automaton
        return built

    def scan(self, haystack: str, lower: bool) -> dict:
        last = self.last.get(lower)
        if last is not None and last[0] is haystack:
            return last[1]
        built = self.built
        if built is None:
            with self.lock:
                built = self.built = self.built or self._build()
        result: dict[int, list] = {}
        if lower in built:
            automaton = built[lower]
            found: dict[int, list] = {}
            for end, (before, ids) in automaton.iter(haystack):
                for owner in ids:
                    starts = found.get(owner)
                    if starts is None:
                        found[owner] = [end - before]
                    else:
                        starts.append(end - before)
            result = {owner: sorted(set(starts)) for owner, starts in found.items()}
        self.last = {**self.last, lower: (haystack, result)}  # a new dict: other threads may read the old one
        return result


_SHARED = _SharedStrings()


def fast(regex: re.Pattern) -> FastPattern:
    """``regex`` with a prefilter when it has one."""
    return FastPattern(regex.pattern, regex.flags, prefilter(regex), end_sensitive(regex), regex)


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
