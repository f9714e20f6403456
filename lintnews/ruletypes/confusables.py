"""``type: confusables`` — real-word errors: a correctly spelt word that is the
wrong word ("the death tool rose", "she took on the roll of director").

For each word the rule looks at its *twins*: the common words one edit away
(a letter left out, added, changed or two letters swapped) and the words a
rule lists as a confusion set (``pairs``). It compares how well the word and
each twin fit their neighbours, using word-pair counts
(``lintnews.frequencies``), and flags the word when a twin fits far better.

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
* **Neither listed**: no evidence beyond the words' frequencies.

Then half the log ratio of the two words' frequencies (the prior: a rarer
written word is likelier a slip), a bonus when the edit is a dropped letter
or two swapped letters (the commonest slips), and a penalty for proposing a
function word. A twin from ``pairs`` (a documented confusion) needs less
evidence (``pair_threshold``) than an edit-distance twin (``threshold``).

Guards against flagging sound text: capitalised words inside a sentence
(names), words joined by hyphens, slashes or apostrophes, words glued to
digits, twins that are only a spelling variant or inflection of the word, a
word that fits both of its neighbours (each pair listed and positively
associated), and a word that occurs twice or more in the document (a slip is
rarely repeated verbatim; a repeated word is the writer's choice).
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .. import frequencies as freqmod
from ..hookspecs import hookimpl
from ..phrases import match_case
from . import Hit, Option, RuleError, RuleType, string_list

#: A word; ``split`` on it alternates the text between words and the words.
#: (Not ``findall`` of "gap, word" pairs: on text without letters that
#: retries the gap at every position, quadratic time.)
_WORD_SPLIT = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)*)")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|\n\s*$")
#: A word touching one of these is part of a compound, a contraction or a
#: number ("sold-out", "we're", "91st") and is not judged.
_GLUE = frozenset("-/'’0123456789")
_MISSING = object()
_EMPTY: dict = {}

#: Weight of the frequency prior log(count(twin) / count(word)).
PRIOR_WEIGHT = 0.5
#: Weight of the plain mutual-information difference when only one of the
#: two pairs is listed (the rest goes to the listing-aware bound).
PMI_MIX = 0.5
#: Bonus for a twin the written word is that twin with one letter dropped or
#: two letters swapped.
SLIP_BONUS = 1.0
#: Edit-distance twins more than this many log units rarer than the written
#: word are not considered.
MAX_RARER = 4.0
#: Penalty for proposing a function word in place of a content word.
FUNCTION_PENALTY = 2.0


class ConfusablesRule(RuleType):
    name = "confusables"
    summary = ("Flags a correctly spelt word whose near-twin (one edit away, or in a listed "
               "confusion set) fits its neighbouring words far better, e.g. 'death tool' → "
               "'death toll'.")
    can_fix = True
    options = {
        "threshold": Option((int, float), "Evidence (natural-log units) a one-edit twin needs "
                                          "to be proposed.", default=4.75),
        "pair_threshold": Option((int, float), "Evidence a twin from 'pairs' needs.", default=2.0),
        "pairs": Option(list, "Confusion sets, each a string of space-separated words that are "
                              "often written for one another, e.g. 'affect effect'.", default=None),
        "min_count": Option(int, "A twin must occur at least this often in the frequency list "
                                 "(about 0.6 trillion words) to be proposed.", default=20000),
        "vocabulary": Option(list, "Words never flagged (house terms, names).", default=None),
        "edit_twins": Option(bool, "Also consider every common word one edit away, not just "
                                   "the listed pairs.", default=True),
    }

    def setup(self, threshold, pair_threshold, pairs, min_count, vocabulary, edit_twins):
        self.threshold = float(threshold)
        self.pair_threshold = float(pair_threshold)
        self.min_count = min_count
        self.edit_twins = edit_twins
        self.vocabulary = frozenset(w.lower() for w in string_list(vocabulary, "vocabulary"))
        self.pairs: dict[str, set] = {}
        for group in string_list(pairs, "pairs"):
            members = [w.lower() for w in group.split()]
            if len(members) < 2 or not all(re.fullmatch(r"[a-z]+", w) for w in members):
                raise RuleError(f"'pairs' entry {group!r} must be two or more words of letters, "
                                f"separated by spaces", "pairs")
            for a in members:
                for b in members:
                    if a != b:
                        self.pairs.setdefault(a, set()).add(b)
        if not self.pairs and not edit_twins:
            raise RuleError("with 'edit_twins: false' the rule needs 'pairs'", "pairs")
        self._freq = None
        self._cands: dict[str, tuple] = {}
        self._infos: dict[str, tuple | None] = {}

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
        logu = f.logu
        out = {}
        lw = logu[wid]
        if self.edit_twins:
            for twin, tid, kind in f.twins_of(wid):
                # A twin far rarer than the word would need more evidence than
                # two word pairs can give.
                if logu[tid] >= self._log_min and logu[tid] - lw > -MAX_RARER:
                    out[twin] = (twin, tid, logu[tid], kind, False)
        for twin in self.pairs.get(word, ()):
            tid = f.word_id(twin)
            if tid is not None:
                out[twin] = (twin, tid, logu[tid], freqmod.edit_kind(word, twin), True)
        got = self._cands[word] = tuple(out.values())
        return got

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
            if word not in self.vocabulary and (word in self.pairs or (
                    self.edit_twins and word not in freqmod.FUNCTION_WORDS)):
                cands = self._candidates(word, wid)
            caps = tok[0].isupper()
            if caps and len(tok) > 1 and tok[1].isupper():
                cands = ()  # an acronym
            info = (word, wid, cands, f.logu[wid], caps)
        self._infos[tok] = info
        return info

    def find(self, doc):
        text = doc.text
        parts = _WORD_SPLIT.split(text)
        pieces = list(zip(parts[0::2], parts[1::2]))  # [(text before the word, word), ...]
        n = len(pieces)
        if not n:
            return
        f = self._data()
        infos = self._infos
        make_info = self._info
        logu = f.logu
        log_cut, log_norm = f.log_cutoff, f.log_norm
        threshold, pair_threshold = self.threshold, self.pair_threshold
        functions = freqmod.FUNCTION_WORDS
        slips = (freqmod.EDIT_DEL, freqmod.EDIT_TRANS)
        counts = names = offsets = None
        tail = parts[-1]
        for k in range(n):
            gap, tok = pieces[k]
            info = infos.get(tok, _MISSING)
            if info is _MISSING:
                info = make_info(tok)
            if info is None or not info[2]:
                continue
            word, wid, cands, lw, caps = info
            after = pieces[k + 1][0] if k + 1 < n else tail
            if gap and gap[-1] in _GLUE or after and after[0] in _GLUE:
                continue
            if caps:
                if k and not _SENTENCE_END.search(gap):
                    continue  # a capitalised word inside a sentence: a name
                if names is None:
                    names = {}
                named = names.get(tok)
                if named is None:
                    named = names[tok] = _capitalised_inside(text, tok)
                if named:
                    continue  # capitalised elsewhere inside a sentence
            # Neighbours: adjacent words separated by white space only.
            lid = rid = None
            if k and gap.isspace() and "\n\n" not in gap:
                linfo = infos.get(pieces[k - 1][1], _MISSING)
                if linfo is _MISSING:
                    linfo = make_info(pieces[k - 1][1])
                if linfo is not None and not linfo[4]:
                    lid = linfo[1]
            if k + 1 < n and after.isspace() and "\n\n" not in after:
                rinfo = infos.get(pieces[k + 1][1], _MISSING)
                if rinfo is _MISSING:
                    rinfo = make_info(pieces[k + 1][1])
                if rinfo is not None and not rinfo[4]:
                    rid = rinfo[1]
            if lid is None and rid is None:
                continue
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
                continue
            best = None
            for twin, tid, lc, kind, listed in cands:
                bc_l = left.get(tid)
                bc_r = right.get(tid)
                if bc_l is None and bc_r is None:
                    continue  # no listed pair supports the twin
                score = PRIOR_WEIGHT * (lc - lw)
                if kind in slips:
                    score += SLIP_BONUS
                if not listed and twin in functions:
                    score -= FUNCTION_PENALTY
                if lid is not None:
                    score += _side(bw_l, bc_l, aw_l, ind_wl, ind_wl + lc - lw, lw, lc, log_cut)
                if rid is not None:
                    score += _side(bw_r, bc_r, aw_r, ind_wr, ind_wr + lc - lw, lw, lc, log_cut)
                margin = score - (pair_threshold if listed else threshold)
                if margin > 0 and (best is None or margin > best[0]):
                    best = (margin, twin, score)
            if best is None:
                continue
            if counts is None:
                counts = Counter(p[1].lower() for p in pieces)
            if counts[word] > 1:
                continue
            if offsets is None:
                offsets = _offsets(pieces)
            start = offsets[k]
            yield Hit(start, start + len(tok), fix=match_case(tok, best[1]),
                      data={"twin": best[1], "score": round(best[2], 2)})


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
        bound = max(0.0, ac - lc + lw)
    elif bw is not None:  # only the word's pair is listed
        bound = -max(0.0, aw - lw + lc)
    else:
        bound = 0.0
    return PMI_MIX * pmi_diff + (1 - PMI_MIX) * bound


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


def _offsets(pieces) -> list:
    """Start offset of each word."""
    out, pos = [], 0
    for gap, tok in pieces:
        pos += len(gap)
        out.append(pos)
        pos += len(tok)
    return out


@hookimpl
def lintnews_rule_types():
    return [ConfusablesRule]
