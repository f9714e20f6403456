"""The ``spelling`` rule type: non-words one or two slips from a common word.

All sentences here are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("symspellpy", reason="the frequency lists ship inside symspellpy")

from lintnews.document import Document  # noqa: E402
from lintnews.packs import load_pack  # noqa: E402
from lintnews.ruletypes import RuleError  # noqa: E402
from lintnews.ruletypes.spelling import SpellingRule, damerau, lintnews_rule_types  # noqa: E402

PACK = Path(__file__).resolve().parent.parent / "rules" / "spelling.yaml"


def hits(rule, text):
    return [(text[h.start:h.end], h.fix) for h in rule.find(Document(text))]


@pytest.fixture(scope="module")
def rule():
    return SpellingRule(None, {"min_count": 100_000})


@pytest.mark.parametrize("text, word, fix", [
    ("The two sides will meet seperately next week.", "seperately", "separately"),
    ("Officials said they would definately appeal.", "definately", "definitely"),
    ("The council did not recieve the letter.", "recieve", "receive"),
    ("He said the goverment would act.", "goverment", "government"),
])
def test_non_words_get_the_nearest_common_word(rule, text, word, fix):
    assert hits(rule, text) == [(word, fix)]


@pytest.mark.parametrize("text", [
    "Mr Seperately said they would appeal.",  # a capitalised word: a name
    "The NATO summit and the BBCX channel.",  # all caps
    "Visit www.seperate.example.com or write to desk@recieve.example today.",
    "Follow @seperately and #definately for updates.",
    "The re-organisation of well-knowen units.",  # hyphenated compounds
    "The organisation reorganised its colours and recolored the logos.",
    "Runners, stoppers and the biggest skinnier jumpers.",  # inflections
    "The rockscape and the mountainside were photographed.",  # a compound
    "The recieve button and the recieve queue were renamed.",  # used twice: the writer's choice
    "It was de rigueur, a joie de vivre, a bona fide triumph.",  # foreign phrases
    "A grozzlefimp is not close to any word.",  # no common word near
])
def test_sound_or_deliberate_words_pass(rule, text):
    assert hits(rule, text) == []


def test_vocabulary(rule):
    r = SpellingRule(None, {"min_count": 100_000, "vocabulary": ["recieve"]})
    assert hits(r, "The council did not recieve the letter.") == []


def test_formed_only_keeps_words_built_from_real_parts():
    r = SpellingRule(None, {"min_count": 100_000, "formed_only": True})
    assert hits(r, "Police said he was a wreckless driver.") == [("wreckless", "reckless")]
    assert hits(r, "The council did not recieve the letter.") == []


def test_two_edits_only_for_long_words(rule):
    assert damerau("recieve", "receive") == 1
    assert damerau("abc", "xyz", limit=2) == 3
    r = SpellingRule(None, {"min_count": 100_000, "two_edits_from": 99})
    assert hits(r, "He said the govermnet would act.") == []
    assert hits(rule, "He said the govermnet would act.") == [("govermnet", "government")]


def test_case_of_the_fix_follows_the_word(rule):
    # Sentence-initial words are capitalised and so skipped; a lower-case
    # word keeps lower case.
    assert hits(rule, "and seperately") == [("seperately", "separately")]


@pytest.mark.parametrize("options, key", [
    ({"min_count": "many"}, "min_count"),
    ({"vocabulary": "recieve"}, "vocabulary"),
    ({"colour": 1}, "colour"),
])
def test_bad_options(options, key):
    with pytest.raises(RuleError) as err:
        SpellingRule(None, options)
    assert err.value.key == key


def test_shipped_pack():
    pack = load_pack(PACK, {"spelling": SpellingRule})
    by_id = {r.id: r for r in pack.rules}
    assert not by_id["spelling.non-word"].enabled  # opt-in: spell checkers already catch these
    assert by_id["spelling.misheard-compound"].enabled
    assert by_id["spelling.by-ear"].enabled
    for r in pack.rules:
        assert r.category == "typo" and r.can_fix
        for text in r.examples["flag"]:
            assert list(r.checker.find(Document(text))), f"{r.id} should flag: {text}"
        for text in r.examples["pass"]:
            assert not list(r.checker.find(Document(text))), f"{r.id} should pass: {text}"


def test_registered_through_the_hook():
    assert lintnews_rule_types() == [SpellingRule]


def test_by_sound_takes_the_word_with_the_same_sounds_spelt_most_alike():
    r = SpellingRule(None, {"min_count": 200_000, "by_sound": True})
    assert r.verdict("pedistal") == "pedestal"  # two vowels guessed
    assert r.verdict("wierd") == "weird"  # not "word", commoner with the same sounds
    assert r.verdict("ansestor") == "ancestor"  # s for the c before e
    assert r.verdict("postpomed") is None  # n typed as m: other sounds
    assert r.verdict("themsleves") is None  # two letters swapped: a typing slip
    assert r.verdict("reorganised") is None  # a derivation of a word


def test_by_sound_leaves_latin_words_and_words_broken_at_a_line_end():
    r = SpellingRule(None, {"min_count": 200_000, "by_sound": True})
    assert r.verdict("clusion") == "collusion"  # on its own, a slip
    assert hits(r, "He had come to the con- clusion that it was wrong.") == []
    assert hits(r, "He had come to the con-\nclusion that it was wrong.") == []
    assert r.verdict("absentia") is None  # "in absentia": Latin, not a slip
    assert hits(r, "The statue stood on a pedistal.") == [("pedistal", "pedestal")]


def test_misheard_compounds_must_sound_alike_and_keep_the_stem():
    r = SpellingRule(None, {"min_count": 100_000, "formed_only": True})
    assert r.verdict("winfall") == "windfall"  # the d of a cluster is not heard
    assert r.verdict("unvaluable") == "invaluable"  # the slip is in the prefix
    assert r.verdict("defund") is None  # de + fund: a coinage, not "defend"


def test_sorted_words_bisects_the_text_then_blocks_of_it():
    from lintnews.ruletypes.spelling import _SortedWords
    words = sorted(["apple", "apples", "banana", "cherry", "zebra", "éclair", "a", "ab"])
    probes = words + ["", "b", "applesauce", "appl", "zebras", "aa", "zz", "éclairs", "x\ny", "A"]
    text_only = _SortedWords("\n".join(words))
    text_only.BLOCKS_AFTER = 10**6
    assert [p for p in probes if p in text_only] == words
    for block in (1, 3, 64):
        blocks = _SortedWords("\n".join(words))
        blocks.BLOCKS_AFTER, blocks.BLOCK = 3, block  # the fourth lookup on bisects blocks
        assert [p for p in probes if p in blocks] == words
        assert blocks._firsts == words[::block]
    assert "apple" not in _SortedWords("")


def test_candidate_words_are_found_after_the_character_before_them():
    """``_WORD_AFTER`` (which starts with a character class, searched for
    fast) finds in " " + text exactly the words ``_WORD`` finds in text,
    and ``_word_at`` places a word found once where ``_WORD`` found it."""
    import random
    from lintnews.ruletypes import spelling
    rng = random.Random(8)
    pieces = ["word", "seperate", "Capital", "ab", "abc", "x-ray", "e.g.", ".com", "www.", "@handle",
              "#tag", "a/b", "don't", "it’s", "AT&T", "3rd", "_under", "naïve", "café", "über", "ok",
              " ", " ", "  ", "\n", ". ", ", ", "-", "'", "’", ";", "=", "+", "~", ".", "\\", "“", "”"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        words = spelling._WORD.findall(text)
        assert spelling._WORD_AFTER.findall(" " + text) == words, text
        if text.isascii():  # the ASCII twin, used on ASCII text, agrees
            assert spelling._WORD_AFTER_ASCII.findall(" " + text) == words, text
        for m in spelling._WORD.finditer(text):
            if words.count(m.group()) == 1:
                assert spelling._word_at(text, m.group()) == m.start(), text


def test_many_suspects_are_found_in_order_as_a_few_are(rule):
    sentences = ["They met seperately.", "He would definately appeal.", "They did not recieve it.",
                 "The goverment acted.", "It was seperately noted.", "The tempature fell.",
                 "Few beleive it.", "It occured twice."]
    one_by_one = [h for s in sentences for h in hits(rule, s)]
    found = hits(rule, " ".join(sentences))
    # 'seperately' twice is the writer's choice, not a slip; the others in order
    assert found == [h for h in one_by_one if h[0] != "seperately"]
    assert len(found) > 4  # more than are looked for one by one


def test_the_same_verdicts_with_every_word_in_one_dict(rule, monkeypatch):
    """Once the frequency list is one dict (``Frequencies.ids``) words are
    set aside in C: the findings are those of the look-ups one by one."""
    text = ("They met seperately. He would definately appeal. The goverment acted. "
            "The rockscape and the mountainside. A grozzlefimp. It occured twice.")
    rule._data()
    rule._verdicts.clear()
    rule._seen_listed.clear()
    one_by_one = hits(rule, text)
    f = rule._freq
    words = f._mapped.section_bytes(0).decode().split("\n")[:len(f)]
    monkeypatch.setattr(f, "_ids", dict(zip(words, range(len(f)))))
    monkeypatch.setattr(f, "_bisections", None)
    assert f.ids is not None
    rule._verdicts.clear()
    rule._seen_listed.clear()
    assert hits(rule, text) == one_by_one
    assert len(one_by_one) >= 3
