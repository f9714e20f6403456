"""The ``confusables`` rule type and its frequency tables.

All sentences here are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("symspellpy", reason="the frequency lists ship inside symspellpy")

from lintnews import frequencies  # noqa: E402
from lintnews.document import Document  # noqa: E402
from lintnews.packs import load_pack  # noqa: E402
from lintnews.ruletypes import RuleError  # noqa: E402
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
