"""proselint both ways: its checks as the lintnews pack ``proselint``, and
lintnews' phrase rules as proselint checks, run through proselint's own API."""
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import lintnews.proselint as bridge
from lintnews.api import LintError, Session
from lintnews.plugins import Registry

ROOT = Path(__file__).resolve().parent.parent
UNIQUE = "The plan was very unique."


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_proselint_pack",
                                                  ROOT / "scripts" / "generate_proselint_pack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rules_of(output: str) -> list[str]:
    return re.findall(r"^\S+:\d+:\d+: \w+ (\S+)", output, re.M)


# -- the pack ---------------------------------------------------------------

def test_pack_is_generated_from_the_installed_proselint():
    generator = load_generator()
    assert bridge.PACK.read_text(encoding="utf-8") == generator.render(generator.build()), \
        "lintnews/proselint.json is stale: run python scripts/generate_proselint_pack.py"


def test_every_proselint_check_path_is_a_rule(session):
    from proselint.checks import __register__
    rules = {r.id: r for r in session.all_rules if r.pack == "proselint"}
    assert set(rules) == {f"proselint.{c.path}" for c in __register__}
    assert {r.category for r in rules.values()} == {"style"}
    assert all(r.examples["flag"] and r.examples["pass"] and r.description for r in rules.values())
    # proselint's own defaults decide which checks an opted-in user gets
    assert {r.id for r in rules.values() if r.opt_in} == {"proselint.restricted.elementary",
                                                          "proselint.restricted.top1000"}


def test_pack_is_off_by_default(session):
    assert not any(r.pack == "proselint" for r in session.rules)
    assert session.lint_source(UNIQUE) == []


