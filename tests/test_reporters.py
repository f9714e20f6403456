"""Every output format, read the way its consumer reads it."""
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES

PACK = FIXTURES / "packs" / "fixable.yaml"
ONLY = ("--pack", PACK, "--select", "fixable")
REPO = Path(__file__).resolve().parent.parent
# shared/ lies beside the checkout (CI); a git worktree may sit one level deeper.
SARIF_SCHEMA = next((p / "shared" / "schemas" / "sarif-schema-2.1.0.json" for p in REPO.parents
                     if (p / "shared" / "schemas" / "sarif-schema-2.1.0.json").exists()),
                    REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json")

# An emoji is 1 code point but 2 UTF-16 units: columns after it differ.
EMOJI_TEXT = "Storm \U0001F32A update.\n\nThe death tool climbed to 12.\n\U0001F32A The death tool fell.\n"


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/storm.md").write_text(EMOJI_TEXT, encoding="utf-8")
    Path("news/clean.md").write_text("Nothing to see here.\n", encoding="utf-8")
    return "news/storm.md"


def utf16_col(line: str, codepoint_col: int) -> int:
    """0-based UTF-16 column of a 0-based code-point column, by encoding."""
    return len(line[:codepoint_col].encode("utf-16-le")) // 2


def test_sarif_validates_against_the_official_schema(run_cli, story):
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA} (shared/ is expected beside the checkout)")
    status, out, _ = run_cli("check", "--format", "sarif", *ONLY, "news")
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert status == 1


def test_sarif_rules_results_regions_and_fixes(run_cli, story):
    from rfc3986_validator import validate_rfc3986

    _, out, _ = run_cli("check", "--format", "sarif", *ONLY, "./news")  # "./" is dropped
    run = json.loads(out)["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "fixable.death-toll" in ids
    toll = rules[ids.index("fixable.death-toll")]
    assert toll["name"] == "DeathToll" and toll["defaultConfiguration"]["level"] == "error"
    assert toll["shortDescription"]["text"] and toll["fullDescription"]["text"] and toll["help"]["text"]
    assert rules[ids.index("fixable.irregardless")]["defaultConfiguration"]["level"] == "note"

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["fixable.death-toll", "fixable.death-toll"]
    lines = EMOJI_TEXT.split("\n")
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "news/storm.md", "uriBaseId": "%SRCROOT%"}
        assert validate_rfc3986(location["artifactLocation"]["uri"], rule="URI_reference")
        region = location["region"]
        line = lines[region["startLine"] - 1]
        start = line.index("tool")
        assert region["startColumn"] == utf16_col(line, start) + 1
        assert region["endColumn"] == utf16_col(line, start + 4) + 1  # exclusive end
        assert region["snippet"]["text"] == "tool"
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["replacements"][0]["insertedContent"]["text"] == "toll"
        assert change["replacements"][0]["deletedRegion"]["startColumn"] == region["startColumn"]
    # the emoji line: "tool" is at code-point column 13, UTF-16 column 14
    assert results[1]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 14
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert validate_rfc3986(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], rule="URI")


