"""Verb forms and possessives for phrase lists written in base form."""
from __future__ import annotations

from lintnews.inflect import expand, verb_forms

WORDS = {"rears", "reared", "rearing", "stops", "stopped", "stopping", "visits", "visited",
         "visiting", "gives", "giving", "ties", "tied", "tying", "hones", "honed", "honing",
         "carries", "carried", "carrying", "bides", "biding"}


def known(w):
    return w in WORDS


def test_regular_forms_are_kept_only_where_the_word_list_has_them():
    assert verb_forms("rear", known) == ["rear", "rears", "rearing", "reared"]
    # the doubling rule cannot tell "stopped" from "visitted": the list settles it
    assert verb_forms("stop", known) == ["stop", "stops", "stopping", "stopped"]
    assert verb_forms("visit", known) == ["visit", "visits", "visiting", "visited"]
    assert verb_forms("hone", known) == ["hone", "hones", "honing", "honed"]
    assert verb_forms("carry", known) == ["carry", "carries", "carrying", "carried"]
    assert verb_forms("tie", known) == ["tie", "ties", "tying", "tied"]


def test_forms_of_the_word_with_an_e_belong_to_that_word():
    listed = WORDS | {"scrape", "scraped", "scraping", "scrapped", "scrapping", "scraps"}
    assert verb_forms("scrap", listed.__contains__) == ["scrap", "scraps", "scrapping", "scrapped"]
    # with no doubled form listed, the single one stays
    assert verb_forms("scrap", (listed - {"scrapped", "scrapping"}).__contains__) == [
        "scrap", "scraps", "scraping", "scraped"]


def test_irregular_forms_come_from_the_table():
    assert verb_forms("give", known) == ["give", "gives", "giving", "gave", "given"]
    assert "sown" in verb_forms("sow", lambda w: False)


def test_expand_inflects_marked_verbs_and_every_possessive():
    got = expand("bide~ one's time", known)
    assert "bide one's time" in got and "bides his time" in got and "biding their time" in got
    assert len(got) == 3 * 8
    assert expand("free rein", known) == ["free rein"]  # nothing marked, nothing added
    assert expand("rear~ its ugly head", known)[-1] == "reared its ugly head"
