"""Third-party plugins use the same hooks as the built-in features."""
import json
import sys
import textwrap

from lintnews.api import Session
from lintnews.hookspecs import hookimpl
from lintnews.plugins import DEFAULT_PLUGINS, Registry, get_plugin_manager
from lintnews.ruletypes import Hit, Option, RuleType

PACK = textwrap.dedent("""\
    pack: shouting
    description: A test pack from a third-party plugin.
    rules:
      - id: shouting.all-caps
        type: all-caps
        category: style
        severity: info
        message: "'{match}' is shouting"
        description: Words in capitals shout at the reader.
        min_length: 4
        examples:
          flag: ["This is HUGE news."]
          pass: ["The NHS said so."]
    """)


class AllCaps(RuleType):
    name = "all-caps"
    options = {"min_length": Option(int, "shortest word to flag", default=5)}

    def setup(self, min_length):
        self.min_length = min_length

    def find(self, doc):
        import re
        for m in re.finditer(r"\b[A-Z]{%d,}\b" % self.min_length, doc.text):
            yield Hit(m.start(), m.end())


def make_plugin(pack_path):
    class ShoutingPlugin:
        @hookimpl
        def lintnews_rule_types(self):
            return [AllCaps]

        @hookimpl
        def lintnews_packs(self):
            return [pack_path]
    return ShoutingPlugin()


def test_plugin_adds_rule_type_and_pack(tmp_path):
    pack = tmp_path / "shouting.yaml"
    pack.write_text(PACK)
    registry = Registry(get_plugin_manager(extra_plugins=[make_plugin(pack)]))
    session = Session(registry=registry, select=["shouting"])
    found = session.lint_source("This is HUGE news, the NHS said.")
    assert [(d.rule, d.matched, d.column) for d in found] == [("shouting.all-caps", "HUGE", 9)]


def test_entry_point_plugin_is_loaded(tmp_path, monkeypatch, run_cli):
    """A plugin installed under the `lintnews` entry-point group is picked up by the CLI."""
    (tmp_path / "shouting.yaml").write_text(PACK)
    (tmp_path / "shouting_plugin.py").write_text(textwrap.dedent(f"""\
        from pathlib import Path
        from lintnews.hookspecs import hookimpl
        from test_plugins import AllCaps

        @hookimpl
        def lintnews_rule_types():
            return [AllCaps]

        @hookimpl
        def lintnews_packs():
            return [Path({str(tmp_path / 'shouting.yaml')!r})]
        """))
    # Installed as pip installs a distribution: its metadata folder on the path.
    info = tmp_path / "shouting_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shouting-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[console_scripts]\nshout = shouting_plugin:main\n\n"
                                           "[lintnews]\nshouting = shouting_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("This is HUGE news.\n")
    status, out, _ = run_cli("check", "--format", "json", "--select", "shouting", article)
    assert status == 1 and json.loads(out)[0]["rule"] == "shouting.all-caps"
    # ... and it can be blocked like a pytest plugin.
    status, out, err = run_cli("-p", "no:shouting", "check", "--select", "shouting", article)
    assert status == 2 and "unknown rule or pack 'shouting'" in err


def test_builtin_features_are_plugins():
    pm = get_plugin_manager()
    names = {pm.get_name(p) for p in pm.get_plugins()}
    assert {m.removeprefix("lintnews.") for m in DEFAULT_PLUGINS} <= names
    registry = Registry(pm)
    assert {"existence", "substitution", "attribution", "engagement"} <= set(registry.rule_types)
    assert {"text", "json"} <= set(registry.reporters)


def test_blocking_a_builtin_reporter(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Fine.\n")
    status, _, err = run_cli("-p", "no:reporters.json", "check", "--format", "json", article)
    assert status == 2 and "unknown format 'json'" in err


def test_prepare_runs_only_for_rules_that_run_and_its_error_is_one_line(tmp_path, run_cli, monkeypatch):
    from lintnews.ruletypes import RuleError
    prepared = []

    class Heavy(AllCaps):
        def prepare(self):
            prepared.append(self.rule.id)
            if self.min_length > 9:
                raise RuleError("needs the shouting extra")

    class HeavyPlugin:
        @hookimpl
        def lintnews_rule_types(self):
            return [type("HeavyCaps", (Heavy,), {"name": "all-caps"})]

        @hookimpl
        def lintnews_packs(self):
            return [pack]

    pack = tmp_path / "shouting.yaml"
    pack.write_text(PACK.replace("description: A test pack", "enabled: false\ndescription: A test pack"))
    registry = Registry(get_plugin_manager(extra_plugins=[HeavyPlugin()]))
    Session(registry=registry).lint_source("This is HUGE news.")
    assert prepared == []
    Session(registry=registry, select=["shouting"]).lint_source("This is HUGE news.")
    assert prepared == ["shouting.all-caps"]

    pack.write_text(PACK.replace("min_length: 4", "min_length: 10"))
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("This is HUGE news.")
    monkeypatch.setattr("lintnews.plugins.get_plugin_manager",
                        lambda blocked=(): get_plugin_manager(blocked, extra_plugins=[HeavyPlugin()]))
    status, out, err = run_cli("check", tmp_path / "a.txt", tmp_path / "b.txt")
    assert (status, out) == (2, "")
    assert err == "lintnews: error: rule 'shouting.all-caps': needs the shouting extra\n"


def test_entry_points_are_found_as_importlib_metadata_finds_them(tmp_path, monkeypatch):
    """``lintnews.entrypoints`` reads entry_points.txt directly (fast); it finds
    what ``importlib.metadata`` finds, here and for a plugin installed next."""
    import importlib.metadata

    from lintnews import entrypoints

    def both(group):
        fast = sorted(entrypoints.entry_points(group))
        slow = sorted((ep.name, ep.value) for ep in importlib.metadata.entry_points(group=group))
        return fast, slow

    for group in ("lintnews", "console_scripts", "pytest11"):
        fast, slow = both(group)
        assert fast == slow
    info = tmp_path / "extra_plugin-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-plugin\nVersion: 2.0\n")
    (info / "entry_points.txt").write_text("# comment\n[lintnews]\nextra = extra_plugin.hooks:plugin [fast]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    fast, slow = both("lintnews")
    assert fast == slow and ("extra", "extra_plugin.hooks:plugin [fast]") in fast


def test_entry_point_values_load_like_importlib_metadata():
    from lintnews.entrypoints import EntryPoint
    assert EntryPoint("x", "json").load() is json
    assert EntryPoint("x", "json:dumps").load() is json.dumps
    assert EntryPoint("x", "os.path : join [extra]").load() is __import__("os").path.join


def test_a_zip_on_the_path_falls_back_to_importlib_metadata(tmp_path, monkeypatch):
    from lintnews import entrypoints
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip file
    monkeypatch.syspath_prepend(str(archive))
    assert entrypoints._scan("lintnews") is None
    assert entrypoints.entry_points("lintnews") is not None
