"""``type: consistency`` — one article, one form of a term.

Each group lists the variants of one term (``[airstrikes, air strikes,
air-strikes]``, ``[ISIS, ISIL, Islamic State, Daesh]``). When an article uses
more than one variant of a group, every use of a variant other than the
preferred one is flagged, with the preferred one as the fix. The preferred
form is the one used first (``prefer: first``) or most often (``prefer:
most``, ties going to the first). Uses inside quotations are the speaker's:
they are neither flagged nor counted, unless ``quotes: lint``.

Two uses are not inconsistency, and are neither flagged nor counted:
- an alias introduced right after another variant, in parentheses ("Islamic
  State (ISIS)") or as "also known as", "known as", "also called", "or"
  ("Islamic State, also known as ISIS"): the article has said they are one;
- with ``modifiers: skip``, a name used as a modifier before a lower-case noun
  ("ISIS fighters", "an Islamic State checkpoint"): writers vary the label of
  a noun phrase freely, and flagging it was most of the noise on real copy
  (the seed article had six findings, four of them modifiers or headline
  words). Without a tagger "modifier" is guessed: the next word is lower case
  and not a function word, auxiliary, adverb in -ly or verb in -ed, so "ISIS
  still holds" and "ISIS claimed" still count.
"""
from __future__ import annotations

from collections import Counter
import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases, match_case, normalize
from . import Hit, Option, RuleError, RuleType

# Words that, after a name, show it is the head of its phrase (a subject or
# object), not a modifier of the next word.
_NOT_A_NOUN = frozenset("""
    a an the and or but nor of in on at to from for with by as than that which who whom whose
    is are was were be been being has have had do does did will would can could may might must
    shall should not never still also now then already again once always only just even yet
    it its they their them he his she her we our us you your this these those there here
    said says say told tells claimed claims admitted denied used uses lost lose won win
    remains remain controls holds hold took take takes made make makes got gets itself
""".split())
_NOUNS_IN_LY = frozenset("supply ally family rally assembly monopoly anomaly bully folly".split())
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


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
        "modifiers": Option(str, "'count' (default) or 'skip': with 'skip', a variant used as a modifier "
                                 "before a lower-case noun ('ISIS fighters') is neither flagged nor counted.",
                            default="count"),
    }

    def setup(self, groups, prefer, ignorecase, modifiers):
        if prefer not in ("first", "most"):
            raise RuleError("'prefer' must be 'first' or 'most'", "prefer")
        if modifiers not in ("count", "skip"):
            raise RuleError("'modifiers' must be 'count' or 'skip'", "modifiers")
        self.skip_modifiers = modifiers == "skip"
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
        for group, found in uses.items():
            uses[group] = self._counted(doc, found)
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

    def _counted(self, doc, found):
        """The uses that count: not modifiers (with ``modifiers: skip``)."""
        if not self.skip_modifiers:
            return found
        return [use for use in found if not is_modifier(doc, use[0], use[1])]

    def _forms(self, text: str, found) -> list[str]:
        """The form of each use, an alias introduced right after a variant
        ("Islamic State (ISIS)", "Islamic State, also known as ISIS") taking
        the form of the variant it follows."""
        alias: dict[str, str] = {}
        forms = []
        for i, (start, end, variant) in enumerate(found):
            form = alias.get(variant, variant)
            forms.append(form)
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and introduces_alias(text[end:nxt[0]], text[nxt[1]:nxt[1] + 3]):
                alias.setdefault(nxt[2], form)
        return forms

    def _preferred(self, forms: list[str]) -> str:
        if self.prefer == "most":
            counts = Counter(forms)  # counted once: uses can number thousands
            first = {}
            for i, form in enumerate(forms):
                first.setdefault(form, i)
            return max(counts, key=lambda f: (counts[f], -first[f]))
        return forms[0]


def introduces_alias(between: str, after: str) -> bool:
    """Whether the text between two uses introduces the second as another
    name for the first: "X (Y)", "X, also known as Y", "X, or Y", "X known as Y"."""
    if re.fullmatch(r"\s*\(\s*", between):
        return after.lstrip().startswith(")")
    return bool(re.fullmatch(r"\s*[,(–—-]?\s*(?:also\s+)?(?:known\s+as|called|or|aka)\s+", between, re.I))


def is_modifier(doc, start: int, end: int) -> bool:
    """Whether the use at ``start:end`` modifies the next word ("ISIS
    fighters"), guessed from that word: lower case (or capitalised in a
    title-case headline), not a function word, auxiliary or common verb, not
    an adverb in -ly or a verb in -ed."""
    m = _NEXT_WORD.match(doc.text, end)
    if not m:
        return False  # punctuation or a line break: the name ends its phrase
    word = m.group(1)
    lower = word.lower()
    if lower in _NOT_A_NOUN or lower.endswith("ed") or (lower.endswith("ly") and lower not in _NOUNS_IN_LY):
        return False
    if word[0].isupper():
        return _in_headline(doc, start)
    return True


# A headline of at most 25 words fits well within this many characters.
_HEADLINE_MAX_CHARS = 400


def _in_headline(doc, offset: int) -> bool:
    """Whether ``offset`` lies in a title-case line (most words capitalised).
    Only a short line can be a headline, so the search for the line's ends
    stops after _HEADLINE_MAX_CHARS: on a one-line megabyte file each use
    costs a few hundred characters, not the whole line."""
    text = doc.text
    window = max(0, offset - _HEADLINE_MAX_CHARS)
    line_start = text.rfind("\n", window, offset) + 1
    if line_start == 0 and window > 0:
        return False
    line_end = text.find("\n", offset, line_start + _HEADLINE_MAX_CHARS + 1)
    if line_end < 0:
        if len(text) - line_start > _HEADLINE_MAX_CHARS:
            return False
        line_end = len(text)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start:line_end])
    return len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


@hookimpl
def lintnews_rule_types():
    return [ConsistencyRule]
