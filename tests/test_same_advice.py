"""Two packs flagging the same span with the same advice are reported once;
``engine.advice_key`` is the one place that decides."""
import textwrap

import pytest

from lintnews.api import Session


def pack(tmp_path, name, rules):
    path = tmp_path / f"{name}.yaml"
    body = "".join(textwrap.dedent(f"""\
          - id: {name}.{rule_name}
            type: {kind}
            category: {category}
            severity: {severity}
            message: "{name} says {{match}}"
            description: A test rule.
            {option}
            examples: {{flag: ["{flag}"], pass: ["Nothing here."]}}
        """).replace("\n", "\n  ").rstrip(" ") for rule_name, kind, category, severity, option, flag in rules)
    path.write_text(f"pack: {name}\ndescription: test pack\nrules:\n  " + body)
    return path


def swap(name, category="typo", severity="warning", right="a lot"):
    return (name, "substitution", category, severity, f'swap: {{"alot": "{right}"}}', "We saw alot.")


def flag(name, category="loaded", severity="warning"):
    return (name, "existence", category, severity, 'patterns: ["alot"]', "We saw alot.")


def lint(tmp_path, *packs):
    paths = [pack(tmp_path, f"p{i}", rules) for i, rules in enumerate(packs)]
    session = Session(packs=paths, select=[f"p{i}" for i in range(len(packs))])
    return [(d.rule, d.severity, d.fix) for d in session.lint_source("We saw alot.")]


def test_same_fix_is_one_finding_whatever_the_category(tmp_path):
    assert lint(tmp_path, [swap("a", "typo")], [swap("b", "style")]) == [("p0.a", "warning", "a lot")]


def test_the_most_severe_is_kept(tmp_path):
    found = lint(tmp_path, [swap("a", severity="info")], [swap("b", "style", severity="error")])
    assert found == [("p1.b", "error", "a lot")]


def test_different_fixes_are_different_advice(tmp_path):
    found = lint(tmp_path, [swap("a")], [swap("b", right="allot")])
    assert sorted(found) == [("p0.a", "warning", "a lot"), ("p1.b", "warning", "allot")]


@pytest.mark.parametrize("second, count", [("loaded", 1), ("style", 2)])
def test_without_a_fix_the_category_decides(tmp_path, second, count):
    assert len(lint(tmp_path, [flag("a", "loaded")], [flag("b", second)])) == count


def test_a_fix_and_a_bare_flag_are_different_advice(tmp_path):
    assert len(lint(tmp_path, [swap("a", "loaded")], [flag("b", "loaded")])) == 2


def test_proselint_and_a_typo_rule_with_the_same_fix(tmp_path):
    path = pack(tmp_path, "desk", [swap("alot")])
    session = Session(packs=[path], select=["desk", "proselint.spelling.misc"])
    found = session.lint_source("Alot of people came.")
    assert [(d.matched, d.fix) for d in found] == [("Alot", "A lot")]
    # a tie goes to the pack loaded first (the proselint pack ships with
    # lintnews; --pack files load last); the fix is safe if either rule says so
    assert found[0].rule == "proselint.spelling.misc" and found[0].fix_safe


def test_the_same_edit_over_a_longer_span_is_one_finding(tmp_path):
    # a phrase list fixes the whole phrase, another rule the one word: the
    # text they would leave is the same, so it is one piece of advice
    phrase = ("phrase", "substitution", "typo", "warning",
              'swap: {"baited breath": "bated breath"}', "We waited with baited breath.")
    word = ("word", "substitution", "typo", "warning",
            'swap: {"[baited] breath": "bated"}', "We waited with baited breath.")
    paths = [pack(tmp_path, "p0", [phrase]), pack(tmp_path, "p1", [word])]
    session = Session(packs=paths, select=["p0", "p1"])
    found = session.lint_source("We waited with baited breath, then with baited hope.")
    assert [(d.rule, d.matched, d.fix) for d in found] == [("p0.phrase", "baited breath", "bated breath")]
    # a different edit of the same word is different advice
    other = ("other", "substitution", "typo", "warning",
             'swap: {"[baited] breath": "bathed"}', "We waited with baited breath.")
    session = Session(packs=[paths[0], pack(tmp_path, "p2", [other])], select=["p0", "p2"])
    assert len(session.lint_source("We waited with baited breath.")) == 2


def test_silencing_one_rule_leaves_another_with_the_same_advice(tmp_path):
    a = ("a", "substitution", "typo", "error", 'swap: {"baited breath": "bated breath"}',
         "We waited with baited breath.")
    b = ("b", "substitution", "typo", "warning", 'swap: {"[baited] breath": "bated"}',
         "We waited with baited breath.")
    paths = [pack(tmp_path, "p0", [a]), pack(tmp_path, "p1", [b])]
    session = Session(packs=paths, select=["p0", "p1"], report_unused_suppressions=True)
    text = "# lintnews-disable-next-line p0.a\nWe waited with baited breath.\n"
    # the suppression silenced p0.a (so it is not reported unused); p1.b still speaks
    assert [d.rule for d in session.lint_source(text)] == ["p1.b"]
