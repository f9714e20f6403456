"""The attribution pack: claims and figures with no source, and silence on sourced ones."""
import pytest

from lintnews.api import Session
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import PackError
from lintnews.packs import load_pack
from lintnews.plugins import Registry


@pytest.fixture(scope="module")
def attribution():
    session = Session(select=["attribution"])

    def lint(text):
        return [(d.rule.split(".", 1)[1], text[d.start:d.end]) for d in session.lint_source(text)]
    return lint


@pytest.mark.parametrize("text, rule", [
    ("Reports claim the siege has cost 4,000 lives.", "vague-source"),
    ("It is estimated that the militia has 2,000 members.", "vague-source"),
    ("The striker is reportedly close to a move.", "vague-source"),
    ("The minister is widely expected to resign this week.", "agentless-claim"),
    ("The reform is seen as a blow to small shops.", "agentless-claim"),
    ("The council has been sharply criticised for the delay.", "agentless-claim"),
    ("The firm faces fresh questions over its accounts.", "agentless-claim"),
    ("The governor seemed rattled by the heckling.", "hedged-claim"),
    ("The talks appear to have stalled.", "hedged-claim"),
    ("It is unclear whether the ban will hold.", "hedged-claim"),
    ("Over the weekend, 60 fighters crossed the river.", "unsourced-figure"),
    ("Thousands of refugees reached the border on Sunday.", "unsourced-figure"),
    # A noun of two words, across a line break; the count in capitals.
    ("Some 300 asylum\nseekers arrived on Monday.", "unsourced-figure"),
    ("HUNDREDS OF SOLDIERS crossed the river.", "unsourced-figure"),
])
def test_unsourced_claims_are_flagged_as_whole_sentences(attribution, text, rule):
    assert attribution(text) == [(rule, text)]


@pytest.mark.parametrize("text", [
    # A source in the same sentence: name, title, "according to", a tag.
    "Reports claim the siege has cost 4,000 lives, the health ministry said.",
    "Army Col. Steve Warren said 60 fighters crossed the river.",
    "According to the UN, thousands of refugees reached the border on Sunday.",
    "The governor seemed rattled by the heckling, an aide told reporters.",
    "The reform, which the union described as a blow, passed on Monday.",
    "Analysts expect the minister to resign this week.",
    # The passive names its agent.
    "The council has been criticised by residents for the delay.",
    # A quotation is the speaker's.
    "“The talks appear to have stalled,” the envoy said.",
    "\"It is estimated that the militia has 2,000 members,\" he said.",
    # The writer's own voice, and questions.
    "I think the reform is seen as a blow to small shops.",
    "Is the reform seen as a blow to small shops?",
    # Routine scheduling and team news.
    "The new series is expected to begin in February.",
    "The captain is expected to be fit for Saturday.",
    # Naming and common knowledge are not claims.
    "The software, known as Sentinel, is free.",
    "The 31-year-old scored 23 goals in 2014 and the club sold 40,000 tickets at £25 each.",
    "Unemployment fell to 4.1% in March.",
    "The council approved the budget on Tuesday, the mayor said.",
])
def test_sourced_and_common_knowledge_pass(attribution, text):
    assert attribution(text) == []


def test_a_vague_source_is_not_a_source(attribution):
    # "sources said" holds "said", but names nobody.
    assert attribution("The coach will quit, sources said.") == [
        ("vague-source", "The coach will quit, sources said.")]
    # "Reports in the Times" name the outlet.
    assert attribution("The coach will quit, according to reports in the Times.") == []


def test_a_source_in_another_clause_does_not_vouch_for_the_claim(attribution):
    text = "The deal seems dead, although the mayor told reporters otherwise."
    assert attribution(text) == [("hedged-claim", text)]


def test_a_figure_may_be_sourced_by_the_next_or_previous_sentence(attribution):
    assert attribution("Over the weekend, 60 fighters crossed the river. Police said the figure was rising.") == []
    assert attribution("Police said the river was low.\n\nOver the weekend, 60 fighters crossed it.") == []
    text = "The river was low.\n\nThe town was quiet.\n\nOver the weekend, 60 fighters crossed it."
    assert attribution(text) == [("unsourced-figure", "Over the weekend, 60 fighters crossed it.")]


def test_small_counts_are_not_figures(attribution):
    assert attribution("Nine soldiers crossed the river, and 5 prisoners escaped.") == []


def test_message_names_the_cue():
    found = Session(select=["attribution"]).lint_source("The minister is widely expected to resign.")
    assert "'is widely expected'" in found[0].message


def _rule(tmp_path, options):
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\ndescription: d\nrules:\n  - id: p.r\n    type: attribution\n"
                    "    category: attribution\n    severity: info\n    message: m\n    description: d\n"
                    + options + "    examples: {flag: [a], pass: [b]}\n")
    return pack


def test_clauses_and_exempt_are_pack_options(tmp_path):
    pack = _rule(tmp_path, "    patterns: ['\\bseems\\b']\n    sources: ['\\bsaid\\b']\n"
                           "    exempt: ['^Opinion:']\n    clauses: ';'\n")
    (rule,) = load_pack(pack, Registry().rule_types).rules
    lint = Linter([rule]).lint
    assert not lint(Document("Opinion: it seems fine."))
    assert not lint(Document("It seems fine, he said."))
    assert len(lint(Document("It seems fine; he said nothing."))) == 1


@pytest.mark.parametrize("options, complaint", [
    ("    figures: true\n    sources: [said]\n", "'figures: true' needs 'figure_nouns'"),
    ("    patterns: ['(unclosed']\n    sources: [said]\n", "invalid regular expression"),
    ("    claims: [reports say]\n", "needs 'sources'"),
    ("    claims: [reports say]\n    sources: [said]\n    window: -1\n", "'window' must be 0 or more"),
])
def test_bad_options_are_clear_errors(tmp_path, options, complaint):
    with pytest.raises(PackError) as error:
        load_pack(_rule(tmp_path, options), Registry().rule_types)
    assert complaint in str(error.value) and "p.yaml:" in str(error.value)


def test_a_restated_figure_is_queried_once(attribution):
    text = ("Over the weekend, 60 fighters crossed the river.\n\nThe town was quiet.\n\nIt rained.\n\n"
            "The 60 fighters left on Monday. Later, 80 fighters arrived.")
    assert attribution(text) == [("unsourced-figure", "Over the weekend, 60 fighters crossed the river."),
                                 ("unsourced-figure", "Later, 80 fighters arrived.")]
