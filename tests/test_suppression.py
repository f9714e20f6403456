"""Inline suppressions in every format, and --report-unused-suppressions."""
import json

import pytest

from conftest import FIXTURES
from lintnews.api import Session

PACK = FIXTURES.parent / "packs" / "deathtoll.yaml"
SENTENCE = "The death tool rose on Tuesday, officials said."
CLEARLY = "It clearly failed."


@pytest.fixture(scope="module")
def session():
    return Session(packs=[PACK], select=["testpack"])


def lines(session, source, name="a.md"):
    return [(d.line, d.rule.split(".")[1]) for d in session.lint_source(source, name)]


def test_markdown_article_from_the_issue(tmp_path, run_cli):
    article = tmp_path / "story.md"
    article.write_text(
        "---\n"
        "title: On the death tool\n"
        "---\n"
        "\n"
        "# Casualties\n"
        "\n"
        "Use `the death tool` in code.\n"
        "\n"
        "```text\n"
        "the death tool\n"
        "```\n"
        "\n"
        f"{SENTENCE}\n"
        "\n"
        "<!-- lintnews-disable-next-line -->\n"
        f"{SENTENCE}\n", encoding="utf-8")
    status, out, err = run_cli("check", "--format", "json", "--pack", PACK, "--select", "testpack", article)
    findings = json.loads(out)
    assert (status, err) == (1, "")
    assert [(d["line"], d["column"], d["end_column"], d["fix"]) for d in findings] == [(13, 11, 15, "toll")]


MD = "<!-- {} -->"
TXT = "# {}"


@pytest.mark.parametrize("comment, name", [(MD, "a.md"), (MD, "a.html"), (TXT, "a.txt")])
def test_disable_next_line(session, comment, name):
    source = f"{SENTENCE}\n\n{comment.format('lintnews-disable-next-line')}\n{SENTENCE}\n\n{SENTENCE}\n"
    assert lines(session, source, name) == [(1, "death-toll"), (6, "death-toll")]


@pytest.mark.parametrize("comment, name", [(MD, "a.md"), (MD, "a.html"), (TXT, "a.txt")])
def test_disable_next_line_skips_blank_lines(session, comment, name):
    source = f"{comment.format('lintnews-disable-next-line')}\n\n{SENTENCE}\n{SENTENCE}\n"
    assert lines(session, source, name) == [(4, "death-toll")]


@pytest.mark.parametrize("name", ["a.md", "a.html"])
def test_disable_line(session, name):
    source = f"{SENTENCE} <!-- lintnews-disable-line -->\n\n{SENTENCE}\n"
    assert lines(session, source, name) == [(3, "death-toll")]


def test_disable_line_in_plain_text_is_the_comment_line_and_blanked(session):
    # In plain text a directive is a line of its own; disable-line silences
    # nothing else, and the directive itself is not linted.
    source = f"# lintnews-disable-line clearly\n{CLEARLY}\n"
    assert lines(session, source, "a.txt") == [(2, "clearly")]


@pytest.mark.parametrize("comment, name", [(MD, "a.md"), (MD, "a.html"), (TXT, "a.txt")])
def test_disable_enable_range(session, comment, name):
    source = "\n\n".join([SENTENCE, comment.format("lintnews-disable"), SENTENCE, CLEARLY,
                          comment.format("lintnews-enable"), SENTENCE]) + "\n"
    assert lines(session, source, name) == [(1, "death-toll"), (11, "death-toll")]


@pytest.mark.parametrize("token", ["testpack.death-toll", "testpack.death-toll, testpack.nothing-else",
                                   "testpack.death-toll -- the desk prefers it"])
def test_disable_named_rule_only(session, token):
    source = f"<!-- lintnews-disable {token} -->\n\n{SENTENCE} {CLEARLY}\n"
    assert lines(session, source) == [(3, "clearly")]


def test_enable_ends_the_disable_of_the_same_name(session):
    source = "\n\n".join(["<!-- lintnews-disable testpack.death-toll, testpack.clearly -->", f"{SENTENCE} {CLEARLY}",
                          "<!-- lintnews-enable testpack.clearly -->", f"{SENTENCE} {CLEARLY}"]) + "\n"
    assert lines(session, source) == [(7, "clearly")]


def test_disable_by_pack_name(session):
    source = f"<!-- lintnews-disable testpack -->\n\n{SENTENCE} {CLEARLY}\n"
    assert lines(session, source) == []


@pytest.mark.parametrize("comment, name", [(MD, "a.md"), (MD, "a.html"), (TXT, "a.txt")])
def test_disable_file(session, comment, name):
    source = f"{SENTENCE} {CLEARLY}\n\n{comment.format('lintnews-disable-file testpack.clearly')}\n"
    assert lines(session, source, name) == [(1, "death-toll")]
    source = f"{SENTENCE} {CLEARLY}\n\n{comment.format('lintnews-disable-file')}\n"
    assert lines(session, source, name) == []


def test_directive_inside_code_is_not_a_directive(session):
    source = f"```html\n<!-- lintnews-disable-file -->\n```\n\n{SENTENCE}\n"
    assert lines(session, source) == [(5, "death-toll")]


def test_multiline_comment_and_inline_html_comment(session):
    source = f"Intro <!--\nlintnews-disable-next-line\n--> text.\n{SENTENCE}\n"
    assert lines(session, source) == []


def test_report_unused_suppressions(tmp_path, run_cli):
    article = tmp_path / "a.md"
    article.write_text("\n".join([
        "<!-- lintnews-disable-next-line testpack.death-toll -->",
        SENTENCE,
        "<!-- lintnews-disable-next-line testpack.clearly -->",
        SENTENCE,
        "<!-- lintnews-disable-line nosuch.rule -->",
    ]) + "\n")
    args = ("check", "--format", "json", "--pack", PACK, "--select", "testpack", article)
    _, out, _ = run_cli(*args)
    assert [(d["line"], d["rule"]) for d in json.loads(out)] == [(4, "testpack.death-toll")]
    status, out, _ = run_cli(*args, "--report-unused-suppressions")
    found = [(d["line"], d["column"], d["rule"], d["message"]) for d in json.loads(out)]
    assert status == 1
    assert found == [
        (3, 1, "lintnews.unused-suppression",
         "Unused suppression: 'lintnews-disable-next-line testpack.clearly' silenced nothing"),
        (4, 11, "testpack.death-toll", "'tool' looks like a slip for 'toll'"),
        (5, 1, "lintnews.unused-suppression", "Suppression names no known rule or pack: 'nosuch.rule'"),
    ]


def test_unused_suppression_of_an_unselected_rule_is_not_reported(tmp_path):
    session = Session(packs=[PACK], select=["testpack.death-toll"], report_unused_suppressions=True)
    source = f"<!-- lintnews-disable-next-line testpack.clearly -->\n{CLEARLY}\n"
    assert session.lint_source(source, "a.md") == []


def test_unused_suppression_rule_is_explained(run_cli):
    status, out, _ = run_cli("explain", "lintnews.unused-suppression")
    assert status == 0 and out.startswith("# lintnews.unused-suppression\n")