def test_select_proselint_flags_a_markdown_paragraph(run_cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(f"# Budget\n\nThe council met on Monday. {UNIQUE}\n")
    status, out, err = run_cli("check", "--select", "proselint", story)
    assert status == 1, err
    assert "proselint.uncomparables" in rules_of(out)
    assert f"{story}:3:41: warning proselint.uncomparables Comparison of an uncomparable: " \
           f"'very unique' is not comparable." in out


def test_select_proselint_skips_fenced_code(run_cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(f"Examples of style errors:\n\n```\n{UNIQUE}\n```\n")
    status, out, err = run_cli("check", "--select", "proselint", story)
    assert (status, out.count("proselint.")) == (0, 0), out + err


def test_json_output_spans_and_fixes(run_cli, tmp_path):
    text = f'Alot of people came in Winter. {UNIQUE}\n"It was very unique," she said.\n'
    story = tmp_path / "story.txt"
    story.write_text(text)
    status, out, _ = run_cli("check", "--select", "proselint", "--format", "json", story)
    found = {(d["rule"], text[d["start"]:d["end"]], d["fix"]) for d in json.loads(out)}
    assert ("proselint.spelling.misc", "Alot", "A lot") in found  # capitalisation of the text kept
    assert ("proselint.misc.capitalization.seasons", "Winter", "winter") in found  # a case fix as given
    assert ("proselint.uncomparables", "very unique", None) in found
    # the quotation is the speaker's words: not flagged
    assert not any(start > text.index("\n") for start in
                   (d["start"] for d in json.loads(out) if d["rule"] == "proselint.uncomparables"))


def test_ignore_and_select_single_checks(run_cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(UNIQUE)
    status, out, _ = run_cli("check", "--select", "proselint", "--ignore", "proselint.weasel_words", story)
    assert rules_of(out) == ["proselint.uncomparables"]
    status, out, _ = run_cli("check", "--select", "proselint.weasel_words.very", story)
    assert rules_of(out) == ["proselint.weasel_words.very"]


def test_rules_off_in_proselint_need_to_be_named(session):
    text = "The zoning board adjourned."
    by_pack = Session(select=["proselint"]).lint_source(text)
    assert not any(d.rule.startswith("proselint.restricted") for d in by_pack)
    named = Session(select=["proselint.restricted.top1000"]).lint_source(text)
    assert {d.rule for d in named} == {"proselint.restricted.top1000"}


def test_explain_every_rule(run_cli, session):
    for rule in (r for r in session.all_rules if r.pack == "proselint"):
        status, out, err = run_cli("explain", rule.id)
        assert status == 0 and out.startswith(f"# {rule.id}\n"), err
        assert rule.examples["flag"][0] in out


def test_blocking_the_plugin(run_cli):
    status, _, err = run_cli("-p", "no:proselint", "check", "--select", "proselint", "-")
    assert status == 2 and "unknown rule or pack 'proselint'" in err
    _, out, _ = run_cli("-p", "no:proselint", "rules", "--all")
    assert "proselint." not in out


def test_replacement():
    assert bridge.replacement("a\\.m\\.", "a.m. in the morning") == "a.m."
    assert bridge.replacement("[\\.\\?!] \\w", ".  W") is None  # a pattern, not text
    assert bridge.replacement("regardless", "Irregardless") == "Regardless"
    assert bridge.replacement("space age", "Space Age") == "space age"
    assert bridge.replacement(None, "very") is None


# -- proselint is imported only when its rules run --------------------------

def run_python(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("args, imported", [
    (["check", "story.txt"], False),
    (["rules", "--all"], False),
    (["explain", "proselint.uncomparables"], False),
    (["check", "--select", "proselint", "story.txt"], True),
])
def test_proselint_is_imported_only_when_its_rules_run(tmp_path, args, imported):
    (tmp_path / "story.txt").write_text(UNIQUE + "\n")
    code = textwrap.dedent(f"""\
        import contextlib, io, sys
        import lintnews.cli
        with contextlib.redirect_stdout(io.StringIO()):
            status = lintnews.cli.main({args!r})
        print(status, 'proselint' in sys.modules, 're2' in sys.modules)
        """)
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    status, proselint, re2 = result.stdout.split()
    assert int(status) in (0, 1)
    assert (proselint, re2) == (str(imported), str(imported))


@pytest.fixture
def fresh_registry():
    bridge.proselint_registry.cache_clear()
    yield
    bridge.proselint_registry.cache_clear()


def test_missing_proselint_is_one_clear_error(run_cli, tmp_path, monkeypatch, fresh_registry):
    import importlib.metadata

    def absent(name):
        raise importlib.metadata.PackageNotFoundError(name)
    monkeypatch.setattr(importlib.metadata, "version", absent)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(UNIQUE)
    status, out, err = run_cli("check", "--select", "proselint", tmp_path)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "pip install 'lintnews[proselint]'" in err
    assert run_cli("check", tmp_path)[0] == 0  # the other packs do not need it


def test_unsupported_proselint_version(monkeypatch, fresh_registry):
    import importlib.metadata
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.17.0")
    with pytest.raises(LintError, match=r"proselint 0\.17\.0 is installed but lintnews supports proselint>=0\.16,<0\.17"):
        Session(select=["proselint"]).linter


def test_unknown_check_path_in_a_pack(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: mine
        description: proselint checks picked by hand.
        rules:
          - id: mine.nothing
            type: proselint
            check: no_such.check
            category: style
            severity: info
            message: "{message}"
            description: A check proselint does not have.
            examples: {flag: ["x"], pass: ["y"]}
        """))
    with pytest.raises(LintError, match="rule 'mine.nothing': proselint has no check 'no_such.check'"):
        Session(packs=[pack], select=["mine"]).linter


# -- the other direction: lintnews rules inside proselint --------------------

TINY_PACK = textwrap.dedent("""\
    pack: desk
    description: A small pack for the proselint tests.
    rules:
      - id: desk.death-toll
        type: substitution
        category: typo
        severity: warning
        message: "'{match}' looks like a slip for '{fix}'"
        description: A death toll is a count of the dead.
        swap:
          "death [tool]": toll
        examples: {flag: ["The death tool rose."], pass: ["The death toll rose."]}
      - id: desk.clearly
        type: existence
        category: loaded
        severity: warning
        quotes: skip
        message: "'{match}' tells the reader what to think"
        description: Show the evidence instead.
        patterns: ["clearly working"]
        examples: {flag: ["They are clearly working."], pass: ["They are working."]}
      - id: desk.vague
        type: attribution
        category: attribution
        severity: warning
        message: "vague source"
        description: Name who says so.
        claims: ["reports claim"]
        sources: ["the ministry"]
        examples: {flag: ["Reports claim it rose."], pass: ["The ministry said it rose."]}
    """)


@pytest.fixture
def proselint_registry():
    """proselint's CheckRegistry is a process-wide singleton: restore it."""
    from proselint.registry import CheckRegistry
    registry = CheckRegistry()
    saved = list(registry.checks)
    registry.checks.clear()
    yield registry
    registry.checks[:] = saved


def lint_with_proselint(text, checks_enabled):
    from proselint.tools import LintFile
    return LintFile("<test>", text).lint({"max_errors": 1000, "checks": checks_enabled})


def test_checks_run_in_proselint(tmp_path, proselint_registry):
    pack = tmp_path / "desk.yaml"
    pack.write_text(TINY_PACK)
    checks = bridge.checks(packs=[pack], select=["desk"])
    # attribution rules need lintnews' document model: not exported
    assert [c.path for c in checks] == ["lintnews.desk.death-toll", "lintnews.desk.clearly"]
    proselint_registry.register_many(checks)

    results = lint_with_proselint("The death tool rose on Tuesday.", {"lintnews": True})
    assert len(results) == 1
    result = results[0].check_result
    assert result.check_path == "lintnews.desk.death-toll"
    assert result.message == "'tool' looks like a slip for 'toll'"
    assert result.replacements == "toll"
    assert results[0].pos == (1, 11)  # proselint's own (1-based) line and column
    # proselint's configuration decides what runs
    assert lint_with_proselint("The death tool rose on Tuesday.", {"lintnews": False}) == []
    assert lint_with_proselint("The death tool rose.", {"lintnews.desk.clearly": True}) == []


def test_quotes_are_left_to_proselint(tmp_path, proselint_registry):
    pack = tmp_path / "desk.yaml"
    pack.write_text(TINY_PACK)
    proselint_registry.register_many(bridge.checks(packs=[pack], select=["desk"]))
    flagged = lint_with_proselint("They are clearly working.", {"lintnews": True})
    assert [r.check_result.check_path for r in flagged] == ["lintnews.desk.clearly"]
    quoted = lint_with_proselint('"They are clearly working," she said.', {"lintnews": True})
    assert quoted == []


def test_shipped_phrase_rules_flag_their_examples_in_proselint(session, proselint_registry):
    checks = bridge.checks()
    expected = [r for r in session.rules if r.type in bridge.PHRASE_TYPES]
    assert expected, "the shipped packs have phrase rules"
    assert [c.path for c in checks] == [f"lintnews.{r.id}" for r in expected]
    proselint_registry.register_many(checks)
    for rule in expected:
        paths = {r.check_result.check_path
                 for r in lint_with_proselint(rule.examples["flag"][0], {"lintnews": True})}
        assert f"lintnews.{rule.id}" in paths, rule.examples["flag"][0]


def readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("\n## proselint"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_snippet_runs(tmp_path):
    (tmp_path / ".proselintrc.json").write_text('{"checks": {"lintnews": true}}')
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / ".config")}
    result = subprocess.run([sys.executable, "-c", readme_snippet()], capture_output=True, text=True,
                            cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^1 11 lintnews\.typos\.\S+ ", result.stdout, re.M), result.stdout
