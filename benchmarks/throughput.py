#!/usr/bin/env python
"""Heron's throughput against bare spaCy, and the speed of a dyad query on a large store.

    python benchmarks/throughput.py                       # 1000 articles, 1 worker
    python benchmarks/throughput.py --articles 1000 --workers 2 --json
    python benchmarks/throughput.py --articles 0 --query-events 10000000

Coding: N articles sampled evenly across ../shared/corpus/news-mixed.jsonl are coded end to end
(read, parse, code, write) into a fresh DuckDB file with ``heron.runner.code_inputs``; then the
same texts go through the bare spaCy pipeline (the model Heron loads, same batch size, same number
of processes) to show what Heron adds on top of parsing. Each side runs in its own child process,
so peak RSS (``getrusage``: the main process, and the largest worker) belongs to that side alone.

Query: ``--query-events N`` builds a synthetic store of N events inside DuckDB (``range()``), then
times ``dyad_series(store, "IRN", "RUS", by="month")`` (target: under a second for 10 M events),
plus the deduplicated variants and a top-dyads list.

See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "news-mixed.jsonl"


# -- helpers -----------------------------------------------------------------------------------
def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child, in MiB (Linux: KiB)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale,
    }


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children: on a shared machine
    this moves much less with the load than wall time does."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
        return f"{one:.2f}/{five:.2f} (1/5 min) on {os.cpu_count()} cores"
    except OSError:  # pragma: no cover
        return "unknown"


def sample_corpus(corpus: Path, n: int, out: Path) -> int:
    """Write n records spread evenly over the corpus (it is ordered by origin) to ``out``."""
    with corpus.open(encoding="utf-8") as fh:
        lines = fh.readlines()
    n = min(n, len(lines))
    picked = [lines[i * len(lines) // n] for i in range(n)]
    out.write_text("".join(picked), encoding="utf-8")
    return n


def texts_of(path: Path, max_chars: int) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append((json.loads(line).get("text") or "")[:max_chars])
    return out


def child(phase: str, sample: Path, workers: int, db: Path | None = None, *, fast: bool = False) -> dict:
    """Run one phase in a fresh Python so its memory and start-up are its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--sample", str(sample),
           "--workers", str(workers)]
    if db is not None:
        cmd += ["--db", str(db)]
    if fast:
        cmd.append("--fast")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"the {phase} phase failed (exit {proc.returncode}); its error output is above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the two coding phases (run as children) --------------------------------------------------
def phase_heron(sample: Path, workers: int, db: Path, *, fast: bool = False) -> dict:
    from heron.runner import code_inputs
    from heron.settings import Settings
    from heron.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        summary = code_inputs([sample], store=store, settings=Settings(fast=fast), workers=workers,
                              keep_events=False)
    seconds = time.perf_counter() - start
    return {"articles": summary.n_coded, "events": summary.n_events, "skipped": len(summary.problems),
            "seconds": seconds, "cpu_seconds": cpu_seconds(), "rss_mb": peak_rss_mb()}


def phase_spacy(sample: Path, workers: int) -> dict:
    """spaCy alone on the same texts. With several workers each process parses an equal share with
    its own ``nlp.pipe`` (the shape of Heron's workers); spaCy's own ``n_process`` deadlocked now and
    then on the 2-core test machine, so it is not used."""
    from concurrent.futures import ProcessPoolExecutor

    from heron.settings import Settings

    settings = Settings()
    start = time.perf_counter()
    texts = texts_of(sample, settings.max_chars)
    shards = [texts[i::workers] for i in range(max(workers, 1))]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_parse_shard, shards))
    else:
        results = [_parse_shard(shards[0])]
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "tokens": sum(r[0] for r in results), "seconds": seconds,
            "load_seconds": max(r[1] for r in results), "model": results[0][2], "cpu_seconds": cpu_seconds(),
            "rss_mb": peak_rss_mb()}


