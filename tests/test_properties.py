"""Properties that hold for any text, checked with hypothesis on texts built
from every rule's own "flag" examples, markup, quotation marks, line breaks
of all kinds and arbitrary Unicode (NUL, emoji, combining marks, "İ" whose
lower case is longer than itself)."""
import bisect
import json
import re
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lintnews.fixes import apply_fixes, fix_text, is_fixable
from lintnews.positions import UTF8, UTF16, UTF32, LineIndex

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["a.txt", "a.md", "a.html"]
PIECES = ["\n", "\r\n", "\r", "\n\n", " ", "  ", "\t", "“", "”", "‘", "’", '"', "'", "—", "…", ". ", "? ",
          "! ", ", ", "<p>", "</p>", "<!--", "-->", "<q>", "</q>", "<code>", "</code>", "&amp;", "&rsquo;",
          "&#8220;", "# ", "> ", "- ", "1. ", "*", "**", "_", "`", "```\n", "[", "](u)", "|", "\\",
          "İ", "ß", "😀", "e\u0301", "\u200b", "\0", "\ufeff", "Mr.", "U.S.", "23,000", "said", "Do you",
          "according to", "The", "the"]


def flag_examples(session) -> list[str]:
    return sorted({example for rule in session.rules for example in rule.examples["flag"]})


def texts(session, max_pieces=25):
    piece = st.one_of(st.sampled_from(flag_examples(session)), st.sampled_from(PIECES), st.text(max_size=8))
    return st.lists(piece, max_size=max_pieces).map("".join)


