"""``type: confusables`` — real-word errors: a correctly spelt word that is the
wrong word ("the death tool rose", "she took on the roll of director", "the
team one the match").

For each word the rule looks at its *twins*: the common words one edit away
(a letter left out, added, changed or two letters swapped), its homophones
(``lintnews.homophones``, compiled from the CMU Pronouncing Dictionary:
rein/reign, peak/pique, won/one) and the words a rule lists as a confusion set
(``pairs``). It compares how well the word and each twin fit their
neighbours, using word-pair counts (``lintnews.frequencies``), and flags the
word when a twin fits far better.

The evidence, in natural-log units, summed for the left and the right
neighbour:

* **Both pairs listed** ("for run" / "for fun"): the difference of their
  pointwise mutual information (how much more often the pair occurs than its
  words' frequencies predict).
* **Only the twin's pair listed** ("death toll", not "death tool"): the pair
  list stops at a count cut-off, so an unlisted pair is only evidence if the
  written word is common enough that its pair *would* have been listed had
  it been used like the twin. Half the weight goes to that listing-aware
  bound, half to the mutual-information difference with the unlisted pair at
  independence.
* **Twin's pair not listed**: at most a weak hint (``UNLISTED_CAP``).

Then half the log ratio of the two words' frequencies (the prior: a rarer
written word is likelier a slip), a bonus when the edit is a dropped letter
or two swapped letters (the commonest slips) or when the twin is a
homophone, a penalty when the edit changes the first letter (rarely
mistyped) and a penalty for proposing a function word. A function word is
judged too ("filled in the from" → form), but never against another
function word (of/on, at/as: a grammar question that word pairs cannot
settle) unless ``pairs`` lists them. A twin from ``pairs`` (a documented
confusion) needs less evidence (``pair_threshold``) than a one-edit twin or
a homophone (``threshold``).

Guards against flagging sound text: capitalised words inside a sentence
(names), words joined by hyphens, slashes or apostrophes, words glued to
digits, twins that are only a spelling variant or inflection of the word, a
word that fits both of its neighbours (each pair listed and positively
associated), more evidence (``FITS_PENALTY``) for a word whose pairs with
both neighbours are listed at all and (``LONG_WORD_PENALTY``) for a long
word (a slip seldom turns one long word into another), and a word that
occurs twice or more in the document (a slip is rarely repeated verbatim; a
repeated word is the writer's choice). Words a rule calls ``unlikely``
(vulgar words, which edited copy almost never uses) get ``UNLIKELY_BONUS``
towards their twins and are always judged.

Speed. Most words can never be flagged where they stand, and finding that
out must cost next to nothing. An index, built once per machine and setting
into the user cache (``confusables-*.bin`` beside the frequency cache),
lists for every word with twins the neighbours next to which some twin
could reach the threshold. The score is a neighbour-free base plus one term
per neighbour, and a side whose twin pair is unlisted adds at most
``UNLISTED_CAP``; so if a twin wins, one side's term is above a bound that
depends only on the word and the twin, and only neighbours above it are
listed. Skipping a word none of whose neighbours is listed is therefore
exact, not a heuristic. ``find`` folds the text (ASCII letters lower-cased,
everything else a space), splits it, and keeps the words that have twins,
occur once and have a listed neighbour, all in C-level passes (a
comprehension, ``map``, ``compress``, ``Counter``); only those few are
judged in Python, on the real text. The index file is memory-mapped: a
start reads its list of words, and the neighbours of the few suspects only.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from array import array
from collections import Counter
from itertools import chain, compress, islice
from operator import attrgetter, contains, or_
from pathlib import Path

from .. import frequencies as freqmod
from ..cache import collection_paused
from ..hookspecs import hookimpl
from ..mapped import Mapped, dumps
from ..phrases import match_case
from . import Hit, Option, RuleError, RuleType, string_list

#: The next word in the folded text, and (matched on the reversed folded
#: text before a word) the previous one.
_AHEAD = re.compile(rb" *([a-z]+)")
_BACK = _AHEAD
#: How far back (characters) to look for the previous word.
_WINDOW = 64
#: bytes.translate table of the fast pass: ASCII letters lower-cased, every
#: other byte a space.
_FOLD = bytes(c | 0x20 if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|\n\s*$")
#: A word touching one of these is part of a compound, a contraction or a
#: number ("sold-out", "we're", "91st") and is not judged.
_GLUE = frozenset("-/'’0123456789")
_MISSING = object()
_EMPTY: dict = {}
_START = attrgetter("start")

#: Weight of the frequency prior log(count(twin) / count(word)).
PRIOR_WEIGHT = 0.5
#: Weight of the plain mutual-information difference when only one of the
#: two pairs is listed (the rest goes to the listing-aware bound).
PMI_MIX = 0.5
#: Bonus for a twin the written word is that twin with one letter dropped or
#: two letters swapped.
SLIP_BONUS = 1.0
#: Bonus for a twin that sounds the same as the written word (homophones).
SOUND_BONUS = 1.0
#: Penalty for a one-edit twin that differs in the first letter: writers
#: rarely get the first letter wrong (Pollock & Zamora 1983, "Collection and
#: characterization of spelling errors in scientific and scholarly text").
#: Homophones (site/cite) and listed pairs are exempt.
FIRST_LETTER_PENALTY = 2.0
#: Flag added to an edit kind for a slip at the first letter.
FIRST_LETTER = 8
#: Cap on the evidence from a neighbour whose pair with the twin is not
#: listed (at most a weak hint; it also bounds what the index must cover).
UNLISTED_CAP = 2.0
#: A word with more suspicious neighbours than this is judged wherever the
#: text uses it once: such words (a rare word with a far commoner twin) are
#: rare in text, and keeping their sets would cost memory for nothing.
MAX_SUSPECTS = 512
#: Version of the index's cache file.
INDEX_FORMAT = 10
#: Edit-distance twins more than this many log units rarer than the written
#: word are not considered.
MAX_RARER = 4.0
#: Extra evidence a one-edit twin or homophone needs when the written word
#: forms a listed pair with both of its neighbours (it is plausible there:
#: "to star in" is not "to start in").
FITS_PENALTY = 2.0
#: Evidence added for the twins of an 'unlikely' word (a vulgar word in news
#: copy is a slip or vandalism far more often than the web counts suggest).
UNLIKELY_BONUS = 3.0
#: Extra evidence a one-edit twin or homophone needs when the written word
#: has at least LONG_WORD letters.
LONG_WORD = 7
LONG_WORD_PENALTY = 1.0
#: Penalty for proposing a function word in place of a content word.
FUNCTION_PENALTY = 2.0


class ConfusablesRule(RuleType):
    name = "confusables"
    summary = ("Flags a correctly spelt word whose near-twin (one edit away, a homophone, or in "
               "a listed confusion set) fits its neighbouring words far better, e.g. 'death "
               "tool' → 'death toll'.")
    can_fix = True
    options = {
        "threshold": Option((int, float), "Evidence (natural-log units) a one-edit twin or "
                                          "a homophone needs to be proposed.", default=3.85),
        "pair_threshold": Option((int, float), "Evidence a twin from 'pairs' needs.", default=2.0),
        "pairs": Option(list, "Confusion sets, each a string of space-separated words that are "
                              "often written for one another, e.g. 'affect effect', or "
                              "'WRONG > RIGHT' for a slip made one way only, e.g. "
                              "'forth > fourth'.", default=None),
        "min_count": Option(int, "A twin must occur at least this often in the frequency list "
                                 "(about 0.6 trillion words) to be proposed.", default=20000),
        "vocabulary": Option(list, "Words never flagged (house terms, names).", default=None),
        "unlikely": Option(list, "Words that edited copy almost never uses (vulgar words): "
                                 "their twins need far less evidence, as a slip or a "
                                 "vandal is likelier than the word.", default=None),
        "edit_twins": Option(bool, "Also consider every common word one edit away and every "
                                   "homophone, not just the listed pairs.", default=True),
    }

    def setup(self, threshold, pair_threshold, pairs, min_count, vocabulary, edit_twins,
              unlikely):
        self.unlikely = frozenset(w.lower() for w in string_list(unlikely, "unlikely"))
        self.threshold = float(threshold)
        self.pair_threshold = float(pair_threshold)
        self.min_count = min_count
        self.edit_twins = edit_twins
        self.vocabulary = frozenset(w.lower() for w in string_list(vocabulary, "vocabulary"))
        self.pairs: dict[str, set] = {}
        for group in string_list(pairs, "pairs"):
            # "a b" works both ways; "a > b" only flags a written for b.
            written, arrow, meant = group.partition(">")
            members = [w.lower() for w in group.replace(">", " ").split()]
            if (len(members) < 2 or not all(re.fullmatch(r"[a-z]+", w) for w in members)
                    or (arrow and not (written.split() and meant.split()))):
                raise RuleError(f"'pairs' entry {group!r} must be two or more words of letters, "
                                f"separated by spaces (or 'WRONG > RIGHT')", "pairs")
            sources = [w.lower() for w in written.split()] if arrow else members
            targets = [w.lower() for w in meant.split()] if arrow else members
            for a in sources:
                for b in targets:
                    if a != b:
                        self.pairs.setdefault(a, set()).add(b)
        if not self.pairs and not edit_twins:
            raise RuleError("with 'edit_twins: false' the rule needs 'pairs'", "pairs")
        self._freq = None
        self._cands: dict[str, tuple] = {}
        self._infos: dict[str, tuple | None] = {}
        self._tables: tuple | None = None

    # -- data ---------------------------------------------------------------
    def _data(self):
        if self._freq is None:
            self._freq = freqmod.load()
            self._log_min = math.log(max(self.min_count, 1))
        return self._freq

    def _candidates(self, word: str, wid: int) -> tuple:
        """((twin, twin id, log count, edit kind, listed pair?), ...) for a word."""
        got = self._cands.get(word)
        if got is not None:
            return got
        f = self._freq
        out = {c[0]: c for c in self._edit_candidates(word, wid)} if self.edit_twins else {}
        for twin in self.pairs.get(word, ()):
            tid = f.word_id(twin)
            if tid is not None:
                out[twin] = (twin, tid, f.logu[tid], freqmod.edit_kind(word, twin), True)
        got = self._cands[word] = tuple(out.values())
        return got

    def _edit_candidates(self, word: str, wid: int) -> list:
        """The one-edit twins and homophones of a word (not 'pairs')."""
        logu = self._freq.logu
        lw = logu[wid]
        out = []
        for twin, tid, kind in self._freq.twins_of(wid):
            # A twin far rarer than the word would need more evidence than
            # two word pairs can give.
            if logu[tid] >= self._log_min and logu[tid] - lw > -MAX_RARER:
                if kind <= freqmod.EDIT_TRANS and twin[0] != word[0]:
                    kind |= FIRST_LETTER  # a slip at the first letter
                out.append((twin, tid, logu[tid], kind, False))
        return out

    # -- matching -----------------------------------------------------------
    def _info(self, tok: str):
        """Per distinct token: (word, id, twins, log count, capitalised?) or
        None when the word is not in the frequency list."""
        word = tok.lower()
        f = self._freq
        wid = f.word_id(word) if ("'" not in word and "’" not in word) else None
        if wid is None:
            info = None
        else:
            cands = ()
            if word not in self.vocabulary and (word in self.pairs or self.edit_twins):
                cands = self._candidates(word, wid)
            caps = tok[0].isupper()
            if caps and len(tok) > 1 and tok[1].isupper():
                cands = ()  # an acronym
            info = (word, wid, cands, f.logu[wid], caps)
        self._infos[tok] = info
        return info

    def _neighbour(self, tok: str | None) -> int | None:
        """Word id of a neighbouring token, or None when it cannot serve
        (not in the list, capitalised, joined by an apostrophe)."""
        if tok is None:
            return None
        info = self._infos.get(tok, _MISSING)
        if info is _MISSING:
            info = self._info(tok)
        return None if info is None or info[4] else info[1]

    def find(self, doc):
        text = doc.text
        # A fast pass over a folded copy of the text (ASCII letters
        # lower-cased, every other character a space, same length) keeps the
        # words that have twins at all (hot), that the text uses once (a
        # repeated word is the writer's choice) and that have a neighbour in
        # the index's set of suspicious neighbours for that word (or are in
        # 'pairs'). It runs in C (comprehensions, map, compress, Counter): no
        # Python code per word. Only the few suspects are judged on the real
        # text, with the neighbours exactly as written.
        folded = text.encode("ascii", "replace").translate(_FOLD)
        toks = folded.split()
        hot, left, right, always = self._tables or self._load_tables()
        mask = list(map(hot.__contains__, toks))
        words = list(compress(toks, mask))
        if not words:
            return
        uses = Counter(words)
        once = list(compress(uses.keys(), map((1).__eq__, uses.values())))
        if not once:
            return
        toks.append(b"")  # a neighbour for the last word
        prev_of = dict(zip(words, compress(chain((b"",), toks), mask)))
        next_of = dict(zip(words, compress(islice(toks, 1, None), mask)))
        near = map(or_, map(contains, map(left.__getitem__, once), map(prev_of.__getitem__, once)),
                   map(contains, map(right.__getitem__, once), map(next_of.__getitem__, once)))
        suspects = set(compress(once, near))
        suspects.update(always.intersection(once))
        if not suspects:
            return
        padded = b" " + folded + b" "
        names: dict[str, bool] = {}
        found = []
        for w in suspects:
            start = padded.find(b" " + w + b" ")
            hit = self._judge(text, folded, start, start + len(w), names)
            if hit is not None:
                found.append(hit)
        found.sort(key=_START)
        yield from found

    def _judge(self, text: str, folded: bytes, start: int, end: int,
               names: dict | None = None) -> Hit | None:
        """Weigh the word at text[start:end] (a word the document uses once)
        against its twins, with the neighbours as they are written. ``names``
        memoises, for one text, whether a capitalised word is a name."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before in _GLUE or after in _GLUE or before.isalpha() or after.isalpha():
            return None  # part of a compound, a contraction or a number
        tok = text[start:end]
        info = self._infos.get(tok, _MISSING)
        if info is _MISSING:
            info = self._info(tok)
        if info is None or not info[2]:
            return None
        word, wid, cands, lw, caps = info
        # The previous word: the last run of letters before the word, unless
        # it is the tail of a contraction ("we're"); the text between is the gap.
        lo = max(0, start - _WINDOW)
        m = _BACK.match(folded[lo:start][::-1])
        prev = gap = None
        if m:
            pe, ps = start - m.start(1), start - m.end(1)
            gap = text[pe:start]
            if not (ps > 1 and text[ps - 1] in "'’" and text[ps - 2].isalpha()):
                prev = text[ps:pe]
        if caps:
            if gap is not None and not _SENTENCE_END.search(gap):
                return None  # a capitalised word inside a sentence: a name
            if names is None:
                names = {}
            named = names.get(tok)
            if named is None:
                named = names[tok] = _capitalised_inside(text, tok)
            if named:
                return None  # capitalised elsewhere inside a sentence
        lid = rid = None
        if prev is not None and gap.isspace() and "\n\n" not in gap:
            lid = self._neighbour(prev)
        m = _AHEAD.match(folded, end)
        if m:
            ns, ne = m.span(1)
            gap = text[end:ns]
            if (gap.isspace() and "\n\n" not in gap
                    and not (ne + 1 < len(text) and text[ne] in "'’" and text[ne + 1].isalpha())):
                rid = self._neighbour(text[ns:ne])
        if lid is None and rid is None:
            return None
        best = self._best(word, wid, lw, cands, lid, rid)
        if best is None:
            return None
        return Hit(start, end, fix=match_case(tok, best[1]),
                   data={"twin": best[1], "score": round(best[2], 2)})

    def _best(self, word, wid, lw, cands, lid, rid):
        """(margin, twin, score) of the twin that beats the word by the widest
        margin over its threshold, or None."""
        f = self._freq
        logu = f.logu
        log_cut, log_norm = f.log_cutoff, f.log_norm
        # The written word's own pairs; a word that fits every neighbour it
        # has is left alone.
        fits = True
        if lid is not None:
            left = f.right_of(lid)
            bw_l = left.get(wid)
            ind_wl = logu[lid] + lw - log_norm - log_cut
            aw_l = bw_l - log_cut if bw_l is not None else (ind_wl if ind_wl < 0 else 0.0)
            fits = bw_l is not None and aw_l >= ind_wl
        else:
            left = _EMPTY
        if rid is not None:
            right = f.left_of(rid)
            bw_r = right.get(wid)
            ind_wr = logu[rid] + lw - log_norm - log_cut
            aw_r = bw_r - log_cut if bw_r is not None else (ind_wr if ind_wr < 0 else 0.0)
            fits = fits and bw_r is not None and aw_r >= ind_wr
        else:
            right = _EMPTY
        if fits:
            return None
        # A word whose pairs with both neighbours are common enough to be
        # listed is plausible where it stands: a twin needs more evidence
        # (unless it is a documented confusion from 'pairs').
        extra = FITS_PENALTY if (lid is not None and rid is not None and bw_l is not None
                                 and bw_r is not None) else 0.0
        if len(word) >= LONG_WORD:
            # A slip rarely turns a long word into another real word, so a
            # long word is likelier meant ("depleted", not "deleted").
            extra += LONG_WORD_PENALTY
        best = None
        for twin, tid, lc, kind, listed in cands:
            bc_l = left.get(tid)
            bc_r = right.get(tid)
            if bc_l is None and bc_r is None:
                continue  # no listed pair supports the twin
            score = _base(lc - lw, kind, listed, twin)
            if word in self.unlikely:
                score += UNLIKELY_BONUS
            if lid is not None:
                score += _side(bw_l, bc_l, aw_l, ind_wl, ind_wl + lc - lw, lw, lc, log_cut)
            if rid is not None:
                score += _side(bw_r, bc_r, aw_r, ind_wr, ind_wr + lc - lw, lw, lc, log_cut)
            margin = score - (self.pair_threshold if listed else self.threshold + extra)
            if margin > 0 and (best is None or margin > best[0]):
                best = (margin, twin, score)
        return best

    # -- the fast pass's tables ---------------------------------------------
    def _load_tables(self) -> tuple:
        with collection_paused():  # tens of thousands of objects that live as long as the process
            return self._make_tables()

    def _make_tables(self) -> tuple:
        f = self._data()
        index = _load_index(self, f)
        vocab = frozenset(w.encode() for w in self.vocabulary)
        # (a word of 'pairs' or 'unlikely' missing from the frequency list is
        # judged and, having no count, never flagged: no look-up needed)
        pair_words = frozenset(w.encode() for w in self.pairs)
        always = index.always.difference(vocab).union(pair_words)
        always = always.union(w.encode() for w in self.unlikely)
        hot = set(index.words)  # one set of some 20,000 words, not a copy per step
        hot.update(pair_words, always)
        hot.difference_update(vocab)
        shared: dict = {}  # one bytes object a neighbour, however many sets hold it
        left, right = _Suspects(index, 0, vocab, shared), _Suspects(index, 1, vocab, shared)
        self._tables = (hot, left, right, always)
        return self._tables


