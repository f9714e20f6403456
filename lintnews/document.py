"""The document model: lintable text, its paragraphs, sentences and quotations,
and the mapping from offsets back to the original file's lines and columns.

Offsets are Python ``str`` (code point) offsets. ``text`` is what rules read;
parsers for markup blank out what must not be linted (code, front matter,
tags) and may drop characters (decoded entities), in which case ``offsets``
maps each position of ``text`` back to ``source``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Quote(Span):
    """A direct quotation: ``start``/``end`` include the quotation marks.
    ``depth`` is 0 for an outermost quotation, 1 for one nested inside it."""
    speaker: str | None = None
    depth: int = 0


@dataclass(frozen=True)
class Comment(Span):
    """A comment in the source (``start``/``end`` are *source* offsets) that
    may hold a suppression directive; ``body`` is its text without the
    comment markers."""
    body: str = ""


# Abbreviations that end with a period but rarely end a sentence (AP style
# titles, months, initials are handled separately).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt gov sen
rep rev hon pres supt det insp vol vols fig figs inc co corp ltd llc bros
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
vs v etc approx est dept univ assn ave blvd rd hwy ph al
""".split())

# A sentence ends with terminal punctuation (and closing quotes or brackets)
# before white space and a capital or digit, or at a blank line. The pattern
# starts with a character class so that ``re`` skips quickly to the next
# candidate; the "para" group matches at a blank line, "close" otherwise, and
# the terminal punctuation runs from the start of the match to "close".
_SENTENCE_END = re.compile(
    r"""[.!?…\n](?:(?<=[.!?…])[.!?…]*(?P<close>["'”’)\]]*)(?=\s+["'“‘(\[]*[A-Z0-9])"""
    r"""|(?P<para>(?<=\n)[ \t]*\n))""",
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


class Document:
    """Text to lint, with lazily computed structure."""

    def __init__(self, text: str, path: str | None = None, *, source: str | None = None,
                 offsets: list[int] | None = None, format: str = "text",
                 comments: list[Comment] | None = None, block_quotes: list[Span] | None = None):
        self.text = text
        self.path = path
        self.source = text if source is None else source
        self.offsets = offsets
        self.format = format
        #: Comments found by the parser (for inline suppressions).
        self.comments = comments or []
        #: Spans of ``text`` the markup marks as quoted (a Markdown ``>``
        #: block, an HTML ``<blockquote>`` or ``<q>``): quotations too.
        self.block_quotes = block_quotes or []
        self._by_sentence: dict = {}  # (source, flags) or id(pattern) -> sentence_matches(pattern)
        self._searched: dict = {}  # the same keys -> {sentence index: sentence_search(pattern, i)}
        #: What rule types work out once per document and share between
        #: their rules, under keys of their own (a tuple starting with the
        #: type's name and holding what the value depends on).
        self.memo: dict = {}

    # -- positions ---------------------------------------------------------
    def to_source(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in ``source``.

        ``offsets`` (when a parser dropped characters) has ``len(text) + 1``
        entries, the last one mapping the end of the text."""
        return offset if self.offsets is None else self.offsets[offset]

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for m in re.finditer(r"\r\n|\r|\n", self.source):
            starts.append(m.end())
        return starts

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a ``source`` offset."""
        line = bisect.bisect_right(self._line_starts, source_offset) - 1
        return line + 1, source_offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The source text of a 1-based line, without its line break."""
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    # -- structure ---------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines, whitespace trimmed."""
        spans, pos = [], 0
        for m in _BLANK_LINE.finditer(self.text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(self.text)))
        return [s for s in (_trim(self.text, a, b) for a, b in spans) if s]

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences, split on terminal punctuation and blank lines."""
        out = []
        for para in self.paragraphs:
            out.extend(split_sentences(self.text, para.start, para.end))
        return out

    def sentence_index(self, offset: int) -> int:
        """Index in ``sentences`` of the sentence holding ``offset`` (or the
        nearest one before it)."""
        starts = self._sentence_starts
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_matches(self, pattern) -> dict:
        """Sentence index → the matches of ``pattern`` (a compiled regex or a
        phrase matcher) in that sentence, as ``pattern.finditer(text,
        sentence.start, sentence.end)`` gives them; from one pass over the
        whole text (calling ``finditer`` once per sentence and pattern costs
        more than the matching), cached for the document. A sentence that a
        match runs into or out of is searched on its own, as is every
        sentence for a pattern that looks past its match (``$``, a lookahead):
        the results are those of the searches sentence by sentence. The
        same pattern compiled twice (by two rules) is matched once."""
        key = _pattern_key(pattern)
        found = self._by_sentence.get(key)
        if found is None:
            # Most patterns have no candidate anywhere in most texts: say so at once.
            candidates = pattern.candidates(self.text) if hasattr(pattern, "candidates") else None
            found = {} if candidates == [] else self._group_by_sentence(pattern)
            self._by_sentence[key] = found
        return found

    def sentence_search(self, pattern, i: int) -> list:
        """The matches of ``pattern`` in sentence ``i`` alone, as
        ``sentence_matches(pattern).get(i, [])`` (the same list if that was
        already made), cached for the document. For a pattern needed in a few
        sentences only (a source near a claim): a pass over the whole text
        would cost more than these searches."""
        key = _pattern_key(pattern)
        grouped = self._by_sentence.get(key)
        if grouped is not None:
            return grouped.get(i, [])
        searched = self._searched.get(key)
        if searched is None:
            searched = self._searched[key] = {}
        found = searched.get(i)
        if found is None:
            s = self.sentences[i]
            # A prefiltered pattern looks for its strings in this sentence
            # alone (finditer would in the whole text, for a few sentences).
            finditer = getattr(pattern, "finditer_local", None) or pattern.finditer
            found = searched[i] = list(finditer(self.text, s.start, s.end))
        return found

    def _group_by_sentence(self, pattern) -> dict:
        from .regexes import end_sensitive
        sentences, text = self.sentences, self.text
        groups: dict[int, list] = {}
        if not sentences:
            return groups
        starts = self._sentence_starts
        if end_sensitive(pattern):  # "$" or a lookahead: the sentence's end matters, search each
            candidates = pattern.candidates(text) if hasattr(pattern, "candidates") else None
            if candidates is None:
                todo = range(len(sentences))
            else:  # only the sentences where a match can start
                todo = sorted({j for j in (bisect.bisect_right(starts, c) - 1 for c in candidates) if j >= 0})
            for j in todo:
                s = sentences[j]
                found = list(pattern.finditer(text, s.start, s.end))
                if found:
                    groups[j] = found
            return groups
        redo = set()
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < sentences[i].end and end <= sentences[i].end:
                groups.setdefault(i, []).append(m)
                continue
            # Not wholly inside one sentence: redo every sentence it touches.
            j = max(i, 0)
            while j < len(sentences) and sentences[j].start < max(end, start + 1):
                if sentences[j].end > start:
                    redo.add(j)
                j += 1
        for j in redo:
            s = sentences[j]
            groups[j] = list(pattern.finditer(text, s.start, s.end))
            if not groups[j]:
                del groups[j]
        return groups

    def paragraph_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def quotes(self) -> list[Quote]:
        from .quotes import find_quotes
        return find_quotes(self)

    @cached_property
    def _outer_quotes(self) -> list[Quote]:
        return [q for q in self.quotes if q.depth == 0]

    @cached_property
    def _outer_spans(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the outermost quotations, without finding
        their speakers (which rules do not need)."""
        from .quotes import quotation_spans
        outer = [(start, end) for start, end, depth in quotation_spans(self) if depth == 0]
        return [s for s, _ in outer], [e for _, e in outer]

    def _outer_index(self, start: int, end: int) -> int | None:
        """Index of the outermost quotation that wholly contains ``[start,
        end)``, if any (outermost quotations do not overlap)."""
        starts, ends = self._outer_spans
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and starts[i] <= start and end <= ends[i]:
            return i
        return None

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The outermost quotation that wholly contains ``[start, end)``, if any."""
        i = self._outer_index(start, end)
        return None if i is None else self._outer_quotes[i]

    def in_quote(self, start: int, end: int) -> bool:
        return self._outer_index(start, end) is not None


def _pattern_key(pattern):
    """A cache key for a pattern: its source and flags, so that the same
    pattern compiled by two rules ("said", "according to") is matched once."""
    source = getattr(pattern, "source", None) or getattr(pattern, "pattern", None)
    return (source, pattern.flags) if isinstance(source, str) else id(pattern)


def _trim(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    kept = chunk.lstrip()
    if not kept:
        return None
    start += len(chunk) - len(kept)  # the first character that is not white space
    return Span(start, start + len(kept.rstrip()))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation, not a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in ("no", "nos"):  # "No. 10" but "said no."
        return bool(re.match(r"\s*\d", text[dot + 1:dot + 4]))
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if "." in word:  # "U.S." "a.m." "Ph.D."
        return True
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``)."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        at, close = m.start(), m.start("close")
        if close < 0:  # a blank line ("close" took no part)
            cut = at
        else:
            if close == at + 1 and text[at] == "." and _is_abbreviation(text, at):
                continue
            cut = m.end()
        span = _trim(text, pos, cut)
        if span:
            out.append(span)
        pos = cut
    span = _trim(text, pos, end)
    if span:
        out.append(span)
    return out
