"""``type: idioms`` — a fixed phrase written with a sound-alike of one of its
words: "baited breath" (bated), "free reign" (rein), "pedal to the medal"
(metal), "a vein attempt" (vain).

Eggcorns are spelt by ear, so a list of the *right* phrases is enough: for
each phrase and each of its content words, every homophone
(``lintnews.homophones``) and near-homophone (``lintnews.soundalikes``) of
the word gives a wrong variant, which is flagged with the phrase's word as
the fix. One entry ("free rein") covers every way of mishearing it, and the
pack author writes idioms, not guesses at errors. The phrase around the word
is the context that makes the swap safe: "reign" alone is a word, "free
reign" is a slip.

Pack authors write each phrase once: ``word~`` also stands for the verb's
forms and ``one's`` for every possessive (``lintnews.inflect``); a
sound-alike of a marked verb is put in the same form ("biding her time"
heard as "buying her time"). With ``misheard``, words one misheard sound
away (``lintnews.mishearings``: goat/ghost, oaks/oats) are swapped too, in
phrases of three words or more and only where the changed pair of words is
not the commoner one in the word-pair counts ("free market" is no slip for
"flea market").

A variant that is itself one of the listed phrases, or another form of one
("rites of passage" beside "rite of passage"), is not flagged, nor is one
inside an ``exceptions`` phrase, nor a word capitalised inside a
sentence (a name). Function words (of, in, to, ...) are never swapped in or
out (their sound-alikes are grammar, not eggcorns), except "and" and "in"
between two content words or inside a phrase of four words or more, which
sound alike unstressed: "part in parcel", "tongue and cheek", "one in the
same". A word is swapped freely only when the rest of the
phrase holds another content word: "rein in" alone would flag every "rain
in"; with none ("not fazed", "at sea", but never a word before its function
word, as in "rein in") only an exact homophone is, with only a
particle ("pore over") a homophone or near-homophone, and in both cases only
where the changed pair is not the commoner one.
Nor is a variant whose new word forms a strongly associated pair (in the
word-pair counts) with its neighbour in the phrase: "duel to the death"
must not flag "due to the death".
"""
from __future__ import annotations

import functools
import re

from .. import frequencies as freqmod
from .. import homophones, inflect, soundalikes
from ..cache import cache_dir, digest, write_atomic
from ..frequencies import FUNCTION_WORDS
from ..hookspecs import hookimpl
from ..phrases import compile_phrases, match_case
from ..swap_index import SwapIndex
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import excepted

_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?~?$")
#: Changes whenever the derivation of variants changes (invalidates the cache).
_FORMAT = "idioms-variants-19"


def sound_map(near: bool, extra: list[str]) -> dict[str, set]:
    """word → the words that sound like it."""
    sounds: dict[str, set] = {}
    groups = [list(p) for p in homophones.pairs()]
    if near:
        groups += [list(p) for p in soundalikes.pairs()]
    groups += [g.lower().split() for g in extra]
    for group in groups:
        for a in group:
            for b in group:
                if a != b:
                    sounds.setdefault(a, set()).add(b)
    return sounds


