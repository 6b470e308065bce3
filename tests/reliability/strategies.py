"""Hypothesis strategies for hostile input: arbitrary Unicode with the characters that break readers.

Written for these tests (no corpus text). Examples are kept small so the reliability tests stay
fast; the soak script ``benchmarks/fuzz.py`` runs many more.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# A bounded number of examples and no deadline (the first example pays for imports and caches).
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
FEW = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))

ODD = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width, word joiner, BOM
    "\u202e", "\u202d", "\u2066", "\u2069", "\u061c", "\u200f",  # right-to-left and isolates
    "\u0301", "\u00ad", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b", "\x07", "\x00", "\r", "\t", "\x85",
    "\u00a0", "\u3000", "\ufffd", "\uffff", "\U0001f600", "\U0001f1ee\U0001f1f7", "\U0001f468\u200d\U0001f469",
    "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u2461", "\u00b2", "\u0663",
    "\U00010348", "<", ">", "&", "\"", "'", "\\", "{", "}", "[", "]",
]
WORDS = ["Iran", "Russia", "minister", "met", "in", "Tehran", "on", "Wednesday", "police", "killed", "100",
         "protesters", "the", "said", "Syria", "signed", "deal", ".", ",", "\n"]

odd_text = st.lists(st.one_of(st.sampled_from(ODD), st.sampled_from(WORDS).map(lambda w: w + " "),
                              st.text(max_size=8)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), odd_text,
                     st.lists(st.sampled_from(["\U0001f600", "\U0001f525", "\u2764\ufe0f"]), min_size=1,
                              max_size=30).map("".join))
# Text that may hold lone surrogates: only JSON escapes can carry them into a reader.
surrogates = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80),
                         st.floats(allow_nan=True, allow_infinity=True), any_text,
                         st.sampled_from(["2015-10-22", "22/10/2015", "0000-00-00", "9999-99-99", "yesterday",
                                          "Thu, 22 Oct 2015 10:33:00 +0000", ""]))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=8)
KEYS = ["id", "text", "title", "headline", "published", "date", "source", "url", "link", "language", "lang", "x"]
records = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6).flatmap(
    lambda rec: st.one_of(st.just(rec), any_text.map(lambda t: {**rec, "text": t})))


def dump_json(obj, *, ascii_only: bool) -> str:
    return json.dumps(obj, ensure_ascii=ascii_only, allow_nan=True)
