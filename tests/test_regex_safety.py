"""Rule packs are untrusted: a pattern that could backtrack catastrophically
is refused when its pack loads, naming the file and line."""
import time

import pytest

from lintnews.regexsafety import regex_problem

PACK = """\
pack: hostile
description: a pack with a dangerous pattern
rules:
  - id: hostile.redos
    type: existence
    category: style
    severity: info
    message: "{match}"
    description: Tries to stall the linter.
    regex:
      - 'fine'
      - '{pattern}'
    examples:
      flag: ["aaaa"]
      pass: ["b"]
"""


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w*\s?)*x", r"(aa|a)*$", r"(?:\w+ly|\w+ed)*x"])
def test_dangerous_patterns_are_refused(pattern):
    assert regex_problem(pattern)


@pytest.mark.parametrize("pattern", [
    r"\b(?:clearly|obviously)\b(?:\s+\w+(?:ing|ed)\b)?", r"(?:said|says)+", r"(\w++\s)+end",
    r"(?>\w+\s)+end", r"x{1,5}y*", r"(\w|\d)+"])
def test_ordinary_patterns_are_accepted(pattern):
    assert regex_problem(pattern) is None


def test_overlong_pattern_is_refused():
    assert "limit" in regex_problem("a" * 6000)


def test_hostile_pack_fails_fast_with_file_and_line(tmp_path, run_cli):
    pack = tmp_path / "hostile.yaml"
    pack.write_text(PACK.replace("{pattern}", "(a+)+$"))
    article = tmp_path / "a.txt"
    article.write_text("a" * 50 + "!\n")
    started = time.monotonic()
    status, _, err = run_cli("check", "--pack", pack, article)
    assert time.monotonic() - started < 30  # generous: it must not hang, not be fast
    assert status == 2
    assert err.startswith(f"lintnews: error: {pack}:12: rule 'hostile.redos': unsafe regular expression")