class IdiomsRule(RuleType):
    name = "idioms"
    summary = ("Flags a fixed phrase written with a sound-alike of one of its words, from a "
               "list of the right phrases, e.g. 'free reign' → 'free rein'.")
    can_fix = True
    options = {
        "phrases": Option(list, "The right phrases (two words or more), e.g. 'free rein'; "
                                "'word~' also stands for the verb's forms ('rear~ its ugly "
                                "head': rears, reared, rearing) and \"one's\" for every "
                                "possessive ('bide~ one's time': my, his, their...).",
                          required=True),
        "sound_alikes": Option(list, "Extra sets of words that sound alike, each a string of "
                                     "space-separated words, e.g. 'alms arms'.", default=None),
        "near": Option(bool, "Also swap in near-homophones (metal/medal, stalk/stock), not "
                             "just exact ones.", default=True),
        "misheard": Option(bool, "Also swap in words one misheard sound away (goat/ghost, "
                                 "oaks/oats; lintnews.mishearings), unless the changed "
                                 "phrase is the commoner pair of words.", default=False),
        "one_edit": Option(bool, "Also swap in common words one letter away (band/ban), "
                                 "except other forms of the word and vowel changes.",
                           default=False),
        "exceptions": Option(list, "Phrases; a match lying inside one of them is not flagged."),
    }

    def setup(self, phrases, sound_alikes, near, misheard, one_edit, exceptions):
        phrases = string_list(phrases, "phrases")
        for i, phrase in enumerate(phrases):
            words = phrase.lower().split()
            if len(words) < 2 or not all(_WORDS.match(w) for w in words):
                raise RuleError(f"'phrases' entry {phrase!r} must be two or more words of "
                                f"letters", "phrases", i)
        extra = string_list(sound_alikes, "sound_alikes")
        for group in extra:
            if len(group.split()) < 2:
                raise RuleError(f"'sound_alikes' entry {group!r} needs two or more words",
                                "sound_alikes")
        # One text, not a list: the compiled pack is unpickled at every start,
        # and 40,000 strings (with their YAML line numbers) took 10 ms of it;
        # the words are needed only to derive the variants, once per machine.
        self.phrase_text = "\n".join(phrases)
        self.extra, self.near, self.one_edit = extra, near, one_edit
        self.misheard = misheard
        self.exception_list = exceptions
        # Deriving the variants needs the sound and frequency tables: done
        # in prepare(), for rules that run.
        self.index: SwapIndex | None = None

    def prepare(self):
        if self.index is not None:
            return
        self.exceptions = compile_phrases(string_list(self.exception_list, "exceptions"), True)
        # Deriving the variants takes seconds for thousands of phrases: they
        # are kept in the user cache, keyed by everything they come from.
        name = "idioms-" + digest(_FORMAT, self.phrase_text, "\n".join(self.extra),
                                  str(self.near), str(self.one_edit), str(self.misheard),
                                  freqmod.cache_key(),
                                  homophones.PAIRS, soundalikes.PAIRS,
                                  _mishearing_pairs() if self.misheard else "")[:16] + ".map"
        path = cache_dir() / name
        try:
            self.index = SwapIndex.open(path)
        except OSError:
            pass
        if self.index is None:
            swap, right = self._variants()
            if not swap:
                raise RuleError("no listed phrase has a word with a sound-alike", "phrases")
            self.index = SwapIndex.from_swap(swap, right)
            try:
                write_atomic(path, self.index.dumps())
            except OSError:
                pass  # a read-only cache: derived again next time

    @property
    def phrases(self) -> list[str]:
        """The right phrases, as the pack lists them."""
        return self.phrase_text.split("\n")

    @property
    def variants(self) -> int:
        """How many wrong variants the rule looks for (once prepared)."""
        return len(self.index) if self.index is not None else 0

    def _variants(self) -> tuple[dict[str, str], tuple]:
        """Each wrong variant ("free [reign]") → the right word ("rein"), and
        the right phrases (their forms, lower case)."""
        def known(w):
            return freq.word_id(w) is not None

        freq = freqmod.load()
        tables = (sound_map(self.near, self.extra), sound_map(False, self.extra),
                  _mishearing_map() if self.misheard else {}, freq, known)
        # The same word recurs in many expanded phrases: the answers are memoised.
        alternatives = functools.lru_cache(maxsize=None)(
            lambda slot, context, wide: self._word_alternatives(slot, tables, context, wide))
        bound = functools.lru_cache(maxsize=None)(lambda *args: _bound(freq, *args))
        rivals = functools.lru_cache(maxsize=None)(
            lambda low, alt, words, i: _rivals(freq, low, alt, words, i))
        # "one's" stays one word: the index takes it for any possessive
        # (seven times fewer variants to keep and to load)
        phrases = [p for entry in self.phrases
                   for p in inflect.expand_marked(entry, known, possessives=False)]
        right = {" ".join(w for w, _ in p).lower() for p in phrases}
        # Each listed phrase with one word left out → the words listed there:
        # a variant that puts another form of such a word ("rites of
        # passage" beside "rite of passage") is a listed phrase inflected.
        slots: dict[str, set] = {}
        for p in phrases:
            words = [w.lower() for w, _ in p]
            for i, w in enumerate(words):
                slots.setdefault(" ".join(words[:i] + ["*"] + words[i + 1:]), set()).add(w)
        swap: dict[str, str] = {}
        for marked in phrases:
            words = [w for w, _ in marked]
            content = [w.lower() not in FUNCTION_WORDS and w.lower() not in inflect.POSSESSIVES
                       for w in words]
            for i, word in enumerate(words):
                low = word.lower()
                if low in REDUCED and 0 < i < len(words) - 1 and (
                        content[i - 1] and content[i + 1] or len(words) > 3):
                    # a binomial or a compound phrase: "part and parcel" heard
                    # as "part in parcel", "tongue in cheek" as "tongue and cheek";
                    # a long phrase is context enough ("one in the same")
                    for alt in REDUCED[low]:
                        variant = words[:i] + [alt] + words[i + 1:]
                        if " ".join(variant).lower() not in right:
                            key = " ".join(words[:i] + [f"[{alt}]"] + words[i + 1:])
                            swap.setdefault(key, word)
                    continue
                if low in FUNCTION_WORDS or len(low) < 3:
                    continue
                others = sum(content) - 1
                particle = len(words) == 2 and words[1 - i].lower() in _PARTICLES
                if others < 1 and len(words) < 3 and not particle and i == 0:
                    # "rein in" alone would flag every "rain in"; a word after
                    # its function word ("at sea", "on cue") is safer: exact
                    # homophones only, as for any phrase of one content word
                    continue
                near = [w.lower() for w in words[max(0, i - 1):i] + words[i + 1:i + 2]]
                alts, loose = alternatives(marked[i], others > 0 or particle, len(words) > 2)
                window = tuple(w.lower() for w in words[max(0, i - 1):i + 2])
                for alt in sorted(alts | loose):
                    variant = words[:i] + [alt] + words[i + 1:]
                    if " ".join(variant).lower() in right:
                        continue  # both spellings are listed phrases
                    listed = slots.get(" ".join(words[:i] + ["*"] + words[i + 1:]).lower(), ())
                    if any(freqmod.same_lemma(alt, w) for w in listed):
                        continue  # a form of a listed phrase ("rites of passage")
                    if any(bound(alt, n, j < 1 and i > 0) for j, n in enumerate(near)):
                        continue  # the variant is a common phrase of its own ("due to")
                    if ((alt not in alts or particle or others < 1)
                            and rivals(low, alt, window, min(i, 1))):
                        continue  # with little context, a commoner pair wins ("free market")
                    key = " ".join(words[:i] + [f"[{alt}]"] + words[i + 1:])
                    swap.setdefault(key, word)
        return swap, tuple(right)

    def _word_alternatives(self, slot, tables, context: bool, wide: bool) -> tuple[set, set]:
        """The sound-alikes a writer may put for one word of a phrase:
        (homophones and near-homophones, misheard words).

        A function word for a content word is grammar, not a mishearing
        ("braking for corners" is no "far corners"). Without another content
        word in the phrase (``context``) only exact homophones count ("not
        phased by"). A misheard word needs more context than one neighbour
        (``wide``: "empty net" is no slip for "empty nest"; "clog up" none
        for "clock up").
        """
        sounds, exact, misheard, freq, known = tables
        word, marked = slot
        low = word.lower()
        inflected = functools.partial(_inflected, known=known)
        pool = sounds if context else exact
        alts = set(self._alternatives(low, pool, freq if self.one_edit and context else None))
        loose = set(misheard.get(low, ())) if context and wide else set()
        if marked:  # a verb's form: its base's sound-alikes in that form
            base, kind = marked
            alts |= inflected(self._alternatives(base, pool, None), kind)
            if context and wide:
                loose |= inflected(misheard.get(base, ()), kind)
        alts = {w for w in alts
                if w not in FUNCTION_WORDS and w not in _ABBREVIATIONS and not _spellings(low, w)}
        loose = {w for w in loose - alts if w not in FUNCTION_WORDS and w not in _GRAMMAR
                 and w not in _ABBREVIATIONS and not _spellings(low, w)}
        return alts, loose

    def find(self, doc):
        self.prepare()
        text = doc.text
        for start, end, right in self.index.finditer(text):
            if excepted(self.exceptions, text, start, end) or _named(text, start, end):
                continue
            yield Hit(start, end, fix=match_case(text[start:end], right))

    @staticmethod
    def _alternatives(word: str, sounds: dict, freq) -> set:
        """The words a writer may put for ``word``: its sound-alikes and, with
        the frequency tables, the common words one letter away (a letter left
        out, added or changed, two swapped; never the first), but not another form of the
        same word (held/hold, rings/ring) nor one that only changes a vowel
        (a tense: sing/sang), which the sound-alikes cover where it matters."""
        out = set(sounds.get(word, ()))
        if freq is not None:
            wid = freq.word_id(word)
            if wid is not None:
                for twin, _, kind in freq.twins_of(wid):
                    if kind == freqmod.EDIT_SOUND or twin in FUNCTION_WORDS or twin[0] != word[0]:
                        continue  # a wrong first letter is rare (and "tide"/"side" both fit)
                    if kind == freqmod.EDIT_SUB and _vowel_swap(word, twin):
                        continue
                    out.add(twin)
        return out


