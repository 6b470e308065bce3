"""What a worker does with a task (a few shards): read, code, flatten to Arrow tables.

The same function runs in the driver (one worker), in a local worker process, or in a Ray actor;
only plain records and Arrow tables come back, and the driver alone writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from heron.records import Article, CodedArticle, ReadProblem
from heron.shards.plan import Shard
from heron.shards.read import read_shard


@dataclass(frozen=True, slots=True)
class Task:
    """Shards coded together and committed in one transaction."""

    index: int
    shards: tuple[Shard, ...]
    run_id: str
    published: date | None = None
    source: str | None = None


@dataclass(slots=True)
class ShardOutcome:
    shard_id: str
    n_read: int
    article_ids: list[str]
    problems: list[ReadProblem]


@dataclass
class TaskResult:
    index: int
    outcomes: list[ShardOutcome]
    tables: dict[str, pa.Table] = field(default_factory=dict)  # store table -> rows
    people: list[dict] = field(default_factory=list)  # learned people, for the writer to upsert

    @property
    def n_coded(self) -> int:
        return self.tables["articles"].num_rows if "articles" in self.tables else 0

    @property
    def n_events(self) -> int:
        return self.tables["events"].num_rows if "events" in self.tables else 0


def code_task(coder, task: Task) -> TaskResult:
    """Read and code every shard of ``task`` with ``coder`` (a :class:`heron.pipeline.Coder`)."""
    from heron.runner import _coding_problem
    from heron.store import flatten_tables
    from heron.store.learned import people_to_learn

    outcomes: list[ShardOutcome] = []
    articles: list[Article] = []
    owner: dict[int, ShardOutcome] = {}  # id(article) -> its shard's outcome
    for shard in task.shards:
        outcome = ShardOutcome(shard.shard_id, 0, [], [])
        outcomes.append(outcome)
        for item in read_shard(shard, published=task.published, source=task.source):
            if isinstance(item, ReadProblem):
                outcome.problems.append(item)
            else:
                outcome.n_read += 1
                articles.append(item)
                owner[id(item)] = outcome

    def report(article: Article, exc: Exception) -> None:
        owner[id(article)].problems.append(_coding_problem(article, exc))

    coded: list[CodedArticle] = list(coder.code_articles(articles, on_error=report))
    for c in coded:
        owner[id(c.article)].article_ids.append(c.article.id)
    return TaskResult(task.index, outcomes, flatten_tables(coded, run_id=task.run_id), people_to_learn(coded))
