"""Article-level country for sector actors no sentence-level rule placed (issue 10, real-news
miss type "---COP", "---MIL", "---CVL" where the article makes the country plain)."""

from __future__ import annotations

from heron.actors.article_country import article_country, fill_article_country, reason_note, rules
from heron.pipeline import code_text
from heron.records import Actor, Mention, Place


def _mention(text: str, code: str, *, at: int, country: str | None = None, kind: str = "sector",
             provenance: str = "builtin:mention", resolved_by: str = "dictionary") -> Mention:
    sectors = tuple(code[i:i + 3] for i in range(3, len(code), 3))
    actor = Actor(name=text, code=code, country=country, sectors=sectors, kind=kind, provenance=provenance)
    return Mention(sentence_index=at, start=at * 10, end=at * 10 + 5, tok_start=at * 3, tok_end=at * 3 + 1,
                   head=at * 3, text=text, actors=(actor,), resolved_by=resolved_by)


def _place(name: str, country: str, *, role: str = "location") -> Place:
    return Place(article_id="a", sentence_index=0, start=0, end=len(name), text=name, name=name, geonameid=None,
                 country=country, admin1=None, latitude=None, longitude=None, reason="test", role=role)


# -- the rule on records -----------------------------------------------------------------------

def test_thresholds_come_from_the_data_file():
    r = rules()
    assert r.min_votes >= 1 and 0 < r.min_share <= 1 and 0 < r.rival_share < 1
    assert {"IGO", "NGO"} <= r.excluded_sectors


def test_places_of_one_country_give_a_bare_police_its_country():
    mentions = [_mention("the police", "---COP", at=2)]
    places = [_place("Lahore", "PAK"), _place("Multan", "PAK")]
    out = fill_article_country(mentions, places)
    a = out[0].actors[0]
    assert (a.code, a.country) == ("PAKCOP", "PAK")
    assert a.provenance == "context:article: 2 places in PAK"
    assert out[0].resolved_by == "context"
    assert "source country from article: 2 places in PAK" in reason_note(a, None)


def test_two_countries_in_play_give_nothing():
    mentions = [_mention("Japan", "JPN", at=0, country="JPN", kind="country", provenance="builtin:countries"),
                _mention("China", "CHN", at=1, country="CHN", kind="country", provenance="builtin:countries"),
                _mention("the army", "---MIL", at=2)]
    chosen = article_country(mentions, [])
    assert chosen.country is None and "two countries in play" in chosen.why
    assert fill_article_country(mentions, [])[2].actors[0].code == "---MIL"


def test_a_same_sector_precedent_decides_in_a_bilateral_article():
    mentions = [_mention("Colombian army", "COLMIL", at=0, country="COL"),
                _mention("Venezuela", "VEN", at=1, country="VEN", kind="country", provenance="builtin:countries"),
                _mention("the army", "---MIL", at=3), _mention("the police", "---COP", at=4)]
    out = fill_article_country(mentions, [_place("Caracas", "VEN")])
    army, police = out[2].actors[0], out[3].actors[0]
    assert army.code == "COLMIL" and "'Colombian army' earlier in the article" in army.provenance
    assert police.code == "---COP"  # no police precedent, and two countries are in play


def test_precedents_that_disagree_give_nothing():
    mentions = [_mention("Indian police", "INDCOP", at=0, country="IND"),
                _mention("Nepalese police", "NPLCOP", at=1, country="NPL"),
                _mention("the police", "---COP", at=2)]
    assert fill_article_country(mentions, [_place("Delhi", "IND")] * 5)[2].actors[0].code == "---COP"


def test_transnational_sectors_and_coded_actors_are_left_alone():
    mentions = [_mention("aid workers", "---NGO", at=1), _mention("UN envoy", "IGOUNO", at=2, kind="igo")]
    out = fill_article_country(mentions, [_place("Kabul", "AFG"), _place("Herat", "AFG")])
    assert [m.actors[0].code for m in out] == ["---NGO", "IGOUNO"]


def test_a_guess_is_no_evidence():
    """Pronouns and other context guesses do not vote; a dateline alone is one vote."""
    guess = _mention("it", "EGY", at=1, country="EGY", kind="country", provenance="builtin:countries",
                     resolved_by="coref:pronoun")
    dateline = _place("Nairobi", "KEN", role="dateline")
    chosen = article_country([guess, _mention("police", "---COP", at=2)], [], dateline_place=dateline)
    assert chosen.country == "KEN" and chosen.why == "dateline in KEN"