#: Grammatical words beyond ``FUNCTION_WORDS`` that a loose sound-alike must
#: not be: "in common [since]" is no slip for "common sense".
_GRAMMAR = frozenset("""since until till while though although because unless whether once
yet still even ever never now then well again always often soon almost already rather quite
""".split())
#: Abbreviations the word lists spell as words: "On Dec. 15" is no slip for
#: "on deck", nor "Wall St" for "wall street" ("st" and "street" are alike).
_ABBREVIATIONS = frozenset("""jan feb apr jun jul aug sept oct nov dec tues thur thurs fri
st rd ave blvd ft mt dept govt""".split())
#: Particles that make a two-word phrasal verb specific enough for a
#: sound-alike verb ("pore over", "hone in"); not "in" or "on" ("rein in").
_PARTICLES = frozenset("over off together up down out away back apart aside".split())
#: Function words that sound alike when unstressed between two content
#: words ("rock and roll" is said "rock 'n' roll").
REDUCED = {"and": ("in", "an"), "in": ("and",)}
#: A variant word whose listed pair with a neighbour in the phrase is this
#: many times likelier than chance (natural log) forms a phrase of its own.
BOUND_PMI = 2.0


def _bound(freq, word: str, neighbour: str, before: bool) -> bool:
    """Whether ``word`` and its phrase neighbour (``before`` it or after)
    are a strongly associated pair in the word-pair counts."""
    a, b = (neighbour, word) if before else (word, neighbour)
    pair = freq.log_pair(a, b)
    if pair is None:
        return False
    la, lb = freq.log_count(a), freq.log_count(b)
    return pair - (la + lb - freq.log_norm) > BOUND_PMI


