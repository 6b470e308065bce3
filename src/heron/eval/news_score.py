"""Scores for the real-news dev set: key-event recall, precision against key events, over-coding,
place / date accuracy on matched events, counts recall, and the misses with their likeliest cause.

Matching (one article at a time; a prediction may match several gold events and the reverse):

* **where**: the coded event's sentence overlaps the gold event's sentence (``span``), or lies
  within :data:`NEAR_CHARS` characters of it (a headline reporting the body's event, a sentence
  split differently) while reporting no key event of its own (a coded event in a sentence that
  overlaps another gold event's sentence must overlap to match);
* **who**: the source and the target agree. At *country* level the country keys agree (ISO3; for
  a transnational code, IGO / NGO / IMG / MNC, its first six letters: IGOUNO, IGOEUR, NGOHRI); at
  *code* level the gold code's first sector is among the coded actor's sectors as well (a gold
  code without a sector wants a coded actor without one; a transnational code wants the coded
  code to start with it). A gold side left null (an unnamed perpetrator) accepts any coded actor,
  or none; a gold side may name alternatives, "EUR|IGOEUREEC";
* **what**: the CAMEO root agrees with the gold code's or one of its ``alt_codes``'; *exact*: the
  code is the gold code or one of the alternatives (a two-digit gold code accepts any code under
  that root).

Diagnostic levels beside them: ``root_only`` (actors ignored), ``dyad_only`` (code ignored),
``source_root`` (target ignored), ``country_root_overlap`` (no "near": the same sentence only) and
``country_root_lenient`` (a coded actor whose country Heron left unknown, "---CVL", counts when its
sector is the gold actor's: how much a country-from-context step would gain).

A gold event is *found* at a level when some coded event matches it at that level; the headline
figure is ``country_root``. Precision counts coded events that match some gold event; gold lists
only key events, so it is "precision against key events", with over-coding (coded events per gold
event) beside it. Place and date accuracy are measured on found events, with the best matching
prediction (exact code first, then code-level actors, then overlap, then confidence); and, for
more signal to the place and date steps, on the events found by root alone (``*_root_only``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from heron.eval.gold_news import NewsArticle, NewsGoldEvent, NewsPredEvent, NewsPrediction
from heron.eval.gold_records import country_key, split_sectors

__all__ = ["LEVELS", "NEAR_CHARS", "PairMatch", "match_pair", "score_news"]

NEAR_CHARS = 100

# level name -> (actor level, code level)
LEVELS = {
    "country_root": ("country", "root"),
    "code_root": ("code", "root"),
    "country_exact": ("country", "exact"),
    "code_exact": ("code", "exact"),
}


@dataclass(frozen=True, slots=True)
class PairMatch:
    """How one coded event compares with one gold event."""

    gap: int  # 0 when the sentences overlap, else the characters between them
    near: bool
    source_country: bool
    target_country: bool
    source_code: bool
    target_code: bool
    root: bool
    exact: bool
    source_lenient: bool = False  # country agrees, or the coded actor has no country but the gold's sector
    target_lenient: bool = False

    def at(self, level: str) -> bool:
        actors, code = LEVELS[level]
        who = (self.source_country and self.target_country) if actors == "country" else \
            (self.source_code and self.target_code)
        return self.near and who and (self.root if code == "root" else self.exact)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[0] < b[1] and b[0] < a[1]:
        return 0
    return max(b[0] - a[1], a[0] - b[1], 0)


# transnational actor codes: their "country" is the first six letters (IGOUNO, IGOEUR, NGOHRI, IMGMUS)
_TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})


def _gold_key(code: str) -> str | None:
    return code[:6] if code[:3] in _TRANSNATIONAL else country_key(None, code)


def _pred_keys(country: str | None, code: str | None) -> set[str]:
    keys = {country_key(country, code)} - {None}
    if code and code[:3] in _TRANSNATIONAL:
        keys.add(code[:6])
    return keys


def _alternatives(gold: str | None) -> tuple[str, ...]:
    """A gold actor may name alternatives ("EUR|IGOEUREEC"): any of them matches."""
    return tuple(a.strip() for a in gold.split("|") if a.strip()) if gold else ()


def _country_ok(gold: str | None, pred_country: str | None, pred_code: str | None = None) -> bool:
    if gold is None:
        return True
    keys = _pred_keys(pred_country, pred_code)
    return any(_gold_key(a) in keys for a in _alternatives(gold))


def _lenient_ok(gold: str | None, pred_country: str | None, pred_code: str | None,
                pred_sectors: Sequence[str]) -> bool:
    if _country_ok(gold, pred_country, pred_code):
        return True
    if pred_country is not None or (pred_code and pred_code[:3] in _TRANSNATIONAL):
        return False
    for a in _alternatives(gold):
        wanted = split_sectors(a[3:]) if a[:3] not in _TRANSNATIONAL else ()
        if wanted and wanted[0] in pred_sectors:
            return True
    return False


def _code_ok(gold: str | None, pred_country: str | None, pred_code: str | None,
             pred_sectors: Sequence[str]) -> bool:
    if gold is None:
        return True
    for a in _alternatives(gold):
        if pred_code and (pred_code == a or pred_code.startswith(a)):
            return True
        if a[:3] in _TRANSNATIONAL or _gold_key(a) not in _pred_keys(pred_country, pred_code):
            continue
        wanted = split_sectors(a[3:])
        if (wanted[0] in pred_sectors) if wanted else not pred_sectors:
            return True
    return False


def _codes(g: NewsGoldEvent) -> tuple[str, ...]:
    return (g.code, *g.alt_codes)


def match_pair(g: NewsGoldEvent, p: NewsPredEvent, *, near_chars: int = NEAR_CHARS) -> PairMatch:
    gap = _gap(g.span, p.sentence)
    codes = _codes(g)
    exact = p.code in codes or any(len(c) == 2 and p.root == c for c in codes)
    return PairMatch(
        gap=gap, near=gap <= near_chars,
        source_country=_country_ok(g.source, p.source_country, p.source_code),
        target_country=_country_ok(g.target, p.target_country, p.target_code),
        source_code=_code_ok(g.source, p.source_country, p.source_code, p.source_sectors),
        target_code=_code_ok(g.target, p.target_country, p.target_code, p.target_sectors),
        root=p.root in {c[:2] for c in codes}, exact=exact,
        source_lenient=_lenient_ok(g.source, p.source_country, p.source_code, p.source_sectors),
        target_lenient=_lenient_ok(g.target, p.target_country, p.target_code, p.target_sectors))


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _best(pairs: list[tuple[PairMatch, NewsPredEvent]]) -> tuple[PairMatch, NewsPredEvent]:
    return max(pairs, key=lambda mp: (mp[0].exact, mp[0].source_code and mp[0].target_code, mp[0].gap == 0,
                                      -mp[0].gap, mp[1].confidence))


def _name_ok(gold: str, pred: str | None) -> bool:
    if not pred:
        return False
    g, p = " ".join(gold.lower().split()), " ".join(pred.lower().split())
    return g == p or g in p or p in g


def _show_gold(g: NewsGoldEvent) -> str:
    alts = f" (or {'/'.join(g.alt_codes)})" if g.alt_codes else ""
    out = f"{g.source or '(unnamed)'} {g.code}{alts} {g.target or '(unnamed)'}"
    if g.place_country:
        out += f" @ {g.place_name or '?'}, {g.place_country}"
    if g.date or g.date_partial:
        out += f" on {g.date.isoformat() if g.date else g.date_partial}"
    return out


def _show_pred(p: NewsPredEvent) -> str:
    out = f"{p.source_code or '-'} {p.code} {p.target_code or '-'}"
    if p.trigger:
        out += f" ({p.trigger!r})"
    if p.location_country:
        out += f" @ {p.location_name or '?'}, {p.location_country}"
    if p.date:
        out += f" on {p.date.isoformat()}"
    return out


def _why(g: NewsGoldEvent, pairs: list[tuple[PairMatch, NewsPredEvent]]) -> tuple[str, NewsPredEvent | None]:
    """The likeliest reason a gold event was missed, and the nearest coded event."""
    if not pairs:
        return "no event coded in the article", None
    near = [mp for mp in pairs if mp[0].near]
    if not near:
        m, p = min(pairs, key=lambda mp: mp[0].gap)
        return "nothing coded in or near the sentence", p
    rooted = [mp for mp in near if mp[0].root]
    pool = rooted or near
    m, p = max(pool, key=lambda mp: (mp[0].source_country + mp[0].target_country, mp[0].gap == 0,
                                     mp[1].confidence))
    if not rooted:
        return ("wrong root (actors right)" if m.source_country and m.target_country
                else "wrong root and actors"), p
    swapped = (g.source is not None and g.target is not None
               and _country_ok(g.source, p.target_country, p.target_code)
               and _country_ok(g.target, p.source_country, p.source_code))
    if swapped:
        return "direction swapped", p
    wrong = [label for label in (_side("source", m.source_country, p.source_country, p.source_code),
                                 _side("target", m.target_country, p.target_country, p.target_code)) if label]
    return " + ".join(wrong), p


def _side(name: str, ok: bool, country: str | None, code: str | None) -> str:
    if ok:
        return ""
    if not code:
        return f"no {name}"
    if country is None and code[:3] not in _TRANSNATIONAL:
        return f"{name} country unknown"
    return f"{name} actor"


def _place_date(g: NewsGoldEvent, p: NewsPredEvent, place: Counter, when: Counter) -> None:
    if g.place_country:
        place["country_total"] += 1
        place["country_ok"] += p.location_country == g.place_country
    if g.place_name:
        place["name_total"] += 1
        place["name_ok"] += _name_ok(g.place_name, p.location_name)
    if g.date:
        when["day_total"] += 1
        when["day_ok"] += p.date == g.date
        when["day1_ok"] += p.date is not None and abs((p.date - g.date).days) <= 1
    elif g.date_partial:
        when["partial_total"] += 1
        when["partial_ok"] += p.date is not None and p.date.strftime("--%m-%d") == g.date_partial


def _place_figures(c: Counter) -> dict[str, Any]:
    return {"country_accuracy": _rate(c["country_ok"], c["country_total"]), "country_scored": c["country_total"],
            "name_accuracy": _rate(c["name_ok"], c["name_total"]), "name_scored": c["name_total"]}


def _date_figures(c: Counter) -> dict[str, Any]:
    return {"day_accuracy": _rate(c["day_ok"], c["day_total"]),
            "within_1_day": _rate(c["day1_ok"], c["day_total"]), "day_scored": c["day_total"],
            "month_day_accuracy": _rate(c["partial_ok"], c["partial_total"]),
            "month_day_scored": c["partial_total"]}


def _count_hits(gold: Sequence[Any], pred: Sequence[tuple[str, int]]) -> int:
    pool = Counter(pred)
    hits = 0
    for c in gold:
        for v in (c.value, *c.alt_values):
            if pool[(c.kind, v)] > 0:
                pool[(c.kind, v)] -= 1
                hits += 1
                break
    return hits


def score_news(articles: Sequence[NewsArticle], preds: Sequence[NewsPrediction], *, worst: int = 10,
               near_chars: int = NEAR_CHARS) -> dict[str, Any]:
    """Every news figure as a plain dict (see the module docstring for the matching rules)."""
    by_id = {p.article_id: p for p in preds}
    found = Counter()
    extra = Counter()  # diagnostic levels
    matched_pred = Counter()
    n_gold = n_pred = 0
    place, when, place_root, when_root = Counter(), Counter(), Counter(), Counter()
    count_gold = count_hit = count_pred = 0
    why = Counter()
    misses: list[dict[str, Any]] = []
    per_source: dict[str, Counter] = {}
    per_article: list[dict[str, Any]] = []
    unmatched_roots = Counter()
    for art in articles:
        pred = by_id.get(art.id) or NewsPrediction(art.id)
        n_gold += len(art.events)
        n_pred += len(pred.events)
        src = per_source.setdefault(art.source or "?", Counter())
        src["articles"] += 1
        src["gold"] += len(art.events)
        src["predicted"] += len(pred.events)
        # "near" is for a coded event in a sentence of its own (a headline, a sentence split
        # differently); one in a sentence that reports another key event must overlap
        claimed = [any(_gap(g.span, p.sentence) == 0 for g in art.events) for p in pred.events]
        table = [[match_pair(g, p, near_chars=0 if claimed[pi] else near_chars) for pi, p in enumerate(pred.events)]
                 for g in art.events]
        art_found = 0
        for gi, g in enumerate(art.events):
            pairs = list(zip(table[gi], pred.events))
            for level in LEVELS:
                if any(m.at(level) for m, _ in pairs):
                    found[level] += 1
            if any(m.near and m.root for m, _ in pairs):
                extra["root_only"] += 1
            if any(m.near and m.source_country and m.target_country for m, _ in pairs):
                extra["dyad_only"] += 1
            if any(m.at("country_root") and m.gap == 0 for m, _ in pairs):
                extra["country_root_overlap"] += 1
            if any(m.near and m.root and m.source_lenient and m.target_lenient for m, _ in pairs):
                extra["country_root_lenient"] += 1
            if any(m.near and m.root and m.source_country for m, _ in pairs):
                extra["source_root"] += 1
            rooted = [mp for mp in pairs if mp[0].near and mp[0].root]
            if rooted:  # place and date also on events found by root alone: more signal for those steps
                _place_date(g, _best(rooted)[1], place_root, when_root)
            hits = [mp for mp in pairs if mp[0].at("country_root")]
            if hits:
                art_found += 1
                src["found"] += 1
                _place_date(g, _best(hits)[1], place, when)
                continue
            reason, nearest = _why(g, pairs)
            why[reason] += 1
            near = sorted((mp for mp in pairs if mp[0].near), key=lambda mp: -mp[1].confidence)
            misses.append({
                "id": art.id, "eid": g.eid, "gold": _show_gold(g), "why": reason,
                "nearest": _show_pred(nearest) if nearest else None,
                "others": [_show_pred(p) for _, p in near if p is not nearest][:4],
                "text": art.text[g.span[0]:g.span[1]] if art.text else "",
            })
        for pi, p in enumerate(pred.events):
            if any(table[gi][pi].at("country_root") for gi in range(len(art.events))):
                matched_pred["country_root"] += 1
            else:
                unmatched_roots[p.root] += 1
            if any(table[gi][pi].at("code_exact") for gi in range(len(art.events))):
                matched_pred["code_exact"] += 1
        count_gold += len(art.counts)
        count_pred += len(pred.counts)
        count_hit += _count_hits(art.counts, pred.counts)
        per_article.append({"id": art.id, "gold": len(art.events), "predicted": len(pred.events),
                            "found": art_found,
                            "over_coding": _rate(len(pred.events), len(art.events))})
    ratios = [a["over_coding"] for a in per_article if a["over_coding"] is not None]
    return {
        "matching": {"near_chars": near_chars, "headline": "country_root",
                     "rule": "same article; sentence overlaps or lies within near_chars of the gold sentence; "
                             "source and target agree (country key, or code = country + first sector; a null "
                             "gold side accepts any actor); CAMEO root agrees (exact: code or an alternative)"},
        "articles": len(articles), "gold_events": n_gold, "predicted_events": n_pred,
        "recall": {level: _rate(found[level], n_gold) for level in LEVELS}
                  | {"root_only": _rate(extra["root_only"], n_gold), "dyad_only": _rate(extra["dyad_only"], n_gold),
                     "country_root_overlap": _rate(extra["country_root_overlap"], n_gold),
                     "country_root_lenient": _rate(extra["country_root_lenient"], n_gold),
                     "source_root": _rate(extra["source_root"], n_gold)},
        "found": dict(found) | dict(extra),
        "precision_against_key_events": {"country_root": _rate(matched_pred["country_root"], n_pred),
                                         "code_exact": _rate(matched_pred["code_exact"], n_pred)},
        "over_coding": {"overall": _rate(n_pred, n_gold),
                        "mean_per_article": round(sum(ratios) / len(ratios), 2) if ratios else None,
                        "max_per_article": max(ratios) if ratios else None},
        "place": _place_figures(place), "date": _date_figures(when),
        "place_root_only": _place_figures(place_root), "date_root_only": _date_figures(when_root),
        "counts": {"gold": count_gold, "predicted": count_pred, "found": count_hit,
                   "recall": _rate(count_hit, count_gold)},
        "by_source": {s: {"articles": c["articles"], "gold": c["gold"], "predicted": c["predicted"],
                          "recall": _rate(c["found"], c["gold"])} for s, c in sorted(per_source.items())},
        "miss_types": dict(why.most_common()),
        "unmatched_predicted_roots": dict(unmatched_roots.most_common()),
        "misses": misses,
        "worst": worst,
        "per_article": per_article,
    }
