"""Offsets ↔ (line, column) in UTF-16, UTF-32 and UTF-8 units."""
import pytest

from lintnews.positions import UTF8, UTF16, UTF32, LineIndex, unit_length

TEXT = "caf\u00e9 \U0001F600 ok\r\nsecond \U0001F600x\rthird\nlast"


def units(text, encoding):
    codec = {UTF16: "utf-16-le", UTF8: "utf-8", UTF32: "utf-32-le"}[encoding]
    width = {UTF16: 2, UTF8: 1, UTF32: 4}[encoding]
    return len(text.encode(codec)) // width


@pytest.mark.parametrize("encoding", [UTF16, UTF32, UTF8])
def test_every_offset_round_trips(encoding):
    index = LineIndex(TEXT)
    for offset in range(len(TEXT) + 1):
        line, col = index.position(offset, encoding)
        start = index.starts[line]
        assert col == units(TEXT[start:offset], encoding)
        if TEXT[offset - 1:offset + 1] == "\r\n":  # between CR and LF: not a real position
            assert index.offset(line, col, encoding) == offset - 1
        else:
            assert index.offset(line, col, encoding) == offset


def test_lines_break_on_crlf_cr_and_lf():
    index = LineIndex(TEXT)
    assert [index.line_text(i) for i in range(4)] == ["caf\u00e9 \U0001F600 ok", "second \U0001F600x", "third", "last"]
    assert index.position(TEXT.index("x"), UTF16) == (1, 9)  # the emoji counts twice
    assert index.position(TEXT.index("x"), UTF32) == (1, 8)


def test_out_of_range_positions_clamp_as_lsp_asks():
    index = LineIndex(TEXT)
    assert index.offset(99, 0) == len(TEXT)
    assert index.offset(0, 999) == TEXT.index("\r")  # end of the line, before its break
    # half of a surrogate pair rounds down to the character's start
    emoji = TEXT.index("\U0001F600")
    assert index.offset(0, emoji + 1, UTF16) == emoji


def test_unit_length():
    assert unit_length("a\U0001F600", UTF16) == 3 and unit_length("a\U0001F600", UTF8) == 5
    with pytest.raises(ValueError):
        unit_length("a", "utf-7")
