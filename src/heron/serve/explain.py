"""The article view's data: :func:`heron.show.article_view` plus where to highlight each event.

Each event gets ``highlights``: character spans in its sentence for the source, the target and the
trigger. Source and target come from the stored actor mentions (offsets in the article) where one
has the event's text; otherwise, as the trigger (stored as its words, sometimes lemmas), they are
found by a word search in the sentence, inside the event's own span first.
"""

from __future__ import annotations

import re
from typing import Any

from heron.ontology import load_ontology
from heron.serve.convert import plain
from heron.show import article_view


def article_data(view, article_id: str) -> dict[str, Any]:
    """The article (without its full text), its sentences, and each sentence's coding."""
    v = article_view(view, article_id)
    starts = dict(view.con.execute("SELECT sentence_index, start FROM sentences WHERE article_id = ?",
                                   [article_id]).fetchall())
    sentences = []
    for s in v.sentences:
        offset = starts.get(s.index) or 0
        events = []
        for e in s.events:
            e = plain(e)
            e["highlights"] = highlights(s.text, e, mentions=s.mentions, offset=offset)
            events.append(e)
        sentences.append({"index": s.index, "text": s.text, "start": offset, "events": events,
                          "mentions": plain(s.mentions), "places": plain(s.places), "counts": plain(s.counts)})
    return {"article": plain(v.article), "sentences": sentences,
            "n_events": sum(len(s["events"]) for s in sentences)}


def highlights(text: str, event: dict[str, Any], *, mentions: list[dict[str, Any]], offset: int) -> list[dict[str, Any]]:
    """Non-overlapping spans ``{start, end, role}`` (role: source | target | trigger) in ``text``."""
    lo = max(0, (event.get("start") or offset) - offset)
    hi = min(len(text), (event.get("end") or offset + len(text)) - offset) or len(text)
    spans: list[dict[str, Any]] = []
    for role in ("source", "target"):
        found = _mention_span(event.get(f"{role}_text"), mentions, offset=offset, lo=lo, hi=hi, text=text,
                              taken=spans)
        if found:
            spans.append({"start": found[0], "end": found[1], "role": role})
    for word in (event.get("trigger") or "").split():
        found = _word_span(text, word, lo=lo, hi=hi, taken=spans)
        if found:
            spans.append({"start": found[0], "end": found[1], "role": "trigger"})
    return sorted(spans, key=lambda s: s["start"])


def _free(span: tuple[int, int], taken: list[dict[str, Any]]) -> bool:
    return all(span[1] <= t["start"] or span[0] >= t["end"] for t in taken)


def _mention_span(words: str | None, mentions, *, offset: int, lo: int, hi: int, text: str, taken) -> tuple[int, int] | None:
    if not words:
        return None
    candidates = []
    for m in mentions:
        if m.get("text") == words and m.get("start") is not None:
            span = (m["start"] - offset, m["end"] - offset)
            if 0 <= span[0] < span[1] <= len(text) and text[span[0]:span[1]] == words and _free(span, taken):
                candidates.append((not (lo <= span[0] < hi), span[0], span))
    if candidates:
        return min(candidates)[2]
    return _phrase_span(text, words, lo=lo, hi=hi, taken=taken)


def _phrase_span(text: str, phrase: str, *, lo: int, hi: int, taken) -> tuple[int, int] | None:
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
    return _search(pattern, text, lo=lo, hi=hi, taken=taken)


def _word_span(text: str, word: str, *, lo: int, hi: int, taken) -> tuple[int, int] | None:
    # A trigger word may be stored as its lemma ("develop" for "developing"): match its start.
    stem = word[:-1] if len(word) > 4 and word.endswith("e") else word
    pattern = re.compile(r"(?<!\w)" + re.escape(stem) + r"\w*", re.IGNORECASE)
    return _search(pattern, text, lo=lo, hi=hi, taken=taken)


def _search(pattern: re.Pattern, text: str, *, lo: int, hi: int, taken) -> tuple[int, int] | None:
    inside = outside = None
    for m in pattern.finditer(text):
        span = m.span()
        if not _free(span, taken):
            continue
        if lo <= span[0] < hi:
            inside = inside or span
            break
        outside = outside or span
    return inside or outside


def ontology_data(*, root: str | None = None) -> dict[str, Any]:
    """CAMEO codes (with Goldstein, QuadClass, PLOVER type and mode) and the PLOVER types."""
    onto = load_ontology()
    codes = [
        {"code": c.code, "name": c.name, "root": c.root, "level": c.level, "goldstein": c.goldstein,
         "quad_class": c.quad_class, "penta_class": c.penta_class, "plover_type": c.plover_type,
         "plover_mode": c.plover_mode}
        for c in onto if root is None or c.root == root
    ]
    plover = [{"type": p.name, "gloss": p.gloss, "modes": list(p.modes), "category": p.category}
              for p in onto.plover.values()]
    return {"version": onto.version, "cameo": codes, "plover": plover}
