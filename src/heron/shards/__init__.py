"""Sharded, resumable, incremental coding jobs, on the local worker pool or on Ray.

Public API::

    run_job(inputs, *, store, settings=None, engine="local", workers=None, address=None,
            lines=200, published=None, source=None, recode=False) -> JobSummary
    plan_shards(inputs, *, lines=200) -> Plan          # the shards, and inputs that cannot be read
    read_shard(shard, *, published=None, source=None) -> Iterator[Article | ReadProblem]

``heron code FILES/FOLDERS/GLOBS`` is ``run_job``: inputs are split into shards (``heron.shards.plan``),
the store's ``shard_manifest`` table records each shard's content hash and state, and a re-run
codes only the shards that are new, changed, or were left pending by a run that died. Engines
(``heron.shards.engines``): ``local`` (worker processes) and ``ray`` (one actor per worker, each
loading the pipeline once; an optional extra). Either way workers send back Arrow tables and the
driver alone writes the store.
"""

from __future__ import annotations

from heron.shards.job import JobSummary, run_job
from heron.shards.plan import DEFAULT_LINES, Plan, Shard, plan_shards
from heron.shards.read import read_shard

__all__ = ["DEFAULT_LINES", "JobSummary", "Plan", "Shard", "plan_shards", "read_shard", "run_job"]
