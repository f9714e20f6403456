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


def test_overlong_pattern_in_a_pack_is_refused_with_file_and_line(tmp_path, run_cli):
    pack = tmp_path / "long.yaml"
    pack.write_text(PACK.replace("{pattern}", "word " * 1200))
    status, _, err = run_cli("check", "--pack", pack, "-")
    assert status == 2
    assert err.startswith(f"lintnews: error: {pack}:12: rule 'hostile.redos': ")
    assert "pattern is 6000 characters long; the limit is 5000" in err


def test_a_pack_over_the_size_limit_is_not_even_parsed(tmp_path, run_cli, monkeypatch):
    import yaml
    parsed = []
    monkeypatch.setattr(yaml, "load", lambda *a, **k: parsed.append(1))
    pack = tmp_path / "huge.yaml"
    pack.write_text(PACK.replace("{pattern}", "fine") + "# padding\n" * 600_000)  # 6 MB
    status, _, err = run_cli("check", "--pack", pack, "-")
    assert status == 2 and not parsed
    assert err == f"lintnews: error: {pack}: pack is {pack.stat().st_size} bytes; the limit is 5000000\n"


# -- other ways a pack could stall or break a run ----------------------------------

RULE = """\
  - id: hostile.r{n}
    type: existence
    category: style
    severity: info
    message: "{{match}}"
    description: One of many.
    patterns: ["word{n}"]
    examples:
      flag: ["word{n}"]
      pass: ["b"]
"""


def load(tmp_path, text, name="hostile.yaml"):
    from lintnews.packs import load_pack
    from lintnews.plugins import Registry
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_pack(path, Registry().rule_types)


def test_deeply_nested_groups_are_refused_not_a_crash():
    assert regex_problem("(" * 600 + "a" + ")" * 600) == "groups nested too deeply"


def test_too_many_rules_are_refused(tmp_path):
    from lintnews.packs import MAX_RULES, PackError
    text = "pack: hostile\ndescription: many rules\nrules:\n" + "".join(
        RULE.format(n=n) for n in range(MAX_RULES + 1))
    with pytest.raises(PackError, match=rf"hostile.yaml:3: {MAX_RULES + 1} rules; the limit is {MAX_RULES} per pack"):
        load(tmp_path, text)


def test_too_many_entries_in_one_option_are_refused(tmp_path):
    from lintnews.packs import MAX_ENTRIES, PackError
    words = ", ".join(f"w{n}" for n in range(MAX_ENTRIES + 1))
    text = PACK.replace("    regex:\n      - 'fine'\n      - '{pattern}'\n", f"    patterns: [{words}]\n")
    with pytest.raises(PackError, match=rf"hostile.yaml:10: rule 'hostile.redos': 'patterns' has "
                                        rf"{MAX_ENTRIES + 1} entries; the limit is {MAX_ENTRIES}"):
        load(tmp_path, text)


def test_unsafe_prompt_pattern_of_an_engagement_rule_is_refused(tmp_path):
    from lintnews.packs import PackError
    text = PACK.replace("type: existence", "type: engagement").replace(
        "    regex:\n      - 'fine'\n      - '{pattern}'\n", "    prompts: ['(\\w+\\s?)*$']\n")
    with pytest.raises(PackError, match=r"hostile.yaml:10: rule 'hostile.redos': unsafe regular expression"):
        load(tmp_path, text)


def test_json_pack_nested_too_deeply_is_a_pack_error(tmp_path):
    from lintnews.packs import PackError
    with pytest.raises(PackError, match=r"hostile.json: invalid JSON: nested too deeply"):
        load(tmp_path, '{"pack": ' + "[" * 100_000 + "]" * 100_000 + "}", name="hostile.json")


def test_alias_bomb_fails_fast(tmp_path, run_cli):
    """A "billion laughs" pack: nine levels of nine aliases each."""
    levels = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = PACK.replace("    regex:\n      - 'fine'\n      - '{pattern}'\n",
                        "    exceptions:\n      " + "\n      ".join(f"- {{{level}}}" for level in levels)
                        + "\n    patterns: *l9\n")
    pack = tmp_path / "laughs.yaml"
    pack.write_text(text)
    started = time.monotonic()
    status, _, err = run_cli("check", "--pack", pack, "-")
    assert time.monotonic() - started < 30  # a hang guard
    assert status == 2 and err.startswith(f"lintnews: error: {pack}:")


def test_python_object_tag_on_the_command_line_runs_nothing(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "evil.yaml"
    pack.write_text(PACK.replace("description: a pack with a dangerous pattern",
                                 "description: !!python/object/apply:os.system ['touch PWNED']"))
    article = tmp_path / "a.txt"
    article.write_text("Fine.\n")
    status, _, err = run_cli("check", "--pack", pack, article)
    assert status == 2 and err.startswith(f"lintnews: error: {pack}:2: invalid YAML: could not determine a constructor")
    assert not (tmp_path / "PWNED").exists()
