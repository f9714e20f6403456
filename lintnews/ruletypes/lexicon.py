"""``type: lexicon`` — words that carry a judgement, flagged only in the
reporter's own voice.

A word list alone over-flags news copy: "Grand Slam" is a tournament, "the
Evil Dead" a film, "blasted home" a goal. A lexicon rule matches its ``terms``
as an existence rule matches its patterns, then drops a match when
- it lies inside a direct quotation, the speaker's words (``quotes: skip`` is
  this type's default);
- it lies inside one of the ``exceptions`` (a neutral sense: "blasted home");
- it is capitalised in the middle of a sentence that is not a headline, so is
  part of a name or title ("Massive Attack"), unless ``names: lint`` or the
  term itself is written with a capital ("RINO"). A word in capitals throughout
  ("This is INSANE") is shouted, not named, and is flagged.

Other context rules were measured and left out because they cost as much
recall as they saved false alarms in news copy: skipping sentences in the
first person or sentences that name a source (indirect speech), and flagging a
word only when a second loaded word shares its sentence.
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases, normalize
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import excepted

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words a title-case headline leaves in lower case.
_MINOR = frozenset("a an and as at but by for from in into nor of off on or over per so than the to up "
                   "via vs with".split())


class LexiconRule(RuleType):
    name = "lexicon"
    summary = "Flags judgement words in the reporter's own voice, with context rules against false alarms."
    skip_quotes = True
    options = {
        "terms": Option((list, dict), "Words and phrases, matched on word boundaries in any case: a list, "
                                      "or a mapping of group names to lists.", required=True),
        "exceptions": Option(list, "Phrases in which a term is neutral ('slammed into'); a match lying "
                                   "inside one is not flagged.", default=None),
        "names": Option(str, "'skip' (default): ignore terms capitalised mid-sentence, which belong to "
                             "names and titles ('Grand Slam', 'Massive Attack'); 'lint': flag them too.",
                        default="skip"),
    }

    def setup(self, terms, exceptions, names):
        phrases = term_list(terms, "terms")
        self.terms = compile_phrases(phrases)
        if self.terms is None:
            raise RuleError("a lexicon rule needs at least one term", "terms")
        # Terms written with a capital ("RINO", "Democrat Party") are names
        # themselves: a capital does not excuse them.
        self.proper = {normalize(p) for p in phrases if p[:1].isupper()}
        self.exceptions = compile_phrases(string_list(exceptions, "exceptions"))
        if names not in ("skip", "lint"):
            raise RuleError("option 'names' must be 'skip' or 'lint'", "names")
        self.skip_names = names == "skip"

    def find(self, doc):
        text = doc.text
        for m in self.terms.finditer(text):
            start, end = m.start(), m.end()
            if excepted(self.exceptions, text, start, end):
                continue
            if (self.skip_names and doc.sentences and m.key not in self.proper
                    and is_name(text, start, doc.sentences[doc.sentence_index(start)])):
                continue
            yield Hit(start, end)


def term_list(value, key: str) -> list[str]:
    """Phrases given as a list, or as a mapping of group names to lists."""
    if isinstance(value, dict):
        return [phrase for items in value.values() for phrase in string_list(items, key)]
    return string_list(value, key)


def is_name(text: str, start: int, sentence) -> bool:
    """Whether the word at ``start`` is capitalised as part of a name or title:
    upper case, not the first word of its sentence (or of a clause after a
    colon or dash), in a sentence that is not a title-case headline (short,
    most words capitalised)."""
    if not text[start].isupper():
        return False
    word = _WORD.match(text, start)
    if word and len(word.group()) > 1 and word.group().isupper():
        return False  # shouted for emphasis ("This is INSANE"), not a name
    before = text[sentence.start:start].rstrip(" \t\"'“‘(")
    if not before or before.endswith((":", "—", "–", "-")):
        return False
    words = [w for w in _WORD.findall(text, sentence.start, sentence.end) if w.lower() not in _MINOR]
    if len(words) > 20:  # longer than a headline: a list of names ("Adams, Crooks, Doyle")
        return True
    return sum(w[0].isupper() for w in words) < 0.85 * len(words)


@hookimpl
def lintnews_rule_types():
    return [LexiconRule]
