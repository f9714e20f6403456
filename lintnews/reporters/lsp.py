"""``--format lsp``: Language Server Protocol diagnostics, one
``PublishDiagnosticsParams`` object per file, as a JSON array::

    [{"uri": "file:///…/storm.md", "diagnostics": [
        {"range": {"start": {"line": 2, "character": 4}, "end": {…}},
         "severity": 2, "code": "typos.news-phrases", "source": "lintnews",
         "message": "…", "data": {"fix": "toll", "fixSafe": true, "category": "typo"}}]}]

Lines and characters are 0-based and count UTF-16 code units, LSP's default
position encoding. Editors without a language-server client can feed this
to their diagnostics API; the LSP server builds the same objects.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..hookspecs import hookimpl
from ..positions import UTF16, LineIndex
from . import Reporter

SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP DiagnosticSeverity


def document_uri(path: str) -> str:
    return "untitled:stdin" if path == "-" else Path(os.path.abspath(path)).as_uri()


def lsp_diagnostic(d, lines: LineIndex | None, rule=None, encoding: str = UTF16) -> dict:
    """An LSP ``Diagnostic`` for a finding in the text ``lines`` indexes
    (without the text, code-point columns are the best there is)."""
    if lines is None:
        (line, char), (end_line, end_char) = (d.line - 1, d.column - 1), (d.end_line - 1, d.end_column - 1)
    else:
        (line, char), (end_line, end_char) = lines.position(d.start, encoding), lines.position(d.end, encoding)
    diagnostic = {
        "range": {"start": {"line": line, "character": char}, "end": {"line": end_line, "character": end_char}},
        "severity": SEVERITY.get(d.severity, 2),
        "code": d.rule,
        "source": "lintnews",
        "message": d.message,
        "data": {"fix": d.fix, "fixSafe": d.fix_safe, "category": d.category},
    }
    if rule is not None and rule.link:
        diagnostic["codeDescription"] = {"href": rule.link}
    return diagnostic


class LspReporter(Reporter):
    name = "lsp"

    def report(self, results):
        out = []
        for r in results:
            lines = LineIndex(r.source) if r.source is not None else None
            out.append({"uri": document_uri(r.path),
                        "diagnostics": [lsp_diagnostic(d, lines, self.rules.get(d.rule)) for d in r.diagnostics]})
        json.dump(out, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


@hookimpl
def lintnews_reporters():
    return {"lsp": LspReporter}
