"""Export stored tables: JSONL, CSV, Parquet, and for events the PLOVER and Phoenix formats."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from heron.errors import InputError
from heron.outfile import open_out, temp_beside, write_text
from heron.store import Store

TABLES = {
    "events": "SELECT * FROM events ORDER BY article_id, sentence_index, start",
    "counts": "SELECT * FROM counts ORDER BY article_id, sentence_index, start",
    "places": "SELECT * FROM places ORDER BY article_id, sentence_index, start",
    "actors": "SELECT * FROM mentions ORDER BY article_id, mention_index, member",
    "mentions": "SELECT * FROM mentions ORDER BY article_id, mention_index, member",
    "learned": "SELECT * FROM learned_actors ORDER BY name",
    "articles": "SELECT * EXCLUDE (text) FROM articles ORDER BY id",
    "sentences": "SELECT * FROM sentences ORDER BY article_id, sentence_index",
}
FORMATS = ("jsonl", "csv", "parquet", "plover", "phoenix")

PHOENIX_COLUMNS = (
    "event_id", "date", "year", "month", "day", "source_code", "source_country", "source_sectors",
    "target_code", "target_country", "target_sectors", "cameo_code", "cameo_root", "quad_class",
    "goldstein", "location_name", "location_country", "latitude", "longitude", "article_id",
    "source_url", "trigger",
)


def rows(store: Store, table: str) -> list[dict[str, Any]]:
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}. Fix: choose one of {', '.join(TABLES)}.")
    cur = store.con.execute(TABLES[table])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def export(store: Store, *, table: str, fmt: str, out: TextIO | Path, dedup: str | None = None) -> int:
    """Write ``table`` in ``fmt`` to a text stream, or to a file path (required for parquet).

    ``dedup`` ("daily" or "cluster", events only) exports deduplicated events instead of the raw
    mentions (see :mod:`heron.query.dedup`).
    """
    if dedup is not None:
        return _export_dedup(store, table=table, fmt=fmt, out=out, method=dedup)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}. Fix: choose one of {', '.join(FORMATS)}.")
    if fmt in ("plover", "phoenix") and table != "events":
        raise InputError(f"--format {fmt} is for events only. Fix: add --table events.")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise InputError("parquet needs a file. Fix: add --out FILE.parquet.")
        if table not in TABLES:
            raise InputError(f"unknown table {table!r}. Fix: choose one of {', '.join(TABLES)}.")
        return _write_parquet(store, TABLES[table], out)
    data = rows(store, table)
    if isinstance(out, Path):
        with open_out(out) as fh:  # a temporary file renamed onto out: never through a symlink
            return _write(data, fmt=fmt, fh=fh, store=store)
    return _write(data, fmt=fmt, fh=out, store=store)


def _write_parquet(store: Store, query: str, out: Path) -> int:
    """Write one of the fixed ``TABLES`` queries to ``out`` through pyarrow.

    The path never enters SQL text: a quote or a statement in a file name is only a file name.
    """
    import pyarrow.parquet as pq

    from heron.query.common import fetch_arrow

    with store.con.cursor() as cur:  # a cursor of its own: no unfinished result of the store's in the way
        table = fetch_arrow(cur, query)
    with temp_beside(out) as tmp:
        pq.write_table(table, tmp)
    return table.num_rows


def _export_dedup(store: Store, *, table: str, fmt: str, out: TextIO | Path, method: str) -> int:
    from heron.query.dedup import dedup_events

    if table != "events" or fmt not in ("jsonl", "csv", "parquet"):
        raise InputError("--dedup exports events as jsonl, csv or parquet. Fix: --table events --format jsonl|csv|parquet.")
    frame = dedup_events(store, method=method)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise InputError("parquet needs a file. Fix: add --out FILE.parquet.")
        with temp_beside(out) as tmp:
            frame.to_parquet(tmp, index=False)
        return len(frame)
    data = [{k: _plain(v) for k, v in r.items()} for r in frame.to_dict(orient="records")]
    text = to_text(data, fmt)
    if isinstance(out, Path):
        write_text(out, text)
    else:
        out.write(text)
    return len(data)


def _plain(v: Any) -> Any:
    """pandas values as plain Python: NaN/NaT -> None, a midnight Timestamp -> its date."""
    if _missing(v):
        return None
    if hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
        return v.date() if (v.hour, v.minute, v.second) == (0, 0, 0) else v
    return v


def _missing(v: Any) -> bool:
    try:
        return v is None or (not isinstance(v, (list, str)) and bool(v != v))
    except (TypeError, ValueError):
        return False


def _write(data: list[dict[str, Any]], *, fmt: str, fh: TextIO, store: Store) -> int:
    if fmt == "jsonl":
        for r in data:
            fh.write(json.dumps(r, default=_json_default, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(data, fh)
    elif fmt == "plover":
        urls = _article_meta(store)
        sizes = _event_sizes(store)
        for r in data:
            record = plover_record(r, urls.get(r["article_id"], {}), sizes.get(r["event_id"]))
            fh.write(json.dumps(record, default=_json_default, ensure_ascii=False) + "\n")
    elif fmt == "phoenix":
        urls = _article_meta(store)
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(PHOENIX_COLUMNS)
        for r in data:
            writer.writerow(phoenix_row(r, urls.get(r["article_id"], {})))
    return len(data)


def write_csv(data: list[dict[str, Any]], fh: TextIO) -> None:
    if not data:
        return
    writer = csv.DictWriter(fh, fieldnames=list(data[0]), lineterminator="\n")
    writer.writeheader()
    for r in data:
        writer.writerow({k: _cell(v) for k, v in r.items()})


def to_text(data: list[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    if fmt == "csv":
        write_csv(data, buf)
    else:
        for r in data:
            buf.write(json.dumps(r, default=_json_default, ensure_ascii=False) + "\n")
    return buf.getvalue()


def plover_record(r: dict[str, Any], meta: dict[str, Any], size: dict[str, int] | None = None) -> dict[str, Any]:
    """One event in the PLOVER 2.0 JSON exchange layout (the manual's field names).

    Heron's own extras (CAMEO code, Goldstein, confidence, trigger, pattern, reason) follow the
    standard fields, as the manual invites providers to add named fields.
    """
    def entity(side: str) -> list[dict[str, Any]]:
        if not r[f"{side}_code"]:
            return []
        return [{
            "code": r[f"{side}_country"] or r[f"{side}_code"],
            "sector": "".join(r[f"{side}_sectors"] or []),
            "entity_text": r[f"{side}_text"],
            "identifier_text": r[f"{side}_name"],
            "heron_code": r[f"{side}_code"],
        }]

    location = None
    if r["location_name"]:
        location = {"resolved_place": r["location_name"], "country_code": r["location_country"],
                    "lat": r["latitude"], "lon": r["longitude"]}
    record = {
        "id": r["event_id"],
        "date": r["date"],
        "actor": entity("source"),
        "recipient": entity("target"),
        "event": [r["plover_type"]],
        "mode": [r["plover_mode"]] if r["plover_mode"] else [],
        "context": [],
        "event_loc": location,
        "event_text": [r["trigger"]],
        "quad_code": r["quad_class"],
        "text": r["sentence_text"],
        "text_info": {"sequence": r["sentence_index"], "start": r["start"], "end": r["end"]},
        "cite_info": {"citation": r["article_id"], "url": meta.get("url"), "title": meta.get("title"),
                      "publication": meta.get("source"), "language": meta.get("language"),
                      "coder": r["coder_version"], "codebook": "plover-2.0 via CAMEO 1.1b3"},
        "coder": r["coder_version"],
        "cameo": r["cameo_code"],
        "goldstein": r["goldstein"],
        "confidence": r["confidence"],
        "pattern": r["pattern_id"],
        "reason": r["reason"],
        "modality": r["modality"],
    }
    if size:
        record["size"] = size
    return record


def phoenix_row(r: dict[str, Any], meta: dict[str, Any]) -> list[Any]:
    d: date | None = r["date"]
    return [
        r["event_id"], d.strftime("%Y%m%d") if d else "", d.year if d else "", d.month if d else "",
        d.day if d else "", r["source_code"] or "", r["source_country"] or "", ";".join(r["source_sectors"] or []),
        r["target_code"] or "", r["target_country"] or "", ";".join(r["target_sectors"] or []),
        r["cameo_code"], r["cameo_root"], r["quad_class"], r["goldstein"], r["location_name"] or "",
        r["location_country"] or "", r["latitude"] if r["latitude"] is not None else "",
        r["longitude"] if r["longitude"] is not None else "", r["article_id"], meta.get("url") or "",
        r["trigger"],
    ]


def _article_meta(store: Store) -> dict[str, dict[str, Any]]:
    cur = store.con.execute("SELECT id, url, source, published, title, language FROM articles")
    return {i: {"url": u, "source": s, "published": p, "title": t, "language": lang}
            for i, u, s, p, t, lang in cur.fetchall()}


PLOVER_SIZE = {"killed": "dead", "injured": "injured", "arrested": "arrested"}


def _event_sizes(store: Store) -> dict[str, dict[str, int]]:
    """PLOVER's size object (dead, injured, arrested) from the counts linked to each event."""
    out: dict[str, dict[str, int]] = {}
    cur = store.con.execute("SELECT event_id, kind, max(value) FROM counts WHERE event_id IS NOT NULL GROUP BY ALL")
    for event_id, kind, value in cur.fetchall():
        if kind in PLOVER_SIZE:
            out.setdefault(event_id, {})[PLOVER_SIZE[kind]] = value
    return out


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    return v


def _json_default(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "isoformat"):  # pandas Timestamp
        return v.isoformat()
    if hasattr(v, "tolist"):  # numpy arrays and scalars
        return v.tolist()
    return str(v)

