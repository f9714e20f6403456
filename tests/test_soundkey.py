"""lintnews.soundkey: one key for the spellings of one sequence of sounds."""
from __future__ import annotations

import pytest

from lintnews import soundkey


@pytest.mark.parametrize("a, b", [
    ("pedestal", "pedastool"), ("ancestor", "ansister"), ("knight", "night"),
    ("phase", "faze"), ("judge", "juge"), ("accommodation", "acomodation"),
    ("weird", "wierd"), ("cell", "sell"),
])
def test_spellings_of_the_same_sounds_share_a_key(a, b):
    assert soundkey.key(a) == soundkey.key(b)


@pytest.mark.parametrize("a, b", [
    ("postponed", "postpomed"), ("cat", "cap"), ("apple", "people"), ("ink", "sink"),
])
def test_other_sounds_have_other_keys(a, b):
    assert soundkey.key(a) != soundkey.key(b)


def test_a_first_vowel_is_kept_and_others_dropped():
    assert soundkey.key("eagle") == "Agl" and soundkey.key("google") == "gl"


def test_the_table_lists_common_words_commonest_first(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(soundkey, "_TABLES", {})
    table = soundkey.words_by_key(1_000_000)
    words = table[soundkey.key("weird")].split()
    assert "weird" in words and "word" in words and words.index("word") < words.index("weird")
    assert list(tmp_path.glob("soundkey-*.pickle"))  # kept for the next start
    monkeypatch.setattr(soundkey, "_TABLES", {})
    assert soundkey.words_by_key(1_000_000) == table  # read back from the cache
