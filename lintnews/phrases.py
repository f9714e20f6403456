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

A short run (an article or two) does not load that automaton at all: it
would cost more than the scans save. The first ``AUTOMATON_AFTER`` characters
are matched word by word instead (``_SharedIndex._scan_by_words``), with the
same matches.
"""
from __future__ import annotations

import bisect
import itertools
import re
import threading
import weakref

import ahocorasick

_APOSTROPHES = "'’"
# Whitespace to fold into one space: runs of two or more characters and single
# whitespace characters other than a space. Two patterns that start with a
# literal or a class, which ``re`` scans for quickly, instead of one alternation.
_RUN_FROM_SPACE = re.compile(r" \s+")
_RUN_FROM_OTHER = re.compile(r"[^\S ]\s*")
# Spaces map to themselves: leaving them out saves a replacement per word.
_NOT_PHRASE_CHAR = re.compile(r"[^\w' -]")
_PLAIN_KEY = re.compile(r"\w(?:[\w' -]*\w)?")
# ``_NOT_PHRASE_CHAR.sub(" ", ...)`` of ASCII text as a bytes.translate table
# (for ASCII, ``\w`` is letters, digits and the underscore), and the same
# lower-casing letters.
_ASCII_BOUNDED = bytes(c if chr(c).isalnum() or chr(c) in "_' -" else 32 for c in range(128)) + b" " * 128
_ASCII_BOUNDED_LOWER = _ASCII_BOUNDED.translate(bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz"))
#: Texts are matched word by word until this many characters have been
#: scanned, then with the shared automaton: loading it (some 25 ms for the
#: default packs) costs what matching half a dozen articles word by word does.
AUTOMATON_AFTER = 30_000


def normalize(phrase: str, ignorecase: bool = True) -> str:
    """The folded form of a phrase: single spaces, straight apostrophes, lower case."""
    folded = " ".join(phrase.replace("’", "'").split())
    return folded.lower() if ignorecase else folded


class Folded:
    """A text folded for matching, with the map back to original offsets."""

    __slots__ = ("text", "_points", "_shifts", "lower", "_bounded", "_lowers_char_by_char")

    def __init__(self, text: str):
        points, shifts, parts, pos, shift = [], [], [], 0, 0
        for start, end in _whitespace_runs(text):
            parts.append(text[pos:start])
            parts.append(" ")
            if end - start > 1:
                points.append(start + 1 - shift)
                shift += end - start - 1
                shifts.append(shift)
            pos = end
        parts.append(text[pos:])
        # Every whitespace character is a space by now: only apostrophes are left to fold.
        folded = "".join(parts).replace("’", "'")
        self.text = folded
        self._points, self._shifts = points, shifts
        lower = folded.lower()
        # A few characters lower-case to two (İ): keep offsets aligned.
        self.lower = lower if len(lower) == len(folded) else "".join(c.lower()[0] for c in folded)
        # Whether ``lower`` is the text lower-cased character by character:
        # same length, no final sigma (which depends on its neighbours).
        self._lowers_char_by_char = len(lower) == len(folded) and (folded.isascii() or "Σ" not in folded)
        self._bounded = {}

    def bounded(self, ignorecase: bool) -> str:
        """The folded text padded with a space at each end and with every
        character that cannot be part of a phrase (not a word character,
        apostrophe or hyphen) turned into a space, so that a phrase padded
        with spaces matches exactly where it stands on word boundaries."""
        found = self._bounded.get(ignorecase)
        if found is None:
            if self.text.isascii():  # most copy: one C pass, no regex
                table = _ASCII_BOUNDED_LOWER if ignorecase else _ASCII_BOUNDED
                found = " " + self.text.encode("ascii").translate(table).decode("ascii") + " "
            elif ignorecase and self._lowers_char_by_char:
                # Lower-casing keeps every character a phrase character or not
                # (tests/test_phrases.py checks each code point): no second pass.
                found = self.bounded(False).lower()
            else:
                base = self.lower if ignorecase else self.text
                found = " " + _NOT_PHRASE_CHAR.sub(" ", base) + " "
            self._bounded[ignorecase] = found
        return found

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._points, offset) - 1
        return offset + (self._shifts[i] if i >= 0 else 0)


def _whitespace_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the whitespace runs to fold, in order."""
    spans = [m.span() for m in _RUN_FROM_OTHER.finditer(text)]
    if spans or "  " in text:  # else the only runs are of spaces
        spans += [m.span() for m in _RUN_FROM_SPACE.finditer(text)]
        spans.sort()
    runs: list[tuple[int, int]] = []
    for start, end in spans:
        if runs and start < runs[-1][1]:  # " \n " and its tail "\n ": one run
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


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


