from __future__ import annotations

from heron.geo import locate_event


def _trigger(sent, word):
    return next(t.i for t in sent if t.text == word)


def _sent_with(doc, word):
    return next(s for s in doc.sents if any(t.text == word for t in s))


def test_event_in_the_northern_province_of_kunduz(parse):
    doc, places = parse(
        "KABUL, Afghanistan (Reuters) - Taliban fighters attacked a police checkpoint in the "
        "northern province of Kunduz on Monday, killing five. Officials in Kabul condemned the "
        "attack. The minister met Iranian envoys on Tuesday."
    )
    sents = [_sent_with(doc, w) for w in ("attacked", "condemned", "met")]
    dateline = next(p for p in places if p.role == "dateline")
    place, why = locate_event(sents[0], trigger_index=_trigger(sents[0], "attacked"), places=places, dateline=dateline)
    assert place is not None and place.text == "Kunduz" and place.feature == "admin1"
    assert why.startswith("clause") and "in ..." in why

    place, why = locate_event(sents[1], trigger_index=_trigger(sents[1], "condemned"), places=places, dateline=dateline)
    assert place.text == "Kabul" and place.role == "location"

    # nothing in the sentence: reported from the dateline
    place, why = locate_event(sents[2], trigger_index=_trigger(sents[2], "met"), places=places, dateline=dateline)
    assert place is dateline and why == "dateline"


def test_no_place_no_dateline(parse):
    doc, places = parse("The two sides signed an agreement on Tuesday.")
    sent = list(doc.sents)[0]
    assert locate_event(sent, trigger_index=_trigger(sent, "signed"), places=places, dateline=None) == (None, "none")


def test_actor_places_are_not_locations(parse):
    doc, places = parse("Tehran condemned the attack in Syria.")
    sent = list(doc.sents)[0]
    place, why = locate_event(sent, trigger_index=_trigger(sent, "condemned"), places=places, dateline=None)
    assert place is not None and place.text == "Syria"
    doc, places = parse("Moscow condemned the decision.")
    sent = list(doc.sents)[0]
    assert locate_event(sent, trigger_index=_trigger(sent, "condemned"), places=places, dateline=None) == (None, "none")


def test_closest_to_the_trigger(parse):
    doc, places = parse("After talks in Geneva, rebels attacked a base in Aleppo.")
    sent = list(doc.sents)[0]
    place, _ = locate_event(sent, trigger_index=_trigger(sent, "attacked"), places=places, dateline=None)
    assert place is not None and place.text == "Aleppo"


def test_region_as_event_location(parse):
    doc, places = parse("Militias clashed in Darfur on Sunday.")
    sent = list(doc.sents)[0]
    place, why = locate_event(sent, trigger_index=_trigger(sent, "clashed"), places=places, dateline=None)
    assert place is not None and place.name == "Darfur" and place.feature == "region"
