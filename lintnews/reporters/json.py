"""``--format json``: a JSON array of findings (see ``Diagnostic``)."""
from __future__ import annotations

import json

from ..hookspecs import hookimpl
from . import Reporter


class JsonReporter(Reporter):
    name = "json"

    def report(self, results):
        findings = [d.to_dict() for r in results for d in r.diagnostics]
        json.dump(findings, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


@hookimpl
def lintnews_reporters():
    return {"json": JsonReporter}
