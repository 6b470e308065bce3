"""Collecting an article's place mentions: spaCy GPE/LOC/FAC entities, the dateline, split
"Tehran-Moscow" pairs, names inside organisation names, and (optionally) demonyms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span

from heron.geo.dateline import Dateline
from heron.geo.gazetteer import Gazetteer, name_key
from heron.geo.mention_context import LINE_NOUNS, PlaceMention, is_locative, token_at
from heron.geo.place_cues import county_list_mentions, cue_mentions, echo_mentions, person_words
from heron.geo.place_scoring import is_capital

_LABELS = {"GPE", "LOC", "FAC"}



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
    "oracle", "apple", "amazon", "target", "mara", "metro", "supreme", "junior",
    # seats of government named for a building: the government, not a town of that name
    "white house", "pentagon", "kremlin",
    # organisations whose acronym is written as a word
    "nato", "opec", "asean", "unesco", "unicef", "interpol", "europol", "frontex",
}



_DIVISION_WORDS = {
    "county", "parish", "township", "borough", "district", "province", "governorate", "oblast",
    "prefecture", "municipality",
}
_SECONDARY_LABELS = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")


def collect_mentions(doc, gaz: Gazetteer, dateline: Dateline | None, *, text: str | None = None,
                      ents: Sequence | None = None) -> list[PlaceMention]:
    doc_text = doc.text if text is None else text  # Doc.text joins every token on each call
    ents = list(doc.ents) if ents is None else ents
    out: list[PlaceMention] = []
    taken: set[int] = set()  # token indexes already in a mention

    def overlaps_dateline(start: int, end: int) -> bool:
        return dateline is not None and start < dateline.end and end > dateline.start

    def add(text: str, start: int, tok_start: int, tok_end: int, head: int) -> bool:
        if _acronym(text) and not any(e.feature == "country" for e, own in gaz.matched_by_name(text) if own):
            return False  # "UN", "OAS", "SEC", "LA": an acronym is a place only as a country ("US", "UK")
        if text.islower() and len(text) <= 3:
            return False  # "la", "us", "ga": lower-case bits of words, not "LA" or "GA"
        if name_key(text) in _COMMON_WORDS:
            return False  # "Airport", "Energy", "Union": a word first, a small town somewhere second
        if name_key(text) in _demonyms():
            return False  # "Canadian", "Argentine": a country's people (collect_demonyms), not a town
        out.append(PlaceMention(text, start, start + len(text), name_key(text), tok_start, tok_end, head))
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
            pair_tok = token_at(doc, start + len(text) - 1) or ent.root
            modifier = pair_tok.dep_ in ("compound", "nmod", "amod", "npadvmod") and \
                pair_tok.head.lemma_.lower() not in LINE_NOUNS
            for p, off in parts:
                ps, pstart = _clean(p, start + off)
                if not ps:
                    continue
                tok = token_at(doc, pstart) or ent.root
                end_tok = token_at(doc, pstart + len(ps) - 1) or tok
                if add(ps, pstart, tok.i, end_tok.i + 1, end_tok.i) and modifier:
                    out[-1].forced_role = "actor"

    # "Iran-Russia Defense Cooperation" where the NER took only "Iran": the other half of a
    # hyphenated pair, when it is a country, a division or a capital by its own name
    def pair_partner(word: str) -> bool:
        return gaz.has_name(word) and any(
            own and (e.feature in ("country", "admin1") or is_capital(e)) for e, own in gaz.matched_by_name(word)
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
        tok = token_at(doc, wstart)
        if tok is None or overlaps_dateline(wstart, wstart + len(word)):
            continue
        if any(o.start < wstart + len(word) and wstart < o.end for o in out):
            continue  # already a mention
        end_tok = token_at(doc, wstart + len(word) - 1) or tok
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
                located = is_locative(doc[head])
                capital = any(is_capital(e) and e.population >= 100_000 for e in own)
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
    # names the gazetteer knows that the words around them mark as places ("a Chiefland man")
    people = person_words(ents)
    for m in cue_mentions(doc, gaz, taken=taken, text=doc_text, common_words=_not_town_keys(), skip=overlaps_dateline,
                          people=people):
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
            taken.update(range(m.tok_start, m.tok_end))
    # "Douglas, Sarpy and Lancaster counties": each a county
    out.extend(county_list_mentions(doc, gaz, out, taken=taken, text=doc_text, skip=overlaps_dateline))
    # a one-word name the article gives a person ("Dan Jones" ... "according to Jones") is the
    # person's, unless it names a country or a state
    if people:
        out = [m for m in out if m.forced_role is not None or m.lookup is not None or m.text not in people or any(
            own and e.feature in ("country", "admin1") for e, own in gaz.matched_by_name(m.text))]
    # and the same names where they come again, tagged otherwise ("Gainesville's", "Sri Lanka has")
    out.sort(key=lambda m: m.start)
    for m in echo_mentions(doc, out, taken=taken, text=doc_text, skip=overlaps_dateline,
                           also=dateline.place if dateline is not None else None, people=people):
        if not any(o.start < m.end and m.start < o.end for o in out):
            out.append(m)
            taken.update(range(m.tok_start, m.tok_end))
    out.sort(key=lambda m: m.start)
    return out


def join_split_countries(doc, ents: Sequence, gaz: Gazetteer) -> list:
    """Entities with a country's name the NER cut in two put back together: "DR" + "Congo" is
    DR Congo (COD), not the Republic of the Congo; likewise a bare word before a place entity
    when the two are one country's name ("DR Congo's" where only "Congo" was tagged)."""
    def country_name(start: int, end: int) -> bool:
        text, _ = _clean(doc[start:end].text, 0)
        return " " in text and any(own and e.feature == "country" for e, own in gaz.matched_by_name(text))

    out: list = []
    for ent in ents:
        if ent.label_ in _LABELS and ent.start > 0:
            prev = doc[ent.start - 1]
            last = out[-1] if out else None
            if last is not None and last.end == ent.start and last.label_ in _LABELS | _SECONDARY_LABELS \
                    and country_name(last.start, ent.end):
                out[-1] = Span(doc, last.start, ent.end, label="GPE")
                continue
            if (last is None or last.end <= prev.i) and prev.text[:1].isupper() and prev.is_alpha \
                    and country_name(prev.i, ent.end):
                out.append(Span(doc, prev.i, ent.end, label="GPE"))
                continue
        out.append(ent)
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


