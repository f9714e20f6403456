"""The forms of an English verb and the possessives of ``one's``, for phrase
lists written once in their base form; and whether two words are forms of
one word (:func:`forms`: no mishearing, no slip).

An idiom pack writes ``rear~ its ugly head`` and ``bide~ one's time``;
:func:`expand` turns each into every form a writer uses ("reared its ugly
head", "bides his time"). Regular forms are built by the spelling rules of
English and kept only when ``known(word)`` says the form exists, because the
rules cannot tell "visited" from "visitted"; the common irregular verbs are
listed below.
"""
from __future__ import annotations

import itertools
from typing import Callable

#: A trailing mark on a word: also match its verb forms.
VERB_MARK = "~"
#: The possessive pronouns that ``one's`` stands for.
POSSESSIVES = ("one's", "my", "your", "his", "her", "its", "our", "their")
#: The one of them a matcher may take for any possessive (``lintnews.swap_index``).
ANY_POSSESSIVE = POSSESSIVES[0]

_VOWELS = "aeiou"

# "base past participle" for each irregular verb; the third person and the
# -ing form are always derived (regular spelling rules).
_IRREGULAR_TEXT = """
arise arose arisen; awake awoke awoken; be was been; bear bore borne; beat beat beaten;
become became become; begin began begun; bend bent bent; bet bet bet; bid bid bid;
bind bound bound; bite bit bitten; bleed bled bled; blow blew blown; break broke broken;
breed bred bred; bring brought brought; build built built; burn burnt burnt;
burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came come; cost cost cost; creep crept crept;
cut cut cut; deal dealt dealt; dig dug dug; do did done; draw drew drawn;
dream dreamt dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feed fed fed; feel felt felt; fight fought fought; find found found; flee fled fled;
fling flung flung; fly flew flown; forbid forbade forbidden; forget forgot forgotten;
forgive forgave forgiven; freeze froze frozen; get got gotten; give gave given; go went gone;
grind ground ground; grow grew grown; hang hung hung; have had had; hear heard heard;
hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept;
kneel knelt knelt; know knew known; lay laid laid; lead led led; lean leant leant;
leap leapt leapt; learn learnt learnt; leave left left; lend lent lent; let let let;
lie lay lain; light lit lit; lose lost lost; make made made; mean meant meant;
meet met met; mistake mistook mistaken; overcome overcame overcome; pay paid paid;
put put put; quit quit quit; read read read; rid rid rid; ride rode ridden; ring rang rung;
rise rose risen; run ran run; say said said; see saw seen; seek sought sought;
sell sold sold; send sent sent; set set set; sew sewed sewn; shake shook shaken;
shed shed shed; shine shone shone; shoot shot shot; show showed shown; shrink shrank shrunk;
shut shut shut; sing sang sung; sink sank sunk; sit sat sat; sleep slept slept;
slide slid slid; sling slung slung; slit slit slit; smell smelt smelt; sow sowed sown;
speak spoke spoken; speed sped sped; spell spelt spelt; spend spent spent; spill spilt spilt;
spin spun spun; spit spat spat; split split split; spoil spoilt spoilt; spread spread spread;
spring sprang sprung; stand stood stood; steal stole stolen; stick stuck stuck;
sting stung stung; stink stank stunk; stride strode stridden; strike struck struck;
string strung strung; strive strove striven; swear swore sworn; sweep swept swept;
swell swelled swollen; swim swam swum; swing swung swung; take took taken; teach taught taught;
tear tore torn; tell told told; think thought thought; throw threw thrown; thrust thrust thrust;
tread trod trodden; undergo underwent undergone; understand understood understood;
undertake undertook undertaken; upset upset upset; wake woke woken; wear wore worn;
weave wove woven; weep wept wept; wet wet wet; win won won; wind wound wound;
withdraw withdrew withdrawn; wring wrung wrung; write wrote written
"""


def _irregular() -> dict[str, tuple[str, ...]]:
    table = {}
    for entry in _IRREGULAR_TEXT.split(";"):
        base, *forms = entry.split()
        table[base] = tuple(forms)
    return table


IRREGULAR = _irregular()
#: Forms whose regular spelling is also standard ("burned", "dreamed").
_BOTH = {"burn", "dream", "lean", "leap", "learn", "smell", "spell", "spill", "spoil"}


#: The kinds of form, in the order :func:`verb_forms` lists them.
KINDS = ("base", "third", "ing", "past", "participle")


def verb_forms(base: str, known: Callable[[str], bool]) -> list[str]:
    """``base`` and its inflected forms that ``known`` accepts (the base
    itself always), in a stable order."""
    out: list[str] = []
    for _, form in verb_kinds(base, known):
        if form not in out:
            out.append(form)
    return out


