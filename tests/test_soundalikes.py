"""Near-homophones (lintnews.soundalikes): the shipped list and how it is
compiled from a pronouncing dictionary."""
from lintnews import soundalikes


def test_shipped_pairs():
    pairs = set(soundalikes.pairs())
    for pair in [("medal", "metal"), ("stalk", "stock"), ("ladder", "latter"), ("pedal", "petal")]:
        assert pair in pairs
    assert all(a < b for a, b in pairs)
    assert ("rein", "reign") not in pairs  # exact homophones live in lintnews.homophones


def test_sound_key_merges():
    key = soundalikes.sound_key
    # a flapped t sounds like a d between a vowel and an unstressed vowel
    assert key("M EH1 T AH0 L".split()) == key("M EH1 D AH0 L".split())
    # caught/cot
    assert key("S T AO1 K".split()) == key("S T AA1 K".split())
    # a stressed t does not flap: "attack" keeps its t
    assert key("AH0 T AE1 K".split()) != key("AH0 D AE1 K".split())


def test_compile_pairs_from_a_pronouncing_dictionary():
    lines = [
        ";;; a comment",
        "metal M EH1 T AH0 L", "medal M EH1 D AH0 L", "meddle M EH1 D AH0 L",
        "rain R EY1 N", "reign R EY1 N",  # exact homophones: not near ones
        "stalk S T AO1 K", "stock S T AA1 K",
        "organise AO1 R G AH0 N AY2 Z", "organize AO1 R G AH0 N AY2 Z",
    ]
    counts = {"metal": 10**6, "medal": 10**6, "meddle": 50_000, "rain": 10**6, "reign": 10**6,
              "stalk": 10**5, "stock": 10**7, "organise": 10**5, "organize": 10**6}
    # medal/meddle are exact homophones (lintnews.homophones): not repeated here
    assert soundalikes.compile_pairs(lines, counts) == [
        ("medal", "metal"), ("meddle", "metal"), ("stalk", "stock")]


def test_mishearing_pairs_keep_the_first_sound_and_leave_out_forms():
    from lintnews import mishearings
    lines = [
        "ghost G OW1 S T", "goat G OW1 T", "coat K OW1 T",  # goat/coat: the first sound differs
        "oats OW1 T S", "oaks OW1 K S",  # a stop heard at the wrong place
        "fan F AE1 N", "fanned F AE1 N D",  # a form of one word, not a mishearing
        "man M AE1 N", "men M EH1 N",  # an irregular plural
        "buy B AY1", "bide B AY1 D",  # a final d lost
    ]
    counts = dict.fromkeys(["ghost", "goat", "coat", "oats", "oaks", "fan", "fanned", "man", "men",
                            "buy", "bide"], 10**6)
    assert mishearings.compile_pairs(lines, counts) == [
        ("bide", "buy"), ("ghost", "goat"), ("oaks", "oats")]
