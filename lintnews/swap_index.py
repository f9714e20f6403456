"""Wrong phrases found by their wrong word: the matcher of the ``idioms`` rule.

A list of idioms yields a hundred thousand wrong variants ("free [reign]",
"give up the [goat]"). An Aho-Corasick automaton over all of them took
longer to load or build than the rest of a cold start together, and most
texts hold none. So the variants are keyed by the one word that is wrong:
each of the text's words is looked up among those keys (a dict), and only a
word found there has its phrases checked, by comparing the words around that
use (most uses fail at once: no phrase of the word has those neighbours). In the cache the table is a mapped file
(``lintnews.mapped``): the wrong words, then every word's phrases as one text
read in place, so a cold start decodes only the phrases of the few words an
article holds, not all of them (megabytes; loading them whole took as long
as the rest of the rule).

Matching follows ``lintnews.phrases``: case-insensitive, on word boundaries,
any run of whitespace for a space, straight and curly apostrophes alike; a
hyphen between words counts as a space.
"""
from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Mapping
from functools import cached_property

from . import inflect, mapped
from .phrases import fold, normalize

_BRACKETED = re.compile(r"^(.*?)\[([^\[\]]+)\](.*)$")
#: Version of the serialised table.
FORMAT = 5
#: A phrase word that stands for any possessive ("bide one's time": my,
#: his, their...), and the words it stands for (``lintnews.inflect``'s).
ANY_POSSESSIVE = inflect.ANY_POSSESSIVE
POSSESSIVES = frozenset(inflect.POSSESSIVES)
#: The words whose phrases are kept grouped at once (a safety bound: all of
#: them take a few megabytes; 1,298 BBC articles meet 2,200 of 4,700).
PARSED_MAX = 8192


class SwapIndex:
    """{wrong word: its phrases}, each phrase "before\\tafter\\tfix" on a line
    (the words before and after the wrong one, and the right word); and the
    right two-word phrases that hold a wrong word: a wrong word that forms
    one with its neighbour is right where it stands ("laid bare the cost" is
    no "bear the cost")."""

    def __init__(self, table: Mapping[str, str], right_pairs: frozenset | None = None,
                 read_pairs=None):
        self.table = table
        # the words to intersect with an article's: a dict, looked up in C
        self._words = table.index if isinstance(table, _MappedTable) else table
        if right_pairs is not None:
            self.right_pairs = right_pairs
        self._read_pairs = read_pairs
        self._parsed: dict[str, tuple[dict, dict]] = {}

    @cached_property
    def right_pairs(self) -> frozenset:
        """Read from the mapped file when first needed: only a text with a
        wrong phrase in it needs them."""
        return frozenset(self._read_pairs()) if self._read_pairs else frozenset()

    def __len__(self) -> int:
        return sum(v.count("\n") + v.count(_GROUP) + 1 for v in self.table.values())

    @classmethod
    def from_swap(cls, swap: dict[str, str], right: tuple = ()) -> "SwapIndex":
        """From {"words [wrong] words": right word} and the right phrases."""
        table: dict[str, list[str]] = {}
        for key, right_word in swap.items():
            before, wrong, after = _BRACKETED.match(key).groups()
            table.setdefault(normalize(wrong), []).append(
                f"{normalize(before)}\t{normalize(after)}\t{right_word}")
        pairs = frozenset(p for p in map(normalize, right)
                          if p.count(" ") == 1 and any(w in table for w in p.split(" ")))
        return cls({w: _grouped(lines) for w, lines in table.items()}, pairs)

    def dumps(self) -> bytes:
        """The mapped file: the wrong words (header), each one's phrases as
        UTF-8 text with their offsets, and the right pairs."""
        words = tuple(self.table)
        texts = [self.table[w].encode() for w in words]
        offsets = array("q", itertools.accumulate((len(t) for t in texts), initial=0))
        return mapped.dumps((FORMAT, words), [
            ("q", offsets.tobytes()), ("B", b"".join(texts)),
            ("B", "\n".join(sorted(self.right_pairs)).encode())])

    @classmethod
    def loads(cls, data: bytes) -> "SwapIndex | None":
        """From ``dumps``'s bytes; None for anything else (a stale or
        damaged cache file)."""
        try:
            return cls._read(mapped.Mapped(data))
        except (ValueError, EOFError, TypeError):
            return None

    @classmethod
    def open(cls, path) -> "SwapIndex | None":
        """``loads`` over the file mapped in place (raises ``OSError``)."""
        try:
            return cls._read(mapped.Mapped.open(path))
        except (ValueError, EOFError, TypeError):
            return None  # an empty or damaged file (mmap refuses an empty one)

    @classmethod
    def _read(cls, found: "mapped.Mapped") -> "SwapIndex | None":
        try:
            version, words = found.meta
        except (TypeError, ValueError):
            return None
        if version != FORMAT or not isinstance(words, tuple) or \
                len(found.view(0)) != len(words) + 1:
            return None

        def read_pairs():
            text = found.section_bytes(2).decode()
            return text.split("\n") if text else ()

        return cls(_MappedTable(words, found), read_pairs=read_pairs)

    def _phrases(self, word: str) -> tuple[dict, dict]:
        """The phrases of ``word`` grouped by the word right before it, and
        (those with nothing before) by the word right after it, each group
        one string of lines: a use of a common word is then checked against
        a few phrases, not thousands. The groups are made when the index is
        built (``_grouped``): reading them is two splits, not a pass over
        every line (a cold start meets a hundred such words)."""
        found = self._parsed.get(word)
        if found is None:
            if len(self._parsed) >= PARSED_MAX:
                self._parsed.clear()  # bounded memory over an archive of any size
            before_keys, after_keys, body = self.table[word].split(_KEYS, 2)
            groups = body.split(_GROUP)
            prev = before_keys.split(" ") if before_keys else []
            found = self._parsed[word] = (
                dict(zip(prev, groups)),
                dict(zip(after_keys.split(" ") if after_keys else [], groups[len(prev):])))
        return found

    def finditer(self, text: str):
        """(start, end, right word) of each wrong word in ``text`` whose
        phrase surrounds it, in text order."""
        folded = fold(text)
        bounded = folded.bounded(True)  # " words ": a space on each side of every word
        # Split on single spaces, so that words apart by more (punctuation
        # was there) have an empty word between them and do not match. A
        # hyphen joins the words of a phrase written as a compound
        # ("pedal-to-the-medal"): it splits like a space, keeping offsets,
        # but a phrase must not end inside a compound ("goat-herd").
        split = bounded.replace("-", " ")
        tokens = split.split(" ")
        words, parsed = self._words, self._parsed
        candidates = [i for i, t in enumerate(tokens) if t in words]
        if not candidates:
            return []
        starts: list[int] = []

        def start(i: int) -> int:
            """Where token i starts in ``bounded``: after i spaces and the
            tokens before it (summed on first need: most texts never get
            this far)."""
            if not starts:
                starts.extend(itertools.accumulate(map(len, tokens), initial=0))
            return starts[i] + i

        def whole(first: int, last: int) -> bool:
            end = start(last) + len(tokens[last])
            return (first == 0 or bounded[start(first) - 1] != "-") and \
                (end >= len(bounded) or bounded[end] != "-")

        out = []
        for i in candidates:
            by_prev, by_next = parsed.get(tokens[i]) or self._phrases(tokens[i])
            prev, next_ = tokens[i - 1], tokens[i + 1]
            groups = [by_prev.get(prev), by_next.get(next_)]
            if prev in POSSESSIVES:
                groups.append(by_prev.get(ANY_POSSESSIVE))
            if next_ in POSSESSIVES:
                groups.append(by_next.get(ANY_POSSESSIVE))
            if not any(groups):
                continue  # most uses: no phrase of the word has these neighbours
            right = _match(tokens, i, whole, *groups)
            if right is not None and not self._in_right_pair(tokens, i):
                b = start(i)  # the word's first character in bounded; folded index b - 1
                out.append((folded.to_original(b - 1),
                            folded.to_original(b + len(tokens[i]) - 2) + 1, right))
        return out


    def _in_right_pair(self, tokens: list[str], i: int) -> bool:
        pairs = self.right_pairs
        return bool(pairs) and (f"{tokens[i - 1]} {tokens[i]}" in pairs
                                or f"{tokens[i]} {tokens[i + 1]}" in pairs)


