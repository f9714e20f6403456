"""Configuration files: discovery, precedence over and under the command line, errors."""
import json
import textwrap

import pytest

from conftest import FIXTURES
from lintnews.api import Sessions

PACK = FIXTURES.parent / "packs" / "deathtoll.yaml"
TEXT = "The death tool rose. It clearly failed.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (the current directory) with the test pack and an article."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "test.yaml").write_text(PACK.read_text())
    (tmp_path / "story.txt").write_text(TEXT)
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def rules(run_cli, *args):
    status, out, err = run_cli("check", "--format", "json", *args)
    assert status in (0, 1), err
    return sorted({d["rule"] for d in json.loads(out)})


BASE = "packs: [packs/test.yaml]\nselect: [testpack]\n"


def test_ignore_in_config_silences_the_rule(project, run_cli):
    write(project / ".lintnews.yaml", BASE)
    assert rules(run_cli, "story.txt") == ["testpack.clearly", "testpack.death-toll"]
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    assert rules(run_cli, "story.txt") == ["testpack.death-toll"]


def test_unknown_key_is_an_error_naming_file_line_and_key(project, run_cli):
    write(project / ".lintnews.yaml", "# house settings\nselect: [loaded]\nignor: [loaded.loaded-labels]\n")
    status, out, err = run_cli("check", "story.txt")
    assert (status, out) == (2, "")
    assert err == "lintnews: error: .lintnews.yaml:3: unknown key 'ignor' (did you mean 'ignore'?)\n"


@pytest.mark.parametrize("config, message", [
    ("severity:\n  testpack.clearly: fatal\n", ".lintnews.yaml:2: severity of 'testpack.clearly' must be one of error, warning, info, not 'fatal'"),
    ("min-severity: high\n", ".lintnews.yaml:1: 'min-severity' must be one of error, warning, info, not 'high'"),
    ("ignore: 3\n", ".lintnews.yaml:1: 'ignore' must be a list of strings"),
    ("ignore: [testpack.nosuch]\n", ".lintnews.yaml:1: unknown rule or pack 'testpack.nosuch' in 'ignore' (see `lintnews rules --all`)"),
    ("options:\n  testpack.clearly:\n    exceptoins: [x]\n", ".lintnews.yaml:2: testpack.clearly: unknown option 'exceptoins' for rule type 'existence' (allowed: exceptions, ignorecase, patterns, regex)"),
    ("options:\n  testpack.clearly:\n    quotes: maybe\n", ".lintnews.yaml:2: option 'quotes' of 'testpack.clearly' must be one of skip, lint"),
    ("per-file:\n  'a/*':\n    packs: [x.yaml]\n", ".lintnews.yaml:3: unknown key 'packs' in per-file 'a/*' (allowed: select, extend-select, ignore, severity, options, accept, min-severity)"),
    ("select: [\n", ".lintnews.yaml:2: invalid YAML: "),
    ("- just a list\n", ".lintnews.yaml:1: the configuration must be a mapping of settings"),
])
def test_bad_values_name_file_line_and_key(project, run_cli, config, message):
    write(project / ".lintnews.yaml", "packs: [packs/test.yaml]\n" + config if config[0] != "-" else config)
    status, _, err = run_cli("check", "story.txt")
    expected = message
    if config[0] != "-":  # one line of packs: above it
        head, line, rest = message.split(":", 2)
        expected = f"{head}:{int(line) + 1}:{rest}"
    # (the YAML parser's own wording after the line is not ours to pin down)
    assert status == 2 and err.startswith(f"lintnews: error: {expected}") and err.count("\n") == 1


def test_pyproject_table_and_its_errors(project, run_cli):
    write(project / "pyproject.toml", """\
        [project]
        name = "newsroom"

        [tool.lintnews]
        packs = ["packs/test.yaml"]
        select = ["testpack"]
        ignore = ["testpack.death-toll"]
        """)
    assert rules(run_cli, "story.txt") == ["testpack.clearly"]
    with open(project / "pyproject.toml", "a") as f:
        f.write("extend_select = ['loaded']\n")
    status, _, err = run_cli("check", "story.txt")
    assert (status, err) == (2, "lintnews: error: pyproject.toml:8: unknown key 'extend_select' "
                                "(did you mean 'extend-select'?)\n")


