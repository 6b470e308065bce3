"""DataFrames and stored values as JSON, CSV and Parquet responses."""

from __future__ import annotations

import io
import json
import math
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes strings with
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN/NaT as None, numpy scalars and arrays as Python."""
    if value is None or value is pd.NA:
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


def _dates_json(s: pd.Series) -> list[str]:
    """Dates as ISO text (days without a time as YYYY-MM-DD), NaT as null: JSON fragments."""
    if getattr(s.dt, "tz", None) is not None:
        return [_text(None if pd.isna(v) else v.isoformat()) for v in s.tolist()]
    arr = s.to_numpy()
    known = ~np.isnat(arr)
    midnight = bool((arr[known] == arr[known].astype("datetime64[D]")).all())
    text = np.datetime_as_string(arr, unit="D" if midnight else "s").tolist()
    if known.all():
        return ['"' + t + '"' for t in text]
    return ['"' + t + '"' if ok else "null" for t, ok in zip(text, known.tolist())]


def _text(value: Any) -> str:
    return encode_basestring(value) if isinstance(value, str) else _dumps(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _column_json(s: pd.Series) -> list[str]:
    """One column as JSON fragments, one a row: NaN, NaT and NA as null, numpy values as Python's."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return _dates_json(s)
    kind = s.dtype.kind
    if kind in "iu":
        return list(map(str, s.tolist()))
    if kind == "b":
        return ["true" if v else "false" for v in s.tolist()]
    if kind == "f":
        values = s.to_numpy()
        out = list(map(float.__repr__, values.tolist()))
        for k in np.flatnonzero(~np.isfinite(values)).tolist():
            out[k] = "null"
        return out
    return [encode_basestring(v) if isinstance(v, str) else "null" if v is None else _dumps(plain(v))
            for v in s.to_numpy(dtype=object).tolist()]


def records_json(df: pd.DataFrame) -> str:
    """The rows as a JSON array of objects (NaN and NaT as null), written column by column: each
    column's values become JSON text once, then one row template joins them (no per-cell pandas or
    per-row dict)."""
    if df.empty:
        return "[]"
    template = "{" + ",".join(encode_basestring(str(c)).replace("%", "%%") + ":%s" for c in df.columns) + "}"
    columns = [_column_json(s) for _, s in df.items()]
    return "[" + ",".join(template % row for row in zip(*columns)) + "]"


def json_with_rows(meta: dict[str, Any], key: str, df: pd.DataFrame) -> bytes:
    """``meta`` with ``key`` holding the rows of ``df``: one JSON object, built without a Python loop per row."""
    head = json.dumps({k: plain(v) for k, v in meta.items()}, ensure_ascii=False)
    body = (head[:-1] + (", " if meta else "") + json.dumps(key) + ": " + records_json(df) + "}")
    return body.encode("utf-8")
