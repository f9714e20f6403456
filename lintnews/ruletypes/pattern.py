"""``type: pattern`` — flag a regular expression and build the fix from the match.

Keys of ``swap`` are regular expressions, values replacement templates in
Python's ``Match.expand`` syntax (``\\1``, ``\\g<name>``; a group that did not
take part in the match expands to nothing). The whole match is flagged and
replaced, unless the expression has a group named ``flag``: then only that
group is, the rest being context. Case matters unless ``ignorecase: true`` (or
``(?i)`` in an expression): house-style rules are often about capitals.

    swap:
      '\\bbetween (\\d[\\d,]*) (?P<flag>to) (?=\\d)': and
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import compile_regex, excepted


class PatternRule(RuleType):
    name = "pattern"
    summary = "Flags regular expressions and offers a replacement built from each match."
    can_fix = True
    options = {
        "swap": Option(dict, "Mapping of regular expression → replacement template (\\1, \\g<name>); "
                             "a group named 'flag' narrows what is flagged and replaced.", required=True),
        "exceptions": Option(list, "Phrases; a match lying inside one of them is not flagged."),
        "unless": Option(list, "Regular expressions; a match lying inside a match of one of them "
                               "is not flagged (context a lookbehind cannot express)."),
        "ignorecase": Option(bool, "Match case-insensitively.", default=False),
    }

    def setup(self, swap, exceptions, unless, ignorecase):
        if not swap:
            raise RuleError("'swap' must not be empty", "swap")
        self.entries = []
        for source, template in swap.items():
            if not isinstance(source, str) or not isinstance(template, str):
                raise RuleError(f"swap entry {source!r}: {template!r} must map a regex to a template", "swap", source)
            pattern = compile_regex(source, re.IGNORECASE if ignorecase else 0, "swap", source)
            try:
                pattern.sub(template, "")  # checks the template's group references
            except (re.error, IndexError) as exc:
                raise RuleError(f"bad replacement {template!r} for {source!r}: {exc}", "swap", source) from None
            self.entries.append((pattern, template, "flag" in pattern.groupindex))
        self.exceptions = compile_phrases(string_list(exceptions, "exceptions"), ignorecase)
        flags = re.IGNORECASE if ignorecase else 0
        self.unless = [compile_regex(u, flags, "unless", i) for i, u in enumerate(string_list(unless, "unless"))]

    def find(self, doc):
        text = doc.text
        for pattern, template, narrowed in self.entries:
            for m in pattern.finditer(text):
                start, end = m.span("flag") if narrowed else m.span()
                if end > start and not excepted(self.exceptions, text, start, end) and \
                        not any(excepted(u, text, start, end) for u in self.unless):
                    yield Hit(start, end, fix=m.expand(template))


@hookimpl
def lintnews_rule_types():
    return [PatternRule]