def _parse_shard(texts: list[str]) -> tuple[int, float, str]:
    """Parse one share of the texts in this process: (tokens, model load seconds, model name)."""
    from heron.nlp import load_nlp
    from heron.settings import Settings

    settings = Settings()
    t0 = time.perf_counter()
    nlp = load_nlp(settings.model)
    loaded = time.perf_counter() - t0
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))
    return tokens, loaded, f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def coding_benchmark(args) -> dict | None:
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"SKIPPED coding benchmark: corpus {corpus} is absent (it lives in ../shared beside the repo; "
              "pass --corpus PATH to use another JSONL file).")
        return None
    with tempfile.TemporaryDirectory(prefix="heron-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        n = sample_corpus(corpus, args.articles, sample)
        chars = sum(len(t) for t in texts_of(sample, 10**9))
        print(f"coding {n} articles ({chars / 1e6:.2f} M characters) from {corpus.name} with {args.workers} "
              f"worker(s); load before: {load()}")
        spacy_r = child("spacy", sample, args.workers)
        heron_r = child("heron", sample, args.workers, db=Path(tmp) / "bench.duckdb")
        fast_r = child("heron", sample, args.workers, db=Path(tmp) / "fast.duckdb", fast=True) \
            if args.fast_too else None
        load_after = load()
    tokens = spacy_r["tokens"]
    result = {
        "articles": heron_r["articles"], "workers": args.workers, "characters": chars, "tokens": tokens,
        "events": heron_r["events"], "skipped": heron_r["skipped"],
        "seconds": round(heron_r["seconds"], 3),
        "articles_per_s": round(heron_r["articles"] / heron_r["seconds"], 2),
        "tokens_per_s": round(tokens / heron_r["seconds"], 1),
        "spacy_seconds": round(spacy_r["seconds"], 3),
        "spacy_load_seconds": round(spacy_r["load_seconds"], 3),
        "spacy_articles_per_s": round(spacy_r["articles"] / spacy_r["seconds"], 2),
        "spacy_tokens_per_s": round(tokens / spacy_r["seconds"], 1),
        "ratio": round(spacy_r["seconds"] / heron_r["seconds"], 3),
        "cpu_seconds": round(heron_r["cpu_seconds"], 2), "spacy_cpu_seconds": round(spacy_r["cpu_seconds"], 2),
        "cpu_ratio": round(spacy_r["cpu_seconds"] / heron_r["cpu_seconds"], 3),
        "peak_rss_mb": round(max(heron_r["rss_mb"]["self"], heron_r["rss_mb"]["children"]), 1),
        "peak_rss_main_mb": round(heron_r["rss_mb"]["self"], 1),
        "peak_rss_worker_mb": round(heron_r["rss_mb"]["children"], 1),
        "spacy_peak_rss_main_mb": round(spacy_r["rss_mb"]["self"], 1),
        "spacy_peak_rss_worker_mb": round(spacy_r["rss_mb"]["children"], 1),
        "model": spacy_r["model"], "load_after": load_after,
    }
    print(f"  heron : {result['seconds']:8.2f} s  {result['articles_per_s']:8.2f} articles/s  "
          f"{result['tokens_per_s']:10.0f} tokens/s  peak RSS main {result['peak_rss_main_mb']:.0f} MiB, "
          f"largest worker {result['peak_rss_worker_mb']:.0f} MiB  ({result['events']} events, "
          f"{result['skipped']} skipped)")
    print(f"  spaCy : {result['spacy_seconds']:8.2f} s  {result['spacy_articles_per_s']:8.2f} articles/s  "
          f"{result['spacy_tokens_per_s']:10.0f} tokens/s  peak RSS main {result['spacy_peak_rss_main_mb']:.0f} MiB, "
          f"largest worker {result['spacy_peak_rss_worker_mb']:.0f} MiB  (model {result['model']}, "
          f"load {result['spacy_load_seconds']:.2f} s)")
    if fast_r is not None:
        result.update({"fast_seconds": round(fast_r["seconds"], 3), "fast_events": fast_r["events"],
                       "fast_ratio": round(spacy_r["seconds"] / fast_r["seconds"], 3),
                       "fast_cpu_ratio": round(spacy_r["cpu_seconds"] / fast_r["cpu_seconds"], 3),
                       "fast_peak_rss_mb": round(max(fast_r["rss_mb"]["self"], fast_r["rss_mb"]["children"]), 1)})
        print(f"  heron --fast : {fast_r['seconds']:8.2f} s  {fast_r['articles'] / fast_r['seconds']:8.2f} "
              f"articles/s  ratio {result['fast_ratio']:.3f} (by CPU seconds {result['fast_cpu_ratio']:.3f}), "
              f"peak RSS {result['fast_peak_rss_mb']:.0f} MiB ({fast_r['events']} events)")
    print(f"  ratio heron/spaCy throughput: {result['ratio']:.3f} (1.0 = as fast as bare parsing); by CPU "
          f"seconds {result['cpu_ratio']:.3f} ({result['spacy_cpu_seconds']:.1f} / {result['cpu_seconds']:.1f}); "
          f"load after: {load_after}")
    return result


# -- the query benchmark -----------------------------------------------------------------------
COUNTRIES = ["IRN", "RUS", "SYR", "IRQ", "TUR", "USA", "CHN", "ISR", "PSE", "LBN", "SAU", "YEM", "EGY", "LBY",
             "AFG", "PAK", "IND", "GBR", "FRA", "DEU", "UKR", "JOR", "QAT", "ARE", "NGA", "KEN", "SOM", "ETH",
             "SDN", "MLI", "COL", "MEX", "VEN", "BRA", "JPN", "KOR", "PRK", "IDN", "PHL", "MMR"]
# (code, goldstein, quad class): a spread over the four quad classes
CODES = [("010", 0.0, 1), ("036", 4.0, 1), ("040", 1.0, 1), ("042", 1.9, 1), ("043", 2.8, 1), ("046", 7.0, 1),
         ("057", 8.0, 1), ("061", 6.4, 2), ("070", 7.0, 2), ("073", 7.4, 2), ("111", -2.0, 3),
         ("112", -2.0, 3), ("120", -4.0, 3), ("130", -4.4, 3), ("138", -7.0, 3), ("141", -6.5, 4),
         ("173", -5.0, 4), ("190", -10.0, 4), ("193", -10.0, 4), ("195", -10.0, 4)]
SECTORS = ["", "GOV", "MIL", "REB", "BUS", "COP"]


def build_synthetic(path: Path, n_events: int) -> float:
    """N events (and N/10 articles) written by DuckDB itself; returns the seconds it took."""
    from heron.store import Store

    def arr(values) -> str:
        return "[" + ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values) + "]"

    nc, ns = len(COUNTRIES), len(SECTORS)
    codes = ", ".join(f"({k}, '{c}', {g}, {q})" for k, (c, g, q) in enumerate(CODES))
    start = time.perf_counter()
    n_articles = max(1, n_events // 10)
    days = 9131  # 2000-01-01 .. 2024-12-31
    with Store(path) as store:
        con = store.con
        con.execute(f"""
            INSERT INTO articles (id, published, source, title, status, n_events)
            SELECT 'syn' || i, DATE '2000-01-01' + CAST(hash(i, 'pub') % {days} AS INTEGER),
                   'outlet' || (i % 200), 'synthetic article ' || i, 'coded', 10
            FROM range({n_articles}) t(i)
        """)
        con.execute(f"""
            INSERT INTO events (event_id, article_id, sentence_index, start, "end", cameo_code, cameo_root,
                goldstein, quad_class, penta_class, source_code, source_country, target_code, target_country,
                date, date_precision, location_country, confidence, negated, modality, coder_version)
            SELECT left(md5(CAST(i AS VARCHAR)), 16), 'syn' || (i // 10), CAST(i % 10 AS INTEGER), 0, 10,
                   c.code, left(c.code, 2), c.goldstein, c.quad, c.quad, s || ss, s, t || ts, t,
                   DATE '2000-01-01' + CAST(hash(i // 10, 'pub') % {days} AS INTEGER), 'day',
                   CASE WHEN i % 3 = 0 THEN NULL ELSE s END, 0.8, false, 'asserted', 'synthetic'
            FROM (
                SELECT i,  -- independent draws from the bits of one hash (multi-argument hashes correlate)
                       {arr(COUNTRIES)}[1 + CAST(h % {nc} AS INTEGER)] AS s,
                       {arr(COUNTRIES)}[1 + CAST(h // {nc} % {nc} AS INTEGER)] AS t,
                       {arr(SECTORS)}[1 + CAST(h // {nc * nc} % {ns} AS INTEGER)] AS ss,
                       {arr(SECTORS)}[1 + CAST(h // {nc * nc * ns} % {ns} AS INTEGER)] AS ts,
                       CAST(h // {nc * nc * ns * ns} % {len(CODES)} AS INTEGER) AS k
                FROM (SELECT i, hash(i) AS h FROM range({n_events}) r(i))
            ) x
            JOIN (VALUES {codes}) c(k, code, goldstein, quad) USING (k)
        """)
        con.execute("CHECKPOINT")
    return time.perf_counter() - start


def timed(fn, repeat: int = 3) -> tuple[float, float, object]:
    """(first run, best run) in seconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times[0], min(times), result


def query_benchmark(n_events: int, keep: Path | None) -> dict:
    from heron.query import dyad_series, top
    from heron.store import Store

    tmp = None
    if keep is None:
        tmp = tempfile.TemporaryDirectory(prefix="heron-query-")
        path = Path(tmp.name) / "synthetic.duckdb"
    else:
        path = keep
        path.unlink(missing_ok=True)
    try:
        print(f"building a synthetic store of {n_events:,} events; load before: {load()}")
        build_s = build_synthetic(path, n_events)
        size_mb = path.stat().st_size / 1e6
        print(f"  built in {build_s:.1f} s ({size_mb:.0f} MB)")
        out = {"query_events": n_events, "build_seconds": round(build_s, 2), "db_mb": round(size_mb, 1)}
        with Store(path, read_only=True) as store:
            checks = [
                ("dyad_month", lambda: dyad_series(store, "IRN", "RUS", by="month")),
                ("dyad_month_dedup_cluster", lambda: dyad_series(store, "IRN", "RUS", by="month", dedup=True)),
                ("dyad_month_dedup_daily", lambda: dyad_series(store, "IRN", "RUS", by="month", dedup="daily")),
                ("dyad_day_prefix", lambda: dyad_series(store, "IRNGOV", "RUSMIL", by="day")),
                ("top_dyads", lambda: top(store, what="dyads", n=10)),
                ("top_actors_2015", lambda: top(store, what="actors", start="2015", end="2015")),
            ]
            for name, fn in checks:
                first, best, result = timed(fn)
                extra = ""
                if name.startswith("dyad"):
                    extra = f"{int(result['events'].sum()):,} events, {len(result)} rows"
                    out[f"{name}_events"] = int(result["events"].sum())
                else:
                    extra = f"{len(result)} rows"
                out[f"{name}_s"] = round(first, 4)
                out[f"{name}_best_s"] = round(best, 4)
                print(f"  {name:26s} first {first:7.3f} s  best of 3 {best:7.3f} s  ({extra})")
        out["query_load_after"] = load()
        verdict = "OK" if out["dyad_month_s"] < 1 else "SLOWER THAN THE 1 s TARGET"
        print(f"  monthly dyad series over {n_events:,} events: {out['dyad_month_s']:.3f} s ({verdict})")
        return out
    finally:
        if tmp is not None:
            tmp.cleanup()


# -- main --------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1000, help="articles to code (0: skip the coding benchmark)")
    p.add_argument("--workers", type=int, default=1, help="worker processes for Heron and for spaCy (n_process)")
    p.add_argument("--json", action="store_true", help="end with one JSON line of all the figures")
    p.add_argument("--query-events", type=int, default=0, help="also time queries on a synthetic store this big")
    p.add_argument("--keep-db", type=Path, default=None, help="write the synthetic store here and keep it")
    p.add_argument("--corpus", default=str(CORPUS), help="JSONL corpus to sample articles from")
    p.add_argument("--fast-too", action="store_true",
                   help="also time Heron with --fast (only the sentences the gate keeps are parsed), in the same run")
    p.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--phase", choices=("heron", "spacy"), help=argparse.SUPPRESS)
    p.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.phase == "heron":
        print(json.dumps(phase_heron(args.sample, args.workers, args.db, fast=args.fast)))
        return 0
    if args.phase == "spacy":
        print(json.dumps(phase_spacy(args.sample, args.workers)))
        return 0

    summary: dict = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    if args.articles > 0:
        coded = coding_benchmark(args)
        summary.update(coded or {"coding": "skipped: corpus absent"})
    if args.query_events > 0:
        summary.update(query_benchmark(args.query_events, args.keep_db))
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
