"""lintnews.swap_index: wrong phrases found by their wrong word, matched as
lintnews.phrases matches (case, whitespace runs, apostrophes, word bounds)."""
from __future__ import annotations

from lintnews.swap_index import SwapIndex

INDEX = SwapIndex.from_swap({"free [reign]": "rein", "give up the [goat]": "ghost",
                             "[baited] breath": "bated", "o'er the [ramparts] we": "rampart"})


def spans(text):
    return [(text[s:e], right) for s, e, right in INDEX.finditer(text)]


def test_the_wrong_word_is_found_inside_its_phrase_only():
    assert spans("They gave her free reign. The reign was long.") == [("reign", "rein")]
    assert spans("Old cars Give Up The  Goat at last.") == [("Goat", "ghost")]
    assert spans("We waited with baited\n\tbreath; baited hooks.") == [("baited", "bated")]
    assert spans("o’er the ramparts we watched") == [("ramparts", "rampart")]


def test_word_bounds_and_punctuation_break_a_phrase():
    assert spans("free reigns") == [] and spans("carefree reign") == []
    assert spans("free, reign") == []  # a comma between: not the phrase
    assert spans("give up the goat-herd") == []  # a phrase does not end inside a compound
    assert spans("a give-up-the-goat moment") == [("goat", "ghost")]  # but may be one
    assert spans("Free-reign policies") == [("reign", "rein")]


def test_offsets_are_those_of_the_original_text_in_order():
    text = "A  free   reign,\n\nthen free reign."
    found = INDEX.finditer(text)
    assert [text[s:e] for s, e, _ in found] == ["reign", "reign"]
    assert found == sorted(found)


def test_a_table_round_trips_and_a_bad_one_is_refused():
    again = SwapIndex.loads(INDEX.dumps())
    assert again.table == INDEX.table and len(again) == 4
    paired = SwapIndex.from_swap({"[bare] the cost": "bear"}, ("lay bare", "bear the cost", "free rein"))
    assert paired.right_pairs == frozenset({"lay bare"})  # two words, one of them a wrong word
    assert SwapIndex.loads(paired.dumps()).right_pairs == paired.right_pairs
    assert SwapIndex.loads(b"not marshal") is None


def test_a_cache_file_is_read_in_place(tmp_path):
    path = tmp_path / "index.map"
    path.write_bytes(INDEX.dumps())
    mapped = SwapIndex.open(path)
    assert dict(mapped.table) == INDEX.table
    text = "They gave her free reign."
    assert mapped.finditer(text) == INDEX.finditer(text)
    (tmp_path / "empty.map").write_bytes(b"")
    assert SwapIndex.open(tmp_path / "empty.map") is None
    (tmp_path / "cut.map").write_bytes(INDEX.dumps()[:40])
    assert SwapIndex.open(tmp_path / "cut.map") is None


def test_one_s_in_a_phrase_stands_for_any_possessive():
    index = SwapIndex.from_swap({"[buying] one's time": "biding", "at one's [beckon] call": "beck"})
    found = [(s, right) for s, _, right in index.finditer(
        "He is buying his time. They were buying their time. At your beckon call.")]
    assert [right for _, right in found] == ["biding", "biding", "beck"]
    assert index.finditer("She is buying the time. At the beckon call.") == []
