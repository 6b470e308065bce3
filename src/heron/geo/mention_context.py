"""One place mention and what the words around it say: a feature hint ("Kunduz province"),
a qualifier ("Paris, Texas"), and its role (a capital standing for its government, or a
location).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from heron.geo.gazetteer import GazEntry, Gazetteer, name_key

_ADMIN1_WORDS = {
    "province", "provinces", "state", "states", "governorate", "governorates", "region", "regions",
    "oblast", "oblasts", "prefecture", "prefectures", "department", "departments", "county",
    "division", "divisions", "territory", "territories", "krai", "emirate", "emirates", "canton",
    "cantons",
}
_CITY_WORDS = {
    "city", "cities", "town", "towns", "village", "villages", "capital", "port", "hamlet", "township",
    "district",
}

_PLACE_NOUNS = _ADMIN1_WORDS | _CITY_WORDS | {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "mile", "miles", "kilometre", "kilometres", "kilometer", "kilometers", "km", "outside",
    "area", "areas", "outskirts", "suburb", "suburbs", "neighbourhood", "neighborhood", "part",
    "parts", "centre", "center", "heart", "north", "south", "east", "west", "border", "streets",
    "province", "countryside", "region", "regions", "country", "island", "coast",
}
_LOCATION_PREPS = {
    "in", "at", "near", "across", "into", "inside", "outside", "throughout", "around", "within",
    "from", "to", "toward", "towards", "over", "through", "onto", "off", "along", "outside",
    "beyond", "via", "on", "nearby", "out", "past", "upon", "under", "above", "below", "behind",
}
_RELATION_NOUNS = {
    "relations", "relation", "ties", "tie", "talks", "cooperation", "collaboration", "agreement",
    "deal", "pact", "treaty", "alliance", "partnership", "dialogue", "negotiations", "summit",
    "meeting", "rapprochement", "rift", "tension", "tensions", "dispute", "conflict", "war",
    "trade", "accord", "contacts", "friendship", "exchanges", "rivalry", "détente", "detente",
}
_ACTOR_PREPS = {"between", "with", "by", "against", "of"}
_GOVERNMENT_NOUNS = {
    "government", "regime", "administration", "authorities", "leadership", "officials", "military",
    "army", "forces", "president", "leader", "leaders", "minister", "ministry", "parliament",
    "people", "king", "embassy", "ambassador", "envoy", "delegation", "troops", "navy", "police",
}
_STATIVE_VERBS = {"lie", "border", "sit", "locate", "situate", "stretch", "cover", "have"}


@dataclass
class PlaceMention:
    text: str
    start: int  # char offsets in the doc text
    end: int
    key: str
    tok_start: int
    tok_end: int
    head: int | None  # token index of the syntactic head, None for the dateline
    is_dateline: bool = False
    cands: list[tuple[GazEntry, bool]] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    capital: list[bool] = field(default_factory=list)  # per candidate: a national capital
    hint_feature: str | None = None  # admin1 | city | country | subnational | local (HINT_FEATURES)
    qualifier: list[GazEntry] = field(default_factory=list)  # "Paris, Texas" -> Texas entries
    qualifier_text: str = ""
    forced_role: str | None = None  # "actor" for demonyms and names inside organisation names
    demonym_of: str | None = None  # ISO3 when the mention is a demonym ("Iranian")
    role: str = "location"
    cue: str | None = None  # the context cue that made a name a place (heron.geo.place_cues)
    country_hint: str | None = None  # ISO3 the cue points to ("D-Charleston": a US hometown)
    lookup: str | None = None  # the name to look up, when not the text ("Sarpy" of "Sarpy counties")



# which gazetteer features each hint favours: "subnational" after "a Jordan man" (a country takes
# a demonym: "a Jordanian man"), "local" before "Police", "City Council", "High School"
HINT_FEATURES = {
    "admin1": ("admin1",), "city": ("city",), "country": ("country",),
    "subnational": ("admin1", "city", "admin2"), "local": ("city", "admin2"),
    "territory": ("country", "admin1", "admin2", "region"),
}
_BORDER_WORDS = {"border", "borders", "frontier", "boundary", "line"}


def hint_matches(hint: str | None, feature: str) -> bool:
    return hint is not None and feature in HINT_FEATURES.get(hint, ())


LINE_NOUNS = {
    "border", "frontier", "boundary", "road", "highway", "railway", "railroad", "pipeline",
    "route", "corridor", "crossing", "line", "bridge", "tunnel", "canal",
}



def _in_hyphen_pair(text: str, m: PlaceMention) -> bool:
    after = text[m.end:m.end + 2]
    before = text[max(0, m.start - 2):m.start]
    return (after[:1] in ("-", "–") and after[1:2].isupper()) or (before[-1:] in ("-", "–") and before[:1].isalpha())


def is_locative(tok) -> bool:
    """Is this token where a place name sits: "in X", "around X and Y", "the province of X"?"""
    hops = 0
    while tok.dep_ == "conj" and hops < 5:
        tok = tok.head
        hops += 1
    if tok.dep_ != "pobj":
        return False
    prep = tok.head.lower_
    if prep in _LOCATION_PREPS and prep not in ("on", "over", "under", "above", "below", "past", "upon"):
        return True
    return prep == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS


def token_at(doc, char: int):
    """The token covering character ``char`` (None in whitespace or out of range)."""
    if char < 0 or not len(doc) or char >= doc[-1].idx + len(doc[-1].text_with_ws):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def feature_hint(doc, m: PlaceMention) -> str | None:
    """ "the province of Kunduz", "Kunduz province", "the city of Mosul", "Kunduz city"."""
    if m.head is None:
        return None
    i0, i1 = m.tok_start, m.tok_end
    after = doc[i1].lower_ if i1 < len(doc) else ""
    before2 = doc[i0 - 2].lower_ if i0 >= 2 else ""
    before1 = doc[i0 - 1].lower_ if i0 >= 1 else ""
    if after in _BORDER_WORDS:
        return "territory"  # "near the New York border": the state, not the city
    for word in (after, before2 if before1 == "of" else ""):
        if word in _ADMIN1_WORDS:
            return "admin1"
        if word in _CITY_WORDS:
            return "city"
    return None


def coordinated(doc, mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Groups of two or more mentions joined by coordination ("Guatemala, Honduras and El
    Salvador", "the departments of Magdalena, Santander and Guajira"): a name reads like the
    names it is listed with."""
    groups: dict[int, list[PlaceMention]] = {}
    for m in mentions:
        if m.head is None or m.is_dateline:
            continue
        tok, hops = doc[m.head], 0
        while tok.dep_ == "conj" and hops < 8:
            tok, hops = tok.head, hops + 1
        groups.setdefault(tok.i, []).append(m)
    return [g for g in groups.values() if len(g) > 1]


