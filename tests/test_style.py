"""The consistency and pattern rule types, and the house-style and consistency packs."""
import json

import pytest

from lintnews.api import Session
from lintnews.packs import PackError, load_pack
from lintnews.plugins import Registry


def fixed(text, diagnostics):
    """``text`` with every fix applied (from the end, so offsets stay valid)."""
    for d in sorted(diagnostics, key=lambda d: d.start, reverse=True):
        text = text[:d.start] + d.fix + text[d.end:]
    return text


@pytest.fixture(scope="module")
def house():
    return Session(select=["house-style"])


@pytest.mark.parametrize("text, expected", [
    ("Army Colonel, Steve Warren, told reporters on Tuesday.", "Army Col. Steve Warren told reporters on Tuesday."),
    ("Army Colonel, Steve Warren, the top spokesman in Baghdad, urged caution.",
     "Army Col. Steve Warren, the top spokesman in Baghdad, urged caution."),
    ("Lieutenant Colonel Jane Smith and Major General John A. Doe met.",
     "Lt. Col. Jane Smith and Maj. Gen. John A. Doe met."),
    ("Senator Bernie Sanders spoke.", "Sen. Bernie Sanders spoke."),
    ("The group has between 20,000 to 30,000 fighters.", "The group has between 20,000 and 30,000 fighters."),
    ("Prices rose between $3-$5 a gallon.", "Prices rose between $3 and $5 a gallon."),
    ("Unemployment rose to 7.5 percent, then 8 per cent.", "Unemployment rose to 7.5%, then 8%."),
    ("Police arrested 3 men at 9:00 a.m. on October 7.", "Police arrested three men at 9 a.m. on Oct. 7."),
    ("A 31 year old man moved towards the door at 8PM.", "A 31-year-old man moved toward the door at 8 p.m."),
])
def test_house_style_fixes(house, text, expected):
    assert fixed(text, house.lint_source(text)) == expected


@pytest.mark.parametrize("text", [
    "Attorney General Merrick Garland met General Motors executives.",
    "The Secretary-General Antonio Guterres spoke; Major League Baseball paused.",
    "Army Col. Steve Warren said 12 people, aged 5 to 9, died at 9 a.m. on March 3.",
    "From 20,000 to 30,000 people marched; 4 percentage points; Category 5 storms.",
    "\"We walked towards the river,\" she said.",
])
def test_house_style_leaves_alone(house, text):
    assert house.lint_source(text) == []


def test_house_style_is_off_by_default_and_opt_in(run_cli, tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Army Colonel, Steve Warren, told reporters.\n")
    status, out, _ = run_cli("check", "--format", "json", story)
    assert (status, json.loads(out)) == (0, [])
    status, out, _ = run_cli("check", "--format", "json", "--extend-select", "house-style", story)
    assert status == 1 and [d["rule"] for d in json.loads(out)] == ["house-style.title-before-name"]
    assert {r.pack for r in Session().rules} >= {"consistency"}


@pytest.fixture(scope="module")
def consistency():
    return Session(select=["consistency"])


def flagged(session, text):
    return [(text[d.start:d.end], d.fix) for d in session.lint_source(text)]


def test_first_form_wins_and_fix_keeps_case(consistency):
    text = "Air strikes hit the city. More airstrikes and air-strikes followed. Airstrikes resumed."
    assert flagged(consistency, text) == [("airstrikes", "air strikes"), ("air-strikes", "air strikes"),
                                         ("Airstrikes", "Air strikes")]


def test_names_keep_their_written_form_and_abbreviations_defined_in_parentheses(consistency):
    assert flagged(consistency, "Islamic State (ISIS) lost ground. ISIS regrouped. ISIL fled.") == \
        [("ISIL", "Islamic State")]
    assert flagged(consistency, "ISIS lost ground. Later Islamic State regrouped.") == [("Islamic State", "ISIS")]


def test_quoted_uses_are_neither_flagged_nor_counted(consistency):
    assert flagged(consistency, "“Air strikes work,” he said. Airstrikes resumed. Airstrikes hit.") == []


def test_prefer_most_and_validation(tmp_path):
    pack = tmp_path / "p.yaml"
    rule = """\
pack: p
description: d
rules:
  - id: p.terms
    type: consistency
    category: style
    severity: info
    message: "{match} / {preferred}"
    description: d
    prefer: most
    groups:
      - [email, e-mail]
    examples: {flag: [an email and an e-mail], pass: [an email]}
"""
    pack.write_text(rule)
    session = Session(packs=[pack], select=["p"])
    text = "Send an e-mail. Each email counts. One email more."
    assert flagged(session, text) == [("e-mail", "email")]
    pack.write_text(rule.replace("[email, e-mail]", "[email, e-mail]\n      - [Email, mail]"))
    with pytest.raises(PackError, match=r"p.yaml:13: .*variant 'Email' is listed twice"):
        load_pack(pack, Registry().rule_types)
    pack.write_text(rule.replace("prefer: most", "prefer: last"))
    with pytest.raises(PackError, match=r"p.yaml:10: .*'prefer' must be 'first' or 'most'"):
        load_pack(pack, Registry().rule_types)
    pack.write_text(rule.replace("prefer: most", "modifiers: sometimes"))
    with pytest.raises(PackError, match=r"p.yaml:10: .*'modifiers' must be 'count' or 'skip'"):
        load_pack(pack, Registry().rule_types)


def test_pattern_rule_validates_templates(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("""\
pack: p
description: d
rules:
  - id: p.x
    type: pattern
    category: style
    severity: info
    message: "{fix}"
    description: d
    swap:
      '(\\d+) pct': '\\2%'
    examples: {flag: [5 pct], pass: [5%]}
""")
    with pytest.raises(PackError, match=r"p.yaml:11: .*bad replacement"):
        load_pack(pack, Registry().rule_types)


def test_names_used_as_modifiers_or_introduced_as_aliases_do_not_count(consistency):
    # Modifiers ("ISIS soldiers", "a major ISIS supply route", a title-case
    # headline's "ISIS Fighters") are neither flagged nor counted ...
    text = ("Islamic State Says ISIS Fighters Are Regrouping\n\n"
            "Islamic State lost ground. Some 90 ISIS soldiers surrendered near a major ISIS supply route.")
    assert flagged(consistency, text) == []
    # ... but a name heading its phrase is, before a verb in -ed or an adverb too.
    text = "Islamic State lost ground. ISIS still holds Mosul, and ISIS reportedly regrouped. ISIS claimed it."
    assert [m for m, _ in flagged(consistency, text)] == ["ISIS", "ISIS", "ISIS"]
    # An alias the article introduces is the same name.
    assert flagged(consistency, "Islamic State, also known as ISIL, lost ground. ISIL regrouped.") == []
    assert flagged(consistency, "Islamic State, or Daesh, lost ground. Daesh regrouped. ISIS fled.") == \
        [("ISIS", "Islamic State")]


def test_spelling_variants_count_as_modifiers_too(consistency):
    # Only the names rule skips modifiers: "air strike campaign" is still a second spelling.
    assert flagged(consistency, "An airstrike hit. The air strike campaign went on.") == [("air strike", "airstrike")]
