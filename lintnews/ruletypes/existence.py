"""``type: existence`` — flag phrases or patterns that should not appear."""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from ..regexes import fast
from ..regexsafety import regex_problem
from . import Hit, Option, RuleError, RuleType, string_list


class ExistenceRule(RuleType):
    name = "existence"
    summary = "Flags any of a list of phrases or regular expressions."
    options = {
        "patterns": Option(list, "Plain phrases, matched on word boundaries."),
        "regex": Option(list, "Regular expressions (Python syntax)."),
        "exceptions": Option(list, "Phrases; a match lying inside one of them is not flagged."),
        "ignorecase": Option(bool, "Match case-insensitively.", default=True),
    }

    def setup(self, patterns, regex, exceptions, ignorecase):
        patterns = string_list(patterns, "patterns")
        regexes = string_list(regex, "regex")
        if not patterns and not regexes:
            raise RuleError("an existence rule needs 'patterns' or 'regex'", "patterns")
        flags = re.IGNORECASE if ignorecase else 0
        self.matchers = [m for m in [compile_phrases(patterns, ignorecase)] if m]
        for i, source in enumerate(regexes):
            self.matchers.append(compile_regex(source, flags, "regex", i))
        self.exceptions = compile_phrases(string_list(exceptions, "exceptions"), ignorecase)

    def find(self, doc):
        for matcher in self.matchers:
            for m in matcher.finditer(doc.text):
                if m.end() > m.start() and not excepted(self.exceptions, doc.text, m.start(), m.end()):
                    yield Hit(m.start(), m.end())


def compile_regex(source: str, flags: int, key: str, item=None) -> re.Pattern:
    """Compile a pattern from a pack, refusing ones that could stall a run.
    The result matches like an ``re.Pattern`` (a ``FastPattern`` when it can
    be prefiltered, see ``lintnews.regexes``)."""
    problem = regex_problem(source)
    if problem:
        raise RuleError(f"unsafe regular expression {source!r}: {problem}", key, item)
    try:
        return fast(re.compile(source, flags))
    except re.error as exc:
        raise RuleError(f"invalid regular expression {source!r}: {exc}", key, item) from None


def excepted(exceptions: re.Pattern | None, text: str, start: int, end: int, reach: int = 60) -> bool:
    """Whether ``[start, end)`` lies inside a match of ``exceptions``."""
    if exceptions is None:
        return False
    lo = max(0, start - reach)
    for m in exceptions.finditer(text, lo, min(len(text), end + reach)):
        if m.start() <= start and end <= m.end():
            return True
    return False


@hookimpl
def lintnews_rule_types():
    return [ExistenceRule]
