"""Wrong phrases found by their wrong word: the matcher of the ``idioms`` rule.

A list of idioms yields a hundred thousand wrong variants ("free [reign]",
"give up the [goat]"). An Aho-Corasick automaton over all of them took
longer to load or build than the rest of a cold start together, and most
texts hold none. So the variants are keyed by the one word that is wrong:
the text's distinct words are intersected with those keys (a set operation
in C), and only a word in both has its phrases checked, by comparing the
words around each of its uses. The table is a dict of plain strings, which
``marshal`` loads in a few milliseconds.

Matching follows ``lintnews.phrases``: case-insensitive, on word boundaries,
any run of whitespace for a space, straight and curly apostrophes alike; a
hyphen between words counts as a space.
"""
from __future__ import annotations

import itertools
import marshal
import re

from .phrases import fold, normalize

_BRACKETED = re.compile(r"^(.*?)\[([^\[\]]+)\](.*)$")
#: Version of the serialised table.
FORMAT = 2
#: The words whose phrases are kept grouped at once (a safety bound: all of
#: them take a few megabytes; 1,298 BBC articles meet 2,200 of 4,700).
PARSED_MAX = 8192


class SwapIndex:
    """{wrong word: its phrases}, each phrase "before\\tafter\\tfix" on a line
    (the words before and after the wrong one, and the right word); and the
    right two-word phrases that hold a wrong word: a wrong word that forms
    one with its neighbour is right where it stands ("laid bare the cost" is
    no "bear the cost")."""

    def __init__(self, table: dict[str, str], right_pairs: frozenset = frozenset()):
        self.table = table
        self.right_pairs = right_pairs
        self._parsed: dict[str, tuple[dict, dict]] = {}

    def __len__(self) -> int:
        return sum(v.count("\n") + 1 for v in self.table.values())

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
        return cls({w: "\n".join(lines) for w, lines in table.items()}, pairs)

    def dumps(self) -> bytes:
        return marshal.dumps((FORMAT, self.table, self.right_pairs))

    @classmethod
    def loads(cls, data: bytes) -> "SwapIndex | None":
        try:
            version, table, pairs = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        ok = version == FORMAT and isinstance(table, dict) and isinstance(pairs, frozenset)
        return cls(table, pairs) if ok else None

    def _phrases(self, word: str) -> tuple[dict, dict]:
        """The phrases of ``word`` grouped by the word right before it, and
        (those with nothing before) by the word right after it, each group
        one string of lines: a use of a common word is then checked against
        a few phrases, not thousands, and the groups of every word a long
        run meets fit in a few megabytes."""
        found = self._parsed.get(word)
        if found is None:
            if len(self._parsed) >= PARSED_MAX:
                self._parsed.clear()  # bounded memory over an archive of any size
            by_prev: dict[str, list] = {}
            by_next: dict[str, list] = {}
            for line in self.table[word].split("\n"):
                before, after, _ = line.split("\t")
                if before:
                    by_prev.setdefault(before.rsplit(" ", 1)[-1], []).append(line)
                else:
                    by_next.setdefault(after.split(" ", 1)[0], []).append(line)
            found = self._parsed[word] = ({k: "\n".join(v) for k, v in by_prev.items()},
                                          {k: "\n".join(v) for k, v in by_next.items()})
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
        table, parsed = self.table, self._parsed
        candidates = [i for i, t in enumerate(tokens) if t in table]
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
            after_prev, before_next = by_prev.get(tokens[i - 1]), by_next.get(tokens[i + 1])
            if after_prev is None and before_next is None:
                continue  # most uses: no phrase of the word has these neighbours
            right = _match(tokens, i, whole, after_prev, before_next)
            if right is not None and not self._in_right_pair(tokens, i):
                b = start(i)  # the word's first character in bounded; folded index b - 1
                out.append((folded.to_original(b - 1),
                            folded.to_original(b + len(tokens[i]) - 2) + 1, right))
        return out


    def _in_right_pair(self, tokens: list[str], i: int) -> bool:
        pairs = self.right_pairs
        return bool(pairs) and (f"{tokens[i - 1]} {tokens[i]}" in pairs
                                or f"{tokens[i]} {tokens[i + 1]}" in pairs)


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
                    if tokens[first:i] != words:
                        continue
                if after:
                    words = after.split(" ")
                    last = i + len(words)
                    if tokens[i + 1:last + 1] != words:
                        continue
                if whole(first, last):
                    return right
    return None