def _named(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start`` is capitalised inside a sentence, here
    or at another of its uses in the text: a name ("Cruz Control", not
    "cruise"; "since Gary Hart beat"). Inside a sentence means after a comma
    or a word that starts in lower case, alone or ending a run of
    capitalised words ("waited with Baited"), not in a title-case headline
    ("Wait With Baited Breath")."""
    if not text[start:start + 1].isupper():
        return False
    word = text[start:end]
    # the word, or the run of capitalised words it ends ("Gary Hart"), after
    # a comma or a lower-case word
    for m in re.finditer(r"(,|\b[A-Za-z]+)\s+(?:[A-Z][\w'’.-]*\s+)*" + re.escape(word) + r"\b",
                         text):
        if m.group(1) == "," or m.group(1)[0].islower():
            return True
    return False


def _inflected(words, kind: str, known) -> set:
    """``words`` (verbs) each in the form ``kind``, where it exists."""
    return {f for f in (_inflect(w, kind, known) for w in words) if f}


@functools.lru_cache(maxsize=4096)
def _inflect(word: str, kind: str, known) -> str | None:
    return inflect.inflect(word, kind, known)


#: Two accepted spellings of one word (mostly British and American) that
#: ``spelling_variants`` does not catch: "break the mold" is no slip for
#: "break the mould", nor "drug czar" for "drug tsar".
_BRITISH_AMERICAN = {("mould", "mold"), ("moult", "molt"), ("smoulder", "smolder"),
                     ("plough", "plow"), ("grey", "gray"), ("tyre", "tire"), ("kerb", "curb"),
                     ("storey", "story"), ("cheque", "check"), ("draught", "draft"),
                     ("gaol", "jail"), ("sceptic", "skeptic"), ("whisky", "whiskey"),
                     ("tsar", "czar"), ("racquet", "racket"), ("judgement", "judgment")}


def _spellings(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two spellings or two forms of one word: a
    phrase listed in the singular says nothing against its plural ("elder
    statesmen" is no slip for "elder statesman")."""
    if freqmod.spelling_variants(a, b) or inflect.forms(a, b, freqmod.same_lemma):
        return True
    for x, y in _BRITISH_AMERICAN:
        for u, v in ((a, b), (b, a)):
            if u.startswith(x) and v.startswith(y) and u[len(x):] == v[len(y):]:
                return True
    return False


def _mishearing_pairs() -> str:
    from .. import mishearings

    return mishearings.PAIRS


def _mishearing_map() -> dict[str, set]:
    from .. import mishearings

    out: dict[str, set] = {}
    for a, b in mishearings.pairs():
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def _rivals(freq, word: str, alt: str, words: list[str], i: int) -> bool:
    """Whether ``alt`` beside a neighbour in the phrase is at least as common
    a pair as ``word`` there: "free market" outnumbers "flea market", so a
    writer of "free market" meant it."""
    for j, before in ((i - 1, True), (i + 1, False)):
        if 0 <= j < len(words):
            n = words[j].lower()
            ours = freq.log_pair(n, word) if before else freq.log_pair(word, n)
            theirs = freq.log_pair(n, alt) if before else freq.log_pair(alt, n)
            if theirs is not None and (ours is None or theirs >= ours):
                return True
    return False


def _vowel_swap(a: str, b: str) -> bool:
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 and a[diff[0]] in "aeiouy" and b[diff[0]] in "aeiouy"


@hookimpl
def lintnews_rule_types():
    return [IdiomsRule]
