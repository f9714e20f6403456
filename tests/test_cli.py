"""The command line as a user meets it: exit statuses, formats, rule choice."""
import json
import re

import pytest

from conftest import FIXTURES

SEED = FIXTURES / "seed-article.txt"


def test_text_format_lines_and_summary(run_cli):
    status, out, _ = run_cli("check", SEED)
    lines = out.splitlines()
    assert status == 1
    assert any(line.startswith(f"{SEED}:3:136: warning attribution.vague-source ") for line in lines)
    findings = [line for line in lines if line.startswith(f"{SEED}:")]
    found = next(i for i, line in enumerate(lines) if line.startswith("Found "))
    assert lines[found] == f"Found {len(findings)} problems in 1 file:"
    # one line per category: count, category, (rules with counts)
    categories = [re.fullmatch(r" +(\d+) (\w+) +\((.+)\)", line) for line in lines[found + 1:]]
    categories = [m for m in categories if m]
    assert sum(int(m[1]) for m in categories) == len(findings)
    assert {m[2] for m in categories} >= {"attribution", "loaded"}


def test_json_fields(run_cli):
    _, out, _ = run_cli("check", "--format", "json", SEED)
    finding = json.loads(out)[0]
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "start", "end",
                            "rule", "category", "severity", "message", "fix"}


def test_select_and_ignore_by_pack_and_rule(run_cli):
    _, out, _ = run_cli("check", "--format", "json", "--select", "loaded", SEED)
    assert {d["category"] for d in json.loads(out)} == {"loaded"}
    _, out, _ = run_cli("check", "--format", "json", "--ignore", "loaded,attribution.unsourced-figure", SEED)
    rules = {d["rule"] for d in json.loads(out)}
    assert not any(r.startswith("loaded.") for r in rules) and "attribution.unsourced-figure" not in rules


def test_unknown_rule_is_a_usage_error(run_cli):
    status, out, err = run_cli("check", "--select", "nosuch", SEED)
    assert status == 2 and err.strip() == "lintnews: error: unknown rule or pack 'nosuch' (see `lintnews rules`)"


def test_missing_file_is_named_and_others_still_linted(run_cli, tmp_path):
    status, out, err = run_cli("check", tmp_path / "missing.txt", SEED)
    assert status == 2
    assert "missing.txt: no such file" in err
    assert "attribution.vague-source" in out


def test_invalid_utf8_is_named_and_still_linted(run_cli, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 society. Experts believe the plan will fail.".encode("latin-1"))
    status, out, err = run_cli("check", bad)
    assert status == 1 and "attribution.vague-source" in out
    assert err == (f"lintnews: {bad}: warning: not valid UTF-8 (byte 0xE9 at line 1, column 4); "
                   f"read as Windows-1252 (Latin-1)\n")


def test_directories_are_walked_by_extension(run_cli, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.md").write_text("Experts believe the plan will fail.\n")
    (tmp_path / "notes.py").write_text("# Experts believe the plan will fail.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Experts believe the plan will fail.\n")
    status, out, _ = run_cli("check", "--format", "json", tmp_path)
    assert status == 1
    assert [d["path"] for d in json.loads(out)] == [str(tmp_path / "sub" / "story.md")]


def test_stdin(run_cli, monkeypatch):
    import io
    import sys
    fake = io.TextIOWrapper(io.BytesIO("Experts believe the plan will fail.\n".encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    status, out, _ = run_cli("check", "--stdin-filename", "story.txt", "-")
    assert status == 1 and out.startswith("story.txt:1:1: ")


def test_rules_table_and_explain(run_cli):
    status, out, _ = run_cli("rules")
    assert status == 0 and "attribution.vague-source" in out and "CATEGORY" in out
    status, out, _ = run_cli("explain", "loaded.editorializing-adverbs")
    assert status == 0
    assert out.startswith("# loaded.editorializing-adverbs\n")
    for heading in ("## Why is this bad?", "## Example", "Fix is not available."):
        assert heading in out


def test_explain_unknown_rule(run_cli):
    status, _, err = run_cli("explain", "loaded.nosuch")
    assert status == 2 and "unknown rule 'loaded.nosuch'" in err


def test_no_command_prints_help_and_exits_2(run_cli):
    status, out, _ = run_cli()
    assert status == 2 and "usage: lintnews" in out


def test_bad_option_exits_2(run_cli):
    with pytest.raises(SystemExit) as info:
        run_cli("check", "--format")
    assert info.value.code == 2