class _Index:
    """The index of suspicious neighbours, as stored (see ``_dump_index``):
    the words, sorted, as a list of bytes, and each word's neighbours on
    either side read from the mapped file when asked for."""

    def __init__(self, mapped: Mapped):
        if mapped.meta != INDEX_FORMAT:
            raise ValueError("stale index")
        self.words = mapped.section_bytes(0).split(b"\n") if mapped.view(0).nbytes else []
        self.always = frozenset(mapped.section_bytes(1).split(b"\n")) if mapped.view(1).nbytes else frozenset()
        self._mapped, self._bounds = mapped, mapped.view(2)
        if len(self._bounds) != 2 * len(self.words) + 1:
            raise ValueError("damaged index")

    def neighbours(self, word: bytes, side: int) -> list[bytes] | None:
        """The word's suspicious neighbours on ``side`` (0: left), or None
        for a word that is always judged or not in the index."""
        i = bisect.bisect_left(self.words, word)
        if i == len(self.words) or self.words[i] != word or word in self.always:
            return None
        found = self._mapped.slice(3, self._bounds[2 * i + side], self._bounds[2 * i + side + 1])
        return found.split(b"\n") if found else []


def _dump_index(index: dict, f) -> bytes:
    """The cache file of ``{word: (left ids, right ids) or None}``: the words
    (sorted, one a line), the words always judged (None), where each word's
    neighbours start and end, and the neighbours (one a line: a look-up
    makes their set in C, no Python call per neighbour)."""
    words = sorted(index)
    bounds, neighbours, at = array("q", [0]), [], 0
    for w in words:
        for side in index[w] or (b"", b""):
            ids = array("i")
            ids.frombytes(side)
            neighbours.append(b"\n".join(f.word(i).encode() for i in ids))
            at += len(neighbours[-1])
            bounds.append(at)
    always = sorted(w for w in words if index[w] is None)
    return dumps(INDEX_FORMAT, [("B", b"\n".join(words)), ("B", b"\n".join(always)),
                                ("q", bounds.tobytes()), ("B", b"".join(neighbours))])


