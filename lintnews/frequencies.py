"""Offline English word and word-pair frequencies, in a compact cached form.

The counts come from the lists that ship inside the ``symspellpy`` wheel (MIT
licence): ``frequency_dictionary_en_82_765.txt`` (82,765 words) and
``frequency_bigramdictionary_en_243_342.txt`` (243,342 word pairs, every pair
whose count passed the list's cut-off of 6.4 million). Nothing is fetched from
the network and ``symspellpy`` itself is never imported: only its data files
are read, once, to build the cache.

The cache is a file in the user cache directory (``$LINTNEWS_CACHE_DIR``,
else ``$XDG_CACHE_HOME/lintnews``, else ``~/.cache/lintnews``), keyed by the
data files' sizes and modification times, by ``FORMAT`` and by the homophone
list. It is memory-mapped (``lintnews.mapped``): loading copies nothing, and
only the pages of the words an article uses are read. It holds

* the words (sorted by code point, so also as UTF-8 bytes; a word's id is
  its position), found by bisection in place until a long run has made
  ``FULL_AFTER`` bisections, then in one dict of every word, and ``logu``:
  natural log of each word's count;
* the pairs, as compressed-sparse-row tables in both directions: for word
  ``i``, its right (``right_of``) and left (``left_of``) neighbours with the
  log count of each pair. The commonest words' rows become memoised dicts;
  the others are binary-searched in place, so memory stays flat however many
  words a long-running process meets;
* ``twins``: word → the near-twins a single edit away (deletion, insertion,
  substitution or transposition of one letter) and its homophones
  (``lintnews.homophones``, kind ``EDIT_SOUND``) that are common enough and
  occur in some listed pair, each with the kind of edit. British/American
  spelling variants (organise/organize) and inflections of the same word
  (scam/scams, produces/produced) are left out: they are not real-word errors
  that context can tell apart.

If the cache cannot be written, the tables are built in memory (about two
seconds) and used for the rest of the process.
"""
from __future__ import annotations

import bisect
import hashlib
import importlib.util
import math
import re
import sys
import threading
from array import array
from pathlib import Path

from . import homophones, soundalikes
from .cache import cache_dir  # one cache directory for all of lintnews
from .mapped import Mapped, dumps

FORMAT = 6
UNIGRAM_FILE = "frequency_dictionary_en_82_765.txt"
BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"
#: The bigram list keeps only pairs counted at least this often.
PAIR_CUTOFF = 6_400_000
#: Pair counts are on a larger scale than word counts; this factor (measured
#: on the most frequent words, whose pairs are nearly all listed) converts a
#: product of word probabilities into an expected pair count.
PAIR_SCALE = 45.0
#: A twin must be at least this common to be offered as a fix.
TWIN_MIN_COUNT = 20_000
ID_BITS = 17
#: ``word_id`` bisects a list of every BLOCK-th word, then one block.
BLOCK = 16
#: After this many bisections (words not met before, or not listed) every
#: word goes into one dict. A bisection costs a few microseconds and the
#: dict (83,000 words) some 30 ms: an article or two never make it, a run
#: over a few hundred articles makes it once and then looks words up in C.
FULL_AFTER = 10_000
#: Words with at least this many pairs on a side (a few hundred of the
#: commonest words) keep them as a dict once looked up.
BIG_ROW = 300

EDIT_SUB, EDIT_DEL, EDIT_INS, EDIT_TRANS, EDIT_OTHER, EDIT_SOUND = range(6)

