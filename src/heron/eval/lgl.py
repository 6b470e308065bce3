"""Score the geoparser on LGL (local-news toponyms resolved to GeoNames).

The XML (``shared/geo/lgl-dev.xml``; format of Gritta et al.'s "What's missing in geographical
parsing?" data) holds ``<article>`` elements with ``<text>`` and ``<toponyms>``; each
``<toponym>`` has character ``<start>``/``<end>``, the ``<phrase>``, and, when it was resolved,
a ``<gaztag geonameid=...>`` with ``<lat>``, ``<lon>``, ``<fcode>`` and ``<country geonameid=...>``.

LGL tags demonyms ("Georgian", "Sri Lankan") as toponyms of their country, so the geoparser is
run with ``demonyms=True`` here.

Measures (toponyms without a gaztag are counted but not scored):

* ``recall``: gold toponyms whose span is overlapped by a predicted place span;
* ``exact_id``: among matched toponyms, the predicted GeoNames id equals the gold id;
* ``country_accuracy``: among matched toponyms, the predicted country equals the gold one;
* ``within_161km``: among matched toponyms, the predicted point is within 161 km (100 miles)
  of the gold point -- the usual "accuracy@161km";
* ``within_161km_of_gold``: the same count over all resolved gold toponyms, found or not -- what a
  user sees end to end (recall times within_161km);
* ``precision_vs_gold``: predicted places overlapping some gold toponym; LGL does not tag every
  place name, so this is a lower bound.

Mordecai 3's published LGL figures are carried along for comparison (they are its authors'
numbers, on the whole of LGL and with its own toponym detection, not a run here).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from heron.errors import GoldFormatError

MORDECAI3_EXACT = 0.794
MORDECAI3_COUNTRY = 0.979
MORDECAI3_WITHIN_161KM = 0.827


@dataclass
class LglToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fcode: str | None
    country_id: int | None


@dataclass
class LglArticle:
    docid: str
    text: str
    toponyms: list[LglToponym]


@dataclass
class LglScores:
    articles: int
    gold_toponyms: int  # with a GeoNames resolution
    gold_unresolved: int  # toponyms in the gold without a gaztag (not scored)
    predicted: int
    matched: int
    recall: float
    precision_vs_gold: float
    exact_id: float
    country_accuracy: float
    within_161km: float
    within_161km_of_gold: float
    median_error_km: float
    seconds: float
    mordecai3_exact_id: float = MORDECAI3_EXACT
    mordecai3_country_accuracy: float = MORDECAI3_COUNTRY
    mordecai3_within_161km: float = MORDECAI3_WITHIN_161KM
    by_gold_type: dict[str, dict[str, float]] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)  # a sample of wrong resolutions


def read_lgl(path: str | Path, *, limit: int | None = None) -> list[LglArticle]:
    """Parse an LGL XML file."""
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except (ET.ParseError, OSError) as exc:
        raise GoldFormatError(f"{p}: cannot read LGL XML ({exc}). Fix: give the path of an LGL .xml file.") from exc
    out: list[LglArticle] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops: list[LglToponym] = []
        for tp in art.iter("toponym"):
            try:
                start, end = int(tp.findtext("start")), int(tp.findtext("end"))
            except (TypeError, ValueError) as exc:
                raise GoldFormatError(f"{p}: article {art.get('docid')}: toponym without start/end") from exc
            g = tp.find("gaztag")
            gid = lat = lon = fcode = cid = None
            if g is not None:
                gid = int(g.get("geonameid")) if g.get("geonameid") else None
                lat = _float(g.findtext("lat"))
                lon = _float(g.findtext("lon"))
                fcode = g.findtext("fcode")
                c = g.find("country")
                if c is not None and c.get("geonameid"):
                    cid = int(c.get("geonameid"))
            tops.append(LglToponym(start, end, tp.findtext("phrase") or text[start:end], gid, lat, lon, fcode, cid))
        out.append(LglArticle(art.get("docid", str(len(out))), text, tops))
        if limit is not None and len(out) >= limit:
            break
    return out


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s is not None else None
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _gold_type(fcode: str | None) -> str:
    if not fcode:
        return "other"
    if fcode.startswith("PCL"):
        return "country"
    if fcode == "ADM1":
        return "admin1"
    if fcode.startswith("ADM"):
        return "admin2+"
    if fcode.startswith("PPL"):
        return "city"
    return "other"


def score_lgl(path: str | Path, *, limit: int | None = None, nlp=None, gazetteer=None) -> LglScores:
    """Run the geoparser over every LGL article and score it (see module doc)."""
    from heron.geo.gazetteer import load_gazetteer
    from heron.geo.geoparse import geoparse

    t0 = time.perf_counter()
    articles = read_lgl(path, limit=limit)
    gaz = gazetteer or load_gazetteer()
    if nlp is None:
        from heron.nlp import load_nlp

        nlp = load_nlp()
    country_iso3_by_id = {e.geonameid: e.country for e in gaz.countries()}

    n_gold = n_unres = n_pred = n_pred_hit = n_match = n_exact = n_country = n_161 = 0
    n_country_scored = 0
    errors: list[float] = []
    by_type: dict[str, Counter] = {}
    misses: list[dict] = []
    docs = nlp.pipe([a.text for a in articles], batch_size=16)
    for art, doc in zip(articles, docs):
        places = geoparse(doc, article_id=art.docid, gazetteer=gaz, demonyms=True)
        n_pred += len(places)
        gold = [t for t in art.toponyms if t.geonameid is not None]
        n_unres += len(art.toponyms) - len(gold)
        n_gold += len(gold)
        for p in places:
            if any(p.start < t.end and t.start < p.end for t in art.toponyms):
                n_pred_hit += 1
        for t in gold:
            typ = _gold_type(t.fcode)
            c = by_type.setdefault(typ, Counter())
            c["gold"] += 1
            overl = [(min(p.end, t.end) - max(p.start, t.start), p) for p in places if p.start < t.end and t.start < p.end]
            if not overl:
                continue
            p = max(overl, key=lambda x: x[0])[1]
            n_match += 1
            c["matched"] += 1
            if p.geonameid == t.geonameid:
                n_exact += 1
                c["exact"] += 1
            gold_country = country_iso3_by_id.get(t.country_id) if t.country_id else country_iso3_by_id.get(t.geonameid)
            if gold_country is not None:
                n_country_scored += 1
                if p.country == gold_country:
                    n_country += 1
            if t.lat is not None and t.lon is not None and p.latitude is not None and p.longitude is not None:
                km = haversine_km(p.latitude, p.longitude, t.lat, t.lon)
                errors.append(km)
                if km <= 161:
                    n_161 += 1
                    c["within_161km"] += 1
                elif len(misses) < 60:
                    misses.append({"docid": art.docid, "text": t.phrase, "gold_id": t.geonameid,
                                   "predicted": f"{p.name} ({p.country}, {p.feature})",
                                   "predicted_id": p.geonameid, "km": round(km), "reason": p.reason})

    def rate(a: int, b: int) -> float:
        return a / b if b else 0.0

    return LglScores(
        articles=len(articles),
        gold_toponyms=n_gold,
        gold_unresolved=n_unres,
        predicted=n_pred,
        matched=n_match,
        recall=rate(n_match, n_gold),
        precision_vs_gold=rate(n_pred_hit, n_pred),
        exact_id=rate(n_exact, n_match),
        country_accuracy=rate(n_country, n_country_scored),
        within_161km=rate(n_161, n_match),
        within_161km_of_gold=rate(n_161, n_gold),
        median_error_km=statistics.median(errors) if errors else 0.0,
        seconds=round(time.perf_counter() - t0, 2),
        by_gold_type={
            k: {
                "gold": float(v["gold"]),
                "recall": rate(v["matched"], v["gold"]),
                "exact_id": rate(v["exact"], v["matched"]),
                "within_161km": rate(v["within_161km"], v["matched"]),
            }
            for k, v in sorted(by_type.items())
        },
        misses=misses,
    )