class _Suspects(dict):
    """word → frozenset of the folded neighbours on one side next to which a
    twin could win, made from the index's word ids on first look-up (a
    ``dict.__getitem__`` that finds the word stays in C)."""

    def __init__(self, index: _Index, side: int, vocab: frozenset, shared: dict):
        super().__init__()
        self._index, self._side, self._vocab, self._shared = index, side, vocab, shared

    def __missing__(self, word: bytes) -> frozenset:
        found = None if word in self._vocab else self._index.neighbours(word, self._side)
        # None: always judged (or a word of 'pairs' only). Each neighbour is
        # the one bytes object ``shared`` holds for it (a set of a long run
        # holds references, not copies): ``setdefault(w, w)``, mapped in C.
        got = frozenset() if found is None else frozenset(map(self._shared.setdefault, found, found))
        self[word] = got
        return got


def _side(bw, bc, aw, ind_w, ind_c, lw, lc, log_cut) -> float:
    """Evidence from one neighbour that the twin fits better than the word.

    ``bw``/``bc``: log counts of the neighbour's pair with the word / twin, or
    None when unlisted; ``aw``: the word's pair relative to the cut-off;
    ``ind_w``/``ind_c``: each pair's expected log count at independence,
    relative to the cut-off; ``lw``/``lc``: the words' log counts."""
    ac = bc - log_cut if bc is not None else min(0.0, ind_c)
    pmi_diff = (ac - ind_c) - (aw - ind_w)
    if bw is not None and bc is not None:
        return pmi_diff
    if bc is not None:  # only the twin's pair is listed
        return PMI_MIX * pmi_diff + (1 - PMI_MIX) * max(0.0, ac - lc + lw)
    if bw is not None:  # only the word's pair is listed
        bound = -max(0.0, aw - lw + lc)
    else:
        bound = 0.0
    return min(UNLISTED_CAP, PMI_MIX * pmi_diff + (1 - PMI_MIX) * bound)