class _SharedIndex:
    """One automaton for the plain phrases of every live matcher, so a text is
    scanned once however many rules read it ("one pass for all rules")."""

    def __init__(self):
        self.matchers = weakref.WeakSet()
        self.automata = None  # ({ignorecase: automaton}, {(ignorecase, key): owner ids}); None: rebuild
        self.last = None      # (text, {id(matcher): [PhraseMatch]})
        self.lock = threading.Lock()
        self.scanned = 0      # characters matched word by word so far

    def add(self, matcher) -> None:
        with self.lock:
            self.matchers.add(matcher)
            self.automata, self.last = None, None

    def _build(self):
        """The automata (one per case mode), and an empty map of each key's
        owners: filled as keys are found (a text holds a few; making it for
        every key of every pack cost a cold start some 20 ms)."""
        keys: dict[bool, set[str]] = {}
        for matcher in list(self.matchers):
            keys.setdefault(matcher.ignorecase, set()).update(matcher.plain_keys)
        return {ignorecase: _automaton(found) for ignorecase, found in keys.items()}, {}

    def _owners(self, owners: dict, ignorecase: bool, key: str) -> tuple:
        found = owners.get((ignorecase, key))
        if found is None:
            found = owners[ignorecase, key] = tuple(
                id(m) for m in list(self.matchers) if m.ignorecase == ignorecase and key in m.plain_keys)
        return found

    def scan(self, text: str) -> dict:
        last = self.last
        if last is not None and last[0] is text:
            return last[1]
        built = self.automata
        if built is None and self.scanned + len(text) <= AUTOMATON_AFTER:
            self.scanned += len(text)
            found = self._scan_by_words(fold(text), text)
            self.last = (text, found)
            return found
        if built is None:
            with self.lock:
                built = self.automata = self.automata or self._build()
        automata, owners = built
        folded = fold(text)
        found: dict[int, list] = {}
        for ignorecase, automaton in automata.items():
            # In the padded text, " key " ends at index ``end``: the key
            # itself spans folded offsets [end - len(key) - 1, end - 1).
            for end, key in automaton.iter(folded.bounded(ignorecase)):
                match = PhraseMatch(key, folded, end - len(key) - 1, end - 1, text)
                for owner in self._owners(owners, ignorecase, key):
                    found.setdefault(owner, []).append(match)
        self.last = (text, found)
        return found

    def _scan_by_words(self, folded: Folded, text: str) -> dict:
        """What ``scan`` finds, without the automaton: a phrase padded with
        spaces occurs in the bounded text exactly where a run of as many of
        its words, split at single spaces, equals it. So every run of up to
        ``RUN_WORDS`` words is made (in C: ``map``, ``zip``, ``join``) and
        each matcher's phrases are intersected with them (a set intersection
        walks the smaller set); the few longer phrases are searched for."""
        matchers = list(self.matchers)
        found: dict[int, list] = {}
        for ignorecase in {m.ignorecase for m in matchers}:
            runs = _Runs(folded.bounded(ignorecase))
            for matcher in matchers:
                if matcher.ignorecase != ignorecase:
                    continue
                keys = matcher.plain_keys.intersection(runs.all)
                keys.update(key for key in matcher.long_keys if f" {key} " in runs.bounded)
                for key in keys:
                    found.setdefault(id(matcher), []).extend(
                        PhraseMatch(key, folded, start, start + len(key), text) for start in runs.starts(key))
        return found


#: Phrases of up to this many words are found by ``_Runs`` (nearly all: the
#: default packs have a few hundred longer ones, of tens of thousands).
RUN_WORDS = 4


class _Runs:
    """The runs of 1 to ``RUN_WORDS`` words of a bounded text (split at each
    space, so a run across two spaces holds an empty word and matches no
    phrase)."""

    def __init__(self, bounded: str):
        self.bounded = bounded
        words = bounded.split(" ")
        self._by_length = [list(map(" ".join, zip(*(words[k:] for k in range(n)))))
                           for n in range(1, RUN_WORDS + 1)]
        self.all = set().union(*self._by_length)
        self._words = words
        self._ends: list[int] | None = None

    def starts(self, key: str):
        """Folded offsets of the key's occurrences."""
        n = key.count(" ")
        if n >= RUN_WORDS:  # a long phrase: found in the bounded text
            at = self.bounded.find(f" {key} ")
            while at >= 0:
                yield at
                at = self.bounded.find(f" {key} ", at + 1)
            return
        if self._ends is None:  # the lengths of the words up to each, made in C
            self._ends = list(itertools.accumulate(map(len, self._words), initial=0))
        runs = self._by_length[n]
        i = runs.index(key)
        while True:
            # word i starts after i spaces and i words; the folded text lacks the first space
            yield self._ends[i] + i - 1
            try:
                i = runs.index(key, i + 1)
            except ValueError:
                return


