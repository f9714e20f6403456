"""Sound keys: a word's consonants as they are heard, for non-words spelt by
ear ("pedastool" for pedestal, "diarrhetic" for diuretic, "ansister" for
ancestor).

A writer who spells by ear keeps the sounds and guesses the letters, so the
slip and the word share their consonant sounds even when two or three
letters differ. ``key`` folds the spellings of one sound together (ph/f,
c/k/s by the next letter, dg/j, silent k, w and h, doubled letters) and
drops the vowels but a first one; ``words_by_key`` maps each key to the
commonest words that have it. The table is derived from the word-frequency
list once per machine and kept in the user cache (``cache.write_pickle``:
computing 83,000 keys costs more than a cold start).
"""
from __future__ import annotations

import functools
import math
import re

from . import frequencies as freqmod
from .cache import digest, read_pickle, write_pickle

#: Spelling → sound, applied in order (a later rule sees earlier results).
_RULES = (
    (r"^kn", "n"), (r"^wr", "r"), (r"^ps", "s"), (r"^gn", "n"), (r"^wh", "w"),
    (r"tch", "ch"), (r"dg(?=[eiy])", "j"), (r"sch", "sk"), (r"ph", "f"),
    (r"gh(?![aeiouy])", ""), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"q", "k"),
    (r"x", "ks"), (r"z", "s"), (r"g(?=[eiy])", "j"), (r"th", "0"), (r"sh", "x"), (r"ch", "x"),
    (r"(?<=[^aeiouy])h", ""), (r"^h", ""), (r"w(?![aeiouy])", ""), (r"y(?![aeiou])", ""),
)
#: Changes whenever ``key`` or the table's layout changes (a new cache file).
FORMAT = "soundkey-3"


def key(word: str) -> str:
    """The consonant sounds of a lower-case ``word``; "A" first when it
    starts with a vowel sound."""
    w = word
    for pattern, sound in _compiled():
        w = pattern.sub(sound, w)
    first = "A" if w[:1] in "aeiouy" else ""
    return first + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", w))


@functools.lru_cache(maxsize=1)
def _compiled() -> list:
    """The rules compiled, on the first key asked for (not on every start)."""
    return [(re.compile(a), b) for a, b in _RULES]


_TABLES: dict[int, dict] = {}
#: The words kept per key, commonest first.
PER_KEY = 8


def words_by_key(min_count: int) -> dict[str, str]:
    """{sound key: its words of four letters or more, commonest first, joined
    by spaces}, over the lower-case words used at least ``min_count`` times."""
    table = _TABLES.get(min_count)
    if table is None:
        name = f"{FORMAT}-{digest(freqmod.cache_key(), str(min_count))[:16]}.pickle"
        table = read_pickle(name)
        if not isinstance(table, dict):
            table = _build(min_count)
            write_pickle(name, table)  # skipped when the cache cannot be written
        _TABLES[min_count] = table
    return table


def _build(min_count: int) -> dict[str, str]:
    f = freqmod.load()
    floor = math.log(max(min_count, 1))
    found: dict[str, list[tuple[float, str]]] = {}
    for i in range(len(f)):
        lc = f.logu[i]
        if lc < floor:
            continue
        w = f.word(i)
        if len(w) >= 4 and w.isalpha() and w.islower():
            found.setdefault(key(w), []).append((lc, w))
    return {k: " ".join(w for _, w in sorted(v, reverse=True)[:PER_KEY])
            for k, v in found.items()}