@lru_cache(maxsize=1)
def _not_town_keys() -> frozenset[str]:
    """Name keys never read as a town by a cue: common words and demonyms ("Canadian", Texas)."""
    return frozenset(_COMMON_WORDS) | frozenset(_demonyms())


_DEMONYM_LABELS = {"NORP", "GPE", "ORG", "PERSON", "FAC"}


def collect_demonyms(doc, gaz: Gazetteer, mentions: list[PlaceMention], *, ents: Sequence) -> list[PlaceMention]:
    """ "Iranian", "Russians", "Sri Lankan": NORP names of a country, as actor references."""
    table = _demonyms()
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    out = []
    for ent in ents:
        if ent.label_ not in _DEMONYM_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        text, start = _clean(ent.text, ent.start_char)
        iso3 = table.get(name_key(text))
        tok_range = (ent.start, ent.end, ent.root.i)
        if iso3 is None and ent.label_ in ("ORG", "FAC"):
            # "the Georgian Interior Ministry", "American Electric Power": a demonym opening an
            # organisation's name (one or two words: "Sri Lankan Airlines")
            words = [t for t in ent if t.lower_ != "the"]
            for n in (2, 1):
                if len(words) > n and all(t.text[:1].isupper() for t in words[:n]):
                    cand = "".join(t.text_with_ws for t in words[:n]).rstrip()
                    iso3 = table.get(name_key(cand))
                    if iso3 is not None:
                        text, start = cand, words[0].idx
                        tok_range = (words[0].i, words[n - 1].i + 1, words[n - 1].i)
                        break
        entry = gaz.country(iso3) if iso3 is not None else None
        if entry is None and ent.label_ == "NORP":
            entry = _region_of_demonym(gaz, name_key(text))  # "South Ossetian officials"
        if entry is None:
            continue
        m = PlaceMention(text, start, start + len(text), name_key(text), *tok_range)
        m.forced_role, m.demonym_of = "actor", entry.country
        m.cands = [(entry, True)]
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _region_demonyms() -> dict[str, str]:
    """Demonym key -> region name, from the ``demonyms`` column of ``data/geo/regions.tsv``."""
    from importlib import resources

    out: dict[str, str] = {}
    lines = resources.files("heron").joinpath("data", "geo", "regions.tsv").read_text("utf-8").splitlines()
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > 6 and cols[6].strip():
            for d in cols[6].split(";"):
                out[name_key(d)] = cols[0]
    return out


def _region_of_demonym(gaz: Gazetteer, key: str):
    name = _region_demonyms().get(key)
    if name is None:
        return None
    return next((e for e, own in gaz.matched_by_name(name) if own and e.feature == "region"), None)
