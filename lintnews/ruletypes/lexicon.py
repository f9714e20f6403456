"""``type: lexicon`` — words that carry a judgement, flagged only in the
reporter's own voice.

A word list alone over-flags news copy: "Grand Slam" is a tournament, "Mr Jones
said the plan was a disaster" reports a view, "The Incredible Hulk" is a title.
A lexicon rule matches its ``terms`` like an existence rule and then drops a
match when
- it lies inside one of the ``exceptions`` (neutral senses: "slammed into");
- it is capitalised in the middle of a sentence that is not a headline (a
  name or a title: "Massive Attack", "the Evil Dead"), unless ``names: lint``;
- its sentence attributes what it says to someone (indirect speech), when the
  rule gives ``sourced_by`` patterns ("said", "according to");
- fewer than ``min_cues`` matches of the rule share its ``scope`` (sentence or
  paragraph): one vivid word is style, a cluster of them is editorializing.
``extend`` grows a flagged span over what it governs ("clearly working").
Direct quotations are skipped by default (``quotes: skip``).
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import compile_regex, excepted

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Words that stay lower case in a title-case headline.
_MINOR = frozenset("a an and as at but by for from in into nor of on or over per so the to up via vs with".split())


class LexiconRule(RuleType):
    name = "lexicon"
    summary = "Flags judgement words in the reporter's voice, with context rules against false alarms."
    skip_quotes = True
    options = {
        "terms": Option((list, dict), "Words and phrases (matched on word boundaries, any case), as a list "
                                      "or as a mapping of group name to list.", required=True),
        "exceptions": Option(list, "Phrases; a match lying inside one of them is not flagged "
                                   "(neutral senses such as 'slammed into').", default=None),
        "names": Option(str, "'skip' (default): ignore matches capitalised mid-sentence, which are "
                             "names and titles; 'lint': flag them too.", default="skip"),
        "sourced_by": Option(list, "Regular expressions naming a source ('said', 'according to'); a "
                                   "match in a sentence where one occurs outside quotations is "
                                   "reported speech and is not flagged.", default=None),
        "min_cues": Option(int, "Matches of this rule needed in the same scope before any is flagged.",
                           default=1),
        "scope": Option(str, "Where 'min_cues' are counted: 'sentence' or 'paragraph'.", default="sentence"),
        "extend": Option(str, "Regular expression tried right after a match; what it matches is added "
                              "to the flagged span.", default=None),
    }

    def setup(self, terms, exceptions, names, sourced_by, min_cues, scope, extend):
        if isinstance(terms, dict):
            phrases = []
            for group, items in terms.items():
                phrases += string_list(items, "terms")
        else:
            phrases = string_list(terms, "terms")
        if not phrases:
            raise RuleError("a lexicon rule needs at least one term", "terms")
        self.terms = compile_phrases(phrases)
        self.exceptions = compile_phrases(string_list(exceptions, "exceptions"))
        if names not in ("skip", "lint"):
            raise RuleError("option 'names' must be 'skip' or 'lint'", "names")
        if scope not in ("sentence", "paragraph"):
            raise RuleError("option 'scope' must be 'sentence' or 'paragraph'", "scope")
        if min_cues < 1:
            raise RuleError("option 'min_cues' must be at least 1", "min_cues")
        self.skip_names = names == "skip"
        # Case matters in sources ("Smith said"), as in attribution rules.
        self.sources = [compile_regex(s, 0, "sourced_by", i)
                        for i, s in enumerate(string_list(sourced_by, "sourced_by"))]
        self.min_cues, self.scope = min_cues, scope
        self.extend = compile_regex(extend, re.IGNORECASE, "extend") if extend else None

    def find(self, doc):
        text = doc.text
        by_scope: dict[int, list[Hit]] = {}
        sourced: dict[int, bool] = {}
        for m in self.terms.finditer(text):
            start, end = m.start(), m.end()
            if doc.in_quote(start, end) or excepted(self.exceptions, text, start, end):
                continue
            i = doc.sentence_index(start)
            sentence = doc.sentences[i] if doc.sentences else None
            if self.skip_names and sentence and is_name(text, start, sentence.start, sentence.end):
                continue
            if self.sources and sentence:
                if i not in sourced:
                    sourced[i] = self._names_source(doc, sentence.start, sentence.end)
                if sourced[i]:
                    continue
            if self.extend:
                grown = self.extend.match(text, end)
                if grown and not doc.in_quote(start, grown.end()):
                    end = grown.end()
            key = i if self.scope == "sentence" else doc.paragraph_index(start)
            by_scope.setdefault(key, []).append(Hit(start, end))
        for hits in by_scope.values():
            if len(hits) >= self.min_cues:
                yield from hits

    def _names_source(self, doc, start: int, end: int) -> bool:
        return any(not doc.in_quote(m.start(), m.end())
                   for source in self.sources for m in source.finditer(doc.text, start, end))


def is_name(text: str, start: int, sentence_start: int, sentence_end: int) -> bool:
    """Whether the word at ``start`` is capitalised as part of a name or title:
    upper case, not first in its sentence, in a sentence that is not set in
    title case or capitals (a headline capitalises every word)."""
    if not text[start].isupper():
        return False
    before = text[sentence_start:start].strip(" \t\"'“‘(")
    if not before or before.endswith((":", "—", "–")):
        return False
    words = [w.group() for w in _WORD.finditer(text, sentence_start, sentence_end)]
    major = [w for w in words if w.lower() not in _MINOR]
    capitalised = sum(w[0].isupper() for w in major)
    return capitalised < 0.7 * len(major)


@hookimpl
def lintnews_rule_types():
    return [LexiconRule]
