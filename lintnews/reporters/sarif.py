"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other
static-analysis dashboards.

Columns are UTF-16 code units (``columnKind: utf16CodeUnits``): consumers
that ignore ``columnKind`` (browsers, editors written in JavaScript) count
that way, and the two units only differ after a character outside the Basic
Multilingual Plane. Relative paths are relative to ``%SRCROOT%``, the
working directory, which is the repository root when run from CI.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..hookspecs import hookimpl
from ..positions import LineIndex
from . import Reporter, utf16_region

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict:
    """A SARIF ``artifactLocation``: relative paths as percent-encoded URI
    references against ``%SRCROOT%``, absolute ones as ``file:`` URIs."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    # "./news/a.md" → "news/a.md": code scanning matches paths against the repository's
    return {"uri": quote(os.path.normpath(path).replace(os.sep, "/")), "uriBaseId": SRCROOT}


def rule_name(rule_id: str) -> str:
    """``typos.news-phrases`` → ``NewsPhrases`` (SARIF wants a readable name)."""
    return "".join(part.capitalize() for part in re.split(r"[-_.]", rule_id.split(".", 1)[-1]) if part)


def _limit(text: str, size: int = 1024) -> str:
    """GitHub code scanning rejects descriptions longer than 1024 characters."""
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


def descriptor(rule) -> dict:
    from ..commands.explain import explain
    from ..commands.rules import summary

    full = " ".join(rule.description.split())
    desc = {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": _limit(summary(rule))},
        "fullDescription": {"text": _limit(full)},
        "help": {"text": full, "markdown": explain(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": [rule.category, f"pack:{rule.pack}"], "problem.severity":
                       {"error": "error", "warning": "warning", "info": "recommendation"}[rule.severity]},
    }
    if rule.link:
        desc["helpUri"] = rule.link
    return desc


class SarifReporter(Reporter):
    name = "sarif"

    def report(self, results):
        used = {d.rule for r in results for d in r.diagnostics}
        rules = sorted(set(self.rules) | used)
        index = {rule_id: i for i, rule_id in enumerate(rules)}
        descriptors = [descriptor(self.rules[r]) if r in self.rules else
                       {"id": r, "shortDescription": {"text": r}} for r in rules]
        sarif_results = []
        for r in results:
            lines = LineIndex(r.source) if r.source is not None else None
            sarif_results += [self.result(d, index[d.rule], r.source, lines) for d in r.diagnostics]
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "lintnews", "version": __version__,
                                    "semanticVersion": __version__, "rules": descriptors}},
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "utf16CodeUnits",
                "results": sarif_results,
            }],
        }
        json.dump(log, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

    def result(self, d, rule_index: int, source: str | None, lines: LineIndex | None) -> dict:
        from ..baseline import fingerprint
        region = self.region(d, source, lines)
        location = artifact_location(d.path)
        result = {
            "ruleId": d.rule,
            "ruleIndex": rule_index,
            "level": LEVELS.get(d.severity, "warning"),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            "partialFingerprints": {"lintnewsFingerprint/v1": fingerprint(d, source)},
            "properties": {"category": d.category},
        }
        if d.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace with {d.fix!r}" + ("" if d.fix_safe else " (unsafe)")},
                "artifactChanges": [{"artifactLocation": location, "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": d.fix}}]}],
            }]
        return result

    @staticmethod
    def region(d, source: str | None, lines: LineIndex | None) -> dict:
        line, col, end_line, end_col = utf16_region(d, lines)
        region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
        if source is not None:
            region["snippet"] = {"text": source[d.start:d.end]}
        return region


@hookimpl
def lintnews_reporters():
    return {"sarif": SarifReporter}
