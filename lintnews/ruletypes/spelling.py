"""``type: spelling`` — non-words: a word that no English dictionary lists and
that is a slip for a common word ("a harbinger" written "harbringer",
"seperate", "definately", "recieve").

A lower-case word is a suspect when it is absent from both shipped word
lists (``lintnews.frequencies``: the 83k-word list inside symspellpy, itself
filtered against spelling dictionaries, so it lacks the usual misspellings;
and pyspellchecker's 160k-word list, see ``extra_words``) and none of the
guards below explains it. The fix is the best common word within one edit
(a letter left out, added, changed, or two neighbouring letters swapped), or
two for long words: fewer edits first, then the commoner word, then a slip
that sounds like the word; a word with no such neighbour is left alone (a
rare word, a coinage or a foreign word, not a slip).

Guards for professionally edited copy, where most unlisted words are real:

* only lower-case words of letters are judged: capitalised words (names,
  headline words), ALL-CAPS, words glued to digits, hyphens, slashes,
  apostrophes or underscores, anything inside a URL, an e-mail address, a
  handle or a hashtag, and words next to a foreign phrase ("de rigueur")
  are skipped;
* a word the document uses more than once is the writer's choice (jargon, a
  coinage), not a slip;
* inflections of a listed word (plurals, -ed, -ing, -ly, -er, -est, -ness,
  with the usual spelling changes: doubled consonants, y → i, a dropped e)
  and British/American variants (organise/organize, colour/color) are words;
* derivations, prefixed forms and closed compounds of listed words
  ("rockscape", "reorganised") are flagged only when a common word (about
  440,000 uses) is a single slip away, and never for their own inflection
  (grassroot/s). Eggcorns are built of real parts ("wreck" + "less"), so they
  cannot be waved through wholesale;
* two edits are only considered for words of seven letters or more, where
  a random word is unlikely to be two edits from a common one.

``formed_only`` keeps just the derived and compound words, and only when the
slip keeps the sound (``_sounds_alike``) and, for a prefixed word, lies in
the prefix: misheard words ("wreckless", "unvaluable") rather than typing
slips or coinages ("defund").
"""
from __future__ import annotations

import bisect
import importlib.util
import json
import math
import re
from collections import Counter
from pathlib import Path

from .. import frequencies as freqmod
from .. import soundkey
from ..cache import cache_dir, digest
from ..hookspecs import hookimpl
from ..phrases import match_case
from . import Hit, Option, RuleType, string_list

#: A candidate: a run of at least four lower-case letters not touching
#: letters of other scripts, digits, joiners or the marks of URLs, e-mail
#: addresses, handles and hashtags.
_WORD = re.compile(r"(?<![\w@#/\\.\-'’&;=+~])[a-z]{4,}(?![\w@#/\\\-'’&=+~]|\.\w)")
#: The same words, each after the character before it (the text is given a
#: space in front): a pattern that starts with a character class is
#: searched for far faster than one that starts with a lookbehind.
_WORD_AFTER = re.compile(r"[^\w@#/\\.\-'’&;=+~]([a-z]{4,})(?![\w@#/\\\-'’&=+~]|\.\w)")
#: ``_WORD_AFTER`` for ASCII text (most copy), where ``\w`` matches what it
#: matches in Unicode mode: tested with a table instead of Unicode's
#: categories, a quarter faster.
_WORD_AFTER_ASCII = re.compile(_WORD_AFTER.pattern, re.ASCII)
#: A chunk of non-space text that is a URL, an address or a file name.
_LINKISH = re.compile(r"\S*(?:://|www\.|@|\.(?:com|org|net|co|uk|html?|php)\b)\S*")

#: Inflections: a word that is a listed word plus one of these (with the
#: usual spelling changes) is a word.
INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ies", "ied", "ier",
               "iest", "ily", "ness", "ment", "ments")
