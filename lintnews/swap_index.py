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
any run of whitespace for a space, straight and curly apostrophes alike.
"""
from __future__ import annotations

import marshal
import re

from .phrases import fold, normalize

_BRACKETED = re.compile(r"^(.*?)\[([^\[\]]+)\](.*)$")
#: Version of the serialised table.
FORMAT = 1


class SwapIndex:
    """{wrong word: its phrases}, each phrase "before\\tafter\\tfix" on a line
    (the words before and after the wrong one, and the right word)."""

    def __init__(self, table: dict[str, str]):
        self.table = table
        self._parsed: dict[str, list[tuple[str, str, str]]] = {}

    def __len__(self) -> int:
        return sum(v.count("\n") + 1 for v in self.table.values())

    @classmethod
    def from_swap(cls, swap: dict[str, str]) -> "SwapIndex":
        """From {"words [wrong] words": right word}."""
        table: dict[str, list[str]] = {}
        for key, right in swap.items():
            before, wrong, after = _BRACKETED.match(key).groups()
            table.setdefault(normalize(wrong), []).append(
                f"{normalize(before)}\t{normalize(after)}\t{right}")
        return cls({w: "\n".join(lines) for w, lines in table.items()})

    def dumps(self) -> bytes:
        return marshal.dumps((FORMAT, self.table))

    @classmethod
    def loads(cls, data: bytes) -> "SwapIndex | None":
        try:
            version, table = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        return cls(table) if version == FORMAT and isinstance(table, dict) else None

    def _phrases(self, word: str) -> list[tuple[str, str, str]]:
        found = self._parsed.get(word)
        if found is None:
            found = self._parsed[word] = [tuple(line.split("\t")) for line in
                                          self.table[word].split("\n")]
        return found

    def finditer(self, text: str):
        """(start, end, right word) of each wrong word in ``text`` whose
        phrase surrounds it, in text order."""
        folded = fold(text)
        bounded = folded.bounded(True)  # " words ": a space on each side of every word
        found = []
        for word in self.table.keys() & set(bounded.split()):
            needle = f" {word} "
            phrases = self._phrases(word)
            i = bounded.find(needle)
            while i >= 0:
                end = i + len(needle) - 1  # the space after the word
                for before, after, right in phrases:
                    if before and not (bounded.endswith(before, 0, i) and
                                       bounded[i - len(before) - 1:i - len(before)] == " "):
                        continue
                    if after and not bounded.startswith(f" {after} ", end):
                        continue
                    # bounded index b is folded index b - 1
                    found.append((folded.to_original(i), folded.to_original(end - 2) + 1, right))
                    break
                i = bounded.find(needle, end)
        found.sort()
        return found
