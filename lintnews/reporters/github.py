"""``--format github``: GitHub Actions workflow commands, which the runner
turns into annotations on the pull request's changed lines::

    ::warning file=news/storm.md,line=3,col=5,endLine=3,endColumn=9,title=typos.news-phrases::…

Escaping follows the runner (``@actions/core``'s ``command.ts``): in the
message ``%``, CR and LF are percent-encoded; in property values ``:`` and
``,`` are too. Columns are 1-based UTF-16 code units (GitHub's web views
count in JavaScript strings); ``endColumn`` is exclusive like SARIF's.
"""
from __future__ import annotations

import os

from ..hookspecs import hookimpl
from ..positions import LineIndex
from . import Reporter, utf16_region

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


class GithubReporter(Reporter):
    name = "github"

    def report(self, results):
        for r in results:
            lines = LineIndex(r.source) if r.source is not None else None
            for d in r.diagnostics:
                line, col, end_line, end_col = utf16_region(d, lines)
                message = d.message + (f" (fix: {d.fix!r})" if d.fix is not None else "")
                self.out.write(command(LEVELS.get(d.severity, "warning"), {
                    "file": os.path.normpath(d.path), "line": line, "col": col, "endLine": end_line, "endColumn": end_col,
                    "title": f"lintnews {d.rule}"}, message) + "\n")


@hookimpl
def lintnews_reporters():
    return {"github": GithubReporter}