def _base(d: float, kind: int, listed: bool, twin: str) -> float:
    """The part of the score that does not depend on the neighbours: the
    frequency prior (``d`` = log count of twin - of word) and the slip's
    likelihood."""
    score = PRIOR_WEIGHT * d
    if kind & FIRST_LETTER:
        score -= FIRST_LETTER_PENALTY
        kind ^= FIRST_LETTER
    if kind == freqmod.EDIT_DEL or kind == freqmod.EDIT_TRANS:
        score += SLIP_BONUS
    elif kind == freqmod.EDIT_SOUND:
        score += SOUND_BONUS
    if not listed and twin in freqmod.FUNCTION_WORDS:
        score -= FUNCTION_PENALTY
    return score


# -- the index of suspicious neighbours -----------------------------------------
def _index_path(rule) -> Path:
    key = hashlib.sha256(repr((
        INDEX_FORMAT, freqmod.cache_key(), rule.threshold, rule.min_count, rule.edit_twins,
        PRIOR_WEIGHT, PMI_MIX, SLIP_BONUS, SOUND_BONUS, FUNCTION_PENALTY, MAX_RARER,
        FIRST_LETTER_PENALTY,
        UNLISTED_CAP, MAX_SUSPECTS)).encode()).hexdigest()[:16]
    return freqmod.cache_dir() / f"confusables-{key}.bin"


