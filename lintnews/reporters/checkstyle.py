"""``--format checkstyle``: Checkstyle XML, read by Jenkins (Warnings Next
Generation), reviewdog, SonarQube and many code-review bots.

Every linted file gets a ``<file>`` element, with an ``<error>`` per
finding: 1-based ``line`` and ``column`` (code points), ``severity``
(``error``, ``warning`` or ``info``), ``message`` and ``source`` (the rule id).
"""
from __future__ import annotations

from ..hookspecs import hookimpl
from . import Reporter, xml_safe

CHECKSTYLE_VERSION = "4.3"


class CheckstyleReporter(Reporter):
    name = "checkstyle"

    def report(self, results):
        import xml.etree.ElementTree as ET  # only when this format is chosen: keeps start-up fast
        root = ET.Element("checkstyle", version=CHECKSTYLE_VERSION)
        for r in results:
            element = ET.SubElement(root, "file", name=xml_safe(r.path))
            for d in r.diagnostics:
                message = d.message + (f" (fix: {d.fix!r})" if d.fix is not None else "")
                ET.SubElement(element, "error", line=str(d.line), column=str(d.column),
                              severity=d.severity, message=xml_safe(message), source=f"lintnews.{d.rule}")
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode"))
        self.out.write("\n")


@hookimpl
def lintnews_reporters():
    return {"checkstyle": CheckstyleReporter}
