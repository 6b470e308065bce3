"""Gazetteer-driven place mentions: capitalised names the gazetteer knows, taken as places when
the words around them say so, where spaCy's small model tagged them otherwise or not at all.

"a Chiefland man", "Corsicana Police Department", "University of Hartford", "East Texas",
"Sioux Falls, S.D.", "Rep. Torrey Westrom, R-Elbow Lake", "Kabul-based". The cue words are data
(``data/geo/place_cues.yaml``); each mention found here carries its cue in ``PlaceMention.cue``
so the place's reason can say why the name was read as a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from heron.geo.gazetteer import Gazetteer, GazEntry, name_key
from heron.geo.mention_context import PlaceMention, token_at

MAX_TOKENS = 4
# "D-Charleston", "R-Elbow Lake", "DFL-Cook", "D-S.C.", "(R-Ocilla)": a party and a hometown
_PARTY_HOME = re.compile(r"\b(?:DFL|[RDI])-(?P<name>(?:[A-Z][a-z]{0,4}\.){1,2}|[A-Z][a-z]+(?:\.? [A-Z][a-z]+)?)")
_TITLE_WORD = re.compile(r"[A-Z][\w'.]*$")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


@dataclass(frozen=True)
class PlaceCues:
    """The cue word lists of ``data/geo/place_cues.yaml`` (see its comments)."""

    locative_prepositions: frozenset[str]
    institution_words: frozenset[str]
    person_nouns: frozenset[str]
    of_heads: frozenset[str]
    part_prefixes: frozenset[str]
    hyphen_suffixes: frozenset[str]
    division_words: frozenset[str]
    municipal_words: frozenset[str]
    resident_nouns: frozenset[str]
    min_population_weak: int


@lru_cache(maxsize=1)
def load_cues() -> PlaceCues:
    raw = yaml.safe_load(resources.files("heron").joinpath("data", "geo", "place_cues.yaml").read_text("utf-8"))
    words = {k: frozenset(str(w) for w in v) for k, v in raw.items() if isinstance(v, list)}
    return PlaceCues(min_population_weak=int(raw["min_population_weak"]), **words)


def cue_mentions(doc, gaz: Gazetteer, *, taken: set[int], text: str, common_words: Collection[str],
                 skip: Callable[[int, int], bool], people: Collection[str] = ()) -> list[PlaceMention]:
    """Place mentions found by their cues among the tokens not in ``taken`` (token indexes of the
    mentions found already). ``skip(start, end)`` says a character span must be left alone (the
    dateline); ``common_words`` are name keys that are words first ("Energy", "Union"); ``people``
    the words of the article's persons' names (:func:`person_words`)."""
    cues = load_cues()
    out: list[PlaceMention] = []
    used = set(taken)
    n = len(doc)

    def add(i: int, j: int, cue: str) -> None:
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        m = PlaceMention(text[start:end], start, end, name_key(text[start:end]), i, j, j - 1)
        m.cue = cue
        out.append(m)
        used.update(range(i, j))

    i = 0
    while i < n:
        if i in used or not _TITLE_WORD.match(doc[i].text) or doc[i].lower_ in _DETERMINERS:
            i += 1
            continue
        hit = None
        for length in range(min(MAX_TOKENS, n - i), 0, -1):
            j = i + length
            if any(k in used for k in range(i, j)) or not all(_name_token(doc, k, i) for k in range(i, j)):
                continue
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            span = text[start:end]
            if skip(start, end) or name_key(span) in common_words or doc[i].text in cues.part_prefixes and length == 1:
                continue
            own = [e for e, is_own in gaz.matched_by_name(span) if is_own] if gaz.has_name(span) else []
            if not own or (span.isupper() and len(span) <= 4 and not any(e.feature == "country" for e in own)):
                continue
            if _division_follows(doc, j, cues) or (
                    doc[j - 1].text not in cues.division_words and _inside_longer_name(doc, i, j, cues)):
                continue  # "Scott County", "Sand Creek Township", "Meadow Grove": not the town
            cue = _cue(doc, i, j, own, cues, gaz, text)
            if cue and length == 1 and span in people and not cue.startswith(("'City, State'", "division")):
                cue = ""  # "according to Jones" where "Dan Jones" is named: the person
            if cue:
                hit = (j, cue)
                break
        if hit is None:
            i += 1
            continue
        add(i, hit[0], hit[1])
        i = hit[0]

    for m in _PARTY_HOME.finditer(text):  # "Rep. Wendell Gilliard, D-Charleston"
        name = m["name"]
        start = m.start("name")
        if skip(start, start + len(name)) or not gaz.has_name(name):
            continue
        first, last, party = token_at(doc, start), token_at(doc, start + len(name) - 1), token_at(doc, m.start())
        if first is None or last is None or party is None or any(k in used for k in range(first.i, last.i + 1)):
            continue
        if _after_person(doc, party.i):
            # (by characters: "D-S.C." can be one token)
            pm = PlaceMention(name, start, start + len(name), name_key(name), first.i, last.i + 1, last.i)
            pm.cue = "party-hometown"
            pm.country_hint = "USA"  # the "R-", "D-" convention of US news
            out.append(pm)
            used.update(range(first.i, last.i + 1))
    return out


def _name_token(doc, k: int, first: int) -> bool:
    """Token ``k`` may be part of a name that starts at ``first``: a capitalised word, or a hyphen
    written without spaces inside it ("Batesburg-Leesville")."""
    t = doc[k]
    if _TITLE_WORD.match(t.text):
        return True
    return k > first and t.text in ("-", "–") and not t.whitespace_ and not doc[k - 1].whitespace_


def _division_follows(doc, j: int, cues: PlaceCues) -> bool:
    """A division word right after the name ("Scott County", "Jackson Township"): the name is
    the division's, not a town's (the division itself is a span of its own when known)."""
    return j < len(doc) and doc[j].text in cues.division_words


def _inside_longer_name(doc, i: int, j: int, cues: PlaceCues) -> bool:
    """doc[i:j] ends a longer capitalised name ("Sand Creek Township", "Meadow Grove man", "Sen.
    Clinton", "St. Paris"): a capitalised word or abbreviation that is not a sentence's first, a
    "North"-like prefix, a date ("Sunday") or the end of another name the NER marks ("Lansing
    State Journal Lansing Board") stands right before it. (Words after it may open an organisation's name: "Western
    Pennsylvania Kennel Association", "London International Airport".)"""
    if i == 0:
        return False
    prev = doc[i - 1]
    if not _TITLE_WORD.match(prev.text) or prev.is_sent_start or not prev.whitespace_ or prev.is_upper:
        return False
    if prev.text in cues.part_prefixes or prev.lower_ in _DETERMINERS:
        return False
    if prev.ent_type_ in ("DATE", "TIME") or (prev.ent_iob_ in ("B", "I") and doc[i].ent_iob_ == "B"):
        return False
    return True


def _cue(doc, i: int, j: int, own: list[GazEntry], cues: PlaceCues, gaz: Gazetteer, text: str) -> str:
    """The cue that makes doc[i:j] a place, or ""."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    weak_ok = any(e.feature in ("country", "admin1", "admin2") or e.population >= cues.min_population_weak
                  for e in own)
    if j - i > 1 and doc[i].text in cues.part_prefixes and weak_ok:
        # "West Virginia", "W. Va.", "North Platte": the prefix belongs to the name
        return f"name with '{doc[i].text}'"
    if j - i > 1 and doc[j - 1].text in cues.division_words:
        return f"division: '{doc[j - 1].text}'"  # "Scott County", "Clinton Township"
    if nxt is not None and nxt.text in cues.institution_words and doc[j - 1].whitespace_:
        return f"institution: '{nxt.text}'"
    if prev is not None and prev.lower_ == "of" and i > 1 and doc[i - 2].text in cues.of_heads:
        return f"'{doc[i - 2].text} of'"
    if prev is not None and prev.text in cues.part_prefixes:
        return f"part of a place: '{prev.text}'"
    if nxt is not None and nxt.text in ("-", "–") and j + 1 < len(doc) and doc[j + 1].lower_ in cues.hyphen_suffixes:
        return f"'-{doc[j + 1].lower_}'"
    if nxt is not None and nxt.text == "," and j + 1 < len(doc) and _holds(doc, j + 1, own, gaz, text):
        return "'City, State'"
    if not weak_ok or (doc[i].is_sent_start and doc[i].pos_ != "PROPN"):
        return ""  # (a sentence's first word is a place only as a proper noun: not "One girl")
    if nxt is not None and nxt.lower_ in cues.person_nouns and nxt.text.islower():
        return f"'{doc[i].text} {nxt.text}'"
    if prev is not None and prev.lower_ in cues.locative_prepositions and prev.text.islower():
        return f"preposition: '{prev.text}'"
    if prev is not None and prev.lower_ == "of" and i > 1 and doc[i - 2].text == "," and _after_person(doc, i - 2):
        return "', of'"
    return ""


def _holds(doc, k: int, own: list[GazEntry], gaz: Gazetteer, text: str) -> bool:
    """The name after the comma at doc[k] is a state or country holding one of ``own``
    ("Sioux Falls, S.D.", "Surprise, Ariz.")."""
    for length in (3, 2, 1):
        if k + length > len(doc):
            continue
        span = text[doc[k].idx:doc[k + length - 1].idx + len(doc[k + length - 1].text)]
        outer = [e for e, _ in gaz.matched_by_name(span) if e.feature in ("country", "admin1")]
        if any(o.country == e.country and (o.feature == "country" or o.admin1 == e.admin1) for o in outer for e in own):
            return True
    return False


def _after_person(doc, k: int) -> bool:
    """A person's name (and maybe an age) ends right before doc[k]: "Stephen Davis, of", "Rep. X, D-"."""
    back = k - 1
    while back >= 0 and (doc[back].text in (",", "(") or doc[back].like_num):
        back -= 1
    return back >= 0 and doc[back].ent_type_ == "PERSON"


def echo_mentions(doc, found: list[PlaceMention], *, taken: set[int], text: str,
                  skip: Callable[[int, int], bool], also: str | None = None,
                  people: Collection[str] = ()) -> list[PlaceMention]:
    """A name the article uses as a place is a place where it comes again ("Gainesville's
    existing protections", "Sri Lanka has", "Only Cornwall and Kent will") though the NER tagged
    it a person there: other occurrences of ``found`` mentions' names (and ``also``, the dateline
    place), as written, unless they are part of a longer name (a person's: "Hillary Clinton").
    One regular-expression scan of the text, not a loop over its tokens."""
    cues = load_cues()
    surfaces = {m.text for m in found if m.demonym_of is None and len(m.text) >= 3 and m.text[:1].isupper()
                and m.text not in people and m.forced_role is None and not _weak_cue(m.cue)}
    if also and len(also) >= 3:
        surfaces.add(also.title() if also.isupper() else also)
    if not surfaces:
        return []
    alternatives = "|".join(re.escape(x) for x in sorted(surfaces, key=len, reverse=True))
    out: list[PlaceMention] = []
    used = set(taken)
    for hit in re.finditer(rf"(?<![\w.\-])(?:{alternatives})(?![\w\-])", text):
        start, end = hit.span()
        if skip(start, end):
            continue
        first, last = token_at(doc, start), token_at(doc, end - 1)
        if first is None or last is None or first.idx != start or last.idx + len(last.text) != end:
            continue
        i, j = first.i, last.i + 1
        if any(k in used for k in range(i, j)) or _in_longer_person(doc, i, j) or _inside_longer_name(doc, i, j, cues):
            continue
        m = PlaceMention(text[start:end], start, end, name_key(text[start:end]), i, j, j - 1)
        m.cue = "named as a place elsewhere in the article"
        out.append(m)
        used.update(range(i, j))
    return out


def _weak_cue(cue: str | None) -> bool:
    """A cue too weak to vouch for the name's other occurrences (a preposition, a "North"-like
    prefix, ", of"); names the NER found, and the institution, "City, State", person-noun,
    party-hometown and division cues, vouch."""
    return cue is not None and cue.startswith(("preposition", "part of a place", "', of'", "'-", "named as"))


def person_words(ents) -> set[str]:
    """Words of the article's names of persons that are more than one word ("Kristina Trapani",
    "Barack Obama"): such a word is a person's name in this article, not a place's. ``ents``:
    the doc's entities."""
    out: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.update(t.text for t in ent if t.text[:1].isupper())
    return out


def _in_longer_person(doc, i: int, j: int) -> bool:
    """doc[i:j] lies inside a longer PERSON entity ("Tom Bakk", "Paris Hilton")."""
    if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I":
        return True
    return j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I"


def local_hint(doc, m: PlaceMention) -> str | None:
    """What the word right after a mention says of its kind: "a Jordan man", "Lebanon residents"
    (a town or a state: a country would take its demonym) -> "subnational"; "Paris Police",
    "Lebanon High School", "Dublin City Council" (a town's institutions) -> "local"."""
    if m.tok_end >= len(doc) or m.tok_end <= 0 or not doc[m.tok_end - 1].whitespace_:
        return None
    nxt = doc[m.tok_end]
    cues = load_cues()
    if nxt.text in cues.municipal_words:
        return "local"
    if nxt.text.islower() and nxt.lower_ in cues.resident_nouns:
        return "subnational"
    return None


_COUNTY_LIST = re.compile(
    r"\b((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,? and |, ))+[A-Z][a-z]+(?: [A-Z][a-z]+)?) (counties|parishes)\b")
_LIST_SPLIT = re.compile(r",? and |, ")


def county_list_mentions(doc, gaz: Gazetteer, found: list[PlaceMention], *, taken: set[int], text: str,
                         skip: Callable[[int, int], bool]) -> list[PlaceMention]:
    """ "Douglas, Sarpy and Lancaster counties", "Jackson and Barrow counties": each name of the
    list is a county (looked up as "Sarpy County"). A mention found already on the same words
    is turned into the county (``lookup``); the others come back as new mentions."""
    out: list[PlaceMention] = []
    by_span = {(m.start, m.end): m for m in found}
    for hit in _COUNTY_LIST.finditer(text):
        word = " Parish" if hit.group(2) == "parishes" else " County"
        pos = hit.start(1)
        for part in _LIST_SPLIT.split(hit.group(1)):
            start = text.index(part, pos)
            end, pos = start + len(part), start + len(part)
            if " " in part and not gaz.has_name(part + word):
                # "Small Hitchcock and Hayes counties": the list's first word may be no name
                part = part.split(" ", 1)[1]
                start = end - len(part)
            county = part + word
            if skip(start, end) or not gaz.has_name(county):
                continue
            known = by_span.get((start, end))
            if known is not None:
                known.lookup, known.key, known.cue = county, name_key(county), f"listed with '{hit.group(2)}'"
                continue
            first, last = token_at(doc, start), token_at(doc, end - 1)
            if first is None or last is None or any(k in taken for k in range(first.i, last.i + 1)):
                continue
            m = PlaceMention(part, start, end, name_key(county), first.i, last.i + 1, last.i)
            m.lookup, m.cue = county, f"listed with '{hit.group(2)}'"
            out.append(m)
            taken.update(range(first.i, last.i + 1))
    return out
