"""Soak test: generated hostile inputs through Heron's `heron code` path; count crashes and rejects.

    python benchmarks/fuzz.py --n 10000 [--seed 0] [--batch 500] [--json]

Each input is one generated file (plain text, JSONL, JSON, HTML, a text with a sidecar, binary
bytes, invalid UTF-8) or a standard-input stream, made from arbitrary Unicode: control characters,
right-to-left and zero-width marks, emoji-only texts, lone surrogates in JSON escapes, combining
marks, huge numbers, deeply nested HTML and JSON, very long words, now and then a 200 k-token
article. Inputs are written to a temporary folder in batches and each batch goes through
``heron.shards.run_job`` (what ``heron code FILES --db ...`` runs; the batch's one standard-input
stream goes through ``heron.runner.code_inputs``, as ``heron code -`` does), in this process, into
one DuckDB store. SIGTERM (e.g. from ``timeout``) stops it after printing the figures so far.

Printed: inputs, articles coded, events, records rejected by reason (``ReadProblem``s, as
``heron code`` reports them), crashes (an exception out of ``code_inputs`` or an article whose
coding raised: the target is 0), peak RSS (``getrusage``) and seconds. ``--json`` ends with one
JSON line of the same figures.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from heron.runner import code_inputs  # noqa: E402
from heron.shards import run_job  # noqa: E402
from heron.settings import Settings  # noqa: E402
from heron.store import Store  # noqa: E402

# Pieces of text the generator mixes (written for this script; no corpus text).
WORDS = ("Iran", "Russia", "minister", "met", "Tehran", "on", "Wednesday", "said", "police", "killed",
         "protesters", "the", "United Nations", "condemned", "attack", "in", "Syria", "100", "people",
         "President", "Obama", "visited", "Paris", "and", "signed", "a", "deal", "with", "France", ".")
ODD = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c",
       "\u0301", "\u0327", "\u00ad", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b", "\x07", "\x00", "\r",
       "\t", "\u00a0", "\u3000", "\ufffd", "\uffff", "\U0001f600", "\U0001f4a5", "\U0001f1ee\U0001f1f7",
       "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u4e2d\u6587", "\u00e9", "e\u0301",
       "\u0130", "\u1e9e", "\ufb01", "\u2126", "\U00010348", "\u0000\u0000", "\\", "\"", "'", "<", ">", "&")
EMOJI = ("\U0001f600", "\U0001f525", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
         "\u2764\ufe0f", "\U0001f1fa\U0001f1f8")
BINARY_HEADS = (b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"\x7fELF", b"")


def random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.55:
            out.append(rng.choice(WORDS) + " ")
        elif roll < 0.8:
            out.append(rng.choice(ODD))
        elif roll < 0.9:
            out.append(chr(rng.randint(0x20, 0x2FFF)))
        elif roll < 0.97:
            cp = rng.randint(0x10000, 0x10FFFF)
            out.append(chr(cp))
        else:
            out.append("\n" * rng.randint(1, 3))
    return "".join(out)


def gen_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 50)))
    if roll < 0.08:
        return rng.choice(("", " ", "\n\n", "\u200b\u200b", "\ufeff"))
    if roll < 0.10:
        return rng.choice(WORDS) * rng.randint(1000, 20000)  # one enormous "word"
    if roll < 0.1015:
        return " ".join(rng.choice(WORDS) for _ in range(200_000))  # a 200 k-token article
    return random_unicode(rng, rng.randint(1, 400))


def gen_json_value(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return rng.choice((None, True, 0, -1, 1e308, 2**70, float("inf") if rng.random() < 0.1 else 1.5,
                           "", gen_text(rng)[:80], "2015-10-22", "22/10/2015", "yesterday", "0000-00-00",
                           "9999-12-31T25:61:00Z", "\ud800"))
    if roll < 0.7:
        return [gen_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(("id", "text", "title", "published", "date", "source", "url", "lang", "x")):
            gen_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def gen_record(rng: random.Random) -> dict:
    rec: dict = {"text": gen_text(rng)}
    for key in ("id", "title", "published", "date", "source", "url", "language", "headline", "link"):
        if rng.random() < 0.3:
            rec[key] = gen_json_value(rng)
    if rng.random() < 0.05:
        rec["text"] = gen_json_value(rng)
    if rng.random() < 0.03:
        del rec["text"]
    return rec


def dumps(rng: random.Random, obj) -> str:
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5, allow_nan=True)
    if rng.random() < 0.05:
        text = text[: rng.randint(0, len(text))]  # truncated JSON
    return text


def gen_jsonl(rng: random.Random) -> bytes:
    lines = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.8:
            lines.append(dumps(rng, gen_record(rng)).encode("utf-8", "surrogatepass"))
        elif roll < 0.85:
            lines.append(b"[1, 2, 3]")
        elif roll < 0.9:
            lines.append(b"{" * rng.randint(1, 5000) + b"}" * rng.randint(0, 10))
        elif roll < 0.95:
            lines.append(b'{"text": "' + bytes(rng.randint(0x80, 0xFF) for _ in range(5)) + b'"}')
        else:
            lines.append(b"")
    return b"\n".join(lines) + (b"\n" if rng.random() < 0.7 else b"")


def gen_html(rng: random.Random) -> str:
    body = gen_text(rng)
    roll = rng.random()
    if roll < 0.1:
        depth = rng.randint(500, 5000)
        return "<html><body>" + "<div>" * depth + f"<p>{body}</p>" + "</div>" * rng.randint(0, depth) + "</body></html>"
    if roll < 0.2:
        return "<html><head><title>" + body[:50] + "</title><script>" + body + "</script></head></html>"
    if roll < 0.3:
        return "<" * rng.randint(1, 200) + body + "&#x" + "F" * rng.randint(1, 12) + ";" + "&#0;&#xD800;"
    tags = ("p", "div", "span", "b", "table", "td", "article", "h1", "br", "img")
    parts = [f"<{rng.choice(tags)}>{random_unicode(rng, rng.randint(0, 40))}" for _ in range(rng.randint(1, 30))]
    return "<html><body><article>" + "".join(parts) + "</article></body></html>"


def gen_binary(rng: random.Random) -> bytes:
    return rng.choice(BINARY_HEADS) + bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 3000)))


def gen_invalid_utf8(rng: random.Random) -> bytes:
    good = gen_text(rng).encode("utf-8", "replace")
    cut = rng.randint(0, len(good))
    bad = rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80\x80"))
    return good[:cut] + bad + good[cut:]


def write_input(rng: random.Random, folder: Path, i: int) -> tuple[str, bytes | None]:
    """One generated input: (path or "-", stdin bytes when it is "-")."""
    roll = rng.random()
    if roll < 0.30:
        path = folder / f"a{i}.txt"
        path.write_bytes(gen_text(rng).encode("utf-8", "surrogatepass"))
    elif roll < 0.50:
        path = folder / f"a{i}.jsonl"
        path.write_bytes(gen_jsonl(rng))
    elif roll < 0.57:
        path = folder / f"a{i}.json"
        obj = gen_record(rng) if rng.random() < 0.7 else [gen_record(rng) for _ in range(3)]
        path.write_bytes(dumps(rng, obj).encode("utf-8", "surrogatepass"))
    elif roll < 0.72:
        path = folder / f"a{i}.html"
        path.write_bytes(gen_html(rng).encode("utf-8", "surrogatepass"))
    elif roll < 0.80:
        path = folder / f"a{i}.txt"
        path.write_bytes(gen_text(rng).encode("utf-8", "surrogatepass"))
        meta = {k: gen_json_value(rng) for k in ("id", "title", "published", "source") if rng.random() < 0.6}
        (folder / f"a{i}.json").write_bytes(dumps(rng, meta).encode("utf-8", "surrogatepass"))
    elif roll < 0.86:
        path = folder / f"a{i}.{rng.choice(('txt', 'bin', 'jsonl', 'html'))}"
        path.write_bytes(gen_binary(rng))
    elif roll < 0.94:
        path = folder / f"a{i}.{rng.choice(('txt', 'jsonl', 'html'))}"
        path.write_bytes(gen_invalid_utf8(rng))
    else:
        data = gen_jsonl(rng) if rng.random() < 0.5 else gen_text(rng).encode("utf-8", "surrogatepass")
        return "-", data
    return str(path), None


_STOPPED: list[int] = []


def _stop(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    _STOPPED.append(signum)
    if len(_STOPPED) == 1:  # stop the batch in flight once; later signals only wait for the figures
        raise KeyboardInterrupt


def run(n: int, *, seed: int, batch: int) -> dict:
    rng = random.Random(seed)
    signal.signal(signal.SIGTERM, _stop)
    logging.disable(logging.CRITICAL)  # per-record warnings and caught tracebacks would flood the terminal
    reasons: Counter[str] = Counter()
    crashes: list[str] = []
    counts = {"coded": 0, "events": 0, "done": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="heron-fuzz-") as tmp:
        store = Store(Path(tmp) / "fuzz.duckdb")
        settings = Settings()
        done = 0
        try:
            done = _batches(rng, Path(tmp), n, batch, store, settings, reasons, crashes, counts)
        except KeyboardInterrupt:  # SIGTERM between two runs: report what was done
            done = counts["done"]
        coded, events = counts["coded"], counts["events"]
        store.close()
    return {
        "inputs": done, "asked": n, "stopped_early": bool(_STOPPED), "seed": seed, "articles_coded": coded, "events": events,
        "rejected": sum(reasons.values()), "rejected_by_reason": dict(reasons.most_common()),
        "crashes": len(crashes), "crash_examples": crashes[:10],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _batches(rng, tmp: Path, n: int, batch: int, store, settings, reasons, crashes, counts) -> int:
    started = time.perf_counter()
    done = 0
    while done < n and not _STOPPED:
        folder = Path(tmp) / f"batch{done}"
        folder.mkdir()
        inputs, stdin = [], None
        for i in range(done, min(n, done + batch)):
            path, data = write_input(rng, folder, i)
            if path == "-":
                if stdin is not None:  # one standard input per run: this one is a file instead
                    path = str(folder / f"s{i}.txt")
                    Path(path).write_bytes(data)
                else:
                    stdin = data
            inputs.append(path)
        files = [p for p in inputs if p != "-"]
        runs = [lambda: run_job(files, store=store, settings=settings, workers=1, keep_events=False)]
        if stdin is not None:
            runs.append(lambda: code_inputs(["-"], store=store, settings=settings, workers=1, keep_events=False,
                                            stdin=io.BytesIO(stdin)))
        for job in runs:
            try:
                summary = job()
            except KeyboardInterrupt:  # SIGTERM: report what was done
                break
            except Exception as exc:  # noqa: BLE001 - counted and shown
                crashes.append(f"batch at input {done}: {exc!r}")
                continue
            counts["coded"] += summary.n_coded
            counts["events"] += summary.n_events
            for p in summary.problems:
                if p.reason in ("coding-error", "store-error"):
                    crashes.append(str(p))
                else:
                    reasons[p.reason] += 1
        if _STOPPED:
            break
        done += len(inputs)
        print(f"  {done}/{n} inputs, {counts['coded']} coded, {sum(reasons.values())} rejected, {len(crashes)} crashes, "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="generated inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=500, help="inputs per run_job call")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args(argv)
    result = run(args.n, seed=args.seed, batch=args.batch)
    stopped = f", stopped early of {result['asked']}" if result["stopped_early"] else ""
    print(f"inputs             {result['inputs']} (seed {result['seed']}{stopped})")
    print(f"articles coded     {result['articles_coded']} ({result['events']} events)")
    print(f"records rejected   {result['rejected']}")
    for reason, count in result["rejected_by_reason"].items():
        print(f"  {reason:<24} {count}")
    print(f"crashes            {result['crashes']}")
    for example in result["crash_examples"]:
        print(f"  {example}")
    print(f"peak RSS           {result['peak_rss_mb']} MB")
    print(f"seconds            {result['seconds']}")
    if args.json:
        print(json.dumps(result))
    return 1 if result["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
