#!/usr/bin/env python
"""The same articles coded by the local engine and by Ray, with 1 and 2 workers, in one run.

    python benchmarks/scale.py                         # 1000 articles
    python benchmarks/scale.py --articles 200 --json
    python benchmarks/scale.py --engines local         # without Ray

N articles sampled evenly across ../shared/corpus/news-mixed.jsonl are written to one JSONL file
and coded end to end (``heron.shards.run_job``: plan shards, code, write a fresh DuckDB file) once
per configuration, each in its own child process so start-up and memory are its own. Ray runs
start a local Ray instance with as many CPUs as workers (its start-up is counted).

Reported per configuration: wall time, articles/s end to end, and the warm rate (articles/s from
the first committed shard to the last: what a long backfill sees once workers are loaded). Then the
Ray/local ratio at the same worker count and the 2-worker/1-worker speed-up of each engine, and
whether every configuration stored the same events. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import warnings
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "news-mixed.jsonl"
CONFIGS = (("local", 1), ("local", 2), ("ray", 1), ("ray", 2))


def sample_corpus(corpus: Path, n: int, out: Path) -> int:
    """Write n records spread evenly over the corpus (it is ordered by origin) to ``out``."""
    with corpus.open(encoding="utf-8") as fh:
        lines = fh.readlines()
    n = min(n, len(lines))
    out.write_text("".join(lines[i * len(lines) // n] for i in range(n)), encoding="utf-8")
    return n


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f}/{five:.2f} (1/5 min) on {os.cpu_count()} cores"


def run_phase(sample: Path, db: Path, engine: str, workers: int, lines: int) -> dict:
    """One configuration, in this (child) process."""
    from heron.shards import run_job
    from heron.store import Store

    commits: list[tuple[float, int]] = []
    start = time.perf_counter()
    with Store(db) as store:
        summary = run_job([sample], store=store, engine=engine, workers=workers, lines=lines, keep_events=False,
                          progress=lambda n: commits.append((time.perf_counter(), n)))
        ids = [r[0] for r in store.con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()]
    wall = time.perf_counter() - start
    parquet_bytes = events_parquet_bytes(db, db.with_suffix(".events.parquet"))  # after the clock stops
    warm = None
    if len(commits) > 1:
        span = commits[-1][0] - commits[0][0]
        warm = sum(n for _, n in commits[1:]) / span if span > 0 else None
    return {"engine": engine, "workers": workers, "articles": summary.n_coded, "events": summary.n_events,
            "wall_s": round(wall, 2), "articles_per_s": round(summary.n_coded / wall, 2),
            "warm_articles_per_s": round(warm, 2) if warm else None, "shards": summary.n_shards,
            "events_parquet_bytes_per_event": round(parquet_bytes / max(1, summary.n_events), 1),
            "store_mb": round(db.stat().st_size / 2**20, 2), "event_ids_hash": hash_ids(ids)}


def events_parquet_bytes(db: Path, out: Path) -> int:
    """The stored events as one Parquet file (what --out-parquet holds, in fewer files)."""
    import pyarrow.parquet as pq

    from heron.store import Store

    with Store(db, read_only=True) as store:
        result = store.con.execute("SELECT * FROM events")
        table = (getattr(result, "to_arrow_table", None) or result.fetch_arrow_table)()  # DuckDB 2 / 1.x
    pq.write_table(table, out)
    return out.stat().st_size


def hash_ids(ids: list[str]) -> str:
    import hashlib

    return hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]


def snapshot(tmp: Path) -> Path:
    """A copy of Heron's source for every child (and Ray worker) to import, so that an edit made
    to the working tree during the benchmark cannot make the configurations code differently."""
    target = tmp / "src"
    shutil.copytree(REPO / "src" / "heron", target / "heron", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def child(sample: Path, tmp: Path, engine: str, workers: int, lines: int, src: Path) -> dict:
    db = tmp / f"{engine}-{workers}.duckdb"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", engine, "--workers", str(workers),
           "--sample", str(sample), "--db", str(db), "--lines", str(lines)]
    # one hash seed (see tests/shards/conftest.py) and one copy of the code in every child
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(src)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return {"engine": engine, "workers": workers, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def main() -> None:
    warnings.filterwarnings("ignore", message="Arrow output on a DB-API result")  # DuckDB 2's copy note
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--engines", default="local,ray", help="comma-separated: local, ray")
    ap.add_argument("--lines", type=int, default=0, help="articles per shard (default: articles / 10)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:
        print(json.dumps(run_phase(args.sample, args.db, args.phase, args.workers, args.lines)))
        return
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = tmp / "sample.jsonl"
        n = sample_corpus(args.corpus, args.articles, sample)
        lines = args.lines or max(1, n // 10)
        src = snapshot(tmp)
        before = load()
        rows = [child(sample, tmp, engine, workers, lines, src) for engine, workers in CONFIGS if engine in engines]
    rate = {(r["engine"], r["workers"]): r for r in rows if "error" not in r}

    def get(engine, workers, key="articles_per_s"):
        return rate.get((engine, workers), {}).get(key)

    result = {
        "articles": n, "lines_per_shard": lines, "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores", "load_before": before, "load_after": load(),
        "runs": rows,
        "ray_over_local": {f"{w}_workers": ratio(get("ray", w), get("local", w)) for w in (1, 2)},
        "ray_over_local_warm": {f"{w}_workers": ratio(get("ray", w, "warm_articles_per_s"),
                                                      get("local", w, "warm_articles_per_s")) for w in (1, 2)},
        "speedup_2_over_1": {e: ratio(get(e, 2), get(e, 1)) for e in engines},
        "speedup_2_over_1_warm": {e: ratio(get(e, 2, "warm_articles_per_s"), get(e, 1, "warm_articles_per_s"))
                                  for e in engines},
        "same_events_everywhere": len({r.get("event_ids_hash") for r in rows}) == 1,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{n} articles, {lines} per shard; load {before} before, {result['load_after']} after")
    print(f"{'engine':8} {'workers':>7} {'wall s':>8} {'art/s':>8} {'warm art/s':>11} {'events':>7}")
    for r in rows:
        if "error" in r:
            print(f"{r['engine']:8} {r['workers']:>7}  failed: {' '.join(r['error'])}")
            continue
        print(f"{r['engine']:8} {r['workers']:>7} {r['wall_s']:>8} {r['articles_per_s']:>8} "
              f"{r['warm_articles_per_s'] or '-':>11} {r['events']:>7}")
    print(f"ray/local (end to end): {result['ray_over_local']}; warm: {result['ray_over_local_warm']}")
    print(f"2 workers / 1 (end to end): {result['speedup_2_over_1']}; warm: {result['speedup_2_over_1_warm']}")
    print(f"same events in every configuration: {result['same_events_everywhere']}")
    first = next((r for r in rows if "error" not in r), None)
    if first:
        print(f"events as Parquet: {first['events_parquet_bytes_per_event']} bytes/event; "
              f"DuckDB store: {first['store_mb']} MB for {first['articles']} articles (texts included)")


if __name__ == "__main__":
    main()
