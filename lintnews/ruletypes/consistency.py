"""``type: consistency`` — one article, one form of a term.

Each group lists the variants of one term (``[airstrikes, air strikes,
air-strikes]``, ``[ISIS, ISIL, Islamic State, Daesh]``). When an article uses
more than one variant of a group, every use of a variant other than the
preferred one is flagged, with the preferred one as the fix. The preferred
form is the one used first (``prefer: first``) or most often (``prefer:
most``, ties going to the first). A variant introduced in parentheses right
after another ("Islamic State (ISIS)") is the same form as that one: defining
an abbreviation is not inconsistency. Uses inside quotations are the
speaker's: they are neither flagged nor counted, unless ``quotes: lint``.
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases, match_case, normalize
from . import Hit, Option, RuleError, RuleType


class ConsistencyRule(RuleType):
    name = "consistency"
    summary = "Flags a term written in more than one form in one article."
    can_fix = True
    skip_quotes = True
    options = {
        "groups": Option(list, "Lists of two or more variants of one term.", required=True),
        "prefer": Option(str, "Which form is right: 'first' (used first) or 'most' (used most often).",
                         default="first"),
        "ignorecase": Option(bool, "Match variants case-insensitively (case alone never makes "
                                   "two forms differ then).", default=True),
    }

    def setup(self, groups, prefer, ignorecase):
        if prefer not in ("first", "most"):
            raise RuleError("'prefer' must be 'first' or 'most'", "prefer")
        self.prefer, self.ignorecase = prefer, ignorecase
        self.group_of: dict[str, tuple[int, str]] = {}  # key → (group, variant as written)
        for i, group in enumerate(groups):
            if (not isinstance(group, list) or len(group) < 2
                    or not all(isinstance(v, str) and v.strip() for v in group)):
                raise RuleError(f"group {i + 1} must be a list of two or more phrases", "groups", i)
            for variant in group:
                key = self.key(variant)
                if key in self.group_of:
                    raise RuleError(f"variant {variant!r} is listed twice", "groups", i)
                self.group_of[key] = (i, variant)
        self.matcher = compile_phrases([v for g in groups for v in g], ignorecase)

    def key(self, phrase: str) -> str:
        return normalize(phrase, self.ignorecase)

    def find(self, doc):
        text = doc.text
        uses: dict[int, list[tuple[int, int, str]]] = {}
        for m in self.matcher.finditer(text):
            entry = self.group_of.get(m.key)
            if entry and not self.quoted(doc, m.start(), m.end()):
                uses.setdefault(entry[0], []).append((m.start(), m.end(), entry[1]))
        for found in uses.values():
            forms = self._forms(text, found)
            if len(set(forms)) < 2:
                continue
            preferred = self._preferred(forms)
            for (start, end, variant), form in zip(found, forms):
                if form != preferred:
                    written = text[start:end]
                    fix = match_case(written, preferred) if preferred.islower() else preferred
                    yield Hit(start, end, fix=fix, data={"preferred": preferred})

    def _forms(self, text: str, found) -> list[str]:
        """The form of each use, an abbreviation defined in parentheses
        taking the form of the variant it defines."""
        alias: dict[str, str] = {}
        forms = []
        for i, (start, end, variant) in enumerate(found):
            form = alias.get(variant, variant)
            forms.append(form)
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and re.fullmatch(r"\s*\(\s*", text[end:nxt[0]]) and text[nxt[1]:nxt[1] + 3].lstrip().startswith(")"):
                alias.setdefault(nxt[2], form)
        return forms

    def _preferred(self, forms: list[str]) -> str:
        if self.prefer == "most":
            return max(forms, key=lambda f: (forms.count(f), -forms.index(f)))
        return forms[0]


@hookimpl
def lintnews_rule_types():
    return [ConsistencyRule]
