"""Article-level country for actors the sentence-level rules left without one.

After the mention finder (dictionary, residence, the sentence's place, the dateline for state
sectors) and coreference, a sector actor may still have no country: "---COP" for "the police",
"---REB" for "militants", "---CVL" for "people". A reader gives them the country of the action
when the article makes it plain. Two rules, in this order:

1. **Same-sector precedent.** An earlier mention of the same sector with a country of its own
   ("Indian police" ... "the police", "Colombian army" ... "the army") gives that country, when all
   such earlier mentions agree. This holds in a bilateral article too: the text ties the actor to
   one side.
2. **The article's country.** Every place of the article (a geoparsed location, not the
   dateline), every explicit national name (a country, a demonym, a person or body whose country
   the dictionary gives; not a pronoun or another context guess) and the dateline (see
   ``dateline_votes``) is one vote for its country. The top country is the article's when it has at
   least ``min_votes`` votes and ``min_share`` of all, and no other country has ``rival_share`` of
   its votes, nor is named in one phrase with it ("Russia and China"): two countries in play, a
   bilateral article, where rule 1 alone decides.

For unnamed sector actors; a named office holder with no country ("President Parvanov") only by
rule 2 and only when the article's country has ``person_min_votes`` votes (a named person is more
often a foreigner than "the police" is), or ``min_votes`` when the text calls the person local ("a
local politician, NAME": ``local_words``); never for transnational
actors (IGOs, NGOs, ...) or the sectors listed in ``excluded_sectors``, nor for a mention with a
word of ``non_national_words`` in it or just before it ("a European court", "foreign fighters",
"Asian banks"); never for an actor that already has a country or a code of its own. A news
agency's country ("told AFP") is no vote. The actor's provenance and
the mention's ``resolved_by`` say so ("context:article: 4 places, 1 name in IND"), and so does
each event coded with it (:func:`reason_note`). Thresholds: ``data/actors/article_country.yaml``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from heron.records import Actor, Mention, Place

log = logging.getLogger(__name__)

PROVENANCE = "context:article"


@dataclass(frozen=True, slots=True)
class Rules:
    """Thresholds of the article-country rule (see the data file for what each means)."""

    min_votes: int
    min_share: float
    rival_share: float
    dateline_votes: int
    excluded_sectors: frozenset[str]
    person_min_votes: int
    non_national_words: frozenset[str]
    local_words: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    text = resources.files("heron.data").joinpath("actors/article_country.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return Rules(min_votes=int(raw["min_votes"]), min_share=float(raw["min_share"]),
                 rival_share=float(raw["rival_share"]), dateline_votes=int(raw["dateline_votes"]),
                 excluded_sectors=frozenset(str(s) for s in raw["excluded_sectors"]),
                 person_min_votes=int(raw["person_min_votes"]),
                 non_national_words=frozenset(str(w).lower() for w in raw["non_national_words"]),
                 local_words=frozenset(str(w).lower() for w in raw.get("local_words", ())))


@dataclass(frozen=True, slots=True)
class ArticleCountry:
    """The article's country of the action, and the evidence for it."""

    country: str | None  # None when no country dominates
    strength: int  # the chosen country's votes (0 when none)
    votes: dict[str, Counter]  # country -> Counter({"place": n, "name": n, "dateline": n})
    why: str  # "4 places, 1 name in IND" or why none was chosen


def _explicit(m: Mention) -> bool:
    return not m.resolved_by.startswith(("coref", "context", "pending"))


def _own_country(a: Actor) -> bool:
    return a.country is not None and not a.provenance.startswith("context")


def evidence(mentions: Sequence[Mention], places: Sequence[Place], *,
             dateline_place: Place | None = None) -> dict[str, Counter]:
    """Votes per country: places (not the dateline), explicit national names, the dateline."""
    votes: dict[str, Counter] = {}
    for p in places:
        if p.country and p.role == "location":
            votes.setdefault(p.country, Counter())["place"] += 1
    for m in mentions:
        if not _explicit(m):
            continue
        # a news agency's country is where it sits, not where things happen ("told AFP")
        for c in {a.country for a in m.actors if _own_country(a) and set(a.sectors) != {"MED"}}:
            votes.setdefault(c, Counter())["name"] += 1
    if dateline_place is not None and dateline_place.country and rules().dateline_votes:
        votes.setdefault(dateline_place.country, Counter())["dateline"] += rules().dateline_votes
    return votes


def _describe(c: Counter) -> str:
    parts = []
    for key, word in (("place", "place"), ("name", "name"), ("dateline", "dateline")):
        n = c.get(key, 0)
        if n:
            parts.append(word if key == "dateline" else f"{n} {word}{'s' if n != 1 else ''}")
    return ", ".join(parts)


