"""The sample article: every problem a copy editor marks, and nothing in the quotation."""
import json

from conftest import FIXTURES

SEED = FIXTURES / "seed-article.txt"


def findings(run_cli):
    status, out, _ = run_cli("check", "--format", "json", SEED)
    return status, json.loads(out)


def at(found, category, line, text=None, fix=None):
    source = SEED.read_text(encoding="utf-8")
    for d in found:
        if d["category"] == category and d["line"] == line:
            if text is not None and text not in source[d["start"]:d["end"]]:
                continue
            if fix is not None and d["fix"] != fix:
                continue
            return d
    return None


def test_typos(run_cli):
    _, found = findings(run_cli)
    tool = at(found, "typo", 17, "tool", "toll")
    assert tool and SEED.read_text(encoding="utf-8")[tool["start"]:tool["end"]].endswith("tool")
    by = at(found, "typo", 7, "my", "by")
    assert by and by["end"] - by["start"] == 2


def test_attribution(run_cli):
    _, found = findings(run_cli)
    assert at(found, "attribution", 3, "Reports claim")
    assert at(found, "attribution", 3, "23,000")
    assert at(found, "attribution", 5, "90 ISIS soldiers surrendered")
    assert at(found, "attribution", 15, "It is estimated")
    assert at(found, "attribution", 15, "20,000 to 30,000")


def test_loaded(run_cli):
    _, found = findings(run_cli)
    assert at(found, "loaded", 5, "clearly working")
    assert at(found, "loaded", 21, "eradicate them completely")
    assert at(found, "loaded", 19, "their jihad")


def test_consistency_flags_names_only_where_they_head_their_phrase(run_cli):
    # "ISIS" after "Islamic State": flagged as a noun ("supporters of ISIS"),
    # not as a modifier ("90 ISIS soldiers", the headline's "ISIS Fighters").
    _, found = findings(run_cli)
    names = [(d["line"], d["column"]) for d in found if d["rule"] == "consistency.names"]
    assert names and all(line in (13, 15, 19) for line, _ in names)
    assert not [d for d in found if d["rule"] == "consistency.names" and d["line"] in (1, 5)]


def test_engagement(run_cli):
    _, found = findings(run_cli)
    assert at(found, "engagement", 21, "Do you feel that progress")
    assert at(found, "engagement", 21, "What more should be done")


def test_nothing_inside_the_quotation(run_cli):
    status, found = findings(run_cli)
    assert status == 1
    assert not [d for d in found if d["line"] == 11]


def test_clean_sentence(run_cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The council approved the budget on Tuesday, the mayor said.\n")
    status, out, _ = run_cli("check", "--format", "json", clean)
    assert (status, json.loads(out)) == (0, [])
