"""Run a coding job: read inputs, code them (in worker processes), store them, summarise.

The main process is the single writer: workers only parse and code, and send back plain records.
Each chunk of articles is committed in its own transaction as it arrives.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from heron.errors import StoreError
from heron.records import Article, CodedArticle, Event, ReadProblem
from heron.settings import Settings
from heron.store import Store

log = logging.getLogger(__name__)

CHUNK = 16  # articles per write transaction
WORKER_CHUNK = 64  # articles per task sent to a worker (two parser batches)
IN_PROCESS_BELOW = 8  # fewer articles than this: not worth starting workers


@dataclass
class RunSummary:
    run_id: str
    n_read: int = 0
    n_coded: int = 0
    n_events: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def code_inputs(
    inputs: Sequence[str | Path],
    *,
    store: Store,
    settings: Settings | None = None,
    workers: int | None = None,
    published: date | None = None,
    source: str | None = None,
    keep_events: bool = True,
    progress: Callable[[int], None] | None = None,
    stdin=None,
) -> RunSummary:
    """Read, code and store everything in ``inputs``; bad records are skipped and reported."""
    from heron import __version__
    from heron.ingest import read_inputs

    settings = settings or Settings()
    check_dictionaries(settings)
    run_id = store.begin_run(coder_version=f"heron-{__version__}", model=settings.model or "default",
                             settings=settings.model_dump(mode="json"))
    summary = RunSummary(run_id=run_id)

    def articles() -> Iterator[Article]:
        for item in read_inputs(inputs, published=published, source=source, stdin=stdin):
            if isinstance(item, ReadProblem):
                log.warning("skipped %s", item)
                summary.problems.append(item)
            else:
                summary.n_read += 1
                yield item

    from heron.store.learned import learned_rows

    learned = tuple(learned_rows(store.con))
    for chunk in code_stream(articles(), settings=settings, workers=workers or default_workers(),
                             problems=summary.problems, learned=learned):
        chunk = _write_chunk(store, chunk, run_id=run_id, problems=summary.problems)
        summary.n_coded += len(chunk)
        for coded in chunk:
            summary.article_ids.append(coded.article.id)
            summary.n_events += len(coded.events)
            if keep_events:
                summary.events.extend(coded.events)
        if progress:
            progress(len(chunk))
    store.finish_run(run_id, n_read=summary.n_read, n_coded=summary.n_coded, problems=summary.problems)
    return summary


def check_dictionaries(settings: Settings) -> None:
    """Read the user's ``--actors`` and ``--verbs`` files once, up front: a bad line stops the run
    with one DictionaryError naming its file and line, before any article is read (instead of the
    same error for every article, or a worker that fails to start)."""
    from heron.actors.dictionaries import load_dictionary
    from heron.events.petrarch_verbs import read_verb_dictionary

    for path in settings.actor_files:
        load_dictionary(path)
    for path in settings.verb_files:
        read_verb_dictionary(path)


def _write_chunk(store: Store, chunk: list[CodedArticle], *, run_id: str,
                 problems: list[ReadProblem]) -> list[CodedArticle]:
    """Commit a chunk; if the store refuses it, commit its articles one by one and report each one
    it refuses (a ``store-error`` problem), so one bad row never costs the run. Returns what was stored."""
    try:
        store.write(chunk, run_id=run_id)
        return chunk
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - retried one article at a time below
        if len(chunk) == 1:
            _store_problem(chunk[0], exc, problems)
            return []
        log.warning("the store refused a chunk of %d articles (%r); writing them one by one", len(chunk), exc)
    stored = []
    for coded in chunk:
        try:
            store.write([coded], run_id=run_id)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported with the article's origin
            _store_problem(coded, exc, problems)
        else:
            stored.append(coded)
    return stored


def _store_problem(coded: CodedArticle, exc: Exception, problems: list[ReadProblem]) -> None:
    log.error("could not store %s: %r", coded.article.origin or coded.article.id, exc)
    problem = _coding_problem(coded.article, exc)
    problems.append(ReadProblem(problem.origin, problem.line, "store-error", problem.detail))


def code_stream(articles: Iterable[Article], *, settings: Settings, workers: int,
                problems: list[ReadProblem], learned: tuple[dict, ...] = ()) -> Iterator[list[CodedArticle]]:
    """Yield coded chunks in input order; one article's failure is reported, not fatal."""
    it = iter(articles)
    head = list(islice(it, IN_PROCESS_BELOW))

    def report(article: Article, exc: Exception) -> None:
        problems.append(_coding_problem(article, exc))

    if workers <= 1 or len(head) < IN_PROCESS_BELOW:
        from heron.pipeline import Coder

        # one nlp.pipe stream over everything; chunks only decide when the writer commits
        coded = Coder(settings, learned=learned).code_articles(_chain(head, it), on_error=report)
        yield from _chunks(coded, CHUNK)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings, learned)) as pool:
        pending: list[Future] = []
        for chunk in _chunks(_chain(head, it), WORKER_CHUNK):
            pending.append(pool.submit(_worker_code, chunk))
            if len(pending) >= workers * 2:
                coded, errs = pending.pop(0).result()
                problems.extend(errs)
                yield coded
        for fut in pending:
            coded, errs = fut.result()
            problems.extend(errs)
            yield coded


def _chain(head: list[Article], rest: Iterator[Article]) -> Iterator[Article]:
    yield from head
    yield from rest


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _coding_problem(article: Article, exc: Exception) -> ReadProblem:
    origin, line = article.origin or "<input>", None
    path, sep, tail = origin.rpartition(":")
    if sep and tail.isdigit():
        origin, line = path, int(tail)
    return ReadProblem(origin, line, "coding-error", f"article {article.id}: {exc!r}")


_WORKER_CODER = None


def _init_worker(settings: Settings, learned: tuple[dict, ...]) -> None:
    global _WORKER_CODER
    from heron.pipeline import Coder

    _WORKER_CODER = Coder(settings, learned=learned)
    _WORKER_CODER.warm_up()


def _worker_code(chunk: list[Article]) -> tuple[list[CodedArticle], list[ReadProblem]]:
    problems: list[ReadProblem] = []

    def report(article: Article, exc: Exception) -> None:
        problems.append(_coding_problem(article, exc))

    return list(_WORKER_CODER.code_articles(chunk, on_error=report)), problems
