"""``type: attribution`` — claims and figures stated with no named source.

A sentence is flagged when, outside quotations, it holds a *cue* and no
sentence within ``window`` of it names a source. A cue is
- a vague or agentless attribution: a phrase from ``claims`` ("reports
  claim", "it is estimated") or a match of ``patterns`` (regular expressions:
  "is expected to", "seems to"); or
- with ``figures: true``, a count of one of ``figure_nouns`` ("90 soldiers",
  "thousands of refugees"): the contested kind of figure whose owner readers
  need to know.
A source is a match of ``sources`` ("said", "according to") outside
quotations that is not itself part of a cue: "sources say" and "according to
reports" name nobody. With ``clauses``, a source vouches only for cues in its
own clause or before it as a closing tag (", the mayor said"): in "the deal
seems dead, although he told reporters otherwise" the seeming stays
unsourced. Sentences matching ``exempt`` (the writer speaking in the first
person, questions) are never flagged. The flagged span is the sentence, as a
copy editor would mark it; the message names the cue.
"""
from __future__ import annotations

import bisect
import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from ..regexes import fast
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import compile_regex

# A count: "90", "23,000", "1.5 million", "hundreds of".
_COUNT = (r"(?<![\w.,:/$£€¥-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<scale>\s*(?:million|billion|thousand|m|bn|k)\b)?"
          r"|\b(?P<words>(?:tens of |hundreds of )?(?:hundreds|thousands|millions) of)")
# Between the count and its noun: "more", up to two modifiers ("ISIS",
# "unarmed"), or "of their".
_MODIFIERS = (r"(?:\s+(?:more|fewer|other|additional|extra|new))?"
              r"(?:\s+of\s+(?:the|their|its|his|her|our))?"
              r"(?:\s+(?!(?:of|and|or|in|at|to|for|from|by|with|on|the|a|an)\b)[\w’'-]+){0,2}?")

# A reporting tag closing a clause: ", said the mayor", ", the mayor said".
_TAG = re.compile(r",\s*(?:[\w’'.-]+\s+){0,5}$")


