"""Folding text for phrase matching: the fast passes give what the plain
definitions give."""
import bisect
import random
import re
import sys

from lintnews.phrases import Folded, compile_phrases

_PHRASE_CHAR = re.compile(r"[\w'-]")


class Reference:
    """The definitions, written for clarity, not speed."""

    def __init__(self, text):
        points, shifts, parts, pos, shift = [], [], [], 0, 0
        for m in re.finditer(r"\s{2,}|[^\S ]", text):
            parts += [text[pos:m.start()], " "]
            if m.end() - m.start() > 1:
                points.append(m.start() + 1 - shift)
                shift += m.end() - m.start() - 1
                shifts.append(shift)
            pos = m.end()
        self.text = ("".join(parts) + text[pos:]).replace("’", "'")
        lower = self.text.lower()
        self.lower = lower if len(lower) == len(self.text) else "".join(c.lower()[0] for c in self.text)
        self.points, self.shifts = points, shifts

    def bounded(self, ignorecase):
        base = self.lower if ignorecase else self.text
        return " " + re.sub(r"[^\w'-]", " ", base) + " "

    def to_original(self, offset):
        i = bisect.bisect_right(self.points, offset) - 1
        return offset + (self.shifts[i] if i >= 0 else 0)


PIECES = ["word", "Death", "toll", " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "\u00a0", "\r\n", "’", "'",
          "-", ".", ",", "“", "”", "İstanbul", "ΟΔΟΣ", "Σ.", "straße", "K", "ſ", "_", "3", "é"]


def test_folding_matches_the_definitions():
    rng = random.Random(8)
    for _ in range(500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 40)))
        fast, ref = Folded(text), Reference(text)
        assert (fast.text, fast.lower) == (ref.text, ref.lower), repr(text)
        assert fast.bounded(True) == ref.bounded(True), repr(text)
        assert fast.bounded(False) == ref.bounded(False), repr(text)
        assert [fast.to_original(i) for i in range(len(fast.text) + 1)] == \
               [ref.to_original(i) for i in range(len(ref.text) + 1)], repr(text)


def test_ascii_text_is_bounded_as_the_definition_says():
    """ASCII text takes a faster path (a bytes translation)."""
    every = "".join(map(chr, range(128)))
    rng = random.Random(5)
    for text in [every, every.upper()] + ["".join(rng.choices(every, k=60)) for _ in range(200)]:
        fast, ref = Folded(text), Reference(text)
        assert fast.bounded(True) == ref.bounded(True), repr(text)
        assert fast.bounded(False) == ref.bounded(False), repr(text)


def test_lower_casing_never_makes_or_unmakes_a_phrase_character():
    """What lets ``Folded.bounded(True)`` lower-case ``bounded(False)``
    instead of making a second pass over the text."""
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert bool(_PHRASE_CHAR.match(c)) == bool(_PHRASE_CHAR.match(low)), hex(cp)


def test_phrases_across_line_breaks_and_curly_apostrophes():
    matcher = compile_phrases(["death toll", "don't know"])
    text = "The Death\n  toll rose; they don’t\tknow why."
    assert [m.group() for m in matcher.finditer(text)] == ["Death\n  toll", "don’t\tknow"]


def test_matching_word_by_word_finds_what_the_automaton_finds(monkeypatch):
    """A short run matches phrases word by word (no automaton to load); a
    longer one with the shared automaton. Both give the same matches, long
    phrases, overlapping ones and case-sensitive ones included."""
    from lintnews import phrases
    words = ["the", "death", "toll", "rose", "a", "lot", "of", "don't", "know", "New", "York", "x-ray"]
    rng = random.Random(3)
    lists = [[" ".join(rng.choices(words, k=rng.randrange(1, 8))) for _ in range(40)] for _ in range(3)]
    matchers = [compile_phrases(lists[0]), compile_phrases(lists[1]), compile_phrases(lists[2], ignorecase=False)]
    seps = [" ", "  ", "\n", ", ", "’", "-", ". "]
    total = 0
    for _ in range(200):
        text = "".join(rng.choice(words + ["The", "DEATH"]) + rng.choice(seps) for _ in range(rng.randrange(0, 30)))
        found = []
        for limit in (10 ** 9, 0):  # word by word, then with the automaton
            monkeypatch.setattr(phrases, "AUTOMATON_AFTER", limit)
            phrases._INDEX.last = phrases._INDEX.automata = None
            found.append([[(m.start(), m.end(), m.key) for m in matcher._all_matches(text)[0]]
                          for matcher in matchers])
            for matcher in matchers:
                matcher._cache = None
        assert found[0] == found[1], repr(text)
        total += sum(map(len, found[0]))
    assert total > 500
