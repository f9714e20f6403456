"""The ``idioms`` rule type: right phrases in, sound-alike variants flagged.

All sentences here are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.document import Document
from lintnews.packs import load_pack
from lintnews.ruletypes import RuleError
from lintnews.ruletypes.idioms import IdiomsRule, lintnews_rule_types

PACK = Path(__file__).resolve().parent.parent / "rules" / "typos-idioms.yaml"


def hits(rule, text):
    return [(text[h.start:h.end], h.fix) for h in rule.find(Document(text))]


def make(phrases, **options):
    return IdiomsRule(None, {"phrases": phrases, **options})


def test_homophone_variants_are_flagged_with_the_phrase_word_as_fix():
    r = make(["free rein", "bated breath"])
    assert hits(r, "The board gave her free reign.") == [("reign", "rein")]
    assert hits(r, "Investors Wait With Baited Breath") == [("Baited", "Bated")]  # a headline
    # capitalised inside a sentence, here or elsewhere in the text: a name
    assert hits(r, "He and Baited breath, a band, played.") == []
    assert hits(r, "Free Reign: a film about the singer Reign.") == []
    assert hits(make(["heart beat"]), "the first win since Gary Hart beat him") == []  # a name run
    assert hits(r, "The board gave her free rein. The reign of the king was long.") == []


def test_near_homophones_only_when_asked():
    assert hits(make(["gold medal winner"]), "the gold metal winner") == [("metal", "medal")]
    assert hits(make(["gold medal winner"], near=False), "the gold metal winner") == []


def test_extra_sound_alikes():
    r = make(["fringe benefits"], sound_alikes=["fringe french"])
    assert hits(r, "staff enjoy french benefits") == [("french", "fringe")]


def test_one_letter_variants_keep_the_first_letter_and_skip_vowel_changes():
    r = make(["brass tacks", "hold sway"], one_edit=True)
    assert hits(r, "Let us get down to brass tracks.") == [("tracks", "tacks")]
    assert hits(r, "The old guard held sway for years.") == []  # a tense, not a slip


def test_a_variant_that_is_itself_listed_is_not_flagged():
    r = make(["rite of passage", "right of passage"])
    assert hits(r, "a rite of passage and a right of passage") == []


def test_a_form_of_a_listed_phrase_is_not_flagged():
    r = make(["rite of passage", "right of passage"])
    assert hits(r, "Exams are rites of passage for pupils.") == []


def test_another_number_or_spelling_of_the_word_is_not_a_slip():
    # statesman/statesmen and tsar/czar are homophones in the pronouncing dictionary
    r = make(["elder statesmen", "drug tsar", "free rein"])
    assert hits(r, "The elder statesman and the drug czar spoke.") == []
    assert hits(r, "The elder states men spoke.") == []  # two words: not a listed phrase
    # "paid" is one misheard sound from "pay", and its past tense: no variant
    swap, _ = make(["pay the price for"], misheard=True)._variants()
    assert "[pace] the price for" in swap and "[paid] the price for" not in swap


def test_an_abbreviation_is_not_a_sound_alike():
    r = make(["on deck", "free rein"])  # "dec" and "deck" sound alike
    assert hits(r, "On Dec. 15, the task force met.") == []


def test_a_wrong_word_inside_another_listed_phrase_is_right_there():
    r = make(["bear the cost", "lay bare"])
    assert hits(r, "They refused to bare the cost.") == [("bare", "bear")]
    assert hits(r, "The report lay bare the cost of delay.") == []


def test_a_phrase_needs_a_second_content_word():
    # "rein in" alone would flag every "rain in"
    r = make(["rein in", "free rein"])
    assert hits(r, "Heavy rain in the north.") == []


def test_a_word_after_its_function_word_takes_exact_homophones():
    r = make(["at sea", "not fazed"])
    assert hits(r, "Ships lost at see.") == [("see", "sea")]
    assert hits(r, "She was not phased by it.") == [("phased", "fazed")]
    # a word before its function word is too loose a phrase ("pray on")
    assert hits(make(["prey on", "at sea"]), "They pray on Sundays.") == []


def test_a_variant_that_is_a_common_phrase_of_its_own_is_skipped():
    r = make(["duel to the death"], one_edit=True)
    assert hits(r, "Prices rose due to the death of the founder.") == []


@pytest.mark.parametrize("options, key", [
    ({"phrases": ["rein"]}, "phrases"),
    ({"phrases": ["free r3in"]}, "phrases"),
    ({"phrases": ["free rein"], "sound_alikes": ["alone"]}, "sound_alikes"),
    ({}, None),
])
def test_bad_options(options, key):
    with pytest.raises(RuleError) as err:
        IdiomsRule(None, options)
    assert err.value.key == key


def test_a_list_without_sound_alikes_is_an_error_when_prepared():
    r = make(["zebra xylophone"])
    with pytest.raises(RuleError):
        r.prepare()


def test_shipped_pack():
    pack = load_pack(PACK, {"idioms": IdiomsRule})
    (rule,) = pack.rules
    assert rule.id == "typos-idioms.sound-alike" and rule.category == "typo" and rule.can_fix
    rule.checker.prepare()
    assert rule.checker.variants > 1000


def test_registered_through_the_hook():
    assert lintnews_rule_types() == [IdiomsRule]


def test_and_and_in_swap_between_two_content_words():
    r = make(["tongue in cheek", "safe and sound"])
    assert hits(r, "a tongue and cheek review") == [("and", "in")]
    assert hits(r, "They came home safe in sound.") == [("in", "and")]
    assert hits(r, "He kept his tongue in cheek.") == []
    # or anywhere in a phrase of four words or more
    r = make(["one and the same", "up and coming"])
    assert hits(r, "The two are one in the same.") == [("in", "and")]
    assert hits(r, "He is up in coming.") == []  # three words, "up" a function word


def test_marked_verbs_and_possessives_are_expanded():
    r = make(["rear~ its ugly head", "bide~ one's time"], sound_alikes=["bide buy"])
    assert hits(r, "Racism reered its ugly head.") == []  # not a word: no variant
    assert hits(r, "She is buying her time.") == [("buying", "biding")]
    assert hits(r, "She bides her time. He bided his time.") == []


def test_misheard_words_only_when_asked_and_not_where_the_change_is_commoner():
    phrases = ["give~ up the ghost", "sow~ one's wild oats", "flea market"]
    assert hits(make(phrases), "The old car gave up the goat.") == []
    r = make(phrases, misheard=True)
    assert hits(r, "The old car gave up the goat.") == [("goat", "ghost")]
    assert hits(r, "He sowed his wild oaks.") == [("oaks", "oats")]
    # "free market" is a far commoner pair than "flea market": not a slip
    assert hits(r, "They believe in the free market.") == []
