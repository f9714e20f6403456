"""The results cache: a file whose text and settings have not changed since
the last run is not linted again (as ruff does).

The cache lives in ``.lintnews_cache/`` in the current directory (or in
``--cache-dir``); ``--no-cache`` neither reads nor writes it. It is one JSON
file per lintnews build (``results-<digest>.json``; files of other builds are
removed when it is written), mapping each linted file to a digest of
everything its findings depend on and to the findings:

- the file's text and the name it is reported under;
- the settings of its session: each rule that runs with its type, severity,
  message, options and quotation mode, the accepted phrases, the minimum
  severity, whether unused suppressions are reported (and then the ids of all
  loaded rules);
- the code: lintnews' version and modules, third-party plugins, Python's
  version and the word-frequency lists the ``confusables`` rules read.

JSON, not pickle: a cache folder committed to a repository could otherwise
run code. The folder holds a ``.gitignore`` and a ``CACHEDIR.TAG`` so that it
is neither committed nor backed up.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from . import cache
from .diagnostic import Diagnostic

DEFAULT_DIR = ".lintnews_cache"
FORMAT = 1
_FIELDS = ("path", "line", "column", "end_line", "end_column", "start", "end", "rule", "category",
           "severity", "message", "fix", "fix_safe", "matched")


def session_fingerprint(session) -> str:
    """A digest of the settings that decide a session's findings."""
    rules = [[r.id, r.type, r.pack, r.category, r.severity, r.message, r.quotes, r.fix,
              r.options_fingerprint()] for r in session.rules]
    settings = {
        "rules": rules,
        "accept": [p for layer in session.layers for p in layer.accept],
        "lowest": session.lowest_level,
        "unused": session.report_unused_suppressions,
        "all": [r.id for r in session.all_rules] if session.report_unused_suppressions else [],
    }
    return cache.digest(json.dumps(settings, sort_keys=True, default=repr), session.registry.plugin_fingerprint)


def build_fingerprint() -> str:
    """A digest of the code and data behind the findings."""
    parts = [cache.code_fingerprint()]
    try:  # the word and pair frequencies of the confusables rule type
        from .frequencies import BIGRAM_FILE, UNIGRAM_FILE, data_dir
        folder = data_dir()
        for name in (UNIGRAM_FILE, BIGRAM_FILE):
            st = (folder / name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    except Exception:  # noqa: BLE001 - not installed: those rules cannot run anyway
        parts.append("no frequency lists")
    return cache.digest(*parts)


class ResultsCache:
    """Findings by file, loaded at the start of a run and saved at its end."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder or DEFAULT_DIR)
        self.build = build_fingerprint()
        self.path = self.folder / f"results-{self.build[:20]}.json"
        self.entries: dict[str, list] = {}
        self.changed = False
        self._sessions: dict[int, str] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("lintnews-results") == FORMAT and data.get("build") == self.build:
                self.entries = data["files"] if isinstance(data.get("files"), dict) else {}
        except (OSError, ValueError, AttributeError):
            pass  # no cache yet, or an unreadable one: start afresh

    def key(self, session, name: str, text: str) -> str:
        fingerprint = self._sessions.get(id(session))
        if fingerprint is None:
            fingerprint = self._sessions[id(session)] = session_fingerprint(session)
        return cache.digest(fingerprint, name, text)

    @staticmethod
    def _slot(path: str, name: str) -> str:
        return os.path.abspath(path) + "\0" + name

    def get(self, path: str, name: str, key: str) -> list[Diagnostic] | None:
        entry = self.entries.get(self._slot(path, name))
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != key:
            return None
        try:
            return [Diagnostic(**dict(zip(_FIELDS, row))) for row in entry[1]]
        except TypeError:  # a damaged entry: lint again
            return None

    def put(self, path: str, name: str, key: str, diagnostics: list[Diagnostic]) -> None:
        rows = [[getattr(d, f) for f in _FIELDS] for d in diagnostics]
        self.entries[self._slot(path, name)] = [key, rows]
        self.changed = True

    def save(self) -> None:
        """Write the cache (if anything changed); a folder that cannot be
        written is no error."""
        if not self.changed:
            return
        data = json.dumps({"lintnews-results": FORMAT, "build": self.build, "files": self.entries},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            new_folder = not self.folder.exists()
            cache.write_atomic(self.path, data.encode("utf-8"))
            if new_folder:
                (self.folder / ".gitignore").write_text("# Created by lintnews.\n*\n", encoding="utf-8")
                (self.folder / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by lintnews.\n", encoding="utf-8")
            for old in self.folder.glob("results-*.json"):
                if old != self.path:
                    old.unlink()
        except OSError:
            pass
