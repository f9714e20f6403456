"""LSP positions: code points ↔ UTF-16 / UTF-8 / UTF-32 code units, LSP line breaks."""
import pytest

pytest.importorskip("lsprotocol")

from lsprotocol.types import Position, Range, TextDocumentContentChangePartial  # noqa: E402
from lsprotocol.types import TextDocumentContentChangeWholeDocument  # noqa: E402

from lintnews.lsp_positions import LineIndex, apply_change  # noqa: E402

TEXT = "😀 The death tool rose.\r\nSecond line with é\rthird\nlast 👍🏽 line"


@pytest.mark.parametrize("encoding, character", [("utf-16", 7), ("utf-8", 9), ("utf-32", 6)])
def test_astral_characters_count_in_the_client_encoding(encoding, character):
    index = LineIndex(TEXT, encoding)
    offset = TEXT.index("death")
    assert index.position(offset) == Position(0, character)
    assert index.offset(Position(0, character)) == offset


def test_lines_break_at_crlf_cr_and_lf_only():
    text = "a\u2028b\x0cc\r\nd\re\nf\x85g"
    index = LineIndex(text)
    assert index.line_count == 4
    assert index.position(text.index("d")) == Position(1, 0)
    assert index.position(text.index("g")) == Position(3, 2)
    assert index.line_end(0) == text.index("\r\n")


def test_every_offset_round_trips_in_every_encoding():
    for encoding in ("utf-16", "utf-8", "utf-32"):
        index = LineIndex(TEXT, encoding)
        for offset in range(len(TEXT) + 1):
            if TEXT[offset - 1:offset + 1] == "\r\n":
                continue  # between \r and \n is not a position an editor has
            assert index.offset(index.position(offset)) == offset, (encoding, offset)


def test_positions_past_the_end_are_clamped():
    index = LineIndex("ab\ncd")
    assert index.offset(Position(0, 99)) == 2  # end of the line, not into the next
    assert index.offset(Position(7, 0)) == 5   # past the last line: end of the text
    assert index.position(99) == Position(1, 2)


def test_a_position_inside_a_surrogate_pair_stops_before_the_character():
    index = LineIndex("a😀b")
    assert index.offset(Position(0, 2)) == 1
    assert index.offset(Position(0, 3)) == 2


def test_positions_further_along_a_line_reuse_the_previous_measurement():
    line = "é" * 1000 + "😀" + "x" * 10
    index = LineIndex(line)
    ranges = [index.range(i, i + 1) for i in (5, 500, 1001, 1005)]
    assert ranges[-1] == Range(start=Position(0, 1006), end=Position(0, 1007))
    assert index.position(5) == Position(0, 5)  # going back measures afresh


def test_apply_change_replaces_a_utf16_range_or_the_whole_text():
    change = TextDocumentContentChangePartial(
        range=Range(start=Position(0, 13), end=Position(0, 17)), text="toll")
    assert apply_change(TEXT, change).startswith("😀 The death toll rose.\r\n")
    whole = TextDocumentContentChangeWholeDocument(text="new")
    assert apply_change(TEXT, whole) == "new"