def test_pyproject_without_table_is_passed_over(project, run_cli):
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    write(project / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(project / "sub" / "story.txt", TEXT)
    assert rules(run_cli, "sub/story.txt") == ["testpack.death-toll"]


def test_yaml_beats_pyproject_in_the_same_folder(project, run_cli):
    write(project / "pyproject.toml", "[tool.lintnews]\nselect = ['loaded']\n")
    write(project / ".lintnews.yaml", BASE)
    assert rules(run_cli, "story.txt") == ["testpack.clearly", "testpack.death-toll"]


def test_nearest_config_wins_per_file(project, run_cli):
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    write(project / "opinion" / ".lintnews.yaml", "packs: [../packs/test.yaml]\nselect: [testpack.clearly]\n")
    write(project / "opinion" / "column.txt", TEXT)
    status, out, _ = run_cli("check", "--format", "json", ".")
    found = {(d["path"], d["rule"]) for d in json.loads(out)}
    assert found == {("./story.txt", "testpack.death-toll"), ("./opinion/column.txt", "testpack.clearly")}


def test_config_option_and_isolated(project, run_cli):
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    other = write(project / "elsewhere" / "strict.yaml", "packs: [../packs/test.yaml]\nselect: [testpack.clearly]\n")
    assert rules(run_cli, "--config", other, "story.txt") == ["testpack.clearly"]
    assert rules(run_cli, "--isolated", "--pack", "packs/test.yaml", "--select", "testpack", "story.txt") == \
        ["testpack.clearly", "testpack.death-toll"]
    status, _, err = run_cli("check", "--config", project / "missing.yaml", "story.txt")
    assert status == 2 and "missing.yaml: cannot read configuration" in err


@pytest.mark.parametrize("config, cli, expected", [
    # the command line's select starts afresh ...
    (BASE, ["--select", "testpack.clearly"], ["testpack.clearly"]),
    # ... but an ignore in the configuration survives a less specific select ...
    (BASE + "ignore: [testpack.clearly]\n", ["--select", "testpack"], ["testpack.death-toll"]),
    # ... and yields to an equally specific one
    (BASE + "ignore: [testpack.clearly]\n", ["--select", "testpack.clearly"], ["testpack.clearly"]),
    # --ignore adds to the configuration's
    (BASE, ["--ignore", "testpack.clearly"], ["testpack.death-toll"]),
    # extend-select keeps the selection so far
    ("packs: [packs/test.yaml]\nselect: [testpack.clearly]\n", ["--extend-select", "testpack.death-toll"],
     ["testpack.clearly", "testpack.death-toll"]),
    # min-severity: the command line's wins (clearly is info, death-toll a warning)
    (BASE + "min-severity: warning\n", [], ["testpack.death-toll"]),
    (BASE + "min-severity: warning\n", ["--min-severity", "info"], ["testpack.clearly", "testpack.death-toll"]),
    # a severity override counts for min-severity; a rule id beats its pack
    (BASE + "min-severity: warning\nseverity: {testpack: info, testpack.clearly: error}\n", [],
     ["testpack.clearly"]),
])
def test_precedence(project, run_cli, config, cli, expected):
    write(project / ".lintnews.yaml", config)
    assert rules(run_cli, *cli, "story.txt") == expected


def test_per_file_overrides(project, run_cli):
    write(project / ".lintnews.yaml", BASE + textwrap.dedent("""\
        per-file:
          "opinion/**":
            ignore: [testpack.clearly]
          "*.draft.txt":
            select: [testpack.clearly]
            severity: {testpack.clearly: error}
        """))
    write(project / "opinion" / "deep" / "column.txt", TEXT)
    write(project / "news" / "story.draft.txt", TEXT)
    status, out, _ = run_cli("check", "--format", "json", ".")
    found = {(d["path"], d["rule"], d["severity"]) for d in json.loads(out)}
    assert found == {
        ("./story.txt", "testpack.clearly", "info"), ("./story.txt", "testpack.death-toll", "warning"),
        ("./opinion/deep/column.txt", "testpack.death-toll", "warning"),
        ("./news/story.draft.txt", "testpack.clearly", "error"),
    }
    # the command line still has the last word
    assert rules(run_cli, "--select", "testpack.death-toll", "news/story.draft.txt") == ["testpack.death-toll"]


def test_rule_options_and_accepted_vocabulary(project, run_cli):
    write(project / ".lintnews.yaml", BASE + textwrap.dedent("""\
        options:
          testpack.death-toll:
            exceptions: [death tool rose]
        """))
    assert rules(run_cli, "story.txt") == ["testpack.clearly"]
    write(project / ".lintnews.yaml", BASE + "accept: [clearly failed]\n")
    assert rules(run_cli, "story.txt") == ["testpack.death-toll"]
    # a rule can be told to lint inside quotations
    write(project / "quoted.txt", '"It clearly failed," she said.\n')
    assert rules(run_cli, "quoted.txt") == []
    write(project / ".lintnews.yaml", BASE + "options:\n  testpack.clearly: {quotes: lint}\n")
    assert rules(run_cli, "quoted.txt") == ["testpack.clearly"]


def test_exclude_globs(project, run_cli):
    write(project / ".lintnews.yaml", BASE + "exclude: [drafts, '*.old.txt']\n")
    write(project / "drafts" / "a.txt", TEXT)
    write(project / "news" / "b.old.txt", TEXT)
    write(project / "news" / "c.txt", TEXT)
    status, out, _ = run_cli("check", "--format", "json", ".")
    assert {d["path"] for d in json.loads(out)} == {"./story.txt", "./news/c.txt"}
    _, out, _ = run_cli("check", "--format", "json", "--exclude", "news/c.txt", ".")
    assert {d["path"] for d in json.loads(out)} == {"./story.txt"}
    # a file named on the command line is always linted
    _, out, _ = run_cli("check", "--format", "json", "drafts/a.txt")
    assert {d["path"] for d in json.loads(out)} == {"drafts/a.txt"}


def test_one_session_per_configuration_and_packs_loaded_once(project):
    write(project / ".lintnews.yaml", BASE + "per-file:\n  'x*': {ignore: [testpack.clearly]}\n")
    for i in range(20):
        write(project / "many" / f"{i}.txt", TEXT)
    sessions = Sessions()
    used = {id(sessions.for_path(str(project / "many" / f"{i}.txt"))) for i in range(20)}
    assert len(used) == 1
    sessions.for_path(str(project / "x1.txt"))
    assert len(sessions._sessions) == 2
    assert len(sessions.registry.pack_cache) == len(sessions.registry.pack_paths) + 1


def test_stdin_uses_the_configuration_of_its_filename(project, run_cli, monkeypatch):
    import io
    import sys
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    assert rules(run_cli, "--stdin-filename", "story.txt", "-") == ["testpack.death-toll"]


def test_rules_command_shows_the_configured_selection(project, run_cli):
    write(project / ".lintnews.yaml", BASE + "ignore: [testpack.clearly]\n")
    status, out, _ = run_cli("rules", "--format", "json")
    assert status == 0 and [r["id"] for r in json.loads(out)] == ["testpack.death-toll"]