class AttributionRule(RuleType):
    name = "attribution"
    summary = "Flags claims and statistics that name no source."
    # A claim or figure inside a quotation is the speaker's, attributed by
    # the quotation itself.
    skip_quotes = True
    options = {
        "claims": Option(list, "Phrases of vague or agentless attribution ('reports claim', "
                               "'it is estimated')."),
        "patterns": Option(list, "Regular expressions (case-insensitive) of vague or agentless "
                                 "attribution ('is expected to', 'seems')."),
        "sources": Option(list, "Regular expressions that name a source ('said', 'according to'); "
                                "case-sensitive unless they start with (?i)."),
        "agent": Option(str, "Regular expression (case-insensitive) tried right after a cue: a match "
                             "names the cue's agent ('was criticised by the council') and clears it."),
        "exempt": Option(list, "Regular expressions; a sentence matching one outside quotations is "
                               "never flagged (the writer's first person, a question)."),
        "figures": Option(bool, "Also flag counts of `figure_nouns` with no source nearby.", default=False),
        "figure_nouns": Option(list, "What a count must be of to need a source ('soldiers', 'deaths')."),
        "window": Option(int, "How many sentences before and after may hold the source.", default=0),
        "clauses": Option(str, "Regular expression (case-insensitive) that ends a clause ('; ', ', when', "
                               "', which'). With it, a source clears a cue only in the cue's own clause or "
                               "as a reporting tag after it (', the mayor said'): in '..., when he told "
                               "reporters' it vouches for nothing else."),
        "min_value": Option(int, "Smallest bare number counted as a figure.", default=10),
    }

    def setup(self, claims, patterns, sources, agent, exempt, figures, figure_nouns, window, clauses, min_value):
        cues = [compile_regex(p, re.IGNORECASE, "patterns", i)
                for i, p in enumerate(string_list(patterns, "patterns"))]
        phrases = compile_phrases(string_list(claims, "claims"))
        self.cues = ([phrases] if phrases else []) + cues
        source_list = string_list(sources, "sources")
        if not source_list:
            raise RuleError("an attribution rule needs 'sources'", "sources")
        # Case matters here ("Pentagon said" names a source; "it is said" does
        # not): patterns that do not care say so with (?i).
        self.sources = [compile_regex(s, 0, "sources", i) for i, s in enumerate(source_list)]
        self.agent = compile_regex(agent, re.IGNORECASE, "agent") if agent else None
        self.exempt = [compile_regex(s, 0, "exempt", i) for i, s in enumerate(string_list(exempt, "exempt"))]
        nouns = string_list(figure_nouns, "figure_nouns")
        if figures and not nouns:
            raise RuleError("'figures: true' needs 'figure_nouns'", "figure_nouns")
        noun_pattern = "|".join(r"\s+".join(map(re.escape, n.split())) for n in nouns)
        self.figures = fast(re.compile(f"(?:{_COUNT}){_MODIFIERS}\\s+(?:{noun_pattern})\\b",
                                       re.IGNORECASE)) if figures else None
        if not self.cues and not figures:
            raise RuleError("an attribution rule needs 'claims', 'patterns' or 'figures: true'", "claims")
        if window < 0:
            raise RuleError("'window' must be 0 or more", "window")
        self.clauses = compile_regex(clauses, re.IGNORECASE, "clauses") if clauses else None
        self.window, self.min_value = window, min_value

    def find(self, doc):
        sentences = doc.sentences
        by = _Matches(doc, self)
        cues = [list(self._cues(doc, i, s.end, by)) for i, s in enumerate(sentences)]
        sourced = [self._names_source(doc, i, s, c, by) for i, (s, c) in enumerate(zip(sentences, cues))]
        counts_flagged = set()  # a figure restated later is queried once
        for i, s in enumerate(sentences):
            cue = cues[i][0] if cues[i] else self._figure(doc, i, by)
            if cue is None or self._exempt(doc, i, by):
                continue
            count = None if cues[i] else cue.group("num") or cue.group("words").lower()
            if (count is not None and count in counts_flagged) or any(
                    sourced[max(0, i - self.window):i + self.window + 1]):
                continue
            if count is not None:
                counts_flagged.add(count)
            yield Hit(s.start, s.end, data={"cue": " ".join(cue.group().split())})

    def _cues(self, doc, i: int, end: int, by):
        """Cue matches outside quotations in sentence ``i`` (ending at ``end``), in order."""
        found = [m for group in by.cues for m in group.get(i, ())
                 if m.end() > m.start() and not self.quoted(doc, m.start(), m.end())
                 and not (self.agent and self.agent.match(doc.text, m.end(), end))]
        return sorted(found, key=lambda m: m.start())

    def _figure(self, doc, i: int, by):
        if self.figures is None:
            return None
        for m in by.figures.get(i, ()):
            if self.quoted(doc, m.start(), m.end()):
                continue
            if m.group("words") or m.group("scale") or float(m.group("num").replace(",", "")) >= self.min_value:
                return m
        return None

    def _names_source(self, doc, i, sentence, cues, by) -> bool:
        """Whether the sentence names a source for its cues (or, with no cue,
        at all) outside quotations; a match within a cue ("sources say")
        names nobody."""
        text = doc.text
        cuts = [sentence.start]
        if self.clauses and cues:
            cuts += [m.end() for m in by.clauses.get(i, ())]
        cue_clauses = {bisect.bisect_right(cuts, c.start()) for c in cues}
        for group in by.sources:
            for m in group.get(i, ()):
                if doc.in_quote(m.start(), m.end()) or any(
                        c.start() < m.end() and m.start() < c.end() for c in cues):
                    continue
                clause = bisect.bisect_right(cuts, m.start())
                if not cues or clause in cue_clauses or (
                        m.start() > cues[-1].start() and _TAG.search(text, cuts[clause - 1], m.start())):
                    return True
        return False

    def _exempt(self, doc, i: int, by) -> bool:
        return any(not doc.in_quote(m.start(), m.end())
                   for group in by.exempt for m in group.get(i, ()))


class _Matches:
    """Each pattern's matches by sentence (``Document.sentence_matches``):
    one pass over the text per pattern, the same matches as a search of each
    sentence, without the cost of a search call per sentence and pattern."""

    def __init__(self, doc, rule):
        self.cues = [doc.sentence_matches(c) for c in rule.cues]
        self.sources = [doc.sentence_matches(s) for s in rule.sources]
        self.exempt = [doc.sentence_matches(e) for e in rule.exempt]
        self.clauses = doc.sentence_matches(rule.clauses) if rule.clauses else {}
        self.figures = doc.sentence_matches(rule.figures) if rule.figures else {}


@hookimpl
def lintnews_rule_types():
    return [AttributionRule]
