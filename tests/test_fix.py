"""Autofix: --fix, --unsafe-fixes, --diff; byte-exact results; safe writing."""
import io
import os
import stat
import sys

import pytest

from conftest import FIXTURES
from lintnews.diagnostic import Diagnostic
from lintnews.fixes import SourceFile, apply_fixes, fix_text, unified_diff

PACK = FIXTURES / "packs" / "fixable.yaml"
BOM = b"\xef\xbb\xbf"
ONLY = ("--pack", PACK, "--select", "fixable")


def diag(start, end, fix, rule="r.x", safe=True):
    return Diagnostic(path="-", line=1, column=start + 1, end_line=1, end_column=end + 1, start=start,
                      end=end, rule=rule, category="typo", severity="error", message="m", fix=fix,
                      fix_safe=safe)


def test_crlf_bom_file_gets_only_the_fix(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    before = BOM + b"The death tool climbed to 12 on Tuesday.\r\nOfficials expect it to rise.\r\n"
    story.write_bytes(before)
    story.chmod(0o640)

    status, out, err = run_cli("check", *ONLY, "--diff", story)
    assert status == 1 and story.read_bytes() == before  # --diff writes nothing
    assert "-The death tool climbed to 12 on Tuesday.\r\n+The death toll climbed to 12 on Tuesday.\r\n" in out
    assert "would fix 1 problem in 1 file" in err

    status, out, err = run_cli("check", *ONLY, "--fix", story)
    assert story.read_bytes() == before.replace(b"death tool", b"death toll")
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert status == 0 and "Fixed 1 problem in 1 file (fixable.death-toll)." in out
    assert not [p for p in tmp_path.iterdir() if p.name != "story.txt"]  # no temporary file left


def test_fix_reports_what_remains(run_cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("The death tool rose.\n\nIrregardless, officials met.\n")
    status, out, _ = run_cli("check", *ONLY, "--fix", story)
    assert status == 1  # the unsafe fix was not applied: its finding remains
    assert story.read_text() == "The death toll rose.\n\nIrregardless, officials met.\n"
    assert f"{story}:3:1: info fixable.irregardless " in out
    assert "Fixed 1 problem in 1 file" in out and "Found 1 problem remaining in 1 file:" in out
    assert "1 fixable with `--fix --unsafe-fixes`." in out

    status, out, _ = run_cli("check", *ONLY, "--fix", "--unsafe-fixes", story)
    assert status == 0 and story.read_text() == "The death toll rose.\n\nRegardless, officials met.\n"


def test_unsafe_fixes_needs_fix_or_diff(run_cli, tmp_path):
    status, _, err = run_cli("check", *ONLY, "--unsafe-fixes", tmp_path)
    assert status == 2 and "--unsafe-fixes only makes sense with --fix or --diff" in err


def test_overlapping_fixes_first_wins_then_relint():
    text = "Then the death tool rose."
    whole, inner = diag(5, 24, "the death toll rose", rule="r.whole"), diag(15, 19, "toll", rule="r.inner")
    fixed, used = apply_fixes(text, [inner, whole])
    assert fixed == "Then the death toll rose." and used == [whole]
    # touching spans do not overlap; two edits at one point do (the first in text order wins)
    fixed, used = apply_fixes("abcd", [diag(2, 4, "Y"), diag(0, 2, "X")])
    assert fixed == "XY" and len(used) == 2
    fixed, used = apply_fixes("abcd", [diag(2, 4, "Y"), diag(2, 2, "Z")])
    assert fixed == "abZcd" and len(used) == 1


def test_passes_repeat_until_stable_and_stop():
    # "aaa" → each pass turns the first "a" into "b": three passes, then stable.
    def lint(text):
        i = text.find("a")
        return [] if i < 0 else [diag(i, i + 1, "b")]
    outcome = fix_text("aaa", lint)
    assert outcome.text == "bbb" and len(outcome.applied) == 3 and outcome.settled and not outcome.remaining

    # two rules that undo each other never settle: bounded, and reported as such
    def flip(text):
        return [diag(0, 1, "y" if text[0] == "x" else "x")]
    outcome = fix_text("x", flip, max_passes=4)
    assert not outcome.settled and len(outcome.applied) == 4


def test_fix_on_stdin_writes_fixed_text_to_stdout(run_cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The death tool rose.\r\n")))
    status, out, err = run_cli("check", *ONLY, "--fix", "-")
    assert out == "The death toll rose.\r\n"
    assert status == 0 and "Fixed 1 problem" in err


def test_file_changed_while_linting_is_not_overwritten(tmp_path):
    from lintnews.api import LintError, Session
    from lintnews.fixes import fix_file

    story = tmp_path / "story.txt"
    story.write_bytes(b"The death tool climbed.\n")
    source = SourceFile(str(story), story.read_bytes(), "The death tool climbed.\n", os.stat(story))
    pack_session = Session(packs=[PACK], select=["fixable"])

    def lint_and_meanwhile_edit(text):
        story.write_bytes(b"An editor rewrote this.\n")
        return pack_session.lint_source(text, str(story))
    with pytest.raises(LintError, match="changed on disk while it was being fixed"):
        fix_file(source, lint_and_meanwhile_edit)
    assert story.read_bytes() == b"An editor rewrote this.\n"


def test_failed_write_leaves_file_intact(tmp_path, monkeypatch):
    from lintnews import safe_write

    story = tmp_path / "story.txt"
    story.write_bytes(b"original\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(safe_write.os, "replace", broken_replace)
    source = SourceFile(str(story), b"original\n", "original\n", os.stat(story))
    with pytest.raises(OSError):
        source.write("changed\n")
    assert story.read_bytes() == b"original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_unwritable_directory_is_a_clear_error(run_cli, tmp_path, monkeypatch):
    import tempfile

    story = tmp_path / "story.txt"
    story.write_bytes(b"The death tool climbed.\n")

    def no_temp_file(**kwargs):  # what a read-only directory does
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", no_temp_file)
    status, _, err = run_cli("check", *ONLY, "--fix", story)
    assert status == 2 and f"{story}: cannot write the fixes: Permission denied; the file is unchanged" in err
    assert story.read_bytes() == b"The death tool climbed.\n"


def test_symlink_is_kept_and_target_fixed(run_cli, tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"The death tool climbed.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli("check", *ONLY, "--fix", link)
    assert link.is_symlink() and target.read_bytes() == b"The death toll climbed.\n"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_never_truncates(tmp_path, monkeypatch, failure):
    """A disk filling up, or Ctrl-C, halfway through writing the new text:
    the article is whole and no temporary file is left behind."""
    from lintnews import safe_write

    story = tmp_path / "story.txt"
    story.write_bytes(b"original text\n" * 1000)
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[:len(data) // 2])
            self.f.flush()
            raise failure

    monkeypatch.setattr(safe_write.os, "fdopen", lambda fd, mode: HalfWritten(real_fdopen(fd, mode)))
    source = SourceFile(str(story), story.read_bytes(), "original text\n" * 1000, os.stat(story))
    with pytest.raises(type(failure)):
        source.write("changed\n" * 1000)
    assert story.read_bytes() == b"original text\n" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_unified_diff_marks_missing_final_newline():
    diff = unified_diff("a.txt", "one\ndeath tool", "one\ndeath toll")
    assert diff.endswith("-death tool\n\\ No newline at end of file\n+death toll\n\\ No newline at end of file\n")
