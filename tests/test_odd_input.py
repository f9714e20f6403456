"""Broken and odd input beside good files: each is named in one line on
stderr, the other files are still linted, and there is never a traceback."""
import codecs
import io
import json
import os
import random
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES

SEED = FIXTURES / "seed-article.txt"
PACK = FIXTURES / "packs" / "fixable.yaml"
ONLY = ("--pack", PACK, "--select", "fixable.death-toll")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + random.Random(9).randbytes(4000)


def lines_naming(err: str, path) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(f"lintnews: {path}: ")]


def words_line(words: int) -> str:
    """One line of ``words`` words of news copy, no line break anywhere."""
    vocabulary = SEED.read_text(encoding="utf-8").split()
    rng = random.Random(1)
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def odd_directory(tmp_path, words: int):
    files = {
        "good.txt": SEED.read_bytes(),
        "binary.txt": PNG,  # a picture saved under the wrong name
        "latin1.txt": "Caf\xe9 owners said the death tool rose.\n".encode("cp1252"),
        "empty.md": b"",
        "nul.txt": b"\0" * 4096,  # what a crash can leave of a file
        "stray-nul.txt": b"The death tool\0 rose on Tuesday.\n",
        "huge.txt": words_line(words).encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return files


def check_odd_directory(tmp_path, words: int, expect_long_line_note: bool):
    odd_directory(tmp_path, words)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "lintnews", "check", "--format", "json", str(tmp_path)],
                          capture_output=True, text=True, timeout=60,  # a hang guard, not a speed test
                          cwd=tmp_path)  # (where the results cache goes)
    elapsed = time.monotonic() - started
    print(f"\n{words:,}-word line among odd files: linted in {elapsed:.1f} s")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr  # findings; none of the odd files is an error
    found = json.loads(proc.stdout)
    by_file = {}
    for d in found:
        by_file.setdefault(os.path.basename(d["path"]), []).append(d)
    assert any(d["rule"] == "attribution.vague-source" for d in by_file["good.txt"])
    [latin] = [d for d in by_file["latin1.txt"] if d["rule"].startswith("typos")]
    assert (latin["line"], latin["column"]) == (1, 28)  # "tool": one column per byte
    [stray] = [d for d in by_file["stray-nul.txt"] if d["rule"].startswith("typos")]
    assert (stray["line"], stray["column"]) == (1, 11)
    assert "binary.txt" not in by_file and "nul.txt" not in by_file
    err = proc.stderr
    for name, says in [("binary.txt", "passed over: binary data, not text (NUL bytes)"),
                       ("nul.txt", "passed over: binary data, not text (NUL bytes)"),
                       ("latin1.txt", "warning: not valid UTF-8 (byte 0xE9 at line 1, column 4); "
                                      "read as Windows-1252 (Latin-1)"),
                       ("empty.md", "note: empty; nothing to lint"),
                       ("stray-nul.txt", "warning: 1 NUL character (the first at offset 14); linted as text")]:
        assert lines_naming(err, tmp_path / name) == [f"lintnews: {tmp_path / name}: {says}"], err
    huge = lines_naming(err, tmp_path / "huge.txt")
    if expect_long_line_note:
        assert len(huge) == 1 and huge[0].endswith("characters long; linted")
    assert len(err.splitlines()) == 5 + len(huge)  # one line per odd file, nothing else


def test_odd_files_beside_a_good_one(tmp_path):
    check_odd_directory(tmp_path, 50_000, expect_long_line_note=False)


@pytest.mark.slow
def test_odd_files_beside_a_good_one_with_a_900000_word_line(tmp_path):
    check_odd_directory(tmp_path, 900_000, expect_long_line_note=True)


# -- encodings ---------------------------------------------------------------

