"""The ``lexicon`` rule type and the loaded-language pack: judgement words are
flagged in the reporter's voice only, never in quotations, names or titles."""
import textwrap

import pytest

from lintnews.api import Session
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import PackError, load_pack
from lintnews.plugins import Registry

RULE_TYPES = Registry().rule_types


def pack(tmp_path, options: str):
    """A one-rule lexicon pack with the given extra YAML options."""
    text = textwrap.dedent("""\
        pack: test
        description: test pack
        rules:
          - id: test.words
            type: lexicon
            category: loaded
            severity: warning
            message: "'{match}' is loaded"
            description: Loaded words.
            examples:
              flag: ["An absurd plan."]
              pass: ["A plan."]
        """) + textwrap.indent(textwrap.dedent(options), "    ")
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return load_pack(path, RULE_TYPES)


def found(loaded_pack, text):
    return [d.matched for d in Linter(loaded_pack.rules).lint(Document(text))]


def test_terms_as_a_list_or_as_named_groups(tmp_path):
    as_list = pack(tmp_path, "terms: [absurd, witch hunt]\n")
    grouped = pack(tmp_path, "terms:\n  adjectives: [absurd]\n  labels: [witch hunt]\n")
    text = "An absurd plan, and a witch  hunt besides."  # any run of spaces matches a space
    assert found(as_list, text) == found(grouped, text) == ["absurd", "witch  hunt"]


def test_whole_words_only(tmp_path):
    rules = pack(tmp_path, "terms: [lie, evil]\n")
    assert found(rules, "The lied-about evils of the believer.") == []
    assert found(rules, "A lie. Pure evil.") == ["lie", "evil"]


def test_quotations_are_the_speakers(tmp_path):
    rules = pack(tmp_path, "terms: [absurd]\n")
    assert found(rules, '"It is absurd," the mayor said.') == []
    assert found(rules, "The mayor's absurd plan.") == ["absurd"]


def test_quotes_lint_checks_quotations_too(tmp_path):
    rules = pack(tmp_path, "terms: [absurd]\nquotes: lint\n")
    assert found(rules, '"It is absurd," the mayor said.') == ["absurd"]


def test_exceptions_keep_neutral_senses(tmp_path):
    rules = pack(tmp_path, "terms: [blasted]\nexceptions: [blasted home]\n")
    assert found(rules, "Rooney blasted home the winner.") == []
    assert found(rules, "The senator blasted the plan.") == ["blasted"]


def test_names_and_titles_are_skipped(tmp_path):
    rules = pack(tmp_path, "terms: [evil, slam, massive]\n")
    assert found(rules, "Fans bought Resident Evil and watched the Grand Slam.") == []
    assert found(rules, "She saw Massive Attack live.") == []
    # First word of a sentence, or after a colon: capitalised by position.
    assert found(rules, "Evil won. The verdict: Massive losses.") == ["Evil", "Massive"]


def test_words_in_capitals_throughout_are_shouted_not_names(tmp_path):
    rules = pack(tmp_path, "terms: [insane, evil]\n")
    assert found(rules, "The plan is INSANE, and voters know it.") == ["INSANE"]
    assert found(rules, "Fans bought Resident Evil.") == []


def test_headlines_in_title_case_are_checked(tmp_path):
    rules = pack(tmp_path, "terms: [slams]\n")
    assert found(rules, "Senator Slams Absurd Plan\n\nThe senator spoke.") == ["Slams"]


def test_long_capitalised_lists_are_names_not_headlines(tmp_path):
    rules = pack(tmp_path, "terms: [crooks]\n")
    lineup = ("Subs: Adams, Baker, Crooks, Doyle, Evans, Foster, Grant, Hughes, Irwin, Jones, Kerr, "
              "Lloyd, Moore, Nolan, Owen, Price, Quinn, Reid, Shaw, Tate, Vaughan.")
    assert found(rules, lineup) == []
    assert found(rules, "The crooks fled.") == ["crooks"]