def _load_index(rule, f) -> _Index:
    """The index (see ``_build_index``) from the cache, built into it on
    first use (several seconds, once per machine and setting)."""
    path = _index_path(rule)
    try:
        return _Index(Mapped.open(path))
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _dump_index(_build_index(rule, f), f)
    freqmod.write_cache(path, data)
    return _Index(Mapped(data))


def _build_index(rule, f) -> dict:
    """word → (left ids, right ids): for each word with one-edit or homophone
    twins, the neighbours next to which a twin could beat the threshold
    (words with none are left out; words with very many map to None).

    A twin t wins when base(t) + E_left + E_right > threshold, each E
    depending only on its neighbour, and an E whose twin pair is unlisted is
    at most UNLISTED_CAP. Take any R >= UNLISTED_CAP. If E_right <= R, then
    E_left > threshold - base - R; otherwise the right pair is listed and
    E_right > R. So keeping, on each side, the neighbours with a listed twin
    pair and E > min(R, threshold - base - R) never drops a winner. R is
    chosen per twin to make that bound as high as possible: (threshold -
    base) / 2, or UNLISTED_CAP if that is smaller."""
    logu = f.logu
    cut, norm = f.log_cutoff, f.log_norm
    rptr, rnb, rval = f._right
    lptr, lnb, lval = f._left
    index = {}
    if not rule.edit_twins:
        return index  # only 'pairs', whose words are always judged
    for wid in range(len(f)):
        if not f.has_twins(wid):
            continue
        word = f.word(wid)
        cands = rule._edit_candidates(word, wid)
        if not cands:
            continue
        lw = logu[wid]
        own_l = dict(zip(lnb[lptr[wid]:lptr[wid + 1]], lval[lptr[wid]:lptr[wid + 1]]))
        own_r = dict(zip(rnb[rptr[wid]:rptr[wid + 1]], rval[rptr[wid]:rptr[wid + 1]]))
        left, right = set(), set()
        for twin, tid, lc, kind, _ in cands:
            gap = rule.threshold - _base(lc - lw, kind, False, twin)
            need = gap / 2 if gap / 2 >= UNLISTED_CAP else gap - UNLISTED_CAP
            for own, ptr, nb, val, out in ((own_l, lptr, lnb, lval, left),
                                           (own_r, rptr, rnb, rval, right)):
                for j in range(ptr[tid], ptr[tid + 1]):
                    a = nb[j]
                    if a in out:
                        continue
                    bw = own.get(a)
                    ind_w = logu[a] + lw - norm - cut
                    aw = bw - cut if bw is not None else (ind_w if ind_w < 0 else 0.0)
                    if _side(bw, val[j], aw, ind_w, ind_w + lc - lw, lw, lc, cut) > need:
                        out.add(a)
        if len(left) + len(right) > MAX_SUSPECTS:
            index[word.encode()] = None  # rare in text (see MAX_SUSPECTS): always judged
        elif left or right:  # else no position of the word can be flagged
            index[word.encode()] = (array("i", sorted(left)).tobytes(),
                                    array("i", sorted(right)).tobytes())
    return index


def _capitalised_inside(text: str, tok: str) -> bool:
    """Whether ``tok`` (capitalised) also occurs right after a lower-case word
    or a comma, i.e. inside a sentence: then it is a name."""
    needle = " " + tok
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if (j == len(text) or not text[j].isalpha()) and i and (text[i - 1].islower()
                                                                 or text[i - 1] in ",;"):
            return True
        i = text.find(needle, i + 1)
    return False


@hookimpl
def lintnews_rule_types():
    return [ConfusablesRule]
