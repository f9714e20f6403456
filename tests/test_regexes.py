"""The literal prefilter finds exactly what ``re`` finds."""
import random
import re
import sys
from pathlib import Path

import pytest

from lintnews import regexes
from lintnews.packs import read_yaml
from lintnews.regexes import FastPattern, fast, literal_prefixes

ROOT = Path(__file__).resolve().parent.parent


def spans(it):
    return [(m.start(), m.end(), m.group()) for m in it]


def test_prefixes_of_common_shapes():
    assert literal_prefixes(re.compile(r"(?i)\b(?:clearly|Obviously)\s+\w+ing\b")) == {"clearly", "obviously"}
    assert literal_prefixes(re.compile(r"(?<!\bis\s)\bsaid (?:the|a) ")) == {"said the ", "said a "}
    assert literal_prefixes(re.compile(r"\b(?:he|she) (?:said|told)\b")) == {
        "he said", "he told", "she said", "she told"}
    assert literal_prefixes(re.compile(r"[Tt]he (?:big)? dog")) == {"The ", "the "}
    assert literal_prefixes(re.compile(r"(?:ab)+c")) == {"ab"}


@pytest.mark.parametrize("source", [
    r"\b[A-Z]\w+ [a-z]",   # starts with a class, no literal after it
    r"(?:the)?[a-z]",      # optional start, nothing literal after it
    r"\w+ed",              # an anchor too short to save anything
    r"a|bc",               # one prefix too short
    r"(?i:clearly) [a-z]",  # scoped flags
    r".+ said",            # a head of any characters, unbounded
])
def test_no_prefilter_when_no_useful_prefix(source):
    assert literal_prefixes(re.compile(source)) is None
    assert fast(re.compile(source)).prefilter is None


def test_unsafe_for_lower_is_complete():
    """Every character that ``str.lower`` maps off its length or off the
    ASCII letter ``re`` folds it to is listed."""
    letter = re.compile(r"(?i)[a-z]")
    found = set()
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or (letter.fullmatch(c) and not low.isascii()):
            found.add(c)
    assert found == regexes.UNSAFE_FOR_LOWER


def shipped_regexes():
    """Every regular expression in the shipped packs, with the flags its rule type compiles it with."""
    found = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for rule in read_yaml(path)["rules"]:
            kind = rule.get("type")
            for key in ("regex", "sources", "unless", "exempt"):
                found += [(s, 0) for s in rule.get(key) or []]
            if kind == "attribution":
                found += [(s, re.IGNORECASE) for s in rule.get("patterns") or []]
                found += [(rule["clauses"], re.IGNORECASE)] if rule.get("clauses") else []
            if kind == "pattern":
                flags = re.IGNORECASE if rule.get("ignorecase") else 0
                found += [(s, flags) for s in rule.get("swap") or {}]
    return found


WORDS = ("said says told he she they clearly obviously according to reports sources the a of "
         "is was were be been being working marked lied clear Said He CLEARLY İs ſaid ıs "
         "between and 1,000 20 per cent % to a.m. Jan. Mr. U.S. 'quoted' “curly” — – ( ) ; : - . , ? "
         "I I’m We we my us it it’s that’s seems appeared expected charged described called "
         "Smith O’Neill officials police criticism widely known people soldiers ٣٠ ५,००० more".split(" "))


def random_text(rng, n=400):
    return "".join(rng.choice(WORDS) + rng.choice([" ", " ", " ", "  ", "\n", ". ", ", ", "-", "", "\n\n", "? "])
                   for _ in range(n))