def lint(session, text, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notes on odd input (NUL, deep nesting)
        return session.lint_source(text, name)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, counting CRLF, CR and LF as one break each."""
    ends = [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    passed = bisect.bisect_right(ends, offset)
    return passed + 1, offset - (ends[passed - 1] if passed else 0) + 1


@SETTINGS
@given(data=st.data(), name=st.sampled_from(FORMATS))
def test_findings_lie_in_the_text_and_agree_with_their_line_and_column(session, data, name):
    text = data.draw(texts(session))
    for d in lint(session, text, name):
        assert 0 <= d.start <= d.end <= len(text)
        assert (d.line, d.column) == line_col(text, d.start)
        assert (d.end_line, d.end_column) == line_col(text, d.end)
        if name == "a.txt":  # nothing decoded: the finding's text is the file's
            assert text[d.start:d.end] == d.matched


@SETTINGS
@given(data=st.data(), name=st.sampled_from(FORMATS))
def test_fixes_change_only_their_spans_and_are_not_flagged_again(session, data, name):
    text = data.draw(texts(session))
    fixable = [d for d in lint(session, text, name) if is_fixable(d, unsafe=True)]
    assume(fixable)
    fixed, used = apply_fixes(text, fixable)
    # Outside the fixed spans, nothing changed; inside, each holds its fix.
    new_spans, pos, new_pos = [], 0, 0
    for d in used:
        kept = d.start - pos
        assert fixed[new_pos:new_pos + kept] == text[pos:d.start]
        new_pos += kept
        assert fixed[new_pos:new_pos + len(d.fix)] == d.fix
        new_spans.append((d, new_pos, new_pos + len(d.fix)))
        new_pos += len(d.fix)
        pos = d.end
    assert fixed[new_pos:] == text[pos:]
    # The rule that asked for a fix does not flag the fixed text again.
    again = {(f.rule, f.start, f.end) for f in lint(session, fixed, name)}
    for d, start, end in new_spans:
        assert (d.rule, start, end) not in again, (d.rule, text[d.start:d.end], d.fix)
    # And fixing to the end settles: no fixes undoing each other.
    assert fix_text(text, lambda t: lint(session, t, name), unsafe=True).settled


# -- -j 1 and -j 2 give the same results -----------------------------------------

@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_one_and_two_jobs_agree(session, run_cli, tmp_path_factory, monkeypatch, data):
    from lintnews import runner
    # Two workers even for a handful of files (the runner would otherwise lint
    # so few in this process), and none of them linted here first.
    monkeypatch.setattr(runner, "WARM_UP_FILES", 0)
    monkeypatch.setattr(runner, "MIN_FILES_PER_WORKER", 1)
    forked = []
    in_workers = runner.Runner._in_workers
    monkeypatch.setattr(runner.Runner, "_in_workers", lambda self, jobs, pending, workers, *rest:
                        forked.append(workers) or in_workers(self, jobs, pending, workers, *rest))
    folder = tmp_path_factory.mktemp("jobs")
    for i, text in enumerate(data.draw(st.lists(texts(session), min_size=2, max_size=6))):
        # Never blank nor binary (NUL bytes): each file is linted, by a worker.
        text = "The council met. " + text.replace("\0", "")
        (folder / f"{i}{FORMATS[i % 3][1:]}").write_text(text, encoding="utf-8")
    one = run_cli("check", "-j", "1", "--no-cache", "--format", "json", folder)
    assert forked == []
    two = run_cli("check", "-j", "2", "--no-cache", "--format", "json", folder)
    assert forked == [2]  # really linted by two worker processes
    assert one[0] == two[0] and json.loads(one[1]) == json.loads(two[1])


# -- positions in UTF-16 (LSP, SARIF), UTF-8 and UTF-32 ------------------------------

CODECS = {UTF16: ("utf-16-le", 2), UTF8: ("utf-8", 1), UTF32: ("utf-32-le", 4)}
unicode_text = st.text(st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from("\r\n")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(text=unicode_text, encoding=st.sampled_from(list(CODECS)))
def test_every_offset_maps_to_a_position_and_back(text, encoding):
    codec, width = CODECS[encoding]
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset, encoding)
        assert column == len(text[index.starts[line]:offset].encode(codec)) // width
        between_cr_and_lf = text[offset - 1:offset + 1] == "\r\n"
        assert index.offset(line, column, encoding) == offset - between_cr_and_lf


@settings(max_examples=200, deadline=None)
@given(text=unicode_text, line=st.integers(-1, 8), column=st.integers(-1, 80),
       encoding=st.sampled_from(list(CODECS)))
def test_any_position_maps_to_a_character_boundary_at_or_before_it(text, line, column, encoding):
    index = LineIndex(text)
    offset = index.offset(line, column, encoding)
    assert 0 <= offset <= len(text)
    back_line, back_column = index.position(offset, encoding)
    if 0 <= line < len(index.starts):
        assert back_line == line and back_column <= max(column, 0)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), text=unicode_text, encoding=st.sampled_from(list(CODECS)))
def test_lsp_positions_and_edits_round_trip(data, text, encoding):
    """What the language server does with an editor's positions: each
    offset's ``lsprotocol`` position leads back to it, and an edit whose range
    the editor counted in its own code units lands on the same characters."""
    pytest.importorskip("lsprotocol")
    from lsprotocol import types
    from lintnews.lsp_positions import LineIndex as LspIndex, apply_change
    codec, width = CODECS[encoding]
    index = LspIndex(text, encoding)
    breaks = [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def editor_position(offset):  # counted independently of lintnews
        line = bisect.bisect_right(breaks, offset)
        start = breaks[line - 1] if line else 0
        return types.Position(line=line, character=len(text[start:offset].encode(codec)) // width)

    # Offsets that are not inside a CRLF pair (an editor cannot put a caret there).
    offsets = [o for o in range(len(text) + 1) if text[o - 1:o + 1] != "\r\n"]
    for offset in offsets:
        assert index.position(offset) == editor_position(offset)
        assert index.offset(editor_position(offset)) == offset
    start, end = sorted(data.draw(st.lists(st.sampled_from(offsets), min_size=2, max_size=2)))
    new = data.draw(unicode_text)
    change = types.TextDocumentContentChangePartial(
        range=types.Range(start=editor_position(start), end=editor_position(end)), text=new)
    assert apply_change(text, change, encoding) == text[:start] + new + text[end:]
