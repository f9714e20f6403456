"""--baseline / --write-baseline: only new findings fail the build."""
import json
from pathlib import Path

import pytest

from conftest import FIXTURES

PACK = FIXTURES / "packs" / "fixable.yaml"
ONLY = ("--pack", PACK, "--select", "fixable")

STORY = "The death tool climbed on Monday.\n\nRescuers searched the coast.\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/storm.md").write_text(STORY)
    return tmp_path


def test_baseline_hides_known_findings_even_when_they_move(run_cli, newsroom):
    status, _, err = run_cli("check", *ONLY, "--write-baseline", "lintnews-baseline.json", "news")
    assert status == 0 and "recorded 1 finding in 1 file in lintnews-baseline.json" in err

    status, out, _ = run_cli("check", *ONLY, "--baseline", "lintnews-baseline.json", "news")
    assert status == 0 and "1 known problem recorded in the baseline not shown." in out

    # New paragraphs above and a reflowed line: same finding, other line.
    Path("news/storm.md").write_text("A new lead paragraph.\n\nAnother one.\n\nThe death\ntool   climbed on "
                                     "Monday.\n\nRescuers searched the coast.\n")
    status, out, _ = run_cli("check", *ONLY, "--baseline", "lintnews-baseline.json", "news")
    assert status == 0, out

    # A new slip elsewhere is reported, and only it.
    Path("news/storm.md").write_text(STORY + "\nBy night the death tool was 40.\n")
    status, out, _ = run_cli("check", *ONLY, "--format", "json", "--baseline", "lintnews-baseline.json", "news")
    assert status == 1 and [d["line"] for d in json.loads(out)] == [5]


def test_duplicates_are_counted(run_cli, newsroom):
    twice = "The death tool climbed.\n\nThe death tool climbed.\n"
    Path("news/storm.md").write_text(twice)
    run_cli("check", *ONLY, "--write-baseline", "base.json", "news")
    entry, = json.loads(Path("base.json").read_text())["files"]["news/storm.md"]
    assert entry["count"] == 2 and entry["rule"] == "fixable.death-toll" and entry["match"] == "tool"

    Path("news/storm.md").write_text(twice + "\nThe death tool climbed.\n")
    status, out, _ = run_cli("check", *ONLY, "--format", "json", "--baseline", "base.json", "news")
    assert status == 1 and len(json.loads(out)) == 1


def test_baseline_file_is_stable_and_sorted(run_cli, newsroom):
    Path("news/b.md").write_text("Irregardless, the death tool climbed.\n")
    run_cli("check", *ONLY, "--write-baseline", "base.json", "news")
    first = Path("base.json").read_bytes()
    run_cli("check", *ONLY, "--write-baseline", "base.json", "news")
    assert Path("base.json").read_bytes() == first
    data = json.loads(first)
    assert data["lintnews-baseline"] == 1 and list(data["files"]) == ["news/b.md", "news/storm.md"]
    rules = [e["rule"] for e in data["files"]["news/b.md"]]
    assert rules == sorted(rules) == ["fixable.death-toll", "fixable.irregardless"]


def test_baseline_paths_are_relative_to_the_baseline_file(run_cli, newsroom, monkeypatch):
    run_cli("check", *ONLY, "--write-baseline", "base.json", "news")
    monkeypatch.chdir(newsroom / "news")
    status, out, _ = run_cli("check", *ONLY, "--baseline", "../base.json", "storm.md")
    assert status == 0, out


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a lintnews baseline (invalid JSON"),
    ('{"files": {}}', "not a lintnews baseline (expected 'lintnews-baseline': 1"),
    ('{"lintnews-baseline": 1, "files": {"a.md": [{"count": 1}]}}', "malformed entry for 'a.md'"),
])
def test_bad_baseline_is_a_clear_error(run_cli, newsroom, content, message):
    Path("base.json").write_text(content)
    status, _, err = run_cli("check", *ONLY, "--baseline", "base.json", "news")
    assert status == 2 and f"base.json: {message}" in err and "Traceback" not in err


def test_missing_baseline_is_a_clear_error(run_cli, newsroom):
    status, _, err = run_cli("check", "--baseline", "nope.json", "news")
    assert status == 2 and "nope.json: cannot read baseline: No such file or directory" in err
