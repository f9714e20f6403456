"""``--format junit``: JUnit XML for GitLab's unit test reports and Jenkins.

One ``<testsuite>`` per file. Each finding is a failed ``<testcase>``; a file
without findings is one passing ``<testcase>``, so the report also shows
what was checked. GitLab shows a test case's ``classname`` as its suite and
its ``name`` as the test, keys test cases by the two (duplicates are
dropped), ignores the failure's ``message`` attribute and shows the
failure's *text*; so ``classname`` is the file, ``name`` holds the position
and rule, and the text repeats everything a reader needs.
"""
from __future__ import annotations

from ..hookspecs import hookimpl
from ..positions import LineIndex
from . import Reporter, xml_safe


def excerpt(lines: LineIndex, d, width: int = 60) -> str:
    """The copy around a finding, on its first line: news paragraphs are long lines."""
    line_start, line_end = lines.starts[d.line - 1], lines.line_end(d.line - 1)
    start, end = max(line_start, d.start - width), min(line_end, max(d.end, d.start) + width)
    text = " ".join(lines.text[start:end].split())
    return ("…" if start > line_start else "") + text + ("…" if end < line_end else "")


class JunitReporter(Reporter):
    name = "junit"

    def report(self, results):
        import xml.etree.ElementTree as ET  # only when this format is chosen: keeps start-up fast
        root = ET.Element("testsuites", name="lintnews")
        total = failures = 0
        for r in results:
            path = xml_safe(r.path)
            lines = LineIndex(r.source) if r.source is not None else None
            suite = ET.SubElement(root, "testsuite", name=path)
            cases = 0
            for d in r.diagnostics:
                case = ET.SubElement(suite, "testcase", classname=path, file=path, time="0",
                                     name=f"{d.rule} at line {d.line}, column {d.column}")
                failure = ET.SubElement(case, "failure", message=xml_safe(d.message), type=d.severity)
                failure.text = xml_safe(self.details(d, lines))
                cases += 1
            if not r.diagnostics:
                ET.SubElement(suite, "testcase", classname=path, file=path, time="0",
                              name="no problems found")
                cases = 1
            suite.attrib.update(tests=str(cases), failures=str(len(r.diagnostics)), errors="0",
                                skipped="0", time="0")
            total += cases
            failures += len(r.diagnostics)
        root.attrib.update(tests=str(total), failures=str(failures), errors="0", time="0")
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode"))
        self.out.write("\n")

    def details(self, d, lines: LineIndex | None) -> str:
        """The failure text: the finding, its line of copy, the fix, the reference."""
        out = [f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}"]
        if lines is not None:
            out.append("    " + excerpt(lines, d))
        if d.fix is not None:
            out.append(f"Fix{'' if d.fix_safe else ' (unsafe, --unsafe-fixes)'}: "
                       f"replace {d.matched!r} with {d.fix!r}")
        rule = self.rules.get(d.rule)
        if rule is not None and rule.link:
            out.append(f"See {rule.link}")
        return "\n".join(out)


@hookimpl
def lintnews_reporters():
    return {"junit": JunitReporter}
