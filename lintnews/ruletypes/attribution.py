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
        # The last words of the nouns: where one occurs, a figure may end.
        last_words = sorted({re.escape(n.split()[-1]) for n in nouns})
        self.noun_ends = fast(re.compile("|".join(last_words), re.IGNORECASE)) if figures else None
        if not self.cues and not figures:
            raise RuleError("an attribution rule needs 'claims', 'patterns' or 'figures: true'", "claims")
        if window < 0:
            raise RuleError("'window' must be 0 or more", "window")
        self.clauses = compile_regex(clauses, re.IGNORECASE, "clauses") if clauses else None
        self.window, self.min_value = window, min_value

    def find(self, doc):
        sentences = doc.sentences
        cue_groups = [doc.sentence_matches(c) for c in self.cues]
        figures = self._figure_matches(doc)
        # Only a sentence with a cue or a figure can be flagged (most have
        # neither): quotations, sources and exemptions are looked up for those
        # and their neighbours only, each at most once.
        flaggable = sorted(set().union(*cue_groups, figures))
        if not flaggable:
            return
        cues = _Memo(lambda i: self._cues(doc, i, sentences[i].end, cue_groups))
        sourced = _Memo(lambda i: self._names_source(doc, i, sentences[i], cues[i]))
        counts_flagged = set()  # a figure restated later is queried once
        for i in flaggable:
            s = sentences[i]
            cue = cues[i][0] if cues[i] else self._figure(doc, figures.get(i, ()))
            if cue is None or self._exempt(doc, i):
                continue
            count = None if cues[i] else cue.group("num") or cue.group("words").lower()
            if (count is not None and count in counts_flagged) or any(
                    sourced[j] for j in range(max(0, i - self.window), min(len(sentences), i + self.window + 1))):
                continue
            if count is not None:
                counts_flagged.add(count)
            yield Hit(s.start, s.end, data={"cue": " ".join(cue.group().split())})

    def _cues(self, doc, i: int, end: int, cue_groups):
        """Cue matches outside quotations in sentence ``i`` (ending at ``end``), in order."""
        found = [m for group in cue_groups for m in group.get(i, ())
                 if m.end() > m.start() and not self.quoted(doc, m.start(), m.end())
                 and not (self.agent and self.agent.match(doc.text, m.end(), end))]
        return sorted(found, key=lambda m: m.start())

    def _figure_matches(self, doc) -> dict:
        """Sentence index → figure matches. A figure ends with one of the
        figure nouns, so only sentences where a noun's last word occurs are
        searched (a word lies within one sentence: sentences are cut at white
        space)."""
        if self.figures is None:
            return {}
        todo = {doc.sentence_index(m.start()) for m in self.noun_ends.finditer(doc.text)}
        found = {i: doc.sentence_search(self.figures, i) for i in sorted(todo)} if doc.sentences else {}
        return {i: ms for i, ms in found.items() if ms}

    def _figure(self, doc, matches):
        for m in matches:
            if self.quoted(doc, m.start(), m.end()):
                continue
            if m.group("words") or m.group("scale") or float(m.group("num").replace(",", "")) >= self.min_value:
                return m
        return None

    def _names_source(self, doc, i, sentence, cues) -> bool:
        """Whether the sentence names a source for its cues (or, with no cue,
        at all) outside quotations; a match within a cue ("sources say")
        names nobody."""
        text = doc.text
        cuts = [sentence.start]
        if self.clauses and cues:
            cuts += [m.end() for m in doc.sentence_search(self.clauses, i)]
        cue_clauses = {bisect.bisect_right(cuts, c.start()) for c in cues}
        for source in self.sources:
            for m in doc.sentence_search(source, i):
                if doc.in_quote(m.start(), m.end()) or any(
                        c.start() < m.end() and m.start() < c.end() for c in cues):
                    continue
                clause = bisect.bisect_right(cuts, m.start())
                if not cues or clause in cue_clauses or (
                        m.start() > cues[-1].start() and _TAG.search(text, cuts[clause - 1], m.start())):
                    return True
        return False

    def _exempt(self, doc, i: int) -> bool:
        return any(not doc.in_quote(m.start(), m.end())
                   for e in self.exempt for m in doc.sentence_search(e, i))


class _Memo(dict):
    """Sentence index → a value computed on first look-up."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, i):
        value = self[i] = self._compute(i)
        return value


@hookimpl
def lintnews_rule_types():
    return [AttributionRule]
