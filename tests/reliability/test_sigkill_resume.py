"""Crash safety on real news (issue 15.2): `heron code` SIGKILLed at random points, then re-run.

24 articles spread over ../shared/corpus/news-mixed.jsonl (read at run time, written to a temporary
file; skipped where the corpus is absent) are coded by `heron code` in a subprocess. With three
seeds, one after the other on the same store, the process is killed with SIGKILL after a random
number of committed shards plus a random moment; after each kill the store must open and pass
:func:`heron.store.integrity.check_integrity`. A last run completes the job, and the store must
equal one clean run's: the same article ids, the same event ids (no doubles, no losses) and the
same rows in every table. The figures (kills, resumes, rows compared) are printed with ``-s``.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from heron.store import Store
from heron.store.integrity import check_integrity
from tests.conftest import SHARED, need_shared
from tests.sigkill import kill_after_commits

CORPUS = SHARED / "corpus" / "news-mixed.jsonl"
N_ARTICLES = 24
LINES = 3  # articles per shard: 8 shards, each committed in its own transaction
SEEDS = (1, 2, 3)
TIMEOUT_S = 300

# What is compared between the resumed store and the clean one (run bookkeeping left out).
COMPARED = {
    "articles": "id, title, published, source, text, n_sentences, n_events",
    "events": "event_id, article_id, sentence_index, start, cameo_code, source_code, target_code, date, "
              "location_name, confidence",
    "sentences": "article_id, sentence_index, start, text",
    "mentions": "article_id, mention_index, member, text, code",
    "counts": "article_id, sentence_index, kind, value, qualifier",
    "places": "article_id, sentence_index, start, name, geonameid, role",
    "learned_actors": "name, code, country, first_seen, last_seen, n_articles",
}


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    need_shared(CORPUS)
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // N_ARTICLES)
    picked = [lines[i] for i in range(0, len(lines), step)][:N_ARTICLES]
    for line in picked:  # keep the texts short enough for a quick test
        json.loads(line)
    out = tmp_path_factory.mktemp("sigkill") / "news.jsonl"
    out.write_text("\n".join(_short(line) for line in picked) + "\n", encoding="utf-8")
    return out


def _short(line: str) -> str:
    rec = json.loads(line)
    rec["text"] = rec["text"][:3000]
    return json.dumps(rec, ensure_ascii=False)


def _dump(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as store:
        return {t: sorted(store.con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
                for t, cols in COMPARED.items()}


def _command(news: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "heron", "-v", "code", str(news), "--db", str(db), "--format", "none",
            "--shard-lines", str(LINES), "--workers", "1"]


def _kill_at_random_point(cmd: list[str], rng: random.Random, n_shards_left: int) -> int:
    """Start ``cmd``, wait for a random number of commits and a random moment, SIGKILL it."""
    commits = rng.randrange(0, max(1, n_shards_left))
    return kill_after_commits(cmd, commits=commits, delay=rng.uniform(0.0, 1.0), timeout_s=TIMEOUT_S).returncode


def test_killed_and_resumed_runs_store_what_one_clean_run_stores(news, tmp_path):
    from heron.shards import run_job

    clean_db = tmp_path / "clean.duckdb"
    with Store(clean_db) as store:
        run_job([news], store=store, lines=LINES, workers=1)
        assert check_integrity(store) == []
    clean = _dump(clean_db)
    assert len(clean["articles"]) == N_ARTICLES and clean["events"]

    db = tmp_path / "killed.duckdb"
    kills, mid_run = 0, 0
    for seed in SEEDS:
        rng = random.Random(seed)
        done = 0
        if db.exists():
            with Store(db, read_only=True) as store:
                done = len(store.con.execute("SELECT id FROM articles").fetchall()) // LINES
        code = _kill_at_random_point(_command(news, db), rng, N_ARTICLES // LINES - done)
        kills += code == -signal.SIGKILL
        if not db.exists():
            continue  # killed before the store was created
        with Store(db) as store:  # opens (and, being writable, would upgrade) after the kill
            assert check_integrity(store) == [], f"seed {seed}"
            n = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
            unfinished = store.con.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()[0]
        mid_run += 0 < n < N_ARTICLES
        assert unfinished >= (code == -signal.SIGKILL) or n == N_ARTICLES
    resumed = subprocess.run(_command(news, db), capture_output=True, text=True, timeout=TIMEOUT_S)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "Traceback" not in resumed.stderr
    with Store(db, read_only=True) as store:
        assert check_integrity(store) == []
    got = _dump(db)
    rows = sum(len(v) for v in got.values())
    print(f"\nSIGKILL: {kills} kills ({mid_run} left a partly coded store), {len(SEEDS)} resumes + 1 final run, "
          f"{rows} rows compared in {len(COMPARED)} tables "
          f"({len(got['articles'])} articles, {len(got['events'])} events)")
    assert kills >= 2, "the runs ended before they could be killed"
    for table in COMPARED:
        assert got[table] == clean[table], f"{table}: the resumed store differs from a clean run's"
    assert len({e[0] for e in got["events"]}) == len(got["events"])  # no doubled event
