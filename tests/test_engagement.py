"""The engagement pack: reader prompts, polls and calls at the end of a piece, and
silence on quoted questions, interviews and questions the story answers."""
import pytest

from lintnews.api import Session
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import PackError, load_pack
from lintnews.plugins import Registry

STORY = "The council met on Tuesday and approved the budget, the mayor said.\n\n"


@pytest.fixture(scope="module")
def engagement():
    session = Session(select=["engagement"])

    def lint(ending):
        text = STORY + ending
        return [(d.rule.split(".", 1)[1], text[d.start:d.end]) for d in session.lint_source(text)]
    return lint


def test_reader_prompt_and_the_questions_with_it(engagement):
    assert engagement("Do you support the plan? What more should be done?") == [
        ("closing-question", "Do you support the plan?"), ("closing-question", "What more should be done?")]


def test_questions_next_to_a_call_are_part_of_it(engagement):
    assert engagement("Why did nobody object? Share and comment below.") == [
        ("closing-question", "Why did nobody object?"), ("call-to-comment", "Share and comment below.")]


def test_poll_question_followed_by_its_options(engagement):
    found = engagement("Who should chair the committee?\n* Smith\n* Jones\nEmail *")
    assert found == [("closing-question", "Who should chair the committee?")]


@pytest.mark.parametrize("ending", [
    "What are your experiences with the new bins?",
    "Have you been affected by the closures?",
    "Are you on the mayor's side?",
    "Feedback?",
])
def test_prompts(engagement, ending):
    assert engagement(ending) == [("closing-question", ending)]


@pytest.mark.parametrize("ending", [
    # Quoted questions, including one whose opening mark lies before the ending.
    "“Do you think we can afford this?” the treasurer asked.",
    "\"What do you think of the plan?\" a resident asked the mayor.",
    # An interview transcript.
    "Q: Do you support the plan?\nMAYOR: I do.",
    # Questions the story answers, and rhetorical ones that ask nothing of the reader.
    "Why did the budget pass? Turnout was low, officials said.",
    "Can the council survive another year like this? Its reserves are gone.",
    "Who can really say?",
    # A call inside a quotation.
    "“Let us know if you see anything,” the police said.",
])
def test_not_bait(engagement, ending):
    assert engagement(ending) == []


def test_only_the_closing_part_is_examined():
    session = Session(select=["engagement"])
    text = "Do you support the plan?\n\n" + "The council met and approved the budget, the mayor said. " * 20
    assert session.lint_source(text) == []


def test_calls_can_anchor_questions_without_being_flagged(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\ndescription: d\nrules:\n  - id: p.q\n    type: engagement\n    category: engagement\n"
        "    severity: info\n    message: m\n    description: d\n    calls: [vote now]\n"
        "    flag_calls: false\n    examples: {flag: [a], pass: [b]}\n")
    (rule,) = load_pack(pack, Registry().rule_types).rules
    text = "Is it fair? Vote now."
    assert [text[d.start:d.end] for d in Linter([rule]).lint(Document(text))] == ["Is it fair?"]


def test_bad_prompt_is_a_clear_error(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\ndescription: d\nrules:\n  - id: p.q\n    type: engagement\n    category: engagement\n"
        "    severity: info\n    message: m\n    description: d\n    prompts: ['(do you']\n"
        "    examples: {flag: [a], pass: [b]}\n")
    with pytest.raises(PackError, match=r"p\.yaml:\d+: .*invalid regular expression"):
        load_pack(pack, Registry().rule_types)
