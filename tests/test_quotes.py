"""Quotations: curly and straight, nested, over lines and paragraphs, apostrophes, speakers;
and rules opting in or out of linting inside them."""
import pytest

from lintnews.api import Session
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import load_pack
from lintnews.plugins import Registry


def quotes(text):
    doc = Document(text)
    return [(text[q.start:q.end], q.speaker, q.depth) for q in doc.quotes]


def test_single_nested_in_double():
    text = "“He told me ‘never again’ and left,” she said."
    assert quotes(text) == [("“He told me ‘never again’ and left,”", "she", 0), ("‘never again’", None, 1)]


def test_double_nested_in_single_british_style():
    text = "‘They called it “a disgrace”,’ said Ann Lee."
    assert quotes(text) == [("‘They called it “a disgrace”,’", "Ann Lee", 0), ("“a disgrace”", None, 1)]


def test_straight_quotes_nested():
    text = "\"He said 'no' twice,\" the officer said."
    assert quotes(text) == [("\"He said 'no' twice,\"", "the officer", 0), ("'no'", None, 1)]


@pytest.mark.parametrize("text", [
    "In the '90s the students' union met.",
    "Rock 'n' roll isn't dead, and 'tis the season.",
    "The players' and coaches' pay rose.",
    "He was 6'2\" tall.",
    "O'Brien's dog didn't bark.",
])
def test_apostrophes_are_not_quotations(text):
    assert quotes(text) == []


def test_apostrophes_inside_a_quotation_do_not_end_it():
    text = "“It's the students' choice, isn't it?” she asked. Then 'twas over."
    assert quotes(text) == [("“It's the students' choice, isn't it?”", "she", 0)]


def test_single_quoted_quotation():
    text = "'We will rebuild,' the mayor said. In the '90s it was different."
    assert quotes(text) == [("'We will rebuild,'", "the mayor", 0)]


def test_quotation_spanning_lines():
    text = "\"This quote runs\nacross a line break,\" said Jo Smith.\nNext line."
    assert quotes(text) == [("\"This quote runs\nacross a line break,\"", "Jo Smith", 0)]


def test_straight_quotation_over_paragraphs_takes_the_speaker_of_its_end():
    text = "\"First paragraph.\n\n\"Second paragraph,\" she said.\n\nAfter."
    assert quotes(text) == [("\"First paragraph.", "she", 0), ("\"Second paragraph,\"", "she", 0)]


def test_unclosed_straight_quote_is_a_stray():
    assert quotes("The 12\" pipe burst. Then \"nothing.\n\nA new paragraph.") == []


def test_quote_at_returns_the_outermost():
    doc = Document("“He told me ‘never again’ and left,” she said.")
    inner = doc.text.index("never")
    assert doc.quote_at(inner, inner + 5).depth == 0 and doc.quote_at(inner, inner + 5).speaker == "she"


def test_markup_block_quotes_are_quotations():
    doc = Session().document("Intro.\n\n> Clearly the plan failed.\n\nClearly not.\n", "a.md")
    first = doc.text.index("Clearly")
    assert doc.in_quote(first, first + 7) and not doc.in_quote(doc.text.rindex("Clearly"), doc.text.rindex("Clearly") + 7)


PACK = """\
pack: opt
description: quotes opt-in and opt-out
rules:
  - id: opt.default
    type: existence
    category: loaded
    severity: info
    message: "{match}"
    description: x
    patterns: [disgrace]
    examples: {flag: [a disgrace], pass: [fine]}
  - id: opt.skip
    type: existence
    category: loaded
    severity: info
    message: "{match}"
    description: x
    quotes: skip
    patterns: [disgrace]
    examples: {flag: [a disgrace], pass: ["\\"a disgrace\\""]}
  - id: opt.engagement-lint
    type: engagement
    category: engagement
    severity: info
    message: "{match}"
    description: x
    quotes: lint
    calls: [let us know]
    examples: {flag: [Let us know.], pass: [Fine.]}
  - id: opt.attribution-lint
    type: attribution
    category: attribution
    severity: info
    message: "{match}"
    description: x
    quotes: lint
    claims: [experts say]
    sources: [said]
    examples: {flag: [Experts say so.], pass: [Fine.]}
"""


def test_every_rule_type_honours_quotes_setting(tmp_path):
    path = tmp_path / "opt.yaml"
    path.write_text(PACK)
    rules = {r.id: r for r in load_pack(path, Registry().rule_types).rules}
    text = "“It is a disgrace. Experts say so. Let us know,” he said."

    def ids(rule_ids):
        return sorted({d.rule for d in Linter([rules[i] for i in rule_ids]).lint(Document(text))})
    assert ids(["opt.default", "opt.skip"]) == ["opt.default"]  # existence lints quotes unless told
    assert ids(["opt.engagement-lint", "opt.attribution-lint"]) == ["opt.attribution-lint", "opt.engagement-lint"]


def test_shipped_loaded_and_engagement_rules_skip_quotations():
    session = Session()
    for rule in session.all_rules:
        if rule.category in ("loaded", "engagement"):
            assert rule.quotes == "skip", rule.id


def test_a_stray_double_mark_inside_a_quotation_does_not_swallow_the_rest():
    text = "“Critics spoke of “’plots by the elite.’” The mayor clearly left.\n“Fine,” he said."
    doc = Document(text)
    clearly = text.index("clearly")
    assert doc.in_quote(text.index("plots"), text.index("plots") + 5)
    assert not doc.in_quote(clearly, clearly + 7)


def test_in_quote_agrees_with_the_quotations_found():
    """``in_quote`` (what rules ask) reads the quotation spans alone, without
    finding speakers; it must agree with ``quote_at`` and ``quotes``."""
    text = ("“We will not,” the mayor said. He added: 'It's the\n\nvoters’ call.' The 'old' bridge, "
            "she said, is “unsafe ‘in parts’ and closed”.\n\n“It runs on\n\n“and ends here,” he said.")
    doc = Document(text)
    outer = [q for q in doc.quotes if q.depth == 0]
    for start in range(len(text)):
        for end in range(start, min(len(text), start + 30) + 1):
            inside = any(q.start <= start and end <= q.end for q in outer)
            assert doc.in_quote(start, end) == inside == (doc.quote_at(start, end) is not None), (start, end)
