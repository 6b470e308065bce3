"""The analysts' side: deduplicated events, dyadic time series, top lists and plots.

Every function takes a :class:`heron.store.Store` and returns a pandas DataFrame::

    from heron.store import Store
    from heron.query import dedup_events, dyad_series, top

    with Store("heron.duckdb", read_only=True) as store:
        series = dyad_series(store, "IRN", "RUS", by="month", dedup=True)
        actors = top(store, what="actors", start="2015", n=20)

Raw mentions (the ``events`` table: one row per event per sentence per article) or deduplicated
events (``dedup=True`` or ``"cluster"``, or ``"daily"``): see :mod:`heron.query.dedup`.
"""

from heron.query.dedup import cluster_id, dedup_events, dedup_mentions
from heron.query.dyad import dyad_series
from heron.query.plot import plot_dyad
from heron.query.top import top

__all__ = ["cluster_id", "dedup_events", "dedup_mentions", "dyad_series", "plot_dyad", "top"]