#: Derivational suffixes and prefixes. Eggcorns are made of real parts
#: ("wreck" + "less", "play" + "write"), so a word these explain is still
#: flagged when a common word is a single slip away.
DERIVATIONS = (
    "ful", "less", "able", "ably", "ible", "ism", "isms", "ist", "ists", "ity", "ities",
    "ise", "ize", "ised", "ized", "ising", "izing", "isation", "ization", "ish", "like",
    "ship", "hood", "wise", "ward", "wards", "al", "ally", "ation", "ations", "ic", "ics",
    "ive", "ian", "ians", "esque", "dom", "y", "ie", "iness", "en", "ened", "ening", "ee",
    "ees", "ette", "ettes", "let", "lets", "ology", "ologist",
)
PREFIXES = (
    "un", "re", "non", "pre", "post", "over", "under", "out", "co", "anti", "mis", "dis",
    "sub", "super", "mega", "micro", "mini", "multi", "inter", "intra", "counter", "self",
    "semi", "cyber", "ex", "hyper", "ultra", "tele", "auto", "bio", "eco", "euro", "neo",
    "pro", "trans", "up", "down", "de", "en", "im", "in", "il", "ir", "fore", "mid", "off",
    "on", "back", "cross", "head", "high", "low", "pan", "para", "photo", "poly", "pseudo",
    "quasi", "retro", "techno", "geo", "info", "tri", "bi", "uni", "mono", "e",
)
#: British/American spelling correspondences (either direction).
_VARIANTS = (
    ("ise", "ize"), ("isa", "iza"), ("yse", "yze"), ("our", "or"), ("tre", "ter"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("ae", "e"), ("oe", "e"),
    ("ogue", "og"), ("ence", "ense"), ("mme", "m"), ("eable", "able"), ("ement", "ment"),
    ("cheque", "check"), ("gramme", "gram"),
)
#: Words that start a foreign phrase English borrows ("joie de vivre", "de
#: rigueur", "bona fide", "au fait", "en masse"): their neighbours are not
#: English words to correct.
FOREIGN = frozenset("de du des la le les au aux en et el los las di del della der die das "
                    "und von van vis bona per ad".split())
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class SpellingRule(RuleType):
    name = "spelling"
    summary = ("Flags a word no dictionary lists when it is one or two slips from a common "
               "word, e.g. 'seperate' → 'separate', 'definately' → 'definitely'.")
    can_fix = True
    options = {
        "min_count": Option(int, "A fix must occur at least this often in the frequency list "
                                 "(about 0.6 trillion words).", default=1_000_000),
        "min_length": Option(int, "Shorter words are not judged.", default=4),
        "two_edits_from": Option(int, "Words at least this long may be two edits from their "
                                      "fix; shorter ones must be one edit away.", default=7),
        "vocabulary": Option(list, "Extra words that are never flagged (house terms, jargon).",
                             default=None),
        "formed_only": Option(bool, "Judge only words built from real parts (a prefix, suffix "
                                    "or second word around a near-miss: 'wreckless', "
                                    "'unvaluable'): misheard words rather than typing slips.",
                              default=False),
        "by_sound": Option(bool, "Judge only words spelt by ear: the fix is the word with "
                                 "the same consonant sounds (lintnews.soundkey) spelt most "
                                 "like it, up to two letters away (three from eight letters "
                                 "on) and not by a typing slip, e.g. 'pedastool' → "
                                 "'pedestal'. Derivations and compounds are left to "
                                 "'formed_only'.", default=False),
    }

    def setup(self, min_count, min_length, two_edits_from, vocabulary, formed_only, by_sound):
        self.formed_only = formed_only
        self.by_sound = by_sound
        self.min_count = min_count
        self.min_length = max(2, min_length)
        self.two_edits_from = two_edits_from
        self.vocabulary = frozenset(w.lower() for w in string_list(vocabulary, "vocabulary"))
        self._freq = None
        self._verdicts: dict[str, str | None] = {}
        self._seen_listed = _SEEN_LISTED

    def prepare(self):
        self._data()

    def _data(self):
        if self._freq is None:
            f = freqmod.load()
            self._known, self._fixes, self._words = _tables(f, self.min_count)
            self._freq = f
        return self._freq

    # -- is it a word? ------------------------------------------------------
    def _listed(self, w: str) -> bool:
        return w in self._known or w in self.vocabulary

    def _unlisted(self, words) -> set:
        """The words no list has. Words seen before are set aside by a set
        difference in C (an article brings only a few new ones); the lists
        are searched for the rest."""
        seen = self._seen_listed
        if len(seen) > _SEEN_MAX:
            seen.clear()  # bounded memory over an archive of any size
        new = words - seen
        if not new:
            return new
        known = self._known
        ids = self._freq.ids
        if ids is not None:  # the frequency list as a dict: its words set aside in C
            rest = new.difference(ids)
            listed = (new - rest) | {w for w in rest if w in known}
        else:
            listed = {w for w in new if w in known}
        seen |= listed
        return new - listed

    def _base_listed(self, base: str) -> bool:
        """Whether ``base`` (a word with a suffix removed) is a listed word,
        allowing the spelling changes suffixes bring."""
        if len(base) < 2:
            return False
        if self._listed(base) or self._listed(base + "e"):
            return True
        if base.endswith("i") and self._listed(base[:-1] + "y"):
            return True
        if len(base) > 3 and base[-1] == base[-2] and self._listed(base[:-1]):
            return True  # a doubled consonant: stopped, biggest
        return False

    def _inflected(self, w: str) -> bool:
        """Whether ``w`` is a listed word, an inflection of one or a
        British/American variant of one: certainly a word."""
        if self._listed(w):
            return True
        for suf in INFLECTIONS:
            if w.endswith(suf) and len(w) - len(suf) >= 3 and self._base_listed(w[:-len(suf)]):
                return True
        for a, b in _VARIANTS:
            for x, y in ((a, b), (b, a)):
                if x in w and self._listed_or_inflected(w.replace(x, y)):
                    return True
        return False

    def _listed_or_inflected(self, w: str) -> bool:
        if self._listed(w):
            return True
        return any(w.endswith(suf) and len(w) - len(suf) >= 3 and self._base_listed(w[:-len(suf)])
                   for suf in INFLECTIONS)

    def _derived(self, w: str) -> bool:
        """Whether ``w`` is a derivation, prefixed form or closed compound of
        listed words ("reorganised", "rockscape")."""
        if not self.formed_only:
            for suf in DERIVATIONS + INFLECTIONS:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    base = w[:-len(suf)]
                    if self._base_listed(base) or self._listed_or_inflected(base):
                        return True
        for pre in PREFIXES:
            if w.startswith(pre) and len(w) - len(pre) >= 4 and self._inflected(w[len(pre):]):
                return True
        for i in range(3, len(w) - 2):  # a closed compound: rock + scape
            head, tail = w[:i], w[i:]
            if (self._common(head) and self._common(tail)
                    and (not self.formed_only or (head in self._words and tail in self._words))):
                return True
        return False

    def _changes_stem(self, w: str, fix: str) -> bool:
        """Whether ``w`` is a prefix and a word ("de" + "fund") and ``fix``
        changes that word, not the prefix: a coinage, deliberately built."""
        return any(w.startswith(pre) and len(w) - len(pre) >= 4 and self._inflected(w[len(pre):])
                   and not fix.endswith(w[len(pre):]) for pre in PREFIXES)

    def _common(self, w: str) -> bool:
        lc = self._freq.log_count(w)
        return lc is not None and lc >= self._log_compound

    # -- the fix --------------------------------------------------------------
    def verdict(self, w: str) -> str | None:
        """The fix for a lower-case word, or None when it is not a slip. A
        word that is an inflection or spelling variant of a listed word is
        never a slip; one that word formation explains (a derivation, a
        prefix, a compound) is one only when a common word is one slip away."""
        got = self._verdicts.get(w, "")
        if got != "":
            return got
        self._data()
        got = None
        if self.by_sound:
            latin = w.endswith(_LATIN_ENDINGS) and not w.endswith(("ous", "itis"))
            got = (None if latin or self._inflected(w) or self._derived(w)
                   else self._by_sound(w))
        elif not self._inflected(w):
            derived = self._derived(w)
            if self.formed_only and not derived:
                self._verdicts[w] = None
                return None
            got = _nearest(w, self._fixes, self._freq,
                           two=not derived and self.two_edits_from <= len(w),
                           floor=self._log_derived if derived else None)
            if got is not None and self.formed_only and (
                    not _sounds_alike(w, got) or self._changes_stem(w, got)):
                got = None  # a coinage ("defund", "supermax"), not a word misheard
        self._verdicts[w] = got
        return got

    def _by_sound(self, w: str) -> str | None:
        """The word that sounds like ``w`` and is spelt most like it (the
        commoner of equals), when the spelling is a plausible guess at it:
        a few letters apart, about as long, starting with the same letter
        or both with a vowel, and not ``w`` cut short or extended (a form of
        the word)."""
        limit = 3 if len(w) >= 8 else 2
        best = None
        for rank, fix in enumerate(soundkey.words_by_key(self.min_count).get(
                soundkey.key(w), "").split()):
            if fix.startswith(w) or w.startswith(fix) or abs(len(w) - len(fix)) > 2:
                continue
            if w[0] != fix[0] and not (w[0] in "aeiou" and fix[0] in "aeiou"):
                continue
            d = damerau(w, fix, limit)
            if d == 1 and not (_sounds_alike(w, fix) or _vowels_swapped(w, fix)):
                continue  # a typing slip (a letter left out, two swapped), not by ear
            if d <= limit and (best is None or (d, rank) < best[0]):
                best = ((d, rank), fix)
        return None if best is None else best[1]

    def find(self, doc):
        self._data()
        text = doc.text
        # C-level passes: every candidate word, then those the lists lack
        # (most articles: none), then how often the text uses those.
        words, distinct = _candidate_words(text)
        unlisted = {w for w in self._unlisted(distinct)
                    if len(w) >= self.min_length and w not in self.vocabulary}
        if not unlisted:
            return
        suspects = {w for w, n in Counter(filter(unlisted.__contains__, words)).items() if n == 1}
        if not suspects:
            return
        links = [m.span() for m in _LINKISH.finditer(text)] if any(
            c in text for c in "@/") or "www." in text else []
        if len(suspects) <= _FEW:  # found where they are, without a pass over every word
            places = sorted((_word_at(text, w), w) for w in suspects)
        else:
            places = [(m.start(), m.group()) for m in _WORD.finditer(text) if m.group() in suspects]
        for start, w in places:
            end = start + len(w)
            if any(a <= start < b for a, b in links):
                continue
            if _foreign_neighbour(text, start, end) or _broken_at_line_end(text, start):
                continue
            fix = self.verdict(w)
            if fix is not None:
                yield Hit(start, end, fix=match_case(w, fix), data={"fix": fix})

    _log_compound = 13.0  # about 440,000 uses: both halves of a compound are common words
    _log_derived = 13.0  # the fix for a word that word formation explains must be as common


def damerau(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance between two short strings (limit+1
    when larger than ``limit``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        lo = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if (i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]):
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            lo = min(lo, v)
        if lo > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


#: Words found listed, remembered between documents and shared by the rules
#: (whether a word is listed does not depend on a rule's options): the
#: second rule to read a text looks up none of its words again.
_SEEN_LISTED: set[str] = set()
_last_words: tuple | None = None


def _candidate_words(text: str) -> tuple[list[str], set[str]]:
    """The words ``_WORD`` matches in ``text``, in order and as a set; kept
    for the last text, as every spelling rule reads the same document."""
    global _last_words
    last = _last_words  # read once: the LSP server lints from worker threads
    if last is None or last[0] is not text:
        pattern = _WORD_AFTER_ASCII if text.isascii() else _WORD_AFTER
        words = pattern.findall(" " + text)  # _WORD's matches (see _WORD_AFTER)
        last = _last_words = (text, words, set(words))
    return last[1], last[2]


_TABLES: dict = {}
_KNOWN: "_Known | None" = None
#: Listed words remembered between documents (a few megabytes at most).
_SEEN_MAX = 200_000


def _tables(f, min_count: int) -> tuple:
    """(a test for listed words, the common words as possible fixes,
    pyspellchecker's words), shared by rules with the same ``min_count``.
    Nothing here is a set of every word: on a cold start of ``lintnews
    check`` building (or unmarshalling) sets of 240,000 words took longer
    than linting an article. Listed words are looked up in the frequency
    list (a dictionary and a sorted list) and in pyspellchecker's sorted
    list, by bisection."""
    global _KNOWN
    got = _TABLES.get(min_count)
    if got is None:
        if _KNOWN is None:  # one copy of pyspellchecker's words for every rule
            _KNOWN = _Known(f, _SortedWords(_extra_word_text()))
        got = _TABLES[min_count] = (_KNOWN, _Fixes(f, min_count), _KNOWN.extra)
    return got


class _SortedWords:
    """Membership in a sorted list of words, given as one string of lines.

    An article looks up a few dozen words here (most words are in the
    frequency list), so the first lookups bisect the string itself, by
    character position (some 20 microseconds each). After ``BLOCKS_AFTER``
    of them (a long run) the first word of every ``BLOCK``-th line is noted
    (30 ms) and a lookup bisects those, then splits one block (4
    microseconds): a list of all 160,000 words would cost 20 ms and 10 MB."""

    BLOCKS_AFTER = 1000
    BLOCK = 64

    def __init__(self, text: str):
        self._text = text + "\n" if text else ""  # every line ends with a line break
        self._firsts: list[str] | None = None  # first word of each block
        self._starts: list[int] = []  # where each block starts
        self._lookups = 0

    def __contains__(self, w: str) -> bool:
        if "\n" in w:
            return False
        firsts = self._firsts
        if firsts is None:
            self._lookups += 1
            if self._lookups <= self.BLOCKS_AFTER:
                return self._in_text(w)
            firsts = self._blocks()
        i = bisect.bisect_right(firsts, w) - 1
        if i < 0:
            return False
        text, starts = self._text, self._starts
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        return w in text[starts[i]:end].split("\n")

    def _blocks(self) -> list[str]:
        text = self._text
        firsts = text.split("\n")[:-1][::self.BLOCK]  # the split is dropped at once
        starts, pos = [], 0
        for w in firsts:  # each first word's line, searched for from the last one
            pos = 0 if not starts else text.index("\n" + w + "\n", pos) + 1
            starts.append(pos)
        self._starts, self._firsts = starts, firsts
        return firsts

    def _in_text(self, w: str) -> bool:
        """Bisection over the lines: ``lo`` and ``hi`` are line starts, the
        lines before ``lo`` sort before ``w``, those from ``hi`` on do not."""
        text = self._text
        lo, hi = 0, len(text)
        while lo < hi:
            start = text.rfind("\n", lo, (lo + hi) // 2) + 1 or lo  # the line holding the midpoint
            end = text.index("\n", start)
            if text[start:end] < w:
                lo = end + 1
            else:
                hi = start
        return text.startswith(w + "\n", lo)


class _Known:
    """``w in known``: the frequency list or pyspellchecker's list has ``w``."""

    def __init__(self, f, extra: _SortedWords):
        self._f, self.extra = f, extra

    def __contains__(self, w: str) -> bool:
        return self._f.word_id(w) is not None or w in self.extra


class _Fixes:
    """The common words (at least ``min_count`` uses, lower-case letters),
    looked up one edit away by generating the edits (a few hundred strings)
    and, for two edits, through a deletion index (each common word and its
    one-letter deletions → the words) built on the first two-edit search:
    only the opt-in rule that allows two edits pays its memory."""

    def __init__(self, f, min_count: int):
        self._f = f
        self._floor = math.log(max(min_count, 1))
        self._deletes: dict | None = None

    def is_common(self, w: str) -> bool:
        i = self._f.word_id(w)
        return i is not None and self._f.logu[i] >= self._floor and w.isalpha() and w.islower()

    def within_one(self, w: str) -> set:
        edits = _edits1(w)
        ids = self._f.ids
        if ids is not None:  # the few hundred edits that are no word, dropped in C
            edits -= edits.difference(ids)
        return {e for e in edits if self.is_common(e)}

    def within_two(self, w: str) -> set:
        deletes = self._deletes
        if deletes is None:
            deletes = self._deletes = {}
            f = self._f
            for c in (f.word(i) for i in range(len(f))):
                if not self.is_common(c):
                    continue
                deletes.setdefault(c, []).append(c)
                for form in {c[:k] + c[k + 1:] for k in range(len(c))}:
                    deletes.setdefault(form, []).append(c)
        found = set()
        # symmetric deletion: a word one edit from a form shares the form
        # or one of its one-letter deletions; every word two edits from w
        # is one edit from some one-edit variant of w
        for form in _edits1(w) | {w}:
            found.update(deletes.get(form, ()))
            for k in range(len(form)):
                found.update(deletes.get(form[:k] + form[k + 1:], ()))
        return found


def _extra_word_text() -> str:
    """pyspellchecker's words, sorted, one a line, from the user cache when
    it holds them (reading a file: a millisecond or two; unzipping and
    parsing its JSON: a few hundred)."""
    path = _extra_words_path()
    if path is None:
        return ""
    st = path.stat()
    key = digest("spelling-words-1", str(path), str(st.st_size), str(st.st_mtime_ns))[:16]
    cached = cache_dir() / f"spelling-words-{key}.txt"
    try:
        return cached.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = "\n".join(sorted(extra_words()))
    freqmod.write_cache(cached, text.encode("utf-8"))
    return text


def extra_words() -> frozenset:
    """The English word list of the ``pyspellchecker`` package (MIT; about
    160,000 words drawn from film and TV subtitles and cleaned of
    misspellings), read from its data file without importing the package.
    It knows many real words the frequency list lacks (burgle, sarin,
    balked); without it the rule still runs, with more false alarms."""
    path = _extra_words_path()
    if path is not None:
        import gzip  # here: only building the cached word list needs it
        try:
            return frozenset(w for w in json.loads(gzip.decompress(path.read_bytes()))
                             if w and "\n" not in w)
        except (OSError, ValueError):
            pass
    return frozenset()


def _extra_words_path() -> Path | None:
    spec = importlib.util.find_spec("spellchecker")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        path = Path(loc) / "resources" / "en.json.gz"
        if path.is_file():
            return path
    return None


def _edits1(w: str) -> set:
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    return out


def _nearest(w: str, fixes: _Fixes, f, two: bool, floor: float | None = None) -> str | None:
    """The best common word within one edit of ``w`` (two if ``two``), by
    edit distance, frequency and how much the slip sounds like the word."""
    found = fixes.within_two(w) if two else fixes.within_one(w)
    best = None
    limit = 2 if two else 1
    for cand in found:
        if cand == w:
            continue
        d = damerau(w, cand, limit)
        if d > limit:
            continue
        lc = f.log_count(cand)
        if floor is not None and (lc < floor or cand.startswith(w) or w.startswith(cand)):
            continue  # a rare word, or the word's own inflection (grassroot/s)
        key = (d - 0.1 * lc - 0.3 * _sound_slip(w, cand), lc)
        if best is None or key < best[0]:
            best = (key, cand)
    return None if best is None else best[1]


#: Up to this many suspects are looked for one by one (each a search of the
#: text for the word's letters), more in one pass over the words.
_FEW = 4


def _word_at(text: str, w: str) -> int:
    """Where ``w``, a word ``_WORD`` finds once in ``text``, is."""
    i = text.find(w)
    while i >= 0:
        m = _WORD.match(text, i)
        if m is not None and m.end() == i + len(w):
            return i
        i = text.find(w, i + 1)
    raise AssertionError(f"{w!r} is not a word of the text")


def _broken_at_line_end(text: str, start: int) -> bool:
    """Whether the word is the end of one hyphenated across a line break
    and left so ("con- clusion")."""
    return text[max(0, start - 2):start] in ("- ", "-\n") and text[start - 3:start - 2].isalpha()


#: Endings of Latin, Italian and French words ("in absentia", "aurora
#: borealis", "numerique"): a non-word ending so is more likely foreign
#: than a word spelt by ear (not "-ous", "-itis").
_LATIN_ENDINGS = ("ia", "io", "ae", "um", "us", "is", "it", "que", "eux", "ez")


_PREV = re.compile(r"([A-Za-z]+)\W{1,3}$")
_NEXT = re.compile(r"\W{1,3}([A-Za-z]+)")


def _foreign_neighbour(text: str, start: int, end: int) -> bool:
    """Whether the word stands next to a word of a foreign phrase."""
    m = _PREV.search(text, max(0, start - 24), start)
    if m and m.group(1).lower() in FOREIGN:
        return True
    m = _NEXT.match(text, end)
    return bool(m and m.group(1).lower() in FOREIGN)


_VOWELS = frozenset("aeiouy")


def _sound_slip(w: str, cand: str) -> bool:
    """Whether one slip turns ``cand`` into ``w`` the way spelling by ear
    does: a vowel for another vowel, or a doubled letter written single (or
    a single one doubled)."""
    if len(w) == len(cand):
        diff = [i for i in range(len(w)) if w[i] != cand[i]]
        return len(diff) == 1 and w[diff[0]] in _VOWELS and cand[diff[0]] in _VOWELS
    long, short = (w, cand) if len(w) > len(cand) else (cand, w)
    if len(long) != len(short) + 1:
        return False
    for i in range(len(long)):
        if long[:i] + long[i + 1:] == short:
            return (i > 0 and long[i - 1] == long[i]) or (i + 1 < len(long) and long[i + 1] == long[i])
    return False


def _vowels_swapped(w: str, fix: str) -> bool:
    """Whether ``w`` is ``fix`` with two neighbouring vowels swapped ("wierd")."""
    diff = [i for i in range(len(w)) if len(w) == len(fix) and w[i] != fix[i]]
    return (len(diff) == 2 and diff[1] == diff[0] + 1 and w[diff[0]] == fix[diff[1]]
            and w[diff[1]] == fix[diff[0]] and w[diff[0]] in _VOWELS and w[diff[1]] in _VOWELS)


#: Letters that stand for the same or a close sound.
_SOUND_SUBS = frozenset(map(frozenset, ["dt", "sz", "sc", "ck", "kq", "xs", "ij", "gj", "iy"]))


def _sounds_alike(w: str, fix: str) -> bool:
    """Whether a one-letter change from ``fix`` to ``w`` keeps the sound: a
    vowel for a vowel, a letter for one that sounds like it, or a letter the
    ear does not hear (doubled, a silent w before r, h, a final e, the d or
    t of a cluster after n: "wreckless", "winfall", "unvaluable")."""
    if len(w) == len(fix):
        diff = [i for i in range(len(w)) if w[i] != fix[i]]
        if len(diff) != 1:
            return False
        a, b = w[diff[0]], fix[diff[0]]
        return (a in _VOWELS and b in _VOWELS) or frozenset((a, b)) in _SOUND_SUBS
    long, short = (w, fix) if len(w) > len(fix) else (fix, w)
    if len(long) != len(short) + 1:
        return False
    for i in range(len(long)):
        if long[:i] + long[i + 1:] == short:
            c, prev = long[i], long[i - 1] if i else ""
            nxt = long[i + 1] if i + 1 < len(long) else ""
            if c in (prev, nxt) or c == "h" or (c == "w" and nxt == "r"):
                return True
            if (c == "e" and not nxt) or (c in "dt" and prev == "n"):
                return True
    return False


@hookimpl
def lintnews_rule_types():
    return [SpellingRule]