def article_country(mentions: Sequence[Mention], places: Sequence[Place], *,
                    dateline_place: Place | None = None) -> ArticleCountry:
    """The country the whole article points to, when one dominates (module docstring, rule 2)."""
    r = rules()
    votes = evidence(mentions, places, dateline_place=dateline_place)
    if not votes:
        return ArticleCountry(None, 0, votes, "no country named")
    ranked = sorted(votes.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    top, top_c = ranked[0]
    n_top, total = sum(top_c.values()), sum(sum(c.values()) for c in votes.values())
    if n_top < r.min_votes:
        return ArticleCountry(None, 0, votes, f"too little: {_describe(top_c)} in {top}")
    if len(ranked) > 1 and sum(ranked[1][1].values()) >= r.rival_share * n_top:
        return ArticleCountry(None, 0, votes, f"two countries in play: {top}, {ranked[1][0]}")
    partner = _partner(mentions, top)
    if partner is not None:  # "Russia and China will ask ...": named together, both act
        return ArticleCountry(None, 0, votes, f"two countries in play: {top} named with {partner}")
    if n_top < r.min_share * total:
        return ArticleCountry(None, 0, votes, f"no country dominates: {top} has {n_top} of {total}")
    return ArticleCountry(top, n_top, votes, f"{_describe(top_c)} in {top}")


def _partner(mentions: Sequence[Mention], country: str) -> str | None:
    """Another country named in one mention with ``country`` ("Iran and Russia")."""
    for m in mentions:
        if not _explicit(m):
            continue
        named = {a.country for a in m.actors if _own_country(a)}
        if country in named and len(named) > 1:
            return sorted(named - {country})[0]
    return None


def _wants_country(a: Actor, excluded: frozenset[str]) -> bool:
    return (a.country is None and a.code.startswith("---") and bool(a.sectors)
            and a.kind in ("sector", "person") and not set(a.sectors) & excluded)


def _with_country(a: Actor, country: str, why: str) -> Actor:
    return replace(a, country=country, code=country + a.code[3:], provenance=f"{PROVENANCE}: {why}")


def _words_before(text: str, start: int, n: int = 2) -> list[str]:
    return text[max(0, start - 40):start].lower().replace("-", " ").split()[-n:]


def fill_article_country(mentions: list[Mention], places: Sequence[Place], *,
                         dateline_place: Place | None = None, text: str = "") -> list[Mention]:
    """Mentions with the article-level country given to sector actors that have none (module
    docstring). Mentions are returned in the same order; the ones changed are new objects.
    ``text`` (the article's) lets the two words before a mention count ("Asian banks")."""
    excluded = rules().excluded_sectors
    if not any(_wants_country(a, excluded) for m in mentions for a in m.actors):
        return mentions
    chosen = article_country(mentions, places, dateline_place=dateline_place)
    seen: dict[str, dict[str, str]] = {}  # first sector -> country -> the first mention's text
    out: list[Mention] = []
    foreign = rules().non_national_words
    for m in mentions:  # document order (coreference returns them sorted); indices are kept
        actors, changed = [], False
        words = {*m.text.lower().replace("-", " ").split(), *(_words_before(text, m.start) if text else ())}
        non_national = bool(foreign & words)
        for a in m.actors:
            if _wants_country(a, excluded) and not non_national:
                earlier = seen.get(a.sectors[0], {})
                if a.kind == "person":  # rule 2 only, on stronger evidence, and no precedent against it
                    # (a person the text calls local is of the place: the sector threshold)
                    need = rules().min_votes if words & rules().local_words else rules().person_min_votes
                    if (chosen.country is not None and chosen.strength >= need
                            and set(earlier) <= {chosen.country}):
                        a, changed = _with_country(a, chosen.country, chosen.why), True
                elif len(earlier) == 1:
                    country, text = next(iter(earlier.items()))
                    a, changed = _with_country(a, country, f"{text!r} earlier in the article"), True
                elif not earlier and chosen.country is not None:
                    a, changed = _with_country(a, chosen.country, chosen.why), True
            elif _explicit(m) and _own_country(a) and a.sectors and a.kind in ("sector", "person"):
                seen.setdefault(a.sectors[0], {}).setdefault(a.country, m.text)
            actors.append(a)
        out.append(replace(m, actors=tuple(actors), resolved_by="context" if m.resolved_by == "dictionary"
                                else m.resolved_by) if changed else m)
    return out


def reason_note(source: Actor | None, target: Actor | None) -> str:
    """"; source country from article: 4 places in IND" for an event coded with such actors."""
    notes = []
    for side, a in (("source", source), ("target", target)):
        if a is not None and a.provenance.startswith(PROVENANCE):
            notes.append(f"{side} country from article:{a.provenance[len(PROVENANCE) + 1:]}")
    return "".join(f"; {n}" for n in notes)
