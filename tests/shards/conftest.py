"""Shared inputs for the shard tests: twenty short news items written for these tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The event coder's choice between two prepositional readings of one verb ("used tear gas against
# protesters ... on Saturday") can depend on Python's string hash order, which differs between
# processes; runs compared row for row across processes use one fixed seed.
FIXED_HASH_SEED = "0"

TEXTS = [
    "Turkish police detained 30 demonstrators in Ankara on Monday after a march against price rises.",
    "Iran's foreign minister criticised Saudi Arabia on Tuesday over the war in Yemen.",
    "Egypt and Sudan signed an agreement on Nile water sharing in Khartoum.",
    "Israeli troops shot dead two Palestinian gunmen near Jenin, the army said.",
    "China warned the Philippines on Wednesday to stop patrols near the disputed reef.",
    "Kenyan soldiers fought al-Shabaab militants in Lamu county, killing five of them.",
    "The European Union imposed new sanctions on Russia over the annexation of Crimea.",
    "Pakistan accused Afghanistan of sheltering militants who attacked a border post.",
    "Brazil's president met the Argentine president in Brasilia to discuss trade.",
    "Nigerian police arrested a suspected Boko Haram commander in Maiduguri.",
    "Germany offered humanitarian aid to Syria after the earthquake.",
    "India and Bangladesh agreed to reopen a railway line across their border.",
    "French police used tear gas against protesters in Paris on Saturday.",
    "The United States condemned North Korea for its latest missile test.",
    "Japan and South Korea held talks in Seoul on wartime labour compensation.",
    "Ethiopian forces attacked rebel positions in the Tigray region, residents said.",
    "Mexico's government appealed to the United States to speed up asylum hearings.",
    "Colombian troops killed a rebel commander in a raid near the Venezuelan border.",
    "Ukraine accused Russia of shelling a power station in Zaporizhzhia.",
    "The Australian prime minister visited Beijing and met the Chinese president.",
]


def jsonl(path: Path, items: list[tuple[str, str]], *, published: str = "2021-03-04") -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": published}) + "\n" for i, t in items),
                    encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "news")


def write_corpus(folder: Path) -> Path:
    """A folder: big.jsonl (12 items), small.jsonl (4) and four .txt files (one with a sidecar)."""
    folder.mkdir()
    items = [(f"s{i:02d}", t) for i, t in enumerate(TEXTS)]
    jsonl(folder / "big.jsonl", items[:12])
    jsonl(folder / "small.jsonl", items[12:16])
    for i, (_id, text) in enumerate(items[16:]):
        (folder / f"t{i}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "t0.json").write_text(json.dumps({"published": "2021-03-05", "source": "wire"}), encoding="utf-8")
    (folder / ".hidden.txt").write_text("not read\n", encoding="utf-8")
    return folder


def dump(db) -> dict[str, list]:
    """Everything a coding stored, without the run bookkeeping (run ids, timestamps)."""
    from heron.store import Store

    with Store(db, read_only=True) as store:
        con = store.con
        out = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
               for t in ("events", "sentences", "mentions", "places", "counts")}
        out["articles"] = con.execute(
            "SELECT * EXCLUDE (run_id, coded_at) FROM articles ORDER BY ALL").fetchall()
    return out


@pytest.fixture(scope="session")
def ray_instance():
    """A local Ray instance for the ray engine's tests; it must start (Ray is in the test extras)."""
    import ray

    # Ray's worker processes inherit the environment of the instance: one fixed hash seed, as the
    # SIGKILL tests give their subprocesses (see FIXED_HASH_SEED)
    saved = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = FIXED_HASH_SEED
    try:
        context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    finally:
        if saved is None:
            del os.environ["PYTHONHASHSEED"]
        else:
            os.environ["PYTHONHASHSEED"] = saved
    yield context.address_info["address"]
    ray.shutdown()