# Closed-class words. A swap between two of them (of/on, at/as, is/it) is a
# grammar question that word pairs cannot settle, so it is never proposed
# unless a rule lists the pair explicitly.
FUNCTION_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those he she they we you i me him her them us my your his our their
not no so too than then there here what which who whom whose when where why how all any
some each both either neither nor up down out off over under into onto upon about after
before can could will would shall should may might must do does did done have has had
having am s t just also only very more most less much many few such own same other another
""".split())

_WORD = re.compile(r"^[a-z]+$")
_SUFFIXES = ("ing", "ed", "es", "er", "en", "ly", "s", "d", "r", "n", "y")


class DataNotFound(RuntimeError):
    """The frequency lists are not installed."""


def _stem(w: str) -> str:
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            return w[:-len(s)]
    return w


def same_lemma(a: str, b: str) -> bool:
    """Whether two words look like inflections of one word (scam/scams,
    produces/produced, challenge/challenger)."""
    if len(a) < len(b):
        a, b = b, a
    if a.startswith(b) and a[len(b):] in _SUFFIXES:
        return True
    sa, sb = _stem(a), _stem(b)
    return sa == sb or sa == b or sb == a or sa.rstrip("e") == sb.rstrip("e")


def _canon_spelling(w: str) -> str:
    w = w.replace("z", "s")
    w = w.replace("our", "or").replace("ll", "l")
    w = re.sub(r"re([sd]?)$", r"er\1", w)
    w = re.sub(r"ce$", "se", w)
    w = re.sub(r"ogue$", "og", w)
    w = re.sub(r"mme$", "m", w)
    return w.replace("ae", "e").replace("oe", "e")


def spelling_variants(a: str, b: str) -> bool:
    """Whether two words are British/American spellings of one word."""
    return _canon_spelling(a) == _canon_spelling(b)


def edit_kind(written: str, intended: str) -> int:
    """How ``intended`` turns into ``written`` with one edit, if it does."""
    lw, li = len(written), len(intended)
    if li == lw + 1:
        for i in range(li):
            if intended[:i] + intended[i + 1:] == written:
                return EDIT_DEL
    elif lw == li + 1:
        for i in range(lw):
            if written[:i] + written[i + 1:] == intended:
                return EDIT_INS
    elif lw == li:
        diff = [i for i in range(lw) if written[i] != intended[i]]
        if len(diff) == 1:
            return EDIT_SUB
        if (len(diff) == 2 and diff[1] == diff[0] + 1 and written[diff[0]] == intended[diff[1]]
                and written[diff[1]] == intended[diff[0]]):
            return EDIT_TRANS
    return EDIT_OTHER


def data_dir() -> Path:
    """The folder of the installed ``symspellpy`` package (not imported)."""
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise DataNotFound("the 'symspellpy' package (which ships the word-frequency lists) "
                           "is not installed")
    for loc in spec.submodule_search_locations:
        path = Path(loc)
        if (path / UNIGRAM_FILE).is_file() and (path / BIGRAM_FILE).is_file():
            return path
    raise DataNotFound(f"symspellpy is installed but {UNIGRAM_FILE} / {BIGRAM_FILE} are missing")


def _cache_key(folder: Path) -> str:
    h = hashlib.sha256(f"format={FORMAT};min={TWIN_MIN_COUNT}".encode())
    h.update(homophones.PAIRS.encode())
    h.update(soundalikes.PAIRS.encode())
    for name in (UNIGRAM_FILE, BIGRAM_FILE):
        st = (folder / name).stat()
        h.update(f";{name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


class Frequencies:
    """Word and word-pair log counts with a precomputed twin index.

    Everything is stored in flat arrays (compressed-sparse-row tables keyed by
    word id), views of the mapped cache file, so that loading copies nothing;
    per-word views are built lazily, for the words a document actually uses,
    and memoised."""

    def __init__(self, mapped: Mapped):
        fmt, total, n = mapped.meta
        if fmt != FORMAT:
            raise ValueError("stale cache")
        self._mapped = mapped
        self._n = n
        # Word i is bytes starts[i]:starts[i + 1] - 1 of section 0 (one a
        # line); every BLOCK-th word is in section 11, for ``word_id``.
        self._starts = mapped.view(1)
        self._firsts = mapped.section_bytes(11).split(b"\n")
        self._ids: dict[str, int] = {}
        self._blocks: dict[int, list[bytes]] = {}  # block → its words, split
        self._bisections = 0  # made so far; None once ``_ids`` holds every word
        self.logu = mapped.view(2)
        self._right = (mapped.view(3), mapped.view(4), mapped.view(5))
        self._left = (mapped.view(6), mapped.view(7), mapped.view(8))
        self._twins = (mapped.view(9), mapped.view(10))
        if not (len(self._starts) == n + 1 == len(self.logu) + 1 == len(self._right[0])
                == len(self._left[0]) == len(self._twins[0])) or len(self._firsts) != -(-n // BLOCK):
            raise ValueError("damaged cache")
        self._rcache: dict[int, dict] = {}
        self._lcache: dict[int, dict] = {}
        self._tcache: dict[int, tuple] = {}
        self.log_cutoff = math.log(PAIR_CUTOFF)
        # The expected log count of a pair of independent words a, b is
        # logu[a] + logu[b] - log_norm.
        self.log_norm = math.log(total / PAIR_SCALE)

    def __len__(self) -> int:
        return self._n

    def word_id(self, word: str) -> int | None:
        i = self._ids.get(word)
        made = self._bisections
        if i is None and made is not None:
            if made >= FULL_AFTER:
                self._fill_ids()
                return self._ids.get(word)
            self._bisections = made + 1
            try:
                key = word.encode()
            except UnicodeEncodeError:  # a lone surrogate: in no list
                return None
            # The block of words the key would be in, then the key in it.
            block = bisect.bisect_right(self._firsts, key) - 1
            if block < 0:
                return None
            words = self._blocks.get(block)
            if words is None:  # split once: a text's words share blocks (the, then, there)
                lo, hi = block * BLOCK, min(block * BLOCK + BLOCK, self._n)
                words = self._blocks[block] = self._mapped.slice(
                    0, self._starts[lo], self._starts[hi] - 1).split(b"\n")
            j = bisect.bisect_left(words, key)
            if j == len(words) or words[j] != key:
                return None
            self._ids[word] = i = block * BLOCK + j
        return i

    def _fill_ids(self) -> None:
        """Put every word into ``_ids`` (see ``FULL_AFTER``). The dict is made
        whole before it replaces the old one: another thread may be reading."""
        words = self._mapped.section_bytes(0).decode().split("\n")[:self._n]
        self._ids = dict(zip(words, range(self._n)))
        self._bisections, self._blocks = None, {}

    @property
    def ids(self) -> dict[str, int] | None:
        """word → id of every word once ``word_id`` has made that table (a
        set operation against it runs in C), else None."""
        return self._ids if self._bisections is None else None

    def word(self, i: int) -> str:
        return self._mapped.slice(0, self._starts[i], self._starts[i + 1] - 1).decode()

    def has_twins(self, i: int) -> bool:
        ptr = self._twins[0]
        return ptr[i + 1] > ptr[i]

    def log_count(self, word: str) -> float | None:
        i = self.word_id(word)
        return None if i is None else self.logu[i]

    def right_of(self, i: int):
        """id of b → log count of the pair (word i, b), as a mapping with
        ``get``."""
        d = self._rcache.get(i)
        if d is None:
            d = _row(self._right, i, self._rcache)
        return d

    def left_of(self, i: int):
        """id of a → log count of the pair (a, word i), as a mapping with
        ``get``."""
        d = self._lcache.get(i)
        if d is None:
            d = _row(self._left, i, self._lcache)
        return d

    def log_pair(self, a: str, b: str) -> float | None:
        ia, ib = self.word_id(a), self.word_id(b)
        if ia is None or ib is None:
            return None
        return self.right_of(ia).get(ib)

    def twins_of(self, i: int) -> tuple:
        """((twin, twin id, edit kind), ...) for word i."""
        t = self._tcache.get(i)
        if t is None:
            ptr, packed = self._twins
            word = self.word
            t = self._tcache[i] = tuple((word(p >> 3), p >> 3, p & 7)
                                        for p in packed[ptr[i]:ptr[i + 1]])
        return t

    # -- building ------------------------------------------------------------
    @classmethod
    def build(cls, folder: Path | None = None) -> "Frequencies":
        return cls.loads(build_bytes(folder or data_dir()))

    @classmethod
    def loads(cls, data: bytes) -> "Frequencies":
        return cls(Mapped(data))


def _row(table: tuple, i: int, cache: dict):
    """One word's pairs. The few words with many pairs (the neighbours met
    most often) become memoised dicts; the others are searched in place, so
    a long-running process (a language server, an archive audit) does not
    grow with every word it meets."""
    ptr, nb, val = table
    a, b = ptr[i], ptr[i + 1]
    if b - a < BIG_ROW:
        return _Row(nb, val, a, b)
    d = cache[i] = dict(zip(nb[a:b], val[a:b]))
    return d


class _Row:
    """A word's pairs looked up by binary search in the shared arrays."""

    __slots__ = ("_nb", "_val", "_lo", "_hi")

    def __init__(self, nb: array, val: array, lo: int, hi: int):
        self._nb, self._val, self._lo, self._hi = nb, val, lo, hi

    def get(self, j: int, default=None):
        k = bisect.bisect_left(self._nb, j, self._lo, self._hi)
        if k < self._hi and self._nb[k] == j:
            return self._val[k]
        return default