def qualifier_entries(doc, m: PlaceMention, mentions: list[PlaceMention], gaz: Gazetteer, extra: list[PlaceMention], *,
               text: str) -> tuple[list[GazEntry], str]:
    """ "Paris, Texas", "Alexandria, La.", "Kunduz, Afghanistan": the name after the comma."""
    j = m.end
    if j < len(text) and text[j] == ",":
        k = j + 1
        while k < len(text) and text[k] == " ":
            k += 1
        for other in mentions:
            if other.start == k:
                return [e for e, _ in gaz.matched_by_name(other.text) if e.feature in ("country", "admin1")], other.text
        # an abbreviation the NER missed: "Alexandria, La." / "Columbus, Ohio"
        mm = re.match(r"([A-Z][A-Za-z]*\.(?:\s?[A-Z][a-z]*\.)?|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text[k:k + 30])
        if mm:
            ents = [e for e, _ in gaz.matched_by_name(mm.group(1)) if e.feature in ("country", "admin1")]
            if ents:
                tok = token_at(doc, k)
                if tok is not None:
                    end_tok = token_at(doc, k + len(mm.group(1)) - 1) or tok
                    q = PlaceMention(mm.group(1), k, k + len(mm.group(1)), name_key(mm.group(1)), tok.i, end_tok.i + 1, tok.i)
                    q.cands = [(e, True) for e in ents]
                    q.forced_role = "location"
                    extra.append(q)
                return ents, mm.group(1)
    return [], ""


def contains(outer: GazEntry, inner: GazEntry) -> bool:
    if outer.feature == "country":
        return inner.country == outer.country and inner.geonameid != outer.geonameid
    if outer.feature == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.admin1 and inner.feature == "city"
    return False


# --------------------------------------------------------------------------------------------
# roles


def mention_role(doc, m: PlaceMention, text: str) -> str:
    if m.is_dateline:
        return "dateline"
    tok = doc[m.head]
    if _in_hyphen_pair(text, m):
        # "Iran-Russia Defense Cooperation", "US-China trade": a relation between governments,
        # unless the pair names a line on the ground ("the Iran-Iraq border")
        t = doc[m.head]
        hops = 0
        while t.dep_ in ("compound", "nmod", "amod", "npadvmod", "punct") and t.head.i != t.i and hops < 4:
            t = t.head
            hops += 1
        if t.lemma_.lower() not in LINE_NOUNS and t.i != doc[m.head].i:
            return "actor"
    # climb through conjunctions: "between Tehran and Moscow" -> Moscow behaves like Tehran
    seen = 0
    while tok.dep_ == "conj" and seen < 5:
        tok = tok.head
        seen += 1
    dep = tok.dep_
    head = tok.head
    if dep in ("pobj",):
        prep = head.lower_
        if prep == "of" and head.head.lemma_.lower() in _PLACE_NOUNS:
            return "location"
        if prep in _LOCATION_PREPS:
            return "location"
        if prep == "of":
            # "the government of Iran", "the president of Russia" vs "northeast of Dallas"
            governor = head.head.lemma_.lower()
            if governor in _RELATION_NOUNS or governor in _GOVERNMENT_NOUNS:
                return "actor"
            return "location"
        if prep in _ACTOR_PREPS:
            # "talks with Moscow", "relations between Tehran and Moscow", "condemned by Iran"
            return "actor"
        return "location"
    if dep == "poss":
        return "actor"  # "Moscow's decision"
    if dep in ("compound", "nmod", "amod"):
        # "Tehran-Moscow relations", "Iran-Russia ties"; "the Kabul government"
        tgt = head
        hops = 0
        while tgt.dep_ in ("compound", "nmod", "amod") and hops < 3:
            tgt = tgt.head
            hops += 1
        if head.lemma_.lower() in _RELATION_NOUNS or tgt.lemma_.lower() in _RELATION_NOUNS:
            return "actor"
        if head.lemma_.lower() in _GOVERNMENT_NOUNS:
            return "actor"
        return "location"
    if dep in ("nsubj", "nsubjpass", "csubj"):
        if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _STATIVE_VERBS:
            # "Tehran said", "Russia has been carrying out bombings", "Iran welcomed"
            if head.lemma_.lower() == "be":
                return "location"
            return "actor"
        return "location"
    if dep in ("dobj",) and head.pos_ == "VERB" and head.lemma_.lower() in {
        "urge", "call", "warn", "accuse", "blame", "ask", "pressure", "praise", "condemn",
        "criticize", "criticise", "thank", "support", "back", "sanction", "threaten", "tell",
    }:
        return "actor"  # "urged Moscow to ...", "accused Tehran of ..."
    return "location"
