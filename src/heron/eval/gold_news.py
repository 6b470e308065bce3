"""Heron's real-news dev set: hand annotations of whole articles, the texts read from the corpus.

The annotations (``heron/data/gold/news-mixed-dev.jsonl``, described in the README beside it) keep
only ids, offsets and codes; the article texts come from the corpus they were made on
(``../shared/corpus/news-mixed.jsonl``) at run time. An article whose text no longer has the
checksum it was annotated on is skipped with a warning (its offsets would point elsewhere).

    from heron.eval.gold_news import evaluate_news
    report = evaluate_news("../shared/corpus/news-mixed.jsonl")   # packaged annotations found by name
    report["news"]["recall"]["country_root"]

The scoring itself (matching rules, figures, misses) is :mod:`heron.eval.news_score`; this module
reads the annotations and the texts and runs the coder over the annotated articles, whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from heron.errors import GoldFormatError

log = logging.getLogger(__name__)

__all__ = [
    "NewsArticle",
    "NewsCount",
    "NewsGoldEvent",
    "NewsPredEvent",
    "NewsPrediction",
    "attach_texts",
    "evaluate_news",
    "is_news_corpus",
    "packaged_annotations",
    "predict_news",
    "read_annotations",
]


@dataclass(frozen=True, slots=True)
class NewsGoldEvent:
    """One annotated key event (codes as the annotator wrote them; ``None`` actor = unnamed)."""

    eid: str
    source: str | None
    target: str | None
    code: str
    alt_codes: tuple[str, ...] = ()
    place_name: str | None = None
    place_country: str | None = None
    date: date | None = None
    date_partial: str | None = None  # "--MM-DD": the day is stated, the year is not knowable
    span: tuple[int, int] = (0, 0)  # the sentence that reports it
    trigger: tuple[int, int] = (0, 0)
    pair: str | None = None  # the other direction of a symmetric event


@dataclass(frozen=True, slots=True)
class NewsCount:
    kind: str
    value: int
    alt_values: tuple[int, ...] = ()
    span: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class NewsArticle:
    """An annotated article; ``text`` is filled from the corpus at run time."""

    id: str
    source: str | None
    published: date | None
    text_sha256: str
    text_chars: int
    events: tuple[NewsGoldEvent, ...]
    counts: tuple[NewsCount, ...]
    line: int | None = None
    corpus: str = ""
    text: str = ""
    title: str | None = None


@dataclass(frozen=True, slots=True)
class NewsPredEvent:
    """The parts of a coded event the news scorer compares."""

    code: str
    root: str
    source_code: str | None
    source_country: str | None  # country key (gold_records.country_key)
    source_sectors: tuple[str, ...]
    target_code: str | None
    target_country: str | None
    target_sectors: tuple[str, ...]
    sentence: tuple[int, int]  # the coded sentence's span
    span: tuple[int, int]  # the event's own span (trigger plus arguments)
    location_name: str | None = None
    location_country: str | None = None
    date: date | None = None
    confidence: float = 0.5
    trigger: str = ""


@dataclass(slots=True)
class NewsPrediction:
    article_id: str
    events: list[NewsPredEvent] = field(default_factory=list)
    counts: list[tuple[str, int]] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _pair(value: Any) -> tuple[int, int]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return int(value[0]), int(value[1])
    return 0, 0


def _event(obj: dict[str, Any]) -> NewsGoldEvent:
    place = obj.get("place") or {}
    return NewsGoldEvent(
        eid=str(obj.get("eid", "")), source=obj.get("source") or None, target=obj.get("target") or None,
        code=str(obj["code"]), alt_codes=tuple(str(c) for c in obj.get("alt_codes") or ()),
        place_name=place.get("name") or None, place_country=place.get("country") or None,
        date=_day(obj.get("date")), date_partial=obj.get("date_partial") or None,
        span=_pair(obj.get("span")), trigger=_pair(obj.get("trigger")), pair=obj.get("pair") or None)


def read_annotations(path: str | Path) -> list[NewsArticle]:
    """Read an annotation file (one article a line, see the gold README)."""
    p = Path(path)
    out: list[NewsArticle] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise GoldFormatError(f"{p}: cannot read the annotations ({err.strerror or err})") from err
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            out.append(NewsArticle(
                id=str(obj["id"]), source=obj.get("source"), published=_day(obj.get("published")),
                text_sha256=str(obj.get("text_sha256", "")), text_chars=int(obj.get("text_chars", 0)),
                events=tuple(_event(e) for e in obj.get("events") or ()),
                counts=tuple(NewsCount(kind=str(c["kind"]), value=int(c["value"]),
                                       alt_values=tuple(int(v) for v in c.get("alt_values") or ()),
                                       span=_pair(c.get("span"))) for c in obj.get("counts") or ()),
                line=obj.get("line"), corpus=str(obj.get("corpus", ""))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            raise GoldFormatError(f"{p}:{n}: not a news annotation record ({err})") from err
    return out


def _gold_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "gold"


def packaged_annotations(corpus: str | Path) -> Path | None:
    """The packaged annotation file made on a corpus of this file name, if Heron ships one."""
    name = Path(corpus).name
    folder = _gold_dir()
    if not folder.is_dir():
        return None
    for p in sorted(folder.glob("*.jsonl")):
        try:
            with p.open(encoding="utf-8") as handle:
                head = json.loads(handle.readline() or "{}")
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(head, dict) and head.get("corpus") == name:
            return p
    return None


def is_news_corpus(path: str | Path) -> bool:
    """True for a JSONL corpus (``id`` and ``text`` records) that Heron ships annotations for."""
    p = Path(path)
    if not p.is_file() or packaged_annotations(p) is None:
        return False
    try:
        with p.open(encoding="utf-8", errors="replace") as handle:
            head = json.loads(handle.readline() or "{}")
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(head, dict) and "text" in head and "id" in head


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def attach_texts(articles: Sequence[NewsArticle], corpus: str | Path) -> tuple[list[NewsArticle], list[str]]:
    """Fill each article's text from the corpus, read as Heron's JSONL reader reads it.

    Returns the articles whose text was found with the annotated checksum, and one line for each
    article skipped (missing from the corpus, or changed).
    """
    from heron.ingest.fields import record_to_article

    p = Path(corpus)
    wanted = {a.id: a for a in articles}
    found: dict[str, NewsArticle] = {}
    try:
        handle = p.open(encoding="utf-8")
    except OSError as err:
        raise GoldFormatError(f"{p}: cannot read the corpus ({err.strerror or err})") from err
    with handle:
        for n, line in enumerate(handle, 1):
            if len(found) == len(wanted):
                break
            if '"id"' not in line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            art = wanted.get(str(obj.get("id"))) if isinstance(obj, dict) else None
            if art is None or art.id in found:
                continue
            read = record_to_article(obj, origin=str(p), line=n, article_origin=f"{p}:{n}")
            text = getattr(read, "text", None)
            if text is None:
                continue
            art.text, art.title = text, getattr(read, "title", None)
            if art.published is None:
                art.published = getattr(read, "published", None)
            found[art.id] = art
    kept: list[NewsArticle] = []
    skipped: list[str] = []
    for a in articles:
        if a.id not in found:
            skipped.append(f"{a.id}: not in {p.name}")
        elif a.text_sha256 and _sha(a.text) != a.text_sha256:
            skipped.append(f"{a.id}: text changed since it was annotated (checksum differs)")
        else:
            kept.append(a)
    for why in skipped:
        log.warning("news gold: skipping %s", why)
    return kept, skipped


# -- coding -------------------------------------------------------------------------------------


def _pred_event(e, sentences: dict[int, tuple[int, int]]) -> NewsPredEvent:
    from heron.eval.gold_records import country_key, split_sectors

    def sectors(given, code: str | None) -> tuple[str, ...]:
        return tuple(given) if given else split_sectors((code or "")[3:])

    span = (int(e.start), int(e.end))
    return NewsPredEvent(
        code=e.cameo_code, root=e.cameo_root or e.cameo_code[:2],
        source_code=e.source_code, source_country=country_key(e.source_country, e.source_code),
        source_sectors=sectors(e.source_sectors, e.source_code),
        target_code=e.target_code, target_country=country_key(e.target_country, e.target_code),
        target_sectors=sectors(e.target_sectors, e.target_code),
        sentence=sentences.get(e.sentence_index, span), span=span,
        location_name=e.location_name, location_country=e.location_country, date=e.date,
        confidence=float(e.confidence), trigger=e.trigger or "")


def predict_news(articles: Iterable[NewsArticle], *, coder=None, actor_files: Sequence[Path] = (),
                 verb_files: Sequence[Path] = (), require_dyad: bool = True, model: str | None = None,
                 progress: Callable[[int], None] | None = None, fast: bool = False) -> list[NewsPrediction]:
    """Code each article whole (one batched run) and keep what the news scorer compares."""
    from heron.records import Article

    arts = list(articles)
    if coder is None:
        from heron.pipeline import Coder
        from heron.settings import Settings

        coder = Coder(Settings(model=model, actor_files=tuple(actor_files), verb_files=tuple(verb_files),
                               require_dyad=require_dyad, fast=fast))
    out: list[NewsPrediction] = []
    stream = (Article(id=a.id, text=a.text, title=a.title, published=a.published, source=a.source) for a in arts)
    for art, coded in zip(arts, coder.code_articles(stream)):
        sentences = {s.index: (s.start, s.end) for s in coded.sentences}
        out.append(NewsPrediction(article_id=art.id, events=[_pred_event(e, sentences) for e in coded.events],
                                  counts=[(c.kind, int(c.value)) for c in coded.counts]))
        if progress is not None:
            progress(1)
    return out


def evaluate_news(corpus: str | Path, *, annotations: str | Path | None = None, limit: int | None = None,
                  actor_files: Sequence[Path] = (), verb_files: Sequence[Path] = (), require_dyad: bool = True,
                  model: str | None = None, worst: int = 10, coder=None,
                  progress: Callable[[int], None] | None = None, fast: bool = False) -> dict[str, Any]:
    """Score the coder on the annotated articles of ``corpus``; a JSON-able report (``format: news``)."""
    from heron.eval.news_score import score_news

    ann = Path(annotations) if annotations else packaged_annotations(corpus)
    if ann is None:
        raise GoldFormatError(f"{corpus}: Heron ships no annotations for a corpus of this name; "
                              f"pass --annotations PATH")
    gold = read_annotations(ann)
    if limit is not None:
        gold = gold[:max(limit, 0)]
    kept, skipped = attach_texts(gold, corpus)
    t0 = time.perf_counter()
    preds = predict_news(kept, coder=coder, actor_files=actor_files, verb_files=verb_files,
                         require_dyad=require_dyad, model=model, progress=progress, fast=fast)
    seconds = time.perf_counter() - t0
    scores = score_news(kept, preds, worst=worst)
    return {
        "format": "news", "path": str(corpus), "annotations": str(ann), "items": len(kept),
        "skipped": skipped, "gold_events": sum(len(a.events) for a in kept),
        "predicted_events": sum(len(p.events) for p in preds), "seconds": round(seconds, 2),
        "items_per_second": round(len(kept) / seconds, 1) if seconds > 0 else None,
        "settings": {"actor_files": [str(p) for p in actor_files], "verb_files": [str(p) for p in verb_files],
                     "require_dyad": require_dyad, "model": model, "limit": limit, "fast": fast},
        "news": scores,
    }
