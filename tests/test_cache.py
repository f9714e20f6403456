"""The on-disk cache of compiled packs: used when warm, never stale, never in
the way."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from lintnews import cache
from lintnews.api import Session

PACK = textwrap.dedent("""\
    pack: desk
    description: A test pack.
    rules:
      - id: desk.banned
        type: existence
        category: style
        severity: warning
        message: "'{{match}}' is banned"
        description: Words the desk does not use.
        patterns: [{words}]
        examples:
          flag: ["{first} here."]
          pass: ["Nothing here."]
    """)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """An empty pack cache. The word-frequency tables (built once, slowly,
    by their own module) are linked in from the user's cache when there."""
    folder = tmp_path / "cache"
    folder.mkdir()
    for tables in cache.cache_dir().glob("frequencies-*.bin"):
        (folder / tables.name).symlink_to(tables)
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(folder))
    return folder


def write_pack(path, *words):
    path.write_text(PACK.format(words=", ".join(words), first=words[0]))


def rules_found(path, text):
    session = Session(packs=[path], select=["desk"])
    return [d.matched for d in session.lint_source(text)]


def test_an_edited_pack_is_never_served_stale(tmp_path, cache_folder):
    pack = tmp_path / "desk.yaml"
    write_pack(pack, "synergy")
    assert rules_found(pack, "Synergy and leverage.") == ["Synergy"]
    assert any(p.name.startswith("pack-") for p in cache_folder.iterdir())
    write_pack(pack, "leverage")
    assert rules_found(pack, "Synergy and leverage.") == ["leverage"]


def test_a_warm_cache_gives_the_same_rules(cache_folder):
    text = "The death tool rose. Reports claim 23,000 fled. Do you agree? Let us know in the comments."
    cold = [(d.rule, d.start, d.end, d.fix) for d in Session().lint_source(text)]
    assert any(p.name.startswith("pack-") for p in cache_folder.iterdir())
    warm = [(d.rule, d.start, d.end, d.fix) for d in Session().lint_source(text)]
    assert warm == cold and len(cold) >= 3


def test_options_come_back_from_the_cache_unchanged_and_keyed_alike(tmp_path, cache_folder):
    pack = tmp_path / "desk.yaml"
    write_pack(pack, "synergy", "leverage")
    [built] = Session(packs=[pack], select=["desk"]).rules
    [cached] = Session(packs=[pack], select=["desk"]).rules  # unpickled from the cache
    assert "options" not in vars(cached)  # still the blob: nothing read them
    assert cached.options_fingerprint() == built.options_fingerprint()
    assert cached.options == built.options and cached.options["patterns"] == ["synergy", "leverage"]
    # a rule customised by a configuration is keyed by its own options
    from dataclasses import replace
    changed = replace(cached, options={**cached.options, "patterns": ["synergy"]})
    assert changed.options_fingerprint() != cached.options_fingerprint()


def test_a_damaged_cache_file_is_rebuilt(tmp_path, cache_folder):
    pack = tmp_path / "desk.yaml"
    write_pack(pack, "synergy")
    rules_found(pack, "x")
    for cached in cache_folder.glob("pack-*"):
        cached.write_bytes(b"\x80\x05not a pickle")
    assert rules_found(pack, "Synergy.") == ["Synergy"]


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(blocker / "cache"))
    pack = tmp_path / "desk.yaml"
    write_pack(pack, "synergy")
    assert rules_found(pack, "Synergy.") == ["Synergy"]


def test_pack_errors_are_reported_not_cached(tmp_path, cache_folder):
    pack = tmp_path / "desk.yaml"
    pack.write_text("pack: desk\nrules: 3\n")
    for _ in range(2):
        try:
            Session(packs=[pack])
        except Exception as exc:  # noqa: BLE001 - the message is what matters
            assert "desk.yaml:2: 'rules' must be a non-empty list" in str(exc)
        else:
            raise AssertionError("the bad pack loaded")


def test_code_fingerprint_follows_the_code():
    assert cache.code_fingerprint() == cache.code_fingerprint()
    assert len(cache.code_fingerprint()) == 64


LEAN = textwrap.dedent("""\
    import json, sys
    from lintnews.cli import main
    status = main(["check", sys.argv[1]])
    heavy = ["yaml", "markdown_it", "proselint", "pygls", "lsprotocol", "pandas", "dask",
             "importlib.metadata", "logging", "multiprocessing"]
    print(json.dumps({"status": status, "imported": [m for m in heavy if m in sys.modules]}))
    """)


def test_a_warm_start_imports_nothing_heavy(tmp_path, cache_folder):
    """With the packs cached, checking a text file parses no YAML and loads
    neither the Markdown parser, proselint, the language server, pandas nor
    importlib.metadata (plugins are found by reading entry_points.txt)."""
    article = tmp_path / "a.txt"
    article.write_text("The council met on Tuesday.\n")
    env = {**os.environ, "LINTNEWS_CACHE_DIR": str(cache_folder)}
    runs = [subprocess.run([sys.executable, "-c", LEAN, str(article)], capture_output=True, text=True,
                           env=env, check=True) for _ in range(2)]
    first, second = (json.loads(r.stdout.splitlines()[-1]) for r in runs)
    assert first["status"] == second["status"] == 0
    assert "yaml" in first["imported"]  # the cold run built the packs
    assert second["imported"] == []


def test_the_phrase_automaton_is_cached_and_finds_the_same(cache_folder):
    from lintnews import phrases
    keys = ["death toll", "rein in", "sneak peek", "free rein"]
    built = phrases._automaton(keys)
    assert any(p.name.startswith("phrases-") for p in cache_folder.iterdir())
    loaded = phrases._automaton(list(reversed(keys)))  # the same phrases in any order: the same file
    assert loaded is not built
    text = " the death toll rose as they rein in costs with free rein "
    assert list(loaded.iter(text)) == list(built.iter(text)) != []
    other = phrases._automaton(keys + ["peak"])  # other phrases: another automaton
    assert "peak" in [key for _, key in other.iter(" peak ")]


def test_the_user_cache_keeps_only_the_newest_files_of_a_kind(cache_folder, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", {"pack": 3})
    monkeypatch.setattr(cache, "KEEP_DEFAULT", 2)
    for i in range(5):  # five edits of one pack, five versions' idiom indexes
        for kind in ("pack", "idioms"):
            path = cache_folder / f"{kind}-{i:040x}.bin"
            cache.write_atomic(path, b"x")
            os.utime(path, (1_000_000 + i, 1_000_000 + i))  # written in this order
    cache.write_atomic(cache_folder / "idioms-new.bin", b"x")  # a sixth: the newest
    names = sorted(p.name for p in cache_folder.iterdir() if not p.name.startswith("frequencies"))
    assert names == [f"idioms-{4:040x}.bin", "idioms-new.bin",
                     f"pack-{2:040x}.bin", f"pack-{3:040x}.bin", f"pack-{4:040x}.bin"]


def test_files_elsewhere_and_of_other_kinds_are_never_pruned(tmp_path, cache_folder):
    elsewhere = tmp_path / "project"
    for i in range(12):
        cache.write_atomic(elsewhere / f"results-{i}.json", b"{}")  # a results cache
    assert len(list(elsewhere.iterdir())) == 12
    (cache_folder / "soundkey-2-aaaa.pickle").write_bytes(b"x")
    for i in range(10):
        cache.write_atomic(cache_folder / f"soundkey-3-{i}.pickle", b"x")
    assert (cache_folder / "soundkey-2-aaaa.pickle").exists()  # another kind: "soundkey-2"
