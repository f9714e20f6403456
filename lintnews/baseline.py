"""Baselines: accept the findings a project already has, fail only on new ones.

A finding is recognised by its *fingerprint*: the rule, the matched text and
a few words on either side within its sentence, all whitespace- and
case-normalised, hashed. The line number is deliberately left out, so the
finding is still recognised when editing moves it to another line, reflows
its paragraph or changes the sentences around it. Identical
fingerprints in one file (the same slip twice in the same words) are counted.

The file is JSON, written sorted so that it diffs well under version control::

    {
      "lintnews-baseline": 1,
      "files": {
        "news/storm.md": [
          {"rule": "typos.news-phrases", "match": "tool", "fingerprint": "3f0c…", "count": 1}
        ]
      }
    }

Paths are relative to the directory holding the baseline file, with ``/``
separators, so the baseline works from any working directory and any OS.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass

from .diagnostic import Diagnostic
from .safe_write import write_atomic

FORMAT_VERSION = 1
CONTEXT_WORDS = 3
_WORD = re.compile(r"\w+")
# Context stops at a sentence end or a blank line: editing a neighbouring
# sentence must not make an old finding look new.
_SENTENCE_END_BEFORE = re.compile(r"[.!?…][\"'”’)\]]*\s|\n[ \t\r]*\n")
_SENTENCE_END_AFTER = re.compile(r"[.!?…]|\n[ \t\r]*\n")


class BaselineError(Exception):
    """An unreadable or malformed baseline file (message names the file)."""


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprint(d: Diagnostic, source: str | None) -> str:
    """A stable identity for a finding that ignores where it sits in the file."""
    if source is None:
        matched, before, after = d.matched, "", ""
    else:
        matched = source[d.start:d.end]
        before = source[max(0, d.start - 200):d.start]
        before = before[max((m.end() for m in _SENTENCE_END_BEFORE.finditer(before)), default=0):]
        after = source[d.end:d.end + 200]
        cut = _SENTENCE_END_AFTER.search(after)
        after = after[:cut.start()] if cut else after
        before = " ".join(_WORD.findall(before)[-CONTEXT_WORDS:])
        after = " ".join(_WORD.findall(after)[:CONTEXT_WORDS])
    key = "\x1f".join((d.rule, _normal(matched), _normal(before), _normal(after)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def relative_key(path: str, base_dir: str) -> str:
    """How a linted path is named in a baseline kept in ``base_dir``."""
    if path == "-":
        return path
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base_dir))
    return rel.replace(os.sep, "/")


@dataclass
class Baseline:
    path: str
    files: dict[str, Counter]  # baseline key of a file → fingerprint → count

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a lintnews baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("lintnews-baseline") != FORMAT_VERSION \
                or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{path}: not a lintnews baseline (expected "
                                f"'lintnews-baseline': {FORMAT_VERSION} and 'files'; "
                                f"write one with --write-baseline)")
        files = {}
        for name, entries in data["files"].items():
            counts = Counter()
            for entry in entries if isinstance(entries, list) else [None]:
                if not (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)
                        and isinstance(entry.get("count", 1), int)):
                    raise BaselineError(f"{path}: malformed entry for {name!r}: {entry!r}")
                counts[entry["fingerprint"]] += entry.get("count", 1)
            files[name] = counts
        return cls(path, files)

    def filter(self, path: str, diagnostics: list[Diagnostic], source: str | None) -> tuple[list[Diagnostic], int]:
        """The findings of ``path`` not in the baseline, and how many were."""
        allowance = Counter(self.files.get(relative_key(path, os.path.dirname(self.path) or "."), ()))
        kept, hidden = [], 0
        for d in diagnostics:
            fp = fingerprint(d, source)
            if allowance[fp] > 0:
                allowance[fp] -= 1
                hidden += 1
            else:
                kept.append(d)
        return kept, hidden


def write_baseline(path: str, results) -> int:
    """Record the findings of ``results`` (``FileResult``s) in ``path``;
    return how many were recorded."""
    base_dir = os.path.dirname(path) or "."
    files: dict[str, Counter] = {}
    matches: dict[tuple[str, str], tuple[str, str]] = {}
    for result in results:
        key = relative_key(result.path, base_dir)
        counts = files.setdefault(key, Counter())
        for d in result.diagnostics:
            fp = fingerprint(d, result.source)
            counts[fp] += 1
            text = result.source[d.start:d.end] if result.source is not None else d.matched
            matches[key, fp] = (d.rule, " ".join(text.split()))
    data = {"lintnews-baseline": FORMAT_VERSION, "files": {
        key: sorted(({"rule": matches[key, fp][0], "match": matches[key, fp][1], "fingerprint": fp,
                      "count": n} for fp, n in counts.items()),
                    key=lambda e: (e["rule"], e["match"], e["fingerprint"]))
        for key, counts in sorted(files.items()) if counts}}
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    like = os.stat(path) if os.path.exists(path) else None
    write_atomic(path, text.encode("utf-8"), like=like)
    return sum(sum(c.values()) for c in files.values())