@pytest.mark.parametrize("source,flags", shipped_regexes() + [
    (r"(?i)\b(?:clearly|obviously)\s+[a-z]+(?:ing|ed)\b", 0),
    (r"(?i)(?<!\bis\s)(?<!\bwere\s)\b(?:clearly|obviously)\s+[a-z]+ed\b", 0),
    (r"\b(?:he|she|they) (?:said|says|told)\b", 0),
    (r"(?i)\baccording to (?!(?:reports|sources)\b)", 0),
    (r"said|says|told", re.IGNORECASE),
    (r"^said", re.MULTILINE),
    (r"\b(?:[A-Z][\w’'-]+|[Hh]e|[Ss]he) (?:said|told)\b", 0),          # an anchor after a word
    (r"(?<![\w.])\d{1,3}(?:,\d{3})* (?:people|soldiers)", re.IGNORECASE),  # after a bounded head
    (r"[;:—–()]|\s-\s|,\s*(?=(?:but|while)\b)", re.IGNORECASE),         # one-character prefixes, \s
    (r"\b(?:I|[Ww]e|[Mm]y|us)\b|\bI[’']", 0),
    (r"\b(?:it|that)(?:[’']s|\s+is)\s+(?:clear|expected)", re.IGNORECASE),  # uncased ’ in a prefix
    (r"(?<![\w.,:/$-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+more)?\s+(?:people|soldiers)\b", re.I),
])
def test_same_matches_as_re(source, flags):
    regex = re.compile(source, flags)
    pattern = fast(regex)
    rng = random.Random(source)
    for _ in range(30):
        text = random_text(rng)
        local = fast(regex)  # looks in each window only: no whole-text pass yet
        for _ in range(5):
            a = rng.randrange(len(text))
            b = rng.randrange(a, len(text) + 1)
            assert spans(local.finditer_local(text, a, b)) == spans(regex.finditer(text, a, b))
        assert spans(pattern.finditer(text)) == spans(regex.finditer(text))
        for _ in range(5):  # windows, as rules search sentence by sentence
            a = rng.randrange(len(text))
            b = rng.randrange(a, len(text) + 1)
            assert spans(pattern.finditer(text, a, b)) == spans(regex.finditer(text, a, b))
            assert spans(pattern.finditer_local(text, a, b)) == spans(regex.finditer(text, a, b))
            found, expected = pattern.search(text, a, b), regex.search(text, a, b)
            assert (found and found.span()) == (expected and expected.span())


def test_anchors_after_a_head():
    from lintnews.regexes import prefilter
    found = prefilter(re.compile(r"\b(?:[A-Z][\w'-]+|[Hh]e) (?:said|told)\b"))
    assert found.strings == {" said", " told"} and found.head[0] == 2
    bounded = prefilter(re.compile(r"\d{1,3} people"))
    assert bounded.strings == {" people"} and bounded.head[:2] == (1, 3)
    assert prefilter(re.compile(r"\b\w+ said")) is not None
    assert prefilter(re.compile(r"(?:the)?cat")).head[:2] == (0, 3)


def test_digits_are_what_re_calls_digits():
    assert regexes._digits() == {chr(cp) for cp in range(sys.maxunicode + 1) if re.match(r"\d", chr(cp))}


def test_spaces_are_what_re_calls_white_space():
    assert set(regexes.SPACES) == {chr(cp) for cp in range(sys.maxunicode + 1) if re.match(r"\s", chr(cp))}


def test_texts_lower_case_cannot_fold_fall_back_to_re():
    regex = re.compile(r"(?i)\bsaid\b")
    pattern = fast(regex)
    text = "He ſaid it; she SAID it; İ said."
    assert spans(pattern.finditer(text)) == spans(regex.finditer(text))
    assert [m.group() for m in pattern.finditer(text)] == ["ſaid", "SAID", "said"]


def test_pickles_compiles_on_use_and_delegates():
    import pickle
    pattern = fast(re.compile(r"(?i)\bclearly\s+\w+ing"))
    again = pickle.loads(pickle.dumps(pattern))
    assert isinstance(again, FastPattern) and again._regex is None  # not compiled yet
    assert [m.group() for m in again.finditer("It is Clearly working.")] == ["Clearly working"]
    assert again.pattern == pattern.pattern
    assert again.sub("X", "he is clearly winning") == "he is X"
    assert again.groupindex == {}


@pytest.mark.parametrize("source,flags", [
    (r"(?i)\bclearly\s+(?P<verb>\w+)ing\b", 0),
    (r"\b[A-Z][\w’'-]+ (?:said|told)\b", 0),                      # a head: pickled with its run
    (r"\b(?:is|was)(?:\s+\w+ly){0,3}\s+expected\b(?!\s+to\s+begin)", re.IGNORECASE),
    (r"(?<![\w.])\d{1,3}(?:,\d{3})+", 0),
])
def test_a_pickled_pattern_is_rebuilt_without_parsing_and_matches_the_same(source, flags):
    import pickle
    regex = re.compile(source, flags)
    again = pickle.loads(pickle.dumps(fast(regex)))
    assert again._compiled is not None and again._compiled[0] is not None
    rebuilt = again.regex
    assert rebuilt is not regex
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
           (regex.pattern, regex.flags, regex.groups, regex.groupindex)
    rng = random.Random(source)
    for _ in range(30):
        text = random_text(rng, 80) + " Mr Smith said 12,000 were Clearly waiting and is widely expected to begin."
        assert spans(again.finditer(text)) == spans(regex.finditer(text))


