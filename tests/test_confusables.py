"""The ``confusables`` rule type and its frequency tables.

All sentences here are written for these tests."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("symspellpy", reason="the frequency lists ship inside symspellpy")

from lintnews import frequencies  # noqa: E402
from lintnews.document import Document  # noqa: E402
from lintnews.packs import load_pack  # noqa: E402
from lintnews.ruletypes import RuleError  # noqa: E402
from lintnews.ruletypes import confusables  # noqa: E402
from lintnews.ruletypes.confusables import ConfusablesRule, lintnews_rule_types  # noqa: E402

PACK = Path(__file__).resolve().parent.parent / "rules" / "typos-context.yaml"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK, {"confusables": ConfusablesRule})


@pytest.fixture(scope="module")
def rule(pack):
    return pack.rules[0].checker


def hits(rule, text):
    return [(text[h.start:h.end], h.fix) for h in rule.find(Document(text))]


# -- the issue's examples -------------------------------------------------------
@pytest.mark.parametrize("text, word, fix", [
    ("The death tool rose to 40.", "tool", "toll"),
    ("She took on the roll of director.", "roll", "role"),
    ("This information was passed on my a soldier.", "my", "by"),
])
def test_issue_examples(rule, text, word, fix):
    assert hits(rule, text) == [(word, fix)]


@pytest.mark.parametrize("text", [
    "The death toll rose to 40.",
    "She took on the role of director.",
    "This information was passed on by a soldier.",
    "The council will publish its budget on Monday.",
    "Police said the two men were arrested at the scene.",
])
def test_correct_copy_passes(rule, text):
    assert hits(rule, text) == []


def test_pack_examples(pack):
    for r in pack.rules:
        for text in r.examples["flag"]:
            assert list(r.checker.find(Document(text))), f"{r.id} should flag: {text}"
        for text in r.examples["pass"]:
            assert not list(r.checker.find(Document(text))), f"{r.id} should pass: {text}"


def test_pack_metadata(pack):
    assert pack.name == "typos-context"
    r = pack.rules[0]
    assert r.id == "typos-context.real-word"
    assert r.category == "typo" and r.severity == "warning"
    assert r.can_fix


def test_hit_span_fix_and_data(rule):
    text = "Officials said the death tool rose to 40 overnight."
    (hit,) = list(rule.find(Document(text)))
    assert text[hit.start:hit.end] == "tool"
    assert hit.fix == "toll"
    assert hit.data["twin"] == "toll"
    assert isinstance(hit.data["score"], float)


# -- guards ---------------------------------------------------------------------
def test_names_inside_a_sentence_are_skipped(rule):
    assert hits(rule, "A man named Tool rose to speak.") == []


def test_hyphenated_words_are_skipped(rule):
    assert hits(rule, "The death-tool rose to 40.") == []


def test_a_word_used_twice_is_the_writers_choice(rule):
    text = "The death tool rose to 40. A tool was found nearby."
    assert hits(rule, text) == []


def test_vocabulary_is_never_flagged():
    r = ConfusablesRule(None, {"pairs": ["toll tool"], "vocabulary": ["tool"]})
    assert list(r.find(Document("The death tool rose to 40."))) == []


def test_pairs_only_mode():
    r = ConfusablesRule(None, {"pairs": ["role roll"], "edit_twins": False})
    assert [h.fix for h in r.find(Document("She took on the roll of director."))] == ["role"]
    assert list(r.find(Document("The death tool rose to 40."))) == []


def test_empty_and_wordless_documents(rule):
    assert hits(rule, "") == []
    assert hits(rule, "2004 — 3-1 (42%)") == []


# -- options --------------------------------------------------------------------
@pytest.mark.parametrize("options, key", [
    ({"pairs": ["affect"]}, "pairs"),
    ({"pairs": ["affect eff3ct"]}, "pairs"),
    ({"edit_twins": False}, "pairs"),
    ({"threshold": "high"}, "threshold"),
    ({"colour": "red"}, "colour"),
])
def test_bad_options(options, key):
    with pytest.raises(RuleError) as err:
        ConfusablesRule(None, options)
    assert err.value.key == key


def test_registered_through_the_hook():
    assert lintnews_rule_types() == [ConfusablesRule]
    assert ConfusablesRule.name == "confusables" and ConfusablesRule.can_fix


# -- frequency tables -----------------------------------------------------------
def test_tables_load_once_and_answer():
    f = frequencies.load()
    assert frequencies.load() is f
    assert f.log_count("the") > f.log_count("toll") > 0
    assert f.log_count("zzzqx") is None
    assert f.log_pair("death", "toll") is not None
    assert f.log_pair("death", "tool") is None
    twins = {t for t, _, _ in f.twins_of(f.word_id("tool"))}
    assert "toll" in twins and "pool" in twins


def test_word_ids_are_the_same_once_every_word_is_in_one_dict(monkeypatch):
    """After ``FULL_AFTER`` bisections ``word_id`` fills one dict of every
    word and answers from it: the same ids, the same None for the rest."""
    shared = frequencies.load()
    probes = ["the", "toll", "tool", "a", "zzzqx", "Toll", "", "café", "x\ud800", "the ", "aachen"]
    probes += [shared.word(i) for i in range(0, len(shared), 997)]
    bisecting = frequencies.Frequencies(shared._mapped)
    expected = [bisecting.word_id(w) for w in probes]
    assert bisecting.ids is None
    monkeypatch.setattr(frequencies, "FULL_AFTER", 3)
    switching = frequencies.Frequencies(shared._mapped)
    assert [switching.word_id(w) for w in probes] == expected
    assert switching.ids is not None and len(switching.ids) == len(shared)
    assert [switching.word_id(w) for w in probes] == expected


def test_cache_file_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path))
    assert frequencies.cache_dir() == tmp_path
    key = frequencies._cache_key(frequencies.data_dir())
    assert len(key) == 16


@pytest.mark.parametrize("written, intended, kind", [
    ("tol", "toll", frequencies.EDIT_DEL),
    ("tolll", "toll", frequencies.EDIT_INS),
    ("tool", "toll", frequencies.EDIT_SUB),
    ("trail", "trial", frequencies.EDIT_TRANS),
    ("principle", "principal", frequencies.EDIT_OTHER),
])
def test_edit_kind(written, intended, kind):
    assert frequencies.edit_kind(written, intended) == kind


def test_variants_and_inflections():
    assert frequencies.spelling_variants("organise", "organize")
    assert frequencies.spelling_variants("centre", "center")
    assert not frequencies.spelling_variants("tool", "toll")
    assert frequencies.same_lemma("scam", "scams")
    assert frequencies.same_lemma("produces", "produced")
    assert not frequencies.same_lemma("role", "roll")


# -- homophones -------------------------------------------------------------------
def test_homophones_are_twins():
    f = frequencies.load()
    twins = {t: kind for t, _, kind in f.twins_of(f.word_id("reign"))}
    assert twins.get("rain") == frequencies.EDIT_SOUND
    assert twins.get("rein") == frequencies.EDIT_INS  # also one edit away


def test_homophone_list():
    from lintnews import homophones
    pairs = set(homophones.pairs())
    for pair in [("reign", "rein"), ("role", "roll"), ("peak", "pique"), ("sight", "site"),
                 ("one", "won"), ("principal", "principle")]:
        assert pair in pairs
    assert ("organise", "organize") not in pairs  # a spelling variant, not a confusion


def test_compile_homophones_from_a_pronouncing_dictionary():
    from lintnews.homophones import compile_pairs
    lines = [
        ";;; a comment line",
        "rain R EY1 N", "reign R EY1 N", "rein R EY1 N",
        "organise AO1 R G AH0 N AY2 Z", "organize AO1 R G AH0 N AY2 Z",
        "read R IY1 D", "read(1) R EH1 D", "red R EH1 D",
        "tool T UW1 L", "tulle T UW1 L",
        "cue K Y UW1", "queue K Y UW1",  # neither common enough
        "qu'est K EH1 S T",
    ]
    counts = {"rain": 10**6, "reign": 10**5, "rein": 30_000, "organise": 50_000,
              "organize": 10**5, "read": 10**6, "red": 10**6, "tool": 10**5, "tulle": 100,
              "cue": 100, "queue": 200}
    assert compile_pairs(lines, counts) == [
        ("rain", "reign"), ("rain", "rein"), ("read", "red"), ("reign", "rein"),
        ("tool", "tulle")]


@pytest.mark.parametrize("text, word, fix", [
    ("He filled in the from and posted it.", "from", "form"),  # a function word, judged
    ("The team one the match on Saturday.", "one", "won"),
    ("The minister will meat the union leaders next week.", "meat", "meet"),
])
def test_homophone_and_function_word_slips(rule, text, word, fix):
    assert hits(rule, text) == [(word, fix)]


def test_first_letter_slips_need_more_evidence(rule):
    f = frequencies.load()
    cands = {t: kind for t, _, _, kind, _ in rule._edit_candidates("tool", f.word_id("tool"))}
    assert cands["pool"] & confusables.FIRST_LETTER  # t → p at the first letter
    assert not cands["toll"] & confusables.FIRST_LETTER
    sub = frequencies.EDIT_SUB
    assert (confusables._base(1.0, sub | confusables.FIRST_LETTER, False, "pool")
            == confusables._base(1.0, sub, False, "pool") - confusables.FIRST_LETTER_PENALTY)


# -- the fast pass ---------------------------------------------------------------
SEED = Path(__file__).resolve().parent / "fixtures" / "seed-article.txt"
TEXTS = [
    "The death tool rose to 40. Officials said the storm had a large affect on turnout.",
    "She took on the roll of director, and the team one the match on Saturday.",
    "It was a grate success. The minister will meat the union leaders next week.",
    "Voters fear they could loose their homes; the museum sits on the forth floor.",
    "Mr Brown, who runs a small shop, said the new rules were not fair to traders.",
]


def _judge_every_word(rule, text):
    """What the rule finds if every word used once is judged (no index)."""
    folded = text.encode("ascii", "replace").translate(confusables._FOLD)
    uses = Counter(folded.split())
    found = []
    for m in re.finditer(rb"[a-z]+", folded):
        if uses[m.group()] == 1:
            hit = rule._judge(text, folded, m.start(), m.end())
            if hit is not None:
                found.append((hit.start, hit.end, hit.fix))
    return found


@pytest.mark.parametrize("text", TEXTS + [SEED.read_text(encoding="utf-8")])
def test_fast_pass_finds_what_judging_every_word_finds(rule, text):
    found = [(h.start, h.end, h.fix) for h in rule.find(Document(text))]
    assert found == _judge_every_word(rule, text)
    if text is not TEXTS[-1]:
        assert found  # each of these texts has slips to find


def test_index_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path))
    options = {"pairs": ["role roll"], "edit_twins": False}
    rule = ConfusablesRule(None, options)
    assert [h.fix for h in rule.find(Document("She took on the roll of director."))] == ["role"]
    assert len(list(tmp_path.glob("confusables-*.bin"))) == 1

    def fail(*args):
        raise AssertionError("the index should come from the cache")

    monkeypatch.setattr(confusables, "_build_index", fail)
    again = ConfusablesRule(None, options)
    assert [h.fix for h in again.find(Document("She took on the roll of director."))] == ["role"]


# -- one-way pairs, plausible and long words ------------------------------------
def test_one_way_pairs():
    r = ConfusablesRule(None, {"pairs": ["forth > fourth"], "edit_twins": False})
    assert r.pairs == {"forth": {"fourth"}}
    assert [h.fix for h in r.find(Document("Mars is the forth planet from the Sun."))] == ["fourth"]
    assert list(r.find(Document("The team came fourth in the league."))) == []


@pytest.mark.parametrize("group", ["forth >", "> fourth", "forth > fo4rth"])
def test_bad_one_way_pairs(group):
    with pytest.raises(RuleError) as err:
        ConfusablesRule(None, {"pairs": [group]})
    assert err.value.key == "pairs"


def test_long_words_are_likelier_meant(rule):
    # "deleted from" is a far commoner pair than "depleted from", but a slip
    # seldom turns one long word into another.
    assert hits(rule, "The stocks have been depleted from the start.") == []


def test_near_homophones_are_twins():
    f = frequencies.load()
    twins = {t for t, _, kind in f.twins_of(f.word_id("stalk")) if kind == frequencies.EDIT_SOUND}
    assert "stock" in twins  # two letters apart, one sound


def test_unlikely_words_need_less_evidence():
    text = "The engine has many moving farts."
    assert list(ConfusablesRule(None, {}).find(Document(text))) == []
    hits = list(ConfusablesRule(None, {"unlikely": ["farts"]}).find(Document(text)))
    assert [(text[h.start:h.end], h.fix) for h in hits] == [("farts", "parts")]