def verb_kinds(base: str, known: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(kind, form) for each form of ``base`` that exists: the regular ones
    ``known`` accepts, the listed irregular ones, the base itself."""
    base = base.lower()
    irregular = IRREGULAR.get(base)
    out = [("base", base)]
    regular = [("third", _third_person(base))] + [("ing", f) for f in _ing(base)]
    if not irregular or base in _BOTH:
        regular += [(k, f) for f in _past(base) for k in ("past", "participle")]
    regular = [(k, f) for k, f in regular if known(f)]
    doubled = base + base[-1]
    if _doubles(base) and known(base + "e") and any(f.startswith(doubled) for _, f in regular):
        # "scraped" and "hoping" are the forms of "scrape" and "hope": where
        # the doubled form exists ("scrapped"), it alone is this verb's
        regular = [(k, f) for k, f in regular if f not in (base + "ed", base + "ing")]
    out += regular
    if irregular:
        out += [("past", irregular[0]), ("participle", irregular[1])]
    return out


def inflect(base: str, kind: str, known: Callable[[str], bool]) -> str | None:
    """``base`` in the form ``kind`` ("ing": "biding"), or None."""
    for k, form in verb_kinds(base, known):
        if k == kind:
            return form
    return None


def _third_person(w: str) -> str:
    if w == "be":
        return "is"
    if w == "have":
        return "has"
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> list[str]:
    if w.endswith("e"):
        return [w + "d"]
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return [w[:-1] + "ied"]
    return [w + "ed", w + w[-1] + "ed"] if _doubles(w) else [w + "ed"]


def _ing(w: str) -> list[str]:
    if w.endswith("ie"):
        return [w[:-2] + "ying"]
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        return [w[:-1] + "ing"]
    return [w + "ing", w + w[-1] + "ing"] if _doubles(w) else [w + "ing"]


def _doubles(w: str) -> bool:
    """A final consonant that may double ("stop" → "stopped"); whether it
    does depends on stress, which ``known`` settles."""
    return (len(w) >= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS
            and w[-3] not in _VOWELS)


def expand(phrase: str, known: Callable[[str], bool]) -> list[str]:
    """Every phrase ``phrase`` stands for: each ``word~`` in its forms and
    each ``one's`` as every possessive pronoun."""
    return [" ".join(w for w, _ in words) for words in expand_marked(phrase, known)]


def expand_marked(phrase: str, known: Callable[[str], bool],
                  possessives: bool = True) -> list[list[tuple]]:
    """As :func:`expand`, each phrase a list of (word, (base, kind) or None):
    a sound-alike of a marked verb can then be put in the same form. With
    ``possessives`` false, ``one's`` is kept as one word (for a matcher that
    takes it to stand for any possessive)."""
    slots = []
    for word in phrase.split():
        if word.endswith(VERB_MARK):
            base = word[:-1]
            forms = {}
            for kind, form in verb_kinds(base, known):
                forms.setdefault(form, (form, (base.lower(), kind)))
            slots.append(list(forms.values()))
        elif word.lower() in ("one's", "one’s"):
            slots.append([(p, None) for p in (POSSESSIVES if possessives else (ANY_POSSESSIVE,))])
        else:
            slots.append([(word, None)])
    return [list(words) for words in itertools.product(*slots)]


#: Irregular plurals: a form, not a mishearing.
_PLURALS = {"man": "men", "woman": "women", "foot": "feet", "tooth": "teeth", "goose": "geese",
            "mouse": "mice", "louse": "lice"}


def forms(a: str, b: str, same_lemma) -> bool:
    """Whether ``a`` and ``b`` are forms of one word, beyond ``same_lemma``:
    injury/injuries, fan/fanned, bide/biding."""
    if same_lemma(a, b) or _PLURALS.get(a) == b or _PLURALS.get(b) == a:
        return True
    if b in IRREGULAR.get(a, ()) or a in IRREGULAR.get(b, ()):
        return True  # pay/paid, sell/sold
    if a.endswith("men") and b == a[:-3] + "man" or b.endswith("men") and a == b[:-3] + "man":
        return True  # chairman/chairmen
    short, long = sorted((a, b), key=len)
    for suffix in ("s", "es", "ies", "d", "ed", "ied", "ing"):
        if suffix == "d" and not short.endswith("e"):
            continue  # hone/honed, but ban/band
        if long.endswith(suffix) and len(long) > len(suffix) + 1:
            stem = long[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stem = stem[:-1]  # fanned → fan
            if stem == short or (short[-1] in "ey" and stem == short[:-1]):
                return True
    return False
