"""Offsets → lines and columns, sentences, paragraphs, quotations."""
import pytest

from lintnews import lint_text
from lintnews.document import Document


def test_line_and_column_are_one_based_code_points():
    doc = Document("first line\nsécond ☃ line\n")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(11) == (2, 1)
    assert doc.line_col(doc.text.index("line", 11)) == (2, 10)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_crlf_and_lf_give_the_same_positions(newline):
    text = newline.join(["Headline", "", "The death toll rose.", "Officials said so."]) + newline
    doc = Document(text)
    offset = text.index("Officials")
    assert doc.line_col(offset) == (4, 1)
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "Headline", "The death toll rose.", "Officials said so."]


def test_sentences_skip_abbreviations_and_initials():
    text = "Army Col. Steve Warren spoke in the U.S. on Monday. John F. Kennedy said no. It rained."
    doc = Document(text)
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "Army Col. Steve Warren spoke in the U.S. on Monday.", "John F. Kennedy said no.", "It rained."]


def test_paragraphs():
    doc = Document("One.\n\n  Two.\nStill two.\n \nThree.")
    assert [doc.text[p.start:p.end] for p in doc.paragraphs] == ["One.", "Two.\nStill two.", "Three."]


def test_quotations_curly_straight_and_speaker():
    text = ('“I view those as provisional signs,” said Michael O’Hanlon. '
            'The mayor said: "We will rebuild." Rain fell.')
    doc = Document(text)
    quoted = [(text[q.start:q.end], q.speaker) for q in doc.quotes]
    assert quoted[0] == ("“I view those as provisional signs,”", "Michael O’Hanlon")
    assert quoted[1][0] == '"We will rebuild."' and quoted[1][1] == "The mayor"
    assert doc.in_quote(text.index("provisional"), text.index("provisional") + 3)
    assert not doc.in_quote(text.index("Rain"), text.index("Rain") + 4)


def test_quotation_running_over_paragraphs():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said.\n\nAfter."
    doc = Document(text)
    assert doc.in_quote(text.index("First"), text.index("quote."))
    assert doc.in_quote(text.index("Second"), text.index("paragraph,"))
    assert not doc.in_quote(text.index("After"), len(text))


def test_bom_is_dropped_and_columns_stay_right(tmp_path, run_cli):
    import json
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline\r\n\r\nExperts believe the plan will fail.\r\n".encode("utf-8"))
    status, out, _ = run_cli("check", "--format", "json", path)
    found = json.loads(out)
    assert status == 1
    assert (found[0]["line"], found[0]["column"], found[0]["end_line"], found[0]["end_column"]) == (3, 1, 3, 36)


def test_lint_text_api_returns_diagnostics():
    found = lint_text("Experts believe the plan will fail.", path="story.txt")
    assert found and found[0].path == "story.txt" and found[0].category == "attribution"
    assert found[0].to_dict()["start"] == 0
