"""Place mentions in a parsed article, each resolved to one gazetteer entry, with a reason.

Method (no learned weights; every factor is in the reason string):

1. Mentions: spaCy GPE / LOC / FAC entities plus the dateline. "Tehran-Moscow" and
   "Iran-Russia" are split into their parts when the whole is no name. Names the gazetteer
   knows are added by their cue words (heron.geo.place_cues: "a Chiefland man", "Scott County",
   "Douglas and Sarpy counties"), and where a name found as a place comes again; one-word names
   the article gives a person are dropped (see data/geo/README.md).
2. Candidates: every gazetteer entry with that name (own name or alternate name).
3. Prior: population (countries x3, capitals x2, alternate-name-only matches /100), plus
   hints written next to the name: "the province of Kunduz" / "Kunduz province" favour a
   first-level division, "the city of ..." a populated place, "Paris, Texas" the place inside
   the qualifier; a name standing for a government prefers the national capital.
4. Context: each candidate gains support from the article's other place names, in two parts,
   each levelled off on its own: country support (for every other name, how likely it is, by
   its own scores, to be in the candidate's country: a country name counts fully, a division
   0.8, a place half; at most a factor ~300) and local support (the other names that have a
   plausible reading in the candidate's own first-level division, or for a country inside it,
   counting up to twice when the two points lie within a few tens of km; at most a factor
   1,000). Local support counts more between same-named places of one country (Gainesville,
   Texas or Florida). Three rounds, each using the round before's scores. The dateline's
   readings (by their probability) and the actors' countries add to it. Names listed together
   share a hint ("the departments of Magdalena, Santander and Guajira"), and a name listed
   with countries reads as a country.
5. Role: "actor" where the name stands for a government (subject of a verb, possessive, part
   of "Tehran-Moscow relations", "talks between Tehran and Moscow", inside an organisation's
   name), else "location"; the dateline is "dateline".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heron.geo.dateline import dateline_of
from heron.geo.gazetteer import GazEntry, Gazetteer, load_gazetteer, name_key
from heron.geo.mention_context import (
    PlaceMention,
    contains,
    coordinated,
    feature_hint,
    hint_matches,
    mention_role,
    qualifier_entries,
    token_at,
)
from heron.geo.place_cues import local_hint
from heron.geo.place_mentions import collect_demonyms, collect_mentions, join_split_countries
from heron.geo.place_scoring import (
    W_ACTOR_COUNTRY,
    W_DATELINE_ADMIN1,
    W_DATELINE_COUNTRY,
    W_FEATURE_HINT,
    W_QUALIFIER,
    candidates_for,
    context_score,
    country_masses,
    capital_flags,
    place_reason,
    population_prior,
    softmax,
)
from heron.records import Place

__all__ = ["geoparse"]

ROUNDS = 3  # rounds of context: each reads the names' readings of the round before


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
    dl = dateline_of(doc, text=text)
    ents = join_split_countries(doc, list(doc.ents) if ents is None else ents, gaz)
    mentions = collect_mentions(doc, gaz, dl, text=text, ents=ents)

    dl_mention: PlaceMention | None = None
    if dl is not None:
        place, place_start = _dateline_place(dl, text, gaz)
        if gaz.lookup_rows(place):
            dl_mention = PlaceMention(place, place_start, dl.place_end, name_key(place), -1, -1, None, is_dateline=True)

    everything = ([dl_mention] if dl_mention else []) + mentions
    if not everything:
        return []

    extra: list[PlaceMention] = []
    for m in everything:
        m.cands = candidates_for(gaz, m.lookup or m.text)
        if m.is_dateline and any(e.feature == "city" for e, _ in m.cands):
            # a dateline names a city (or a country), not a division: "NEW YORK", "QUEBEC"
            m.cands = [c for c in m.cands if c[0].feature != "admin1"]
        if not m.is_dateline:
            m.hint_feature = feature_hint(doc, m) or local_hint(doc, m)
            m.qualifier, m.qualifier_text = qualifier_entries(doc, m, mentions, gaz, extra, text=text)
            m.role = m.forced_role or mention_role(doc, m, text)
        else:
            m.role = "dateline"
    for group in coordinated(doc, mentions):
        # a list shares its hint ("the departments of Magdalena, Santander and Guajira"); a name
        # listed with countries is a country ("Guatemala, Honduras and El Salvador")
        hints = {m.hint_feature for m in group if m.hint_feature}
        for m in group:
            others = [o for o in group if o is not m]
            if m.hint_feature is None and len(hints) == 1:
                m.hint_feature = next(iter(hints))
            elif m.hint_feature is None and any(e.feature == "country" and own for e, own in m.cands) and all(
                    o.cands and o.cands[0][0].feature == "country" and o.cands[0][1] for o in others):
                m.hint_feature = "country"
    seen = {m.start for m in everything}
    for q in extra:
        if q.start not in seen:
            seen.add(q.start)
            everything.append(q)
            q.role = "location"
    if demonyms:
        for d in collect_demonyms(doc, gaz, everything, ents=ents):
            d.role = "actor"
            everything.append(d)
    for m in everything:
        m.capital = capital_flags(m.cands)
        m.prior = [population_prior(e, own, capital=cap) for (e, own), cap in zip(m.cands, m.capital)]
        if m.role == "actor" and m.forced_role is None:
            # a place standing for a government: the seat of government is the likely reading
            # (not for a name inside an organisation's name: "Dublin City Schools")
            m.prior = [p + (1.0 if cap else 0.0) for p, cap in zip(m.prior, m.capital)]

    # the dateline: a city first, a capital, its region qualifier
    dl_region: list[GazEntry] = []
    if dl_mention is not None:
        if dl.region:
            dl_region = [e for e, _ in gaz.matched_by_name(dl.region) if e.feature in ("country", "admin1")]
        dl_mention.qualifier, dl_mention.qualifier_text = dl_region, dl.region or ""
        for i, (e, _) in enumerate(dl_mention.cands):
            if e.feature == "city":
                dl_mention.prior[i] += 1.0 + (1.0 if dl_mention.capital[i] else 0.0)

    actor_set = {a for a in actor_countries if a}

    # static part of each score
    static: list[list[float]] = []
    for m in everything:
        row = []
        for (e, _), p in zip(m.cands, m.prior):
            s = p
            if hint_matches(m.hint_feature, e.feature):
                s += W_FEATURE_HINT
            if m.country_hint and e.country == m.country_hint:
                s += W_FEATURE_HINT
            if m.qualifier and any(contains(q, e) for q in m.qualifier):
                s += W_QUALIFIER
            if e.country in actor_set:
                s += W_ACTOR_COUNTRY
            row.append(s)
        static.append(row)

    # the dateline is context for the rest: each candidate of it lends its country and division,
    # by its probability (a local paper's bare "COLUMBUS" is read among the article's names too)
    def dateline_bonus(e: GazEntry, dl_probs: list[float]) -> float:
        if dl_mention is None or not e.country:
            return 0.0
        b = 0.0
        for (c, _), p in zip(dl_mention.cands, dl_probs):
            if p < 0.01 or c.country != e.country:
                continue
            b += p * (W_DATELINE_COUNTRY + (W_DATELINE_ADMIN1 if e.admin1 and e.admin1 == c.admin1 else 0.0))
        return b

    probs = [softmax(row) for row in static]
    scores = static
    for _round in range(ROUNDS):
        masses = country_masses(everything, probs)
        dl_probs = probs[0] if dl_mention is not None else []
        scores = []
        for mi, m in enumerate(everything):
            row = []
            lead = m.cands[max(range(len(m.cands)), key=lambda i: static[mi][i])][0].country if m.cands else None
            for (e, _), s0 in zip(m.cands, static[mi]):
                s = s0 + context_score(e, m.key, masses, home=e.country == lead)
                if not m.is_dateline:
                    s += dateline_bonus(e, dl_probs)
                row.append(s)
            scores.append(row)
        probs = [softmax(row) for row in scores]
    dl_entry: GazEntry | None = None
    if dl_mention is not None and dl_mention.cands:
        dl_entry = dl_mention.cands[max(range(len(dl_mention.cands)), key=lambda i: scores[0][i])][0]

    masses = country_masses(everything, probs)
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
        if e.feature == "admin1" and not hint_matches(m.hint_feature, "admin1") and not m.qualifier:
            prior_pick = max(range(len(m.cands)), key=lambda i: static[mi][i]) == best
            for j, (c, c_own) in enumerate(m.cands):
                if c.feature != "city":
                    continue
                # "Tehran", "Kunduz": the province's own capital of the same name
                same = c_own and c.country == e.country and c.admin1 == e.admin1 and name_key(c.name) == m.key
                # "Washington": a national capital of that very name, whatever the context (the
                # state's towns lend it support that a capital's own division cannot match); a
                # city of a quarter of the state's people, when only population chose the state
                big = c_own and c.country == e.country and (
                    m.capital[j] or (prior_pick and c.population >= 0.25 * max(e.population, 1)))
                if same or big:
                    best, e, switched = j, c, True
                    break
        reason = place_reason(m, best, e, static[mi], scores[mi], masses, dl_entry, actor_set, switched)
        if m.cue:
            reason += f"; read as a place by its cue ({m.cue})"
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
    region = _dateline_region(dl, dl_region, dl_entry, gaz, article_id=article_id, text=text,
                              sent_of_tok=sent_of_tok, doc=doc)
    if region is not None:
        places.append(region)
    places.sort(key=lambda p: (p.role != "dateline", p.start))
    return places


def _dateline_region(dl, dl_region: list[GazEntry], dl_entry: GazEntry | None, gaz: Gazetteer, *,
                     article_id: str, text: str, sent_of_tok, doc) -> Place | None:
    """The dateline's region qualifier ("ORLANDO, Fla.", "TBILISI, Georgia") as a place of its own:
    the state or country that holds the dateline city (it follows the city, so the city stays the
    article's dateline place)."""
    if dl is None or not dl.region or dl.region_start is None or dl.region_end is None:
        return None
    cands = dl_region or [e for e, _ in gaz.matched_by_name(dl.region) if e.feature in ("country", "admin1")]
    if not cands:
        return None
    e = next((c for c in cands if dl_entry is not None and contains(c, dl_entry)), cands[0])
    return Place(
        article_id=article_id, sentence_index=_at(sent_of_tok, _char_token(doc, dl.region_start)),
        start=dl.region_start, end=dl.region_end, text=text[dl.region_start:dl.region_end], name=e.name,
        geonameid=e.geonameid if e.geonameid > 0 else None, country=e.country or None, admin1=e.admin1,
        latitude=e.latitude, longitude=e.longitude, reason="dateline region (holds the dateline city)",
        feature=e.feature, role="dateline",
    )


_SAINT_RE = re.compile(r"(?:^|(?<=\s))(?:ST|MT|FT|SAINT|MOUNT|FORT|St|Mt|Ft|Saint|Mount|Fort)\.? $")


def _dateline_place(dl, text: str, gaz: Gazetteer) -> tuple[str, int]:
    """The dateline's place, with a "ST." / "MT." / "FT." the dateline finder left before it
    ("ST. PAUL --": St. Paul, not Paul) when the longer name is known."""
    before = _SAINT_RE.search(text[max(0, dl.place_start - 7):dl.place_start])
    if before is not None:
        start = dl.place_start - (len(text[max(0, dl.place_start - 7):dl.place_start]) - before.start())
        longer = text[start:dl.place_end]
        if gaz.lookup_rows(longer):
            return longer, start
    return dl.place, dl.place_start


def _char_token(doc, char: int) -> int:
    t = token_at(doc, char)
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