def test_names_lint_flags_capitalised_uses(tmp_path):
    rules = pack(tmp_path, "terms: [evil]\nnames: lint\n")
    assert found(rules, "Fans bought Resident Evil.") == ["Evil"]


def test_a_capitalised_term_is_a_name_itself(tmp_path):
    rules = pack(tmp_path, "terms: [RINO, Democrat Party]\n")
    assert found(rules, "He called the senator a RINO and attacked the Democrat Party.") == [
        "RINO", "Democrat Party"]


@pytest.mark.parametrize("options, line, words", [
    ("terms: []\n", 13, "needs at least one term"),
    ("terms: [absurd]\nnames: maybe\n", 14, "'names' must be 'skip' or 'lint'"),
    ("terms: absurd\n", 13, "option 'terms' must be list or dict"),
    ("terms: [absurd]\nexceptions: [1]\n", 14, "list of non-empty strings"),
])
def test_bad_options_name_the_line(tmp_path, options, line, words):
    with pytest.raises(PackError) as info:
        pack(tmp_path, options)
    assert f"pack.yaml:{line}:" in str(info.value) and words in str(info.value)


# -- the shipped pack ---------------------------------------------------------

@pytest.fixture(scope="module")
def loaded():
    return Session(select=["loaded"])


def loaded_words(loaded, text):
    return [(d.rule, d.matched) for d in loaded.lint_source(text)]


def test_reporter_voice_is_flagged_and_quoted_speech_is_not(loaded):
    text = ('The mayor\'s absurd plan drew fire. The senator slammed it as "a shameless power grab", '
            "and his cronies agreed.")
    assert loaded_words(loaded, text) == [
        ("loaded.pejoratives", "absurd"), ("loaded.verbs", "slammed"), ("loaded.labels", "cronies")]


@pytest.mark.parametrize("neutral", [
    "England won the Grand Slam on Saturday.",
    "Rooney blasted home the winner in the 89th minute.",
    "The film became a cult classic.",
    "The answer lies in the data, the report said.",
    "Extreme weather closed the roads.",
    "The vaccine helped eradicate polio.",
    "The labels were clearly marked.",
    "Radical reforms to the tax system were announced on Tuesday.",
    "The party unveiled a radical plan to cut taxes.",
    # literal, legal and descriptive senses of words the pack lists
    "Police said the call was a bomb hoax.",
    "The bill on incitement to religious hatred passed its second reading.",
    "Doctors removed the cancerous cells.",
    "He admitted perverting the course of justice and a perversion of justice charge.",
    "The tsunami devastated the coast, and the devastated region needs aid.",
    "The sheer size of the building surprised visitors.",
    "The minister categorically denied the report.",
    "Labour left-wingers voted against the bill.",
    "The shares were left almost worthless.",
    "Troops launched an assault on the town.",
    "The villain in the panto is infamous for his evil laugh.",
])
def test_neutral_senses_in_news_copy_pass(loaded, neutral):
    assert loaded_words(loaded, neutral) == []


@pytest.mark.parametrize("loaded_text, word", [
    ("He told lies about the war.", "lies"),
    ("The cult leader was arrested.", "cult"),
    ("The radical activists blocked the road.", "radical"),
    ("Ministers threw their colleague under the bus.", "under the bus"),
    ("Skyrocketing rents have hit families.", "Skyrocketing"),
    ("The council's vendetta against the traders goes on.", "vendetta"),
    ("The scheme is an absolutely shambolic waste.", "absolutely"),
    ("The bill is an assault on free speech.", "assault on free speech"),
    ("Ministers face the wrath of voters.", "wrath"),
    ("They are still able to recruit people to their jihad.", "their jihad"),
    ("The policy left carnage on the high street.", "carnage"),
    ("His haters and the corporate media ignored it.", "haters"),
    ("Supporters chanted about Crooked Hillary and Sleepy Joe.", "Crooked Hillary"),
])
def test_loaded_senses_are_flagged(loaded, loaded_text, word):
    assert word in [w for _, w in loaded_words(loaded, loaded_text)]