@pytest.mark.parametrize("source,flags", [
    (r"\bsaid\b", 0),
    (r"\?[\"'”’)\]]*$", 0),                      # looks at the end: searched sentence by sentence
    (r"\bclearly\s+\w+(?!\s+by)", re.IGNORECASE),  # a lookahead
    (r"\w+\.\s+\w+", 0),                        # runs across sentence ends
    (r"[;:—–()]|\s-\s|,\s*(?=(?:but|while)\b)", re.IGNORECASE),
    (r"(?<![\w.])\d{1,3}(?:,\d{3})* (?:people|soldiers)", re.IGNORECASE),
])
def test_sentence_matches_are_those_of_searches_sentence_by_sentence(source, flags):
    from lintnews.document import Document
    from lintnews.phrases import compile_phrases
    rng = random.Random(source)
    patterns = [fast(re.compile(source, flags)), re.compile(source, flags),
                compile_phrases(["said", "clearly working", "death toll"])]
    for _ in range(40):
        text = random_text(rng, 120)
        doc = Document(text)
        for pattern in patterns:
            grouped = doc.sentence_matches(pattern)
            for i, s in enumerate(doc.sentences):
                expected = [m.span() for m in pattern.finditer(text, s.start, s.end)]
                assert [m.span() for m in grouped.get(i, ())] == expected, (text, i)
                # searched one sentence at a time, before or after the whole-text pass
                fresh = Document(text)
                assert [m.span() for m in fresh.sentence_search(pattern, i)] == expected, (text, i)
                assert [m.span() for m in doc.sentence_search(pattern, i)] == expected, (text, i)


def test_many_strings_are_found_alike_one_by_one_and_by_the_shared_automaton():
    """Patterns with many strings find them one by one in a short run and
    with the automaton all such patterns share after that: the same offsets."""
    patterns = [fast(re.compile(s, f)) for s, f in shipped_regexes()]
    many = [p for p in patterns if p.prefilter is not None and len(p.prefilter.strings) > regexes.FIND_LIMIT]
    assert len(many) > 3
    for p in many:  # as on their first scan of a long run
        regexes._SHARED.add(p)
    rng = random.Random(11)
    for _ in range(20):
        text = random_text(rng)
        for lower in (False, True):
            haystack = text.lower() if lower else text
            found = regexes._SHARED.scan(haystack, lower)
            for p in many:
                if p.prefilter.lower == lower:
                    assert found.get(id(p), []) == regexes._find_each(p.prefilter.strings, haystack)


def test_a_pattern_joins_the_shared_automaton_when_it_first_scans_a_text(monkeypatch):
    """Patterns only matched at one place or searched in a few sentences
    (``finditer_local``) cost texts nothing."""
    monkeypatch.setattr(regexes, "AUTOMATON_AFTER", -1)  # a long run
    words = "alpha beta gamma delta epsilon zeta eta theta".split()
    pattern = fast(re.compile(r"\b(?:%s)\b" % "|".join(words)))
    assert len(pattern.prefilter.strings) > regexes.FIND_LIMIT
    text = "one alpha and one theta"
    assert pattern.match(text, 4) and spans(pattern.finditer_local(text, 0, 10)) == [(4, 9, "alpha")]
    assert pattern not in regexes._SHARED.patterns
    assert spans(pattern.finditer(text)) == [(4, 9, "alpha"), (18, 23, "theta")]
    assert pattern in regexes._SHARED.patterns


def test_a_prefilter_head_holds_only_plain_values():
    # Python 3.11.2's re gives its MAXREPEAT constant as an unbounded width,
    # and that constant refuses to be pickled: no compiled pack could be
    # cached, and every start parsed the YAML again.
    head = fast(re.compile(r"\b[A-Z][\w’'-]+ (?:said|told)\b")).prefilter.head
    assert head is not None and all(type(v) in (int, str, type(None)) for v in head)
