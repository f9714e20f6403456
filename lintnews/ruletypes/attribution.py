"""``type: attribution`` — claims and figures stated with no named source.

A sentence is flagged when it
- leans on a vague or agentless source (``claims``: "reports claim", "it is
  estimated that"), unless the same sentence also names a source; or
- (``figures: true``) states a statistic — a count, amount or percentage, not
  a date, time, age, score or ordinal — while neither it nor the sentences
  within ``window`` of it name a source ("said", "according to" ...).
The flagged span is the sentence, as a copy editor would mark it.
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import compile_regex

MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"

# A number that may be a statistic: digits with separators, optional decimals,
# optional scale or percent.
_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<suffix>\s*(?:%|per ?cent\b|percent\b|"
    r"(?:million|billion|trillion|thousand|m\b|bn\b|k\b)))?(?![\w:/]|\.\d|-\d)")

# Contexts in which a number is not a statistic needing a source.
_NOT_STATISTICS = [
    re.compile(MONTHS + r"\.?\s+$"),                      # "March 3"
    re.compile(r"(?:\b(?:aged?|age|No\.?|number|page|chapter|section|article|room|route|"
               r"flight|item|verse|season|episode|level|grade|year|years|since|in|from|until|by)\s+)$",
               re.IGNORECASE),
    re.compile(r"[$£€¥]\s*$"),  # prices and amounts: flagged only with a scale word (see below)
]
_AFTER_NOT_STATISTICS = re.compile(
    r"^(?:\s*-?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|year-old|st|nd|rd|th)\b"
    r"|\s+" + MONTHS + r"\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|ET|EST)|\s*-\s*\d"
    r"|\s*(?:ft|in|cm|mm|km|kg|lb|lbs|mph|kph|m|yards?|metres?|meters?|feet|inches|miles?|points?|goals?|runs?|sets?)\b)",
    re.IGNORECASE)


class AttributionRule(RuleType):
    name = "attribution"
    summary = "Flags claims and statistics that name no source."
    # A claim or figure inside a quotation is the speaker's, attributed by
    # the quotation itself.
    skip_quotes = True
    options = {
        "claims": Option(list, "Phrases of vague or agentless attribution ('reports claim', "
                               "'it is estimated')."),
        "sources": Option(list, "Regular expressions that name a source ('said', 'according to')."),
        "figures": Option(bool, "Also flag sentences with statistics and no source nearby.", default=False),
        "window": Option(int, "How many sentences before and after may hold the source.", default=1),
        "min_value": Option(int, "Smallest bare number treated as a statistic.", default=10),
    }

    def setup(self, claims, sources, figures, window, min_value):
        self.claims = compile_phrases(string_list(claims, "claims"))
        source_list = string_list(sources, "sources")
        if not source_list:
            raise RuleError("an attribution rule needs 'sources'", "sources")
        # Case matters here ("Pentagon said" names a source; "it is said" does
        # not): patterns that do not care say so with (?i).
        self.sources = [compile_regex(s, 0, "sources", i) for i, s in enumerate(source_list)]
        if not self.claims and not figures:
            raise RuleError("an attribution rule needs 'claims' or 'figures: true'", "claims")
        self.figures, self.window, self.min_value = figures, window, min_value

    def find(self, doc):
        text, sentences = doc.text, doc.sentences
        # Each pattern runs once over the whole text, not once per sentence.
        sourced = [False] * len(sentences)
        for source in self.sources:
            for i, m in _by_sentence(doc, source):
                sourced[i] = sourced[i] or not doc.in_quote(m.start(), m.end())
        statistics = self._statistics(doc) if self.figures else set()
        for i, s in enumerate(sentences):
            cue = self.claims.search(text, s.start, s.end) if self.claims else None
            if cue and not sourced[i] and not self.quoted(doc, cue.start(), cue.end()):
                yield Hit(s.start, s.end, data={"cue": " ".join(cue.group().split())})
            elif i in statistics:
                lo, hi = max(0, i - self.window), min(len(sentences), i + self.window + 1)
                if not any(sourced[lo:hi]):
                    yield Hit(s.start, s.end)

    def _statistics(self, doc) -> set[int]:
        """Indexes of the sentences that state a statistic."""
        found = set()
        for i, m in _by_sentence(doc, _NUMBER):
            if i not in found and not self.quoted(doc, m.start(), m.end()) \
                    and is_statistic(doc.text, m, self.min_value):
                found.add(i)
        return found


def _by_sentence(doc, pattern):
    """(sentence index, match) for the matches of ``pattern`` in the text that
    start inside a sentence, each cut to its sentence as a search of that
    sentence alone would."""
    sentences = doc.sentences
    if not sentences:
        return
    for m in pattern.finditer(doc.text):
        i = doc.sentence_index(m.start())
        s = sentences[i]
        if m.start() < s.start or m.start() >= s.end:
            continue
        if m.end() > s.end:
            m = pattern.match(doc.text, m.start(), s.end)
            if m is None:
                continue
        yield i, m


def is_statistic(text: str, m: re.Match, min_value: int) -> bool:
    """Whether the number matched by ``_NUMBER`` reads as a statistic."""
    before = text[max(0, m.start() - 20):m.start()]
    after = text[m.end():m.end() + 20]
    if m.group("suffix"):
        return not before.rstrip().endswith(("$", "£", "€")) or "illion" in m.group("suffix")
    if any(p.search(before) for p in _NOT_STATISTICS) or _AFTER_NOT_STATISTICS.match(after):
        return False
    digits = m.group("num").replace(",", "")
    value = float(digits)
    if "," not in m.group("num") and len(digits) == 4 and 1800 <= value <= 2100:
        return False  # a year
    return value >= min_value


@hookimpl
def lintnews_rule_types():
    return [AttributionRule]
