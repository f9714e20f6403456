"""``type: engagement`` — questions and calls aimed at the reader at the end
of a piece ("Do you feel progress is being made?", "Let us know in the
comments").

Only the closing part of the document is examined (the last ``paragraphs``
paragraphs, within the last ``chars`` characters). There a sentence is flagged
when it is outside quotation marks and either
- matches one of ``calls`` (a call to comment, share, vote, like ...); or
- is a question (ends with "?") that addresses the reader (``reader`` regex:
  "you", "your", "readers" ...), or is an unanswered question closing the
  piece: no statement follows it in its paragraph.
"""
from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from .existence import compile_regex
from . import Hit, Option, RuleError, RuleType, string_list


class EngagementRule(RuleType):
    name = "engagement"
    summary = "Flags questions and calls to the reader in the closing paragraphs."
    skip_quotes = True
    options = {
        "calls": Option(list, "Phrases that call on the reader to act (comment, share, vote)."),
        "reader": Option(str, "Regular expression: words that address the reader in a question.",
                         default=r"\b(?:you|your|yours|you're|you've|readers?)\b"),
        "questions": Option(bool, "Flag reader-directed and closing unanswered questions.", default=True),
        "paragraphs": Option(int, "How many closing paragraphs to examine.", default=3),
        "chars": Option(int, "How many closing characters to examine.", default=700),
    }

    def setup(self, calls, reader, questions, paragraphs, chars):
        self.calls = compile_phrases(string_list(calls, "calls"))
        self.reader = compile_regex(reader, re.IGNORECASE, "reader")  # refuses unsafe patterns too
        if not self.calls and not questions:
            raise RuleError("an engagement rule needs 'calls' or 'questions: true'", "calls")
        self.questions, self.paragraphs, self.chars = questions, paragraphs, chars

    def find(self, doc):
        text, paras = doc.text, doc.paragraphs
        if not paras:
            return
        region_start = max(paras[max(0, len(paras) - self.paragraphs)].start,
                           paras[-1].end - self.chars)
        sentences = [s for s in doc.sentences if s.end > region_start]
        for i, s in enumerate(sentences):
            call = self.calls.search(text, s.start, s.end) if self.calls else None
            if call and not self.quoted(doc, call.start(), call.end()):
                yield Hit(s.start, s.end)
            elif self.questions and self._is_question(doc, s) and (
                    self.reader.search(text, s.start, s.end) or not _answered(doc, sentences, i)):
                yield Hit(s.start, s.end)

    def _is_question(self, doc, s) -> bool:
        """Whether the sentence is a question in the author's voice (its
        question mark is not inside a quotation)."""
        stripped = doc.text[s.start:s.end].rstrip("\"'”’)] ")
        mark = s.start + len(stripped) - 1
        return stripped.endswith("?") and not self.quoted(doc, mark, mark + 1)


def _answered(doc, sentences, i: int) -> bool:
    """Whether a statement follows sentence ``i`` in its paragraph."""
    para = doc.paragraph_index(sentences[i].start)
    for s in sentences[i + 1:]:
        if doc.paragraph_index(s.start) != para:
            return False
        if not doc.text[s.start:s.end].rstrip("\"'”’)] ").endswith("?"):
            return True
    return False


@hookimpl
def lintnews_rule_types():
    return [EngagementRule]