def test_windows_1252_file_is_fixed_in_windows_1252(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    before = "“Cafés” said the death tool rose – again.\r\n".encode("cp1252")
    story.write_bytes(before)
    status, out, err = run_cli("check", *ONLY, "--fix", story)
    assert status == 0 and "Fixed 1 problem" in out
    assert story.read_bytes() == before.replace(b"death tool", b"death toll")
    assert err.count("read as Windows-1252") == 1


def test_fix_windows_1252_cannot_hold_leaves_the_file_alone(run_cli, tmp_path):
    pack = tmp_path / "macron.yaml"
    pack.write_text(PACK.read_text(encoding="utf-8").replace("pack: fixable", "pack: macron")
                    .replace("fixable.", "macron.").replace('"death [tool]": toll', '"[Tokyo]": Tōkyō'),
                    encoding="utf-8")
    story = tmp_path / "story.txt"
    before = "Caf\xe9 owners in Tokyo met.\n".encode("cp1252")
    story.write_bytes(before)
    status, _, err = run_cli("check", "--pack", pack, "--select", "macron", "--fix", story)
    assert status == 2 and story.read_bytes() == before
    assert (f"lintnews: {story}: cannot write the fixes: 'ō' has no place in its encoding, "
            f"windows-1252; the file is unchanged") in err


def test_mixed_encodings_are_linted_but_not_fixed(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    before = "It’s the death tool, ".encode() + "caf\xe9.\n".encode("cp1252")
    story.write_bytes(before)
    status, out, err = run_cli("check", *ONLY, "--format", "json", story)
    [d] = json.loads(out)
    assert status == 1 and (d["column"], d["end_column"]) == (16, 20)  # ’ is one character
    assert "mixes UTF-8 with other bytes (byte 0xE9 at line 1, column 25)" in err
    status, _, err = run_cli("check", *ONLY, "--fix", story)
    assert status == 2 and story.read_bytes() == before
    assert "cannot write the fixes: it mixes UTF-8 with another encoding" in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_a_bom_are_read_and_fixed_in_place(run_cli, tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE}[codec]
    story = tmp_path / "story.txt"
    text = "Übersicht 😀\r\nThe death tool climbed.\r\n"
    story.write_bytes(bom + text.encode(codec))
    status, out, err = run_cli("check", *ONLY, "--format", "json", story)
    [d] = json.loads(out)
    assert (d["line"], d["column"], err) == (2, 11, "")
    run_cli("check", *ONLY, "--fix", story)
    assert story.read_bytes() == bom + text.replace("tool", "toll").encode(codec)


def test_utf16_without_a_bom_is_passed_over_as_binary(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes("The death tool rose on Tuesday.\n".encode("utf-16-le"))
    status, out, err = run_cli("check", story)
    assert status == 0 and err == f"lintnews: {story}: passed over: binary data, not text (NUL bytes)\n"


def test_stdin_in_windows_1252_is_fixed_in_windows_1252(run_cli, monkeypatch):
    data = "Caf\xe9: the death tool rose.\n".encode("cp1252")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    status, _, err = run_cli("check", *ONLY, "--fix", "-")
    assert stdout.buffer.getvalue() == data.replace(b"tool", b"toll")
    assert status == 0 and "<stdin>: warning: not valid UTF-8" in err


def test_windows_1252_is_decoded_as_browsers_do():
    from lintnews.inputs import decode
    with pytest.warns(UserWarning, match="not valid UTF-8"):
        got = decode(bytes(range(0x80, 0x100)), "f")
    assert got.text[0x13:0x15] == "“”" and got.text[0x01] == "\x81"  # 0x81 is unused: U+0081
    assert got.encode(got.text) == bytes(range(0x80, 0x100))


# -- binary, empty, NUL, size ----------------------------------------------------

@pytest.mark.parametrize("data, note", [
    (PNG, "passed over: binary data, not text (NUL bytes)"),
    (b"\xff\xfe\x00\xd8\x00\xd8", "passed over: it starts like UTF-16 text but is not (byte 2)"),
    (b"", "note: empty; nothing to lint"),
    (b" \n\t\r\n", "note: only white space; nothing to lint"),
])
def test_odd_file_alone_is_one_note_and_no_error(run_cli, tmp_path, data, note):
    odd = tmp_path / "odd.txt"
    odd.write_bytes(data)
    status, out, err = run_cli("check", odd)
    assert status == 0 and err == f"lintnews: {odd}: {note}\n"


def test_nul_after_the_first_8_kb_is_linted_with_a_warning(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"x" * 9000 + b"\n\0The death tool rose.\n")
    status, out, err = run_cli("check", *ONLY, story)
    assert status == 1 and f"{story}:2:12: error fixable.death-toll" in out  # the NUL is column 1
    assert "1 NUL character (the first at offset 9001); linted as text" in err


def test_files_over_the_size_limit_are_passed_over_unread(run_cli, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # 50 MB on disk, none of it written: a sparse file
        f.truncate(50_000_001)
    small = tmp_path / "small.txt"
    small.write_text("The death tool rose.\n")
    status, out, err = run_cli("check", *ONLY, big, small)
    assert status == 1 and "small.txt:1:11: error" in out
    assert err == f"lintnews: {big}: passed over: 50 MB is over the 10 MB limit (--max-file-size)\n"
    status, out, err = run_cli("check", *ONLY, "--max-file-size", "10KB", small)
    assert status == 1 and err == ""
    small.write_text("The death tool rose.\n" * 1000)
    status, out, err = run_cli("check", *ONLY, "--max-file-size", "10KB", small)
    assert status == 0 and "21 KB is over the 10 KB limit" in err
    status, out, err = run_cli("check", *ONLY, "--max-file-size", "0", small)
    assert status == 1 and err == ""


def test_a_device_that_never_ends_is_read_no_further_than_the_limit(run_cli):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    status, _, err = run_cli("check", "--max-file-size", "100KB", "/dev/zero")
    assert status == 0 and err == "lintnews: /dev/zero: passed over: larger than the 100 KB limit (--max-file-size)\n"


def test_bad_size_is_a_usage_error(run_cli, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_cli("check", "--max-file-size", "lots", SEED)
    assert exit_.value.code == 2 and "invalid size value: 'lots'" in capsys.readouterr().err


# -- deeply nested markup, non-English text ------------------------------------------

AFTER = "\n\nThe death tool rose.\n"


@pytest.mark.parametrize("name, source, note", [
    ("lists.md", "- " * 300 + "a" + AFTER, True),
    ("indented.md", "".join("  " * i + "- a\n" for i in range(300)) + AFTER, True),
    ("quotes.md", ">" * 5000 + " a" + AFTER, True),
    ("numbered.md", "1. " * 300 + "a" + AFTER, True),
    ("images.md", "![" * 3000 + "a" + "](u)" * 3000 + AFTER, False),
    ("emphasis.md", "*a " * 3000 + "b" + " a*" * 3000 + AFTER, True),
    ("brackets.md", "[" * 20000 + "a" + "]" * 20000 + AFTER, False),
    ("html.md", "<div>" * 50000 + AFTER, False),
    ("divs.html", "<div>" * 50000 + "<p>The death tool rose.</p>" + "</div>" * 50000, False),
    ("open.html", "<b>" * 50000 + "<p>The death tool rose." + "<!--" * 1000, False),
])
def test_deeply_nested_markup_loses_nothing(run_cli, tmp_path, name, source, note):
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    status, out, err = run_cli("check", *ONLY, path)
    assert status == 1 and out.count(": error fixable.death-toll") == 1
    deep = f"lintnews: {path}: note: Markdown nested over 100 levels deep; linted as plain text\n"
    assert err == (deep if note else "")


def test_markdown_too_deep_for_its_parser_keeps_its_suppressions(session):
    source = "<!-- lintnews-disable-next-line -->\n" + ">" * 200 + " The death tool rose." + AFTER
    with pytest.warns(UserWarning, match="Markdown nested over 100 levels deep"):
        found = session.lint_source(source, "a.md")
    assert [d.line for d in found if d.rule.startswith("typos")] == [4]


NON_ENGLISH = [
    "新华社北京电 国务院总理今天表示，经济增长“稳中有进”。",
    "قال المتحدث باسم الحكومة إن «الوضع مستقر» في العاصمة.",
    "प्रधानमंत्री ने कहा कि अर्थव्यवस्था मज़बूत है।",
    "Президент заявил, что «ситуация под контролем».",
    "İSTANBUL — Bakan, ‘ekonomi güçlü’ dedi. Ὀδυσσεύς. ﬁnance. ß. 𝒜𝒷𝒸 👩‍👩‍👧 e\u0301",
]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_non_english_text_lints_with_right_positions(run_cli, tmp_path, suffix):
    path = tmp_path / f"world{suffix}"
    text = "\n\n".join(NON_ENGLISH) + "\n\nThe death tool rose.\n"
    path.write_text(text, encoding="utf-8")
    status, out, err = run_cli("check", "--format", "json", path)
    assert err == "" and status == 1
    found = json.loads(out)
    for d in found:
        assert text[d["start"]:d["end"]] and d["end"] <= len(text)
    assert any(text[d["start"]:d["end"]] == "tool" and d["line"] == 11 for d in found)


# -- the safety net --------------------------------------------------------------

def test_a_bug_while_linting_one_file_is_one_line_and_the_others_go_on(run_cli, tmp_path, monkeypatch):
    from lintnews.parsers.markdown import MarkdownParser

    def broken(self, source, path):
        raise ValueError("simulated bug")
    monkeypatch.setattr(MarkdownParser, "parse", broken)
    bad = tmp_path / "bad.md"
    bad.write_text("Anything.\n")
    status, out, err = run_cli("check", *ONLY, bad, SEED)
    assert status == 2
    assert err == (f"lintnews: internal error while linting {bad}: ValueError: simulated bug. This is a bug: "
                   f"please report it with the command, `lintnews --version` and, if you can, the file "
                   f"(LINTNEWS_TRACEBACK=1 shows where it happened)\n")
    assert f"{SEED}:" in out


def test_a_bug_anywhere_else_is_one_line_with_exit_2(run_cli, monkeypatch):
    from lintnews.commands.check import CheckCommand

    def broken(self, args):
        raise KeyError("simulated")
    monkeypatch.setattr(CheckCommand, "run", broken)
    status, out, err = run_cli("check", SEED)
    assert status == 2 and err.startswith("lintnews: internal error: KeyError: 'simulated'. This is a bug")
    monkeypatch.setenv("LINTNEWS_TRACEBACK", "1")
    with pytest.raises(KeyError):  # when debugging, the traceback after all
        run_cli("check", SEED)
