"""DataFrames and stored values as JSON, CSV and Parquet responses."""

from __future__ import annotations

import io
import json
import math
from datetime import date, datetime
from typing import Any

import pandas as pd


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN/NaT as None, numpy scalars and arrays as Python."""
    if value is None:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return None if pd.isna(value) else value.date().isoformat() if _midnight(value) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "tolist"):  # numpy scalar or array
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is pd.NaT:
        return None
    return value


def _midnight(value: datetime) -> bool:
    return (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def to_csv(df: pd.DataFrame) -> str:
    out = io.StringIO()
    flat = df.copy()
    for col in flat.columns:
        if flat[col].dtype == object:
            flat[col] = flat[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) or
                                      hasattr(v, "tolist") and not isinstance(v, str) else v)
    flat.to_csv(out, index=False)
    return out.getvalue()


def to_parquet(df: pd.DataFrame) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), buf)
    return buf.getvalue()


def _json_ready(df: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO strings (days without a time as YYYY-MM-DD), vectorised where pandas can."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            midnight = s.dropna().dt.normalize().eq(s.dropna()).all()
            text = s.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
            out[col] = text.where(s.notna(), None)
        elif s.dtype == object:
            out[col] = s.map(lambda v: v.isoformat() if isinstance(v, (date, datetime)) else
                             v.tolist() if hasattr(v, "tolist") and not isinstance(v, str) else v)
    return out


def records_json(df: pd.DataFrame) -> str:
    """The rows as a JSON array of objects, by pandas' C encoder (NaN and NaT as null)."""
    if df.empty:
        return "[]"
    return _json_ready(df).to_json(orient="records", force_ascii=False, double_precision=15)


def json_with_rows(meta: dict[str, Any], key: str, df: pd.DataFrame) -> bytes:
    """``meta`` with ``key`` holding the rows of ``df``: one JSON object, built without a Python loop per row."""
    head = json.dumps({k: plain(v) for k, v in meta.items()}, ensure_ascii=False)
    body = (head[:-1] + (", " if meta else "") + json.dumps(key) + ": " + records_json(df) + "}")
    return body.encode("utf-8")
