"""``type: substitution`` — flag a wrong phrase and offer the right one.

Keys of ``swap`` are the wrong phrases. Square brackets mark the part that is
flagged and replaced, the rest being context that must be present:
``"passed on [my] a": by`` flags only "my" and replaces it with "by".
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases, match_case, normalize
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import excepted

_BRACKETED = re.compile(r"^(.*?)\[([^\[\]]+)\](.*)$")


class SubstitutionRule(RuleType):
    name = "substitution"
    summary = "Flags a wrong phrase and offers its replacement as a fix."
    can_fix = True
    options = {
        "swap": Option(dict, "Mapping of wrong phrase → right phrase; [brackets] in the wrong phrase "
                             "mark the part flagged and replaced.", required=True),
        "exceptions": Option(list, "Phrases; a match lying inside one of them is not flagged."),
        "ignorecase": Option(bool, "Match case-insensitively.", default=True),
    }

    def setup(self, swap, exceptions, ignorecase):
        if not swap:
            raise RuleError("'swap' must not be empty", "swap")
        # folded phrase -> (start, end) of the replaced part within it, replacement
        self.entries: dict[str, tuple[int, int, str]] = {}
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong.strip():
                raise RuleError(f"swap entry {wrong!r}: {right!r} must map a phrase to a phrase", "swap", wrong)
            m = _BRACKETED.match(wrong)
            before, target, after = m.groups() if m else ("", wrong, "")
            if "[" in before + after or "]" in before + after:
                raise RuleError(f"swap entry {wrong!r} has more than one [bracketed] part", "swap", wrong)
            lead = normalize(before, ignorecase)
            lo = len(lead) + (1 if lead and before[-1:].isspace() else 0)
            key = normalize(before + target + after, ignorecase)
            if key == wrong:
                key = wrong  # one string object, pickled once into the pack cache
            self.entries[key] = (lo, lo + len(normalize(target, ignorecase)), right)
        self.matcher = compile_phrases(list(self.entries), ignorecase)
        self.exceptions = compile_phrases(string_list(exceptions, "exceptions"), ignorecase)

    def find(self, doc):
        text = doc.text
        for m in self.matcher.finditer(text):
            lo, hi, right = self.entries[m.key]
            start, end = m.span(lo, hi)
            if excepted(self.exceptions, text, start, end):
                continue
            yield Hit(start, end, fix=match_case(text[start:end], right))


@hookimpl
def lintnews_rule_types():
    return [SubstitutionRule]