_INDEX = _SharedIndex()


def _automaton(keys: list[str]):
    """An automaton finding each key padded with spaces (see ``scan``).
    Building one of the default packs' thousands of phrases is a good part
    of a cold start, so it is kept in the user cache, keyed by the code and
    the phrases (loading it takes a fraction of the time)."""
    from . import cache
    keys = sorted(keys)
    # Keys hold no line breaks (normalize folds white space to spaces).
    name = f"phrases-{cache.digest(cache.code_fingerprint(), chr(10).join(keys))[:40]}.pickle"
    automaton = cache.read_pickle(name)
    if isinstance(automaton, ahocorasick.Automaton):
        return automaton
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(f" {key} ", key)
    automaton.make_automaton()
    cache.write_pickle(name, automaton)
    return automaton


class PhraseMatcher:
    """Finds any of a list of phrases; see the module docstring."""

    def __init__(self, phrases, ignorecase: bool = True):
        self.ignorecase = ignorecase
        # Phrases of word characters, apostrophes, hyphens and spaces that
        # start and end with a word character (nearly all) go to the shared
        # index, which finds them in the bounded text padded with spaces: no
        # boundary checks in Python. The rest get an automaton of their own.
        self.plain_keys: set[str] = set()
        self.other = ahocorasick.Automaton()
        for phrase in phrases:
            key = normalize(phrase, ignorecase)
            if key == phrase:
                key = phrase  # one string object, pickled once into the pack cache
            if _PLAIN_KEY.fullmatch(key):
                self.plain_keys.add(key)
            elif key:
                self.other.add_word(key, key)
        if len(self.other):
            self.other.make_automaton()
        self.long_keys = _long_keys(self.plain_keys)
        if self.plain_keys:
            _INDEX.add(self)
        self._cache = None

    def __getstate__(self):
        return {"ignorecase": self.ignorecase, "plain_keys": self.plain_keys, "other": self.other,
                "long_keys": self.long_keys}

    def __setstate__(self, state):
        """Unpickled (from the pack cache): join the shared index again."""
        self.__dict__.update(state)
        if "long_keys" not in state:  # pickled by an older version
            self.long_keys = _long_keys(self.plain_keys)
        self._cache = None
        if self.plain_keys:
            _INDEX.add(self)

    def _all_matches(self, text: str):
        """Every word-bounded match in ``text``, in order of start (longest
        first at one start), overlapping ones included; cached for the last
        text, as rule types query one document sentence by sentence."""
        cached = self._cache
        if cached is not None and cached[0] is text:
            return cached[1], cached[2]
        found = list(_INDEX.scan(text).get(id(self), ())) if self.plain_keys else []
        if len(self.other):
            found += self._other_matches(fold(text), text)
        found.sort(key=lambda m: (m.fstart, -m.fend))
        starts = [m.start() for m in found]
        self._cache = (text, found, starts)
        return found, starts

    def _other_matches(self, folded, text):
        haystack = folded.lower if self.ignorecase else folded.text
        for last, key in self.other.iter(haystack):
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
            yield PhraseMatch(key, folded, first, last + 1, text)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Leftmost-longest, non-overlapping matches (like a regex alternation)."""
        found, starts = self._all_matches(text)
        end = len(text) if end is None else end
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if lo == hi:
            return iter(())  # most lists have no phrase in most texts: no generator
        return self._leftmost(found, lo, hi, end)

    @staticmethod
    def _leftmost(found, lo: int, hi: int, end: int):
        reached = -1
        for i in range(lo, hi):
            m = found[i]
            if m.end() <= end and m.fstart >= reached:
                reached = m.fend
                yield m

    def search(self, text: str, start: int = 0, end: int | None = None):
        """The first match in ``text[start:end]``, or None."""
        return next(self.finditer(text, start, end), None)


def _long_keys(keys) -> tuple:
    """The keys of more than ``RUN_WORDS`` words (see ``_scan_by_words``)."""
    return tuple(key for key in keys if key.count(" ") >= RUN_WORDS)


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