def _csr(n: int, rows: list[list]) -> tuple:
    ptr, nb, val = array("l", [0]), array("i"), array("f")
    for i in range(n):
        for j, v in rows[i]:
            nb.append(j)
            val.append(v)
        ptr.append(len(nb))
    return ptr.tobytes(), nb.tobytes(), val.tobytes()


def build_bytes(folder: Path) -> bytes:
    """Read the frequency lists and return the cache file's content."""
    counts: dict[str, int] = {}
    with open(folder / UNIGRAM_FILE, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[0] not in counts and "\n" not in parts[0]:
                counts[parts[0]] = int(parts[1])
    words = sorted(counts)
    ids = {w: i for i, w in enumerate(words)}
    n = len(words)
    right: list[list] = [[] for _ in range(n)]
    left: list[list] = [[] for _ in range(n)]
    in_pairs = set()
    with open(folder / BIGRAM_FILE, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            ia, ib = ids.get(parts[0]), ids.get(parts[1])
            if ia is None or ib is None:
                continue
            v = math.log(int(parts[2]))
            right[ia].append((ib, v))
            left[ib].append((ia, v))
            in_pairs.add(parts[0])
            in_pairs.add(parts[1])
    for rows in (right, left):
        for r in rows:
            r.sort()
    twins = _twin_index(words, counts, in_pairs)
    tptr, tpacked = array("l", [0]), array("i")
    for w in words:
        for t, kind in twins.get(w, ()):
            tpacked.append(ids[t] << 3 | kind)
        tptr.append(len(tpacked))
    logu = array("f", [math.log(counts[w]) for w in words])
    total = math.fsum(counts.values())
    encoded = [w.encode() for w in words]
    starts = array("q", [0])
    for w in encoded:
        starts.append(starts[-1] + len(w) + 1)
    sections = [("B", b"\n".join(encoded) + b"\n"), ("q", starts.tobytes()), ("f", logu.tobytes())]
    sections += list(zip("lif", _csr(n, right))) + list(zip("lif", _csr(n, left)))
    sections += [("l", tptr.tobytes()), ("i", tpacked.tobytes()), ("B", b"\n".join(encoded[::BLOCK]))]
    return dumps((FORMAT, total, n), sections)


def _twin_index(words, counts, in_pairs) -> dict:
    """word → [(twin, edit kind), ...]: one-edit twins and homophones."""
    targets = {w for w in in_pairs if counts.get(w, 0) >= TWIN_MIN_COUNT and _WORD.match(w)}
    sounds: dict[str, list] = {}
    for a, b in homophones.pairs() + soundalikes.pairs():
        sounds.setdefault(a, []).append(b)
        sounds.setdefault(b, []).append(a)
    deletes: dict[str, list] = {}
    for t in targets:
        for i in range(len(t)):
            deletes.setdefault(t[:i] + t[i + 1:], []).append((t, i))
    twins = {}
    for w in words:
        if not _WORD.match(w):
            continue
        found = {}
        n = len(w)
        for t, _ in deletes.get(w, ()):  # the writer left a letter out
            found[t] = EDIT_DEL
        for i in range(n):
            d = w[:i] + w[i + 1:]
            if d in targets:  # the writer added a letter
                found.setdefault(d, EDIT_INS)
            for t, j in deletes.get(d, ()):  # one letter changed
                if j == i and t != w:
                    found.setdefault(t, EDIT_SUB)
            if i + 1 < n and w[i] != w[i + 1]:
                s = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                if s in targets:
                    found.setdefault(s, EDIT_TRANS)
        for t in sounds.get(w, ()):  # a sound-alike
            if t in targets:
                found.setdefault(t, EDIT_SOUND)
        kept = []
        wf = w in FUNCTION_WORDS
        for t, kind in sorted(found.items()):
            if t == w or (wf and t in FUNCTION_WORDS):
                continue
            if spelling_variants(w, t) or same_lemma(w, t):
                continue
            kept.append((t, kind))
        if kept:
            twins[w] = kept
    return twins


_lock = threading.Lock()
_loaded: Frequencies | None = None


def load() -> Frequencies:
    """The shared tables, loaded from (or built into) the cache on first use."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load_or_build()
    return _loaded


def _load_or_build() -> Frequencies:
    folder = data_dir()
    path = cache_dir() / f"frequencies-{_cache_key(folder)}.bin"
    try:
        return Frequencies(Mapped.open(path))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build_bytes(folder)
    write_cache(path, data)
    return Frequencies.loads(data)


def cache_key() -> str:
    """Key of the installed frequency lists and of this module's format; other
    caches derived from the tables (a rule's index) include it in theirs."""
    return _cache_key(data_dir())


def write_cache(path: Path, data: bytes) -> None:
    """Write a cache file atomically; a read-only home or a full disk only
    means the next process builds the data again."""
    from .cache import write_atomic  # here: only writing the cache needs it

    try:
        write_atomic(path, data)
    except OSError:
        pass
