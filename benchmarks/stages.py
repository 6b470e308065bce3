#!/usr/bin/env python
"""Per-stage cost of ``Coder.code_doc`` on parsed docs, without the parsing.

    python benchmarks/stages.py --articles 300                 # time code_doc, total and per stage
    python benchmarks/stages.py --articles 300 --profile 25    # plus the top 25 cProfile rows
    python benchmarks/stages.py --articles 300 --dump out.jsonl  # every coded article, to diff builds

The sample is the same even spread over ``../shared/corpus/news-mixed.jsonl`` as throughput.py.
Parsed docs are cached in a DocBin under the system temp dir (keyed by sample size and model), so a
rerun measures only the coding stages. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import pstats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load, sample_corpus  # noqa: E402

# functions whose cumulative time is a stage of code_doc (module path fragment, function name)
STAGES = [
    ("heron/geo/geoparse.py", "geoparse"),
    ("heron/actors/mentions.py", "find"),
    ("heron/actors/coref.py", "resolve"),
    ("heron/events/coder.py", "code_sentence"),
    ("heron/geo/locate.py", "locate_event"),
    ("heron/dates/find.py", "find_dates"),
    ("heron/counts/find.py", "find_counts"),
]


def parsed(coder, articles, cache: Path):
    from spacy.tokens import DocBin

    nlp = coder.nlp
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    limit = coder.settings.max_chars
    docs = list(nlp.pipe((a.text[:limit] for a in articles), batch_size=coder.settings.batch_size))
    DocBin(docs=docs).to_disk(cache)  # user_data holds objects (the dateline) that are recomputed
    return docs


def time_stages(coder, docs, articles) -> dict[str, float]:
    """Seconds spent in each stage function, measured by wrapping it (no profiler overhead)."""
    import importlib

    spent: dict[str, float] = {}

    def wrap(name, fn):
        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return timed

    targets = [("heron.geo", "geoparse"), ("heron.actors.coref", "resolve"), ("heron.dates", "find_dates"),
               ("heron.counts", "find_counts"), ("heron.geo", "locate_event"), ("heron.geo", "find_dateline")]
    saved = []
    for mod_name, attr in targets:
        mod = importlib.import_module(mod_name)
        saved.append((mod, attr, getattr(mod, attr)))
        setattr(mod, attr, wrap(f"{mod_name}.{attr}", getattr(mod, attr)))
    for obj, attr in [(coder.mention_finder, "find"), (coder.event_coder, "code_sentence")]:
        saved.append((obj, attr, None))
        setattr(obj, attr, wrap(f"{type(obj).__name__}.{attr}", getattr(obj, attr)))
    try:
        start = time.perf_counter()
        for doc, art in zip(docs, articles):
            coder.code_doc(doc, art)
        spent["code_doc (all)"] = time.perf_counter() - start
    finally:
        for obj, attr, fn in saved:
            if fn is None:
                delattr(obj, attr)
            else:
                setattr(obj, attr, fn)
    spent["rest of code_doc"] = spent["code_doc (all)"] - sum(v for k, v in spent.items() if k != "code_doc (all)")
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--profile", type=int, default=0, help="print the top N cProfile rows (by own time)")
    ap.add_argument("--repeat", type=int, default=3, help="time the stages this many times; report the best")
    ap.add_argument("--dump", type=Path, help="write every coded article as JSON lines")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args(argv)

    from heron.ingest import read_inputs
    from heron.pipeline import Coder
    from heron.records import Article

    tmp = Path(tempfile.gettempdir())
    sample = tmp / f"heron-stages-{args.articles}.jsonl"
    sample_corpus(Path(args.corpus), args.articles, sample)
    articles = [a for a in read_inputs([sample]) if isinstance(a, Article)]
    coder = Coder()
    coder.warm_up()
    from heron.nlp import model_label

    docs = parsed(coder, articles, tmp / f"heron-stages-{args.articles}-{model_label(coder.nlp)}.spacy")
    print(f"{len(docs)} docs, {sum(len(d) for d in docs)} tokens; load: {load()}")

    runs = [time_stages(coder, docs, articles) for _ in range(args.repeat)]
    timings = {k: min(r[k] for r in runs) for k in runs[0]}
    print(f"per stage, no profiler (wrapped with perf_counter), best of {args.repeat}:")
    for name, secs in timings.items():
        print(f"  {name:<40} {secs:7.2f} s")

    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    coded = [coder.code_doc(doc, art) for doc, art in zip(docs, articles)]
    prof.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(prof)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "code_doc")
    print(f"code_doc under cProfile: {wall:.2f} s wall, {total:.2f} s cumulative")
    for path, name in STAGES:
        cum = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(path) and k[2] == name)
        print(f"  {path}:{name:<14} {cum:7.2f} s")
    start = time.perf_counter()
    for doc, art in zip(docs, articles):
        coder.code_doc(doc, art)
    print(f"code_doc without profiler: {time.perf_counter() - start:.2f} s "
          f"({len(docs) / (time.perf_counter() - start):.1f} docs/s)")
    if args.profile:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for c in coded:
                row = dataclasses.asdict(c)
                row.pop("article")
                fh.write(json.dumps(row, default=lambda o: o.isoformat() if isinstance(o, date) else str(o),
                                    sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
