"""Engines: who codes the tasks. ``local`` (this process or a pool of worker processes) or ``ray``.

Each engine takes the tasks and yields their results (local: in task order; ray: as they finish;
each result carries its task's index); a worker loads the pipeline once and codes many tasks. Ray is imported only when the ``ray`` engine is used
(``pip install 'heron-events[ray]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from heron.errors import HeronError
from heron.settings import Settings
from heron.shards.work import Task, TaskResult, code_task

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")


class EngineError(HeronError):
    """The engine cannot start (Ray missing, no cluster at --address)."""

    code = "E013"


class LocalEngine:
    """One process (``workers`` <= 1 or a single task) or a pool of ``workers`` processes."""

    name = "local"

    def __init__(self, settings: Settings, *, learned: tuple[dict, ...] = (), workers: int = 1) -> None:
        self.settings, self.learned, self.workers = settings, learned, max(1, workers)

    def run(self, tasks: Sequence[Task]) -> Iterator[TaskResult]:
        if self.workers <= 1 or len(tasks) <= 1:
            from heron.pipeline import Coder

            coder = Coder(self.settings, learned=self.learned)
            for task in tasks:
                yield code_task(coder, task)
            return
        n = min(self.workers, len(tasks))
        with ProcessPoolExecutor(max_workers=n, initializer=_init_worker,
                                 initargs=(self.settings, self.learned)) as pool:
            pending: list[Future] = []
            for task in tasks:
                pending.append(pool.submit(_worker_task, task))
                if len(pending) >= n * 2:
                    yield pending.pop(0).result()
            for fut in pending:
                yield fut.result()


_CODER = None


def _init_worker(settings: Settings, learned: tuple[dict, ...]) -> None:
    global _CODER
    from heron.pipeline import Coder

    _CODER = Coder(settings, learned=learned)
    _CODER.warm_up()


def _worker_task(task: Task) -> TaskResult:
    return code_task(_CODER, task)


class RayEngine:
    """``workers`` Ray actors, each holding one loaded pipeline, fed tasks as they free up.

    With ``address`` it joins that cluster (``ray://host:10001`` or ``host:6379``, or ``auto``);
    without it, it uses the Ray instance this process has already started, else starts a local
    one with ``workers`` CPUs and shuts it down at the end.
    """

    name = "ray"

    def __init__(self, settings: Settings, *, learned: tuple[dict, ...] = (), workers: int = 1,
                 address: str | None = None) -> None:
        self.settings, self.learned, self.workers, self.address = settings, learned, max(1, workers), address

    def run(self, tasks: Sequence[Task]) -> Iterator[TaskResult]:
        if not tasks:
            return
        ray = import_ray()
        started = False
        if not ray.is_initialized():
            options = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
            try:
                if self.address:
                    ray.init(address=self.address, **options)
                else:
                    ray.init(num_cpus=self.workers, **options)
            except Exception as exc:  # noqa: BLE001 - Ray raises many kinds; all mean "no cluster"
                where = f"the Ray cluster at {self.address}" if self.address else "a local Ray instance"
                raise EngineError(f"cannot start or join {where}: {exc}. Fix: check --address (e.g. "
                                  f"ray://HEAD:10001 or HEAD:6379), or run with --engine local.") from exc
            started = True
        try:
            from ray.util import ActorPool

            actor = ray.remote(num_cpus=1)(ShardCoder)
            actors = [actor.remote(self.settings, self.learned) for _ in range(min(self.workers, len(tasks)))]
            # as each finishes, not in task order: an actor that is done takes the next task at
            # once instead of waiting behind a slower one (each result carries its task's index)
            yield from ActorPool(actors).map_unordered(lambda a, task: a.code.remote(task), list(tasks))
            for a in actors:
                ray.kill(a)
        finally:
            if started:
                ray.shutdown()


class ShardCoder:
    """A Ray actor: one pipeline, loaded once, coding task after task."""

    def __init__(self, settings: Settings, learned: tuple[dict, ...]) -> None:
        from heron.pipeline import Coder

        self.coder = Coder(settings, learned=learned)
        self.coder.warm_up()

    def code(self, task: Task) -> TaskResult:
        return code_task(self.coder, task)


def import_ray():
    try:
        import ray
    except ImportError as exc:
        raise EngineError("the ray engine needs Ray. Fix: pip install 'heron-events[ray]', "
                          "or run with --engine local.") from exc
    return ray


def make_engine(name: str, settings: Settings, *, learned: tuple[dict, ...] = (), workers: int = 1,
                address: str | None = None):
    if name == "local":
        if address:
            raise EngineError("--address is for the ray engine. Fix: add --engine ray, or drop --address.")
        return LocalEngine(settings, learned=learned, workers=workers)
    if name == "ray":
        return RayEngine(settings, learned=learned, workers=workers, address=address)
    raise EngineError(f"unknown engine {name!r}. Fix: use one of {', '.join(ENGINES)}.")