def test_sarif_rule_link_is_help_uri(run_cli, story):
    _, out, _ = run_cli("check", "--format", "sarif", "news")
    rules = {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    linked = [r for r in rules.values() if "helpUri" in r]
    assert linked and all(r["helpUri"].startswith(("https://", "http://")) for r in linked)


# -- GitHub workflow commands -------------------------------------------------

def parse_workflow_command(line: str):
    """Parse ``::name k=v,k=v::message`` as the Actions runner does
    (ActionCommand.TryParseV2): split properties on ``,`` and ``=``, then
    unescape ``%25 %0D %0A`` (and ``%3A %2C`` in properties)."""
    assert line.startswith("::")
    end = line.index("::", 2)
    head, message = line[2:end], line[end + 2:]
    name, _, props = head.partition(" ")

    def unescape(value, prop=False):
        value = value.replace("%0D", "\r").replace("%0A", "\n")
        if prop:
            value = value.replace("%3A", ":").replace("%2C", ",")
        return value.replace("%25", "%")
    properties = {}
    for pair in props.split(","):
        key, _, value = pair.partition("=")
        properties[key] = unescape(value, prop=True)
    return name, properties, unescape(message)


def test_github_annotations_parse_like_the_runner(run_cli, story):
    status, out, _ = run_cli("check", "--format", "github", *ONLY, ".")  # "./news/…" → "news/…"
    commands = [parse_workflow_command(line) for line in out.splitlines()]
    assert status == 1 and len(commands) == 2
    name, props, message = commands[1]
    assert name == "error"
    assert props["file"] == "news/storm.md" and props["line"] == "4" and props["endLine"] == "4"
    assert props["col"] == "14" and props["endColumn"] == "18"  # UTF-16, after the emoji
    assert props["title"] == "lintnews fixable.death-toll"
    assert message == "'tool' looks like a slip for 'toll' (fix: 'toll')"


def test_github_escaping_of_awkward_names_and_messages(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("odd.yaml").write_text(
        "pack: odd\ndescription: x\nrules:\n  - id: odd.claim\n    type: existence\n"
        "    category: style\n    severity: info\n    patterns: [sure thing]\n"
        "    message: \"100% '{match}', really:\\nsecond line\"\n    description: x\n"
        "    examples: {flag: [a sure thing], pass: [a thing]}\n")
    Path("a,b: c%.md").write_text("It is a sure thing.\n")
    status, out, _ = run_cli("check", "--format", "github", "--pack", "odd.yaml", "--select", "odd", "a,b: c%.md")
    (line,) = out.splitlines()
    assert "\n" not in line and "%0A" in line
    name, props, message = parse_workflow_command(line)
    assert name == "notice"
    assert props["file"] == "a,b: c%.md" and props["col"] == "9"
    assert message == "100% 'sure thing', really:\nsecond line"


# -- JUnit (GitLab, Jenkins) ----------------------------------------------------

def test_junit_structure_as_gitlab_reads_it(run_cli, story):
    status, out, _ = run_cli("check", "--format", "junit", *ONLY, "news")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"news/storm.md", "news/clean.md"}
    storm = suites["news/storm.md"].findall("testcase")
    assert suites["news/storm.md"].get("tests") == "2" and suites["news/storm.md"].get("failures") == "2"
    assert root.get("tests") == "3" and root.get("failures") == "2"
    # GitLab keys test cases by classname + name: they must be unique
    keys = [(c.get("classname"), c.get("name")) for s in root for c in s]
    assert len(keys) == len(set(keys))
    case = storm[0]
    assert case.get("classname") == "news/storm.md" and case.get("file") == "news/storm.md"
    assert case.get("name") == "fixable.death-toll at line 3, column 11"
    failure = case.find("failure")
    assert failure.get("type") == "error" and failure.get("message").startswith("'tool' looks like")
    # GitLab shows the failure's text, not its message attribute: it carries everything
    assert failure.text.splitlines()[0] == ("news/storm.md:3:11: error fixable.death-toll "
                                            "'tool' looks like a slip for 'toll'")
    assert "The death tool climbed to 12." in failure.text and "replace 'tool' with 'toll'" in failure.text
    (clean,) = suites["news/clean.md"].findall("testcase")
    assert clean.find("failure") is None and float(clean.get("time")) == 0


def test_junit_survives_control_characters(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("feed.txt").write_text("Wire copy\x0b\x01 says the death tool climbed.\n")
    _, out, _ = run_cli("check", "--format", "junit", *ONLY, "feed.txt")
    root = ET.fromstring(out.encode("utf-8"))  # would raise on an invalid character
    assert root.find("testsuite/testcase/failure") is not None


# -- Checkstyle -------------------------------------------------------------------

def test_checkstyle_parses(run_cli, story):
    _, out, _ = run_cli("check", "--format", "checkstyle", *ONLY, "news")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "checkstyle" and root.get("version")
    files = {f.get("name"): f for f in root.findall("file")}
    assert set(files) == {"news/storm.md", "news/clean.md"} and not list(files["news/clean.md"])
    errors = files["news/storm.md"].findall("error")
    assert [(e.get("line"), e.get("column")) for e in errors] == [("3", "11"), ("4", "13")]  # code points
    assert {e.get("severity") for e in errors} == {"error"}
    assert {e.get("source") for e in errors} == {"lintnews.fixable.death-toll"}
    assert errors[0].get("message") == "'tool' looks like a slip for 'toll' (fix: 'toll')"


# -- LSP ----------------------------------------------------------------------------

def test_lsp_diagnostics_structure_with_lsprotocol(run_cli, story):
    from lsprotocol import converters, types

    _, out, _ = run_cli("check", "--format", "lsp", *ONLY, "news")
    converter = converters.get_converter()
    published = [converter.structure(item, types.PublishDiagnosticsParams) for item in json.loads(out)]
    by_uri = {p.uri: p for p in published}
    storm_uri = (Path.cwd() / "news" / "storm.md").as_uri()
    assert set(by_uri) == {storm_uri, (Path.cwd() / "news" / "clean.md").as_uri()}
    assert by_uri[(Path.cwd() / "news" / "clean.md").as_uri()].diagnostics in ([], ())
    first, second = by_uri[storm_uri].diagnostics
    assert first.severity == types.DiagnosticSeverity.Error and first.code == "fixable.death-toll"
    assert first.source == "lintnews" and first.data["fix"] == "toll"
    lines = EMOJI_TEXT.split("\n")
    for d in (first, second):
        line = lines[d.range.start.line]  # 0-based
        start = line.index("tool")
        assert (d.range.start.character, d.range.end.character) == (utf16_col(line, start), utf16_col(line, start + 4))
    assert (second.range.start.line, second.range.start.character) == (3, 13)


# -- text ---------------------------------------------------------------------------

def test_text_statistics_and_colour(run_cli, story):
    status, out, _ = run_cli("check", *ONLY, "--statistics", "news")
    assert "\033[" not in out  # not a terminal: no colour
    stats = [line for line in out.splitlines() if re.match(r" +\d+  fixable\.", line)]
    assert stats == ["     2  fixable.death-toll  [*]  error    typo"]
    assert "2 fixable with `--fix`." in out
    _, out, _ = run_cli("check", *ONLY, "--color", "always", "news")
    assert "\033[1;31merror\033[0m" in out


def test_every_builtin_format_is_registered_and_handles_no_findings(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text("Nothing to see here.\n")
    for fmt in ("text", "json", "sarif", "github", "junit", "checkstyle", "lsp"):
        status, out, err = run_cli("check", "--format", fmt, "clean.txt")
        assert status == 0 and not err, fmt
        if fmt in ("json", "sarif", "lsp"):
            json.loads(out)
        elif fmt in ("junit", "checkstyle"):
            ET.fromstring(out.encode())