def test_mentions_keep_their_order_and_count():
    mentions = [_mention("the police", "---COP", at=i) for i in range(4)]
    out = fill_article_country(mentions, [_place("Lima", "PER"), _place("Cusco", "PER")])
    assert [m.tok_start for m in out] == [m.tok_start for m in mentions]


# -- through the coder --------------------------------------------------------------------------

def test_a_later_bare_police_takes_the_country_the_article_is_in(coder):
    text = ("Clashes broke out in Lahore and Multan on Monday after a disputed vote. "
            "Later the police arrested twelve protesters, a spokesman said.")
    arrest = [e for e in code_text(text, coder=coder).events if e.cameo_code == "173"]
    assert arrest and arrest[0].source_code == "PAKCOP"
    assert "source country from article: 2 places in PAK" in arrest[0].reason


def test_an_earlier_national_police_names_the_later_police(coder):
    text = ("Indian police arrested two Pakistani fishermen near the border on Sunday. Pakistan protested. "
            "The police said the men had crossed the line.")
    said = [e for e in code_text(text, coder=coder).events if e.sentence_index == 2]
    assert said and said[0].source_code == "INDCOP"  # by coreference or by this rule's precedent


def test_countries_named_together_are_both_in_play():
    mentions = [_mention("Russia and China", "RUS", at=0, country="RUS", kind="country", provenance="builtin:c"),
                _mention("Asian banks", "---BUS", at=1), _mention("China", "CHN", at=2, country="CHN",
                                                                 kind="country", provenance="builtin:c")]
    both = Mention(**{**{f: getattr(mentions[0], f) for f in Mention.__dataclass_fields__},
                      "actors": (mentions[0].actors[0], mentions[2].actors[0])})
    chosen = article_country([both, mentions[2]], [_place("China", "CHN")])
    assert chosen.country is None and "named with RUS" in chosen.why


def test_a_regional_word_before_the_mention_keeps_it_unplaced():
    text = "Officials in Lima and Cusco said European monitors arrived."
    monitors = _mention("monitors", "---GOV", at=1)
    monitors = Mention(**{**{f: getattr(monitors, f) for f in Mention.__dataclass_fields__},
                          "start": text.index("monitors"), "end": text.index("monitors") + 8})
    out = fill_article_country([monitors], [_place("Lima", "PER"), _place("Cusco", "PER")], text=text)
    assert out[0].actors[0].code == "---GOV"
    assert fill_article_country([monitors], [_place("Lima", "PER")])[0].actors[0].code == "PERGOV"


def test_a_bilateral_article_leaves_a_bare_army_unplaced(coder):
    text = "Ministers of Japan and China met on Monday. The army said it was ready."
    said = [e for e in code_text(text, coder=coder).events if e.sentence_index == 1]
    assert said and said[0].source_code == "---MIL"


def test_a_named_office_holder_needs_stronger_evidence():
    president = _mention("President Ivanov", "---GOV", at=3, kind="person")
    one = fill_article_country([president], [_place("Rabat", "MAR")])
    assert one[0].actors[0].code == "---GOV"  # one vote: he may well be the visitor
    many = fill_article_country([president], [_place(n, "BGR") for n in ("Sofia", "Varna", "Burgas")])
    assert many[0].actors[0].code == "BGRGOV"


def test_a_person_the_text_calls_local_takes_the_country_on_the_sector_threshold():
    # "a local politician, NAME": a local figure is of the place the article is in
    text = "Gunmen killed a local politician, Ravi Kumar, near Patna. A second man fled."
    start = text.index("politician")
    politician = Mention(sentence_index=0, start=start, end=start + len("politician, Ravi Kumar"),
                         tok_start=3, tok_end=7, head=6, text="politician, Ravi Kumar",
                         actors=(Actor(name="Ravi Kumar", code="---PTY", sectors=("PTY",), kind="person",
                                       provenance="builtin:mention"),), resolved_by="dictionary")
    out = fill_article_country([politician], [_place("Patna", "IND")], text=text)
    assert out[0].actors[0].code == "INDPTY"
    # without "local" one place is too little for a named person
    plain = text.replace("a local politician", "a politician")
    start = plain.index("politician")
    p2 = Mention(sentence_index=0, start=start, end=start + len("politician, Ravi Kumar"), tok_start=3,
                 tok_end=6, head=5, text="politician, Ravi Kumar", actors=politician.actors, resolved_by="dictionary")
    assert fill_article_country([p2], [_place("Patna", "IND")], text=plain)[0].actors[0].code == "---PTY"
