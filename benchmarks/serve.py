#!/usr/bin/env python
"""``heron serve`` under load: p95 latency of the dyad series and the first events page.

    python benchmarks/serve.py                                   # 1 M events, 20 clients, 400 requests
    python benchmarks/serve.py --events 1000000 --clients 20 --requests 400 --json
    python benchmarks/serve.py --db big.duckdb                   # an existing store (built once with --keep-db)

Builds a synthetic store with the query benchmark's builder (``throughput.build_synthetic``: 40
countries, six sector suffixes, 20 CAMEO codes, dates 2000-2024), starts ``heron serve`` on a free
loopback port in a child process (nothing else is reached), then ``--clients`` threads, each with
its own HTTP connection, send ``--requests`` requests in all, taking turns:

* ``dyad``: ``/api/v1/dyad/{A}/{B}?by=month`` for a random pair of the 40 countries;
* ``events``: ``/api/v1/events?limit=50`` (the first page, newest first);
* ``events_actor``: ``/api/v1/events?actor=X&limit=50`` for a random country.

It runs twice by default: with the server's response cache off (every request is computed), then
on (the default ``heron serve``: a repeated request is answered from memory; the random dyads
mostly are not repeats).

Printed per kind: requests, errors, p50, p95 and max latency (ms), and the requests per second of
the whole run; the target is p95 <= 200 ms for the dyad series and the first page. See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import COUNTRIES, build_synthetic, load  # noqa: E402

KINDS = ("dyad", "events", "events_actor")
TARGET_MS = 200.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, *, cache_size: int) -> subprocess.Popen:
    """``heron serve`` (its importable function, to set the cache size) in a child process."""
    code = ("import sys; from heron.serve import serve; "
            "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), cache_size=int(sys.argv[3]))")
    cmd = [sys.executable, "-c", code, str(db), str(port), str(cache_size)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"heron serve exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("heron serve did not answer within 120 s")


def url_for(kind: str, rng: random.Random) -> str:
    if kind == "dyad":
        a, b = rng.sample(COUNTRIES, 2)
        return f"/api/v1/dyad/{a}/{b}?by=month"
    if kind == "events":
        return "/api/v1/events?limit=50"
    return f"/api/v1/events?actor={rng.choice(COUNTRIES)}&limit=50"


def run_load(base: str, *, clients: int, requests: int, seed: int) -> tuple[dict[str, list[float]], dict[str, int], float]:
    import httpx

    jobs = [KINDS[i % len(KINDS)] for i in range(requests)]
    lock = threading.Lock()
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    errors: dict[str, int] = {k: 0 for k in KINDS}

    # Every client is made before the first request is sent: making one (httpx builds an SSL context
    # even for plain HTTP) takes the client process's GIL for tens of milliseconds, which the first
    # requests of the clients already running would otherwise count as server latency.
    ready = threading.Barrier(clients + 1)

    def worker(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        with httpx.Client(base_url=base, timeout=60) as client:
            ready.wait()
            while True:
                with lock:
                    if not jobs:
                        return
                    kind = jobs.pop()
                url = url_for(kind, rng)
                t = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    times[kind].append(ms)
                    errors[kind] += 0 if ok else 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    ready.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return times, errors, time.perf_counter() - start


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def measure(db: Path, *, label: str, cache_size: int, args) -> dict:
    """One server, warmed up, then the counted run; the figures per kind of request."""
    out: dict = {"cache_size": cache_size}
    port = free_port()
    started = time.perf_counter()
    proc = start_server(db, port, cache_size=cache_size)
    out["ready_seconds"] = round(time.perf_counter() - started, 1)  # the store opened and indexed
    try:
        base = f"http://127.0.0.1:{port}"
        run_load(base, clients=min(args.clients, args.warmup or 1), requests=args.warmup, seed=args.seed + 1)
        print(f"[{label}] {args.clients} clients, {args.requests} requests over loopback, response cache "
              f"{cache_size or 'off'}; server ready in {out['ready_seconds']} s; load before: {load()}")
        times, errors, wall = run_load(base, clients=args.clients, requests=args.requests, seed=args.seed)
        out["seconds"] = round(wall, 2)
        out["requests_per_s"] = round(args.requests / wall, 1)
        for kind in KINDS:
            v = times[kind]
            stats = {"n": len(v), "errors": errors[kind], "p50_ms": round(statistics.median(v), 1) if v else None,
                     "p95_ms": round(pct(v, 95), 1), "max_ms": round(max(v), 1) if v else None}
            out[kind] = stats
            verdict = ""
            if kind in ("dyad", "events"):
                verdict = "OK" if stats["p95_ms"] <= TARGET_MS else f"over the {TARGET_MS:.0f} ms target"
            print(f"  {kind:13s} n={stats['n']:4d} errors={stats['errors']}  p50 {stats['p50_ms']:7.1f} ms  "
                  f"p95 {stats['p95_ms']:7.1f} ms  max {stats['max_ms']:7.1f} ms  {verdict}")
        out["load_after"] = load()
        print(f"  {out['requests_per_s']} requests/s over {wall:.1f} s; load after: {out['load_after']}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=1_000_000, help="synthetic events to build (ignored with --db)")
    p.add_argument("--db", type=Path, help="use this existing store instead of building one")
    p.add_argument("--keep-db", type=Path, help="build the synthetic store here and keep it")
    p.add_argument("--clients", type=int, default=20, help="concurrent clients")
    p.add_argument("--requests", type=int, default=400, help="requests in all (bounded), shared by the clients")
    p.add_argument("--warmup", type=int, default=20, help="requests sent first and not counted")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--cache", choices=("both", "on", "off"), default="both",
                   help="run with the server's response cache off, on, or both (off first)")
    p.add_argument("--json", action="store_true", help="end with one JSON line of every figure")
    args = p.parse_args(argv)
    if args.requests < 1 or args.requests > 100_000 or args.clients < 1 or args.clients > 200:
        p.error("--requests must be 1..100000 and --clients 1..200")

    tmp = None
    out: dict = {"clients": args.clients, "requests": args.requests, "cpus": os.cpu_count(), "load_before": load()}
    if args.db is not None:
        db = args.db
    else:
        if args.keep_db is not None:
            db = args.keep_db
            db.unlink(missing_ok=True)
        else:
            tmp = tempfile.TemporaryDirectory(prefix="heron-serve-bench-")
            db = Path(tmp.name) / "synthetic.duckdb"
        print(f"building a synthetic store of {args.events:,} events ...")
        out["build_seconds"] = round(build_synthetic(db, args.events), 1)
        print(f"  built in {out['build_seconds']} s ({db.stat().st_size / 1e6:.0f} MB)")
    try:
        modes = [("no_cache", 0), ("cache", 512)] if args.cache == "both" else \
            [("cache", 512)] if args.cache == "on" else [("no_cache", 0)]
        for label, size in modes:
            out[label] = measure(db, label=label, cache_size=size, args=args)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