class _MappedTable(Mapping):
    """{wrong word: its phrases} over a mapped file: the words are a dict
    (an article's words are intersected with them), a word's phrases are
    decoded when the word is met."""

    def __init__(self, words: tuple, found: "mapped.Mapped"):
        self.index = dict(zip(words, range(len(words))))
        self._offsets = found.view(0)
        self._found = found

    def __contains__(self, word) -> bool:
        return word in self.index

    def __getitem__(self, word: str) -> str:
        i = self.index[word]
        return self._found.slice(1, self._offsets[i], self._offsets[i + 1]).decode()

    def __iter__(self):
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


def _match(tokens: list[str], i: int, whole, *groups) -> str | None:
    """The right word of the first phrase in ``groups`` (strings of lines)
    around token ``i`` whose words ``whole(first, last)`` accepts."""
    for group in groups:
        if group:
            for line in group.split("\n"):
                before, after, right = line.split("\t")
                first = last = i
                if before:
                    words = before.split(" ")
                    first = i - len(words)
                    if first < 0 or not _same(tokens[first:i], words):
                        continue
                if after:
                    words = after.split(" ")
                    last = i + len(words)
                    if not _same(tokens[i + 1:last + 1], words):
                        continue
                if whole(first, last):
                    return right
    return None


#: Separators of a word's phrase text: its keys, then its groups of lines.
_KEYS, _GROUP = "\x1f", "\x1e"


def _grouped(lines: list[str]) -> str:
    """A word's phrase lines ("before\tafter\tfix") as stored: the words
    before it that end a phrase's first part, the words after it that start
    the second part of those with no first part, then each one's lines."""
    by_prev: dict[str, list] = {}
    by_next: dict[str, list] = {}
    for line in lines:
        before, after, _ = line.split("\t")
        if before:
            by_prev.setdefault(before.rsplit(" ", 1)[-1], []).append(line)
        else:
            by_next.setdefault(after.split(" ", 1)[0], []).append(line)
    groups = ["\n".join(v) for v in by_prev.values()] + ["\n".join(v) for v in by_next.values()]
    return _KEYS.join([" ".join(by_prev), " ".join(by_next), _GROUP.join(groups)])


def _same(tokens: list[str], words: list[str]) -> bool:
    """Whether ``tokens`` are the phrase's ``words``, ``one's`` matching any
    possessive."""
    return tokens == words or (len(tokens) == len(words) and all(
        t == w or (w == ANY_POSSESSIVE and t in POSSESSIVES) for t, w in zip(tokens, words)))
