"""``type: engagement`` — questions and calls aimed at the reader at the end
of a piece ("Do you feel progress is being made?", "Let us know in the
comments", a reader poll).

Only the closing part of the document is examined (the last ``paragraphs``
paragraphs, within the last ``chars`` characters), sentence by sentence, a
line break that ends a line of its own (a widget, a poll option) ending a
sentence too. Outside quotations:
- a sentence matching one of ``calls`` (comment, share, like, vote) is flagged
  (unless ``flag_calls: false``);
- with ``questions: true``, so is a run of consecutive questions that holds a
  ``prompts`` match (a question asking the reader's view: "do you support",
  "what do you think"), that a call follows or precedes, or that poll
  options (``options``) follow. A run that a speaker label follows or opens
  (``transcript``: "Q:", "SMITH:") is an interview, not bait; other
  questions — rhetorical ones, or ones the text goes on to answer — are left
  alone.
"""
from __future__ import annotations

import re

from ..document import Span
from ..hookspecs import hookimpl
from ..phrases import compile_phrases
from . import Hit, Option, RuleError, RuleType, string_list
from .existence import compile_regex

_CLOSERS = "\"'”’)]»"
# A line end that also ends a sentence: after terminal punctuation or a colon,
# or before a line that starts a list item.
_LINE_END = re.compile(r"(?<=[.!?:…\"'”’])[ \t]*\n|\n(?=[ \t]*[*•◦○·-]\s)")


class EngagementRule(RuleType):
    name = "engagement"
    summary = "Flags questions and calls to the reader in the closing paragraphs."
    skip_quotes = True
    options = {
        "calls": Option(list, "Phrases that call on the reader to act (comment, share, vote)."),
        "prompts": Option(list, "Regular expressions (case-insensitive, matched against one sentence): "
                                "questions that ask the reader's view or vote ('do you support')."),
        "questions": Option(bool, "Flag prompting questions and the questions next to them.", default=True),
        "flag_calls": Option(bool, "Flag the calls themselves; off for a rule that uses them only to "
                                   "recognise the questions around them.", default=True),
        "options": Option(str, "Regular expression: the start of a line of poll answer options after a "
                               "question ('* Yes').", default=r"[*•◦○]\s"),
        "transcript": Option(str, "Regular expression: a speaker label that makes a question part of an "
                                  "interview ('Q:', 'SMITH:').",
                             default=r"(?:Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s"),
        "paragraphs": Option(int, "How many closing paragraphs to examine.", default=3),
        "chars": Option(int, "How many closing characters to examine.", default=700),
    }

    def setup(self, calls, prompts, questions, flag_calls, options, transcript, paragraphs, chars):
        self.calls = compile_phrases(string_list(calls, "calls"))
        self.prompts = [compile_regex(p, re.IGNORECASE, "prompts", i)
                        for i, p in enumerate(string_list(prompts, "prompts"))]
        if not (self.calls and flag_calls) and not questions:
            raise RuleError("an engagement rule needs 'calls' or 'questions: true'", "calls")
        if questions and not self.prompts and not self.calls:
            raise RuleError("'questions: true' needs 'prompts' or 'calls' to anchor them", "prompts")
        self.options_line = compile_regex(options, 0, "options")
        self.transcript = compile_regex(transcript, 0, "transcript")
        self.questions, self.flag_calls = questions, flag_calls
        self.paragraphs, self.chars = paragraphs, chars

    def find(self, doc):
        key = ("engagement", self.paragraphs, self.chars)  # the same for the shipped rules
        units = doc.memo.get(key)
        if units is None:
            units = doc.memo[key] = self._closing_sentences(doc)
        kinds = [self._kind(doc, u) for u in units]
        i = 0
        while i < len(units):
            if kinds[i] == "call" and self.flag_calls:
                yield Hit(units[i].start, units[i].end)
            if kinds[i] not in ("prompt", "question"):
                i += 1
                continue
            j = i
            while j < len(units) and kinds[j] in ("prompt", "question"):
                j += 1
            if self.questions and self._bait(doc, units, kinds, i, j):
                for u in units[i:j]:
                    yield Hit(u.start, u.end)
            i = j

    def _closing_sentences(self, doc) -> list[Span]:
        paras = doc.paragraphs
        if not paras:
            return []
        region = max(paras[max(0, len(paras) - self.paragraphs)].start, paras[-1].end - self.chars)
        units = []
        sentences = doc.sentences
        # Sentences end in order: those before the one holding ``region`` end before it.
        first = doc.sentence_index(region) if sentences else 0
        for s in sentences[first:]:
            if s.end <= region:
                continue
            start = max(s.start, region)
            # Every line end holds a "\n"; most sentences have none, and the
            # pattern (a lookbehind first) would be tried at each character.
            if doc.text.find("\n", start, s.end) >= 0:
                for m in _LINE_END.finditer(doc.text, start, s.end):
                    units.append(Span(start, m.start()))
                    start = m.end()
            units.append(Span(start, s.end))
        return [u for u in units if doc.text[u.start:u.end].strip()]

    def _kind(self, doc, u) -> str | None:
        """'call', 'prompt' (a question asking the reader's view), 'question'
        (any other question in the author's voice) or None."""
        text = doc.text
        call = self.calls.search(text, u.start, u.end) if self.calls else None
        if call and not self.quoted(doc, call.start(), call.end()):
            return "call"
        if not self._is_question(doc, u):
            return None
        sentence = text[u.start:u.end]
        for prompt in self.prompts:
            m = prompt.search(sentence)
            if m and not self.quoted(doc, u.start + m.start(), u.start + m.end()):
                return "prompt"
        return "question"

    def _bait(self, doc, units, kinds, i: int, j: int) -> bool:
        """Whether the run of questions ``units[i:j]`` is aimed at the reader."""
        text = doc.text
        after = text[units[j].start:units[j].end].lstrip() if j < len(units) else ""
        if self.transcript.match(after) or any(
                self.transcript.match(text[u.start:u.end].lstrip()) for u in units[i:j]):
            return False
        return ("prompt" in kinds[i:j] or (i > 0 and kinds[i - 1] == "call")
                or (j < len(kinds) and kinds[j] == "call") or bool(self.options_line.match(after)))

    def _is_question(self, doc, u) -> bool:
        """Whether the sentence is a question in the author's voice: it ends
        with a question mark that no quotation holds, and that is not
        followed by a closing quotation mark (a quotation whose opening mark
        lies before the examined text)."""
        text = doc.text
        stripped = text[u.start:u.end].rstrip(_CLOSERS + " ")
        mark = u.start + len(stripped) - 1
        if not stripped.endswith("?") or self.quoted(doc, mark, mark + 1):
            return False
        if text[mark + 1:mark + 2] in ("”", "»", '"') and self.rule.skip_quotes:
            return False
        # "... small hands? You can't trust them.”": a closing curly mark later
        # in the paragraph with no opening one before it.
        para_end = doc.paragraphs[doc.paragraph_index(mark)].end
        close, reopen = text.find("”", mark, para_end), text.find("“", mark, para_end)
        return not (self.rule.skip_quotes and close >= 0 and (reopen < 0 or close < reopen))


@hookimpl
def lintnews_rule_types():
    return [EngagementRule]
