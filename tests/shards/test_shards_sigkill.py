"""Crash safety of sharded runs: ``heron code`` killed with SIGKILL at random points, then resumed,
stores exactly what one clean run stores (same ids, same rows, nothing doubled or lost), with the
local worker pool and with Ray. After each kill the store opens, and it holds only whole shards:
its articles are exactly those of the shards the manifest marks done."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from heron.store import Store
from tests.shards.conftest import FIXED_HASH_SEED, dump, write_corpus
from tests.sigkill import kill_after_commits

LINES = "3"  # 10 shards in 8 tasks (see test_shards_resume)
N_TASKS = 8
TIMEOUT_S = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("sigkill") / "news")


def _env() -> dict[str, str]:
    """This process's environment now (after ray.init, with what joining its Ray instance needs)."""
    return {**os.environ, "PYTHONHASHSEED": FIXED_HASH_SEED}


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """What one uninterrupted run stores (local engine, one worker)."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    cmd = [*_command(corpus, db)[:-2], "--workers", "1"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=TIMEOUT_S, env=_env())
    return dump(db)


def _command(corpus, db, *extra: str) -> list[str]:
    return [sys.executable, "-m", "heron", "-v", "code", str(corpus), "--db", str(db), "--format", "none",
            "--shard-lines", LINES, *extra, "--workers", "2"]


def _kill_at_random_point(cmd: list[str], seed: int) -> int:
    """Let a random number of tasks commit, wait a random moment, SIGKILL the run's process group.
    Returns the commits waited for."""
    rng = random.Random(seed)
    commits = rng.randrange(0, N_TASKS - 1)
    kill = kill_after_commits(cmd, commits=commits, delay=rng.uniform(0.0, 0.4), timeout_s=TIMEOUT_S, env=_env())
    if kill.ended_first:
        pytest.fail(f"the run ended (status {kill.returncode}) before it was killed:\n{kill.tail}")
    return commits


def _after_kill(db) -> tuple[int, int]:
    """The store opens, and holds only whole shards. Returns (done shards, stored articles)."""
    with Store(db) as store:
        con = store.con
        states = dict(con.execute("SELECT state, count(*) FROM shard_manifest GROUP BY state").fetchall())
        done_ids = {r[0] for r in con.execute(
            "SELECT DISTINCT unnest(article_ids) FROM shard_manifest WHERE state = 'done'").fetchall()}
        stored = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
        for table in ("events", "sentences", "mentions", "places", "counts"):
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN "
                                  f"(SELECT id FROM articles)").fetchone()[0]
            assert orphans == 0, table
    assert stored == done_ids
    return states.get("done", 0), len(stored)


def _kill_resume_compare(corpus, clean, tmp_path, seeds, *extra: str) -> list[tuple[int, int, int]]:
    figures = []
    for seed in seeds:
        db = tmp_path / f"seed{seed}.duckdb"
        commits = _kill_at_random_point(_command(corpus, db, *extra), seed)
        done, stored = _after_kill(db) if db.exists() else (0, 0)
        assert done >= commits
        resumed = subprocess.run(_command(corpus, db, *extra), capture_output=True, text=True, timeout=TIMEOUT_S,
                                 env=_env())
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        assert f"{done} already coded" in resumed.stderr
        got = dump(db)
        assert {t: len(rows) for t, rows in got.items()} == {t: len(rows) for t, rows in clean.items()}
        assert got == clean, f"seed {seed}: the resumed store differs from a clean run's"
        figures.append((seed, done, stored))
    assert any(0 < done < 10 for _, done, _ in figures), f"no kill landed mid-run: {figures}"
    return figures


def test_local_engine_killed_and_resumed_equals_a_clean_run(corpus, clean, tmp_path):
    _kill_resume_compare(corpus, clean, tmp_path, seeds=(1, 2, 3))


def test_ray_engine_killed_and_resumed_equals_a_clean_run(corpus, clean, tmp_path, ray_instance):
    _kill_resume_compare(corpus, clean, tmp_path, (4, 5), "--engine", "ray", "--address", ray_instance)
