"""Every rule of every shipped pack carries examples that must and must not be
flagged; run them all."""
import pytest

from lintnews.api import Session
from lintnews.document import Document
from lintnews.engine import Linter

ALL_RULES = Session().all_rules


def hits(rule, text):
    return Linter([rule]).lint(Document(text))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_flag_examples(rule):
    for text in rule.examples["flag"]:
        assert hits(rule, text), f"{rule.id} should flag: {text!r}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_pass_examples(rule):
    for text in rule.examples["pass"]:
        assert not hits(rule, text), f"{rule.id} should not flag: {text!r}"


def test_every_pack_has_rules_of_each_category():
    categories = {r.category for r in ALL_RULES}
    assert {"typo", "attribution", "loaded", "engagement"} <= categories
