"""A resumable, incremental coding job: plan shards, skip the done ones, code the rest, one writer.

The driver (this process) is the only writer. Each task's articles and the ``done`` marks of its
shards are committed in one transaction, so a run killed at any point leaves only whole shards in
the store, and the next run with the same inputs codes just what is missing: the shards that were
pending, new files in a folder, new lines at the end of a JSONL file, edited files.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from heron.records import Event
from heron.runner import RunSummary, default_workers
from heron.settings import Settings
from heron.shards.engines import make_engine
from heron.shards.plan import DEFAULT_LINES, Shard, plan_shards
from heron.shards.work import Task, TaskResult
from heron.store import Store, manifest

log = logging.getLogger(__name__)

IN_PROCESS_BELOW = 8  # fewer articles than this to code: no worker processes or actors
MAX_TASK_FILES = 16  # whole-file shards (about one article each) committed together


@dataclass
class JobSummary(RunSummary):
    n_shards: int = 0  # shards in the inputs
    n_shards_skipped: int = 0  # already coded from the same content with the same settings
    engine: str = "local"


def settings_hash(settings: Settings, *, published: date | None, source: str | None) -> str:
    """What decides how a shard codes: the coder version, the settings (their dictionaries' contents
    included) and the defaults for missing dates and sources. Batch size does not count."""
    from heron import __version__

    described = settings.model_dump(mode="json", exclude={"batch_size"})
    described["files"] = [_content_hash(p) for p in (*settings.actor_files, *settings.verb_files)]
    described.update(coder=f"heron-{__version__}", published=str(published), source=source)
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


def run_job(
    inputs: Sequence[str | Path],
    *,
    store: Store,
    settings: Settings | None = None,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    lines: int = DEFAULT_LINES,
    published: date | None = None,
    source: str | None = None,
    recode: bool = False,
    keep_events: bool = True,
    progress: Callable[[int], None] | None = None,
    out_parquet: Path | None = None,
) -> JobSummary:
    """Code the shards of ``inputs`` that ``store`` has not coded yet (all of them with ``recode``).

    With ``out_parquet``, each coded shard's events are also written there as month-partitioned
    Parquet (see ``heron.shards.parquet_out``)."""
    from heron import __version__
    from heron.store.learned import learned_rows

    settings = settings or Settings()
    plan = plan_shards(inputs, lines=lines)
    fingerprint = settings_hash(settings, published=published, source=source)
    known = manifest.rows_for(store.con, [s.shard_id for s in plan.shards])
    todo = [s for s in plan.shards if recode or not _is_done(known.get(s.shard_id), s, fingerprint)]

    run_id = store.begin_run(coder_version=f"heron-{__version__}", model=settings.model or "default",
                             settings=settings.model_dump(mode="json"))
    summary = JobSummary(run_id=run_id, problems=list(plan.problems), n_shards=len(plan.shards),
                         n_shards_skipped=len(plan.shards) - len(todo), engine=engine)
    log.info("%d shards in the inputs, %d already coded, %d to code (run %s)",
             summary.n_shards, summary.n_shards_skipped, len(todo), run_id)

    # people learned from this job's own articles (by an earlier, interrupted run of it) are left
    # out, so a resumed or extended job codes as one clean run would
    own = manifest.articles_of(store.con, [s.shard_id for s in plan.shards])
    learned = tuple(r for r in learned_rows(store.con) if r.get("source_article") not in own)

    _drop_stale(store, plan.shards, known=known, todo=todo, out_parquet=out_parquet)
    manifest.mark_pending(store.con, todo, settings_hash=fingerprint, run_id=run_id)
    tasks = group_tasks(todo, lines=lines, run_id=run_id, published=published, source=source)
    if sum(s.weight for s in todo) < IN_PROCESS_BELOW and engine == "local":
        workers = 1
    runner = make_engine(engine, settings, learned=learned, workers=workers or default_workers(), address=address)
    for result in runner.run(tasks):
        task = tasks[result.index]
        _commit(store, task, result, known=known, run_id=run_id, out_parquet=out_parquet)
        _add(summary, result, keep_events=keep_events)
        log.info("committed task %d/%d: %d shards, %d articles", result.index + 1, len(tasks),
                 len(task.shards), result.n_coded)
        if progress:
            progress(result.n_coded)
    store.finish_run(run_id, n_read=summary.n_read, n_coded=summary.n_coded, problems=summary.problems)
    return summary


def _is_done(row: manifest.ManifestRow | None, shard: Shard, fingerprint: str) -> bool:
    return (row is not None and row.state == manifest.DONE and row.content_hash == shard.content_hash
            and row.settings_hash == fingerprint)


def group_tasks(shards: Iterable[Shard], *, lines: int, run_id: str, published: date | None = None,
                source: str | None = None) -> list[Task]:
    """Consecutive shards in tasks of about ``lines`` articles (whole files: at most 16 a task)."""
    tasks: list[Task] = []
    group: list[Shard] = []
    weight = 0
    limit = min(lines, MAX_TASK_FILES)

    def close() -> None:
        nonlocal group, weight
        if group:
            tasks.append(Task(len(tasks), tuple(group), run_id, published, source))
        group, weight = [], 0

    for shard in shards:
        if shard.n_lines:  # a range of a big file is a task of its own
            close()
            group, weight = [shard], shard.weight
            close()
            continue
        group.append(shard)
        weight += shard.weight
        if weight >= limit:
            close()
    close()
    return tasks


def _drop_stale(store: Store, shards: Sequence[Shard], *, known: dict[str, manifest.ManifestRow],
                todo: Sequence[Shard], out_parquet: Path | None = None) -> None:
    """Remove the articles of parts a file no longer has (it shrank or was rewritten shorter),
    unless a part that is kept as it is still holds them; one transaction."""
    stale = manifest.stale_rows(store.con, sorted({s.path for s in shards}), [s.shard_id for s in shards])
    if not stale:
        return
    coding = {s.shard_id for s in todo}
    kept = {a for sid, row in known.items() if sid not in coding for a in row.article_ids}
    gone = {a for row in stale.values() for a in row.article_ids} - kept
    log.info("%d parts of changed files are gone: removing their %d articles", len(stale), len(gone))
    if out_parquet is not None:
        from heron.shards.parquet_out import remove_shard

        for shard_id in stale:
            remove_shard(Path(out_parquet), shard_id)
    store.write_tables({}, replace=gone, then=lambda con: manifest.forget(con, list(stale)))


def _commit(store: Store, task: Task, result: TaskResult, *, known: dict[str, manifest.ManifestRow],
            run_id: str, out_parquet: Path | None = None) -> None:
    replace = [a for o in result.outcomes for a in o.article_ids]
    for shard in task.shards:  # what an earlier coding of these shards stored
        if shard.shard_id in known:
            replace.extend(known[shard.shard_id].article_ids)

    def mark(con) -> None:
        for outcome in result.outcomes:
            manifest.mark_done(con, outcome.shard_id, n_read=outcome.n_read, article_ids=outcome.article_ids,
                               run_id=run_id)
            if out_parquet is not None:
                from heron.shards.parquet_out import write_shard_events

                write_shard_events(con, Path(out_parquet), outcome.shard_id, outcome.article_ids)

    store.write_tables(result.tables, replace=replace, people=result.people, then=mark)


def _add(summary: JobSummary, result: TaskResult, *, keep_events: bool) -> None:
    for outcome in result.outcomes:
        summary.n_read += outcome.n_read
        summary.problems.extend(outcome.problems)
        summary.article_ids.extend(outcome.article_ids)
    summary.n_coded += result.n_coded
    summary.n_events += result.n_events
    if keep_events and "events" in result.tables:
        summary.events.extend(Event(**row) for row in result.tables["events"].to_pylist())
