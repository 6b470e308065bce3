"""A store coded from the seed and a few corpus articles, served by uvicorn on a loopback port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SEED, SHARED, need_shared

CORPUS = SHARED / "corpus" / "news-mixed.jsonl"
SEED_ARTICLE = "tasnim-896075"
# A person written for these tests (not from any article), put into a copy of the store.
TEST_PERSON = {"name": "Testa Reviewable Person", "code": "IRNGOV", "country": "IRN", "role": "spokesperson"}


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The seed (published 2015-10-22) and the corpus's first five articles, coded by the runner."""
    need_shared(SEED)
    need_shared(CORPUS)
    from heron.runner import code_inputs
    from heron.store import Store

    folder = tmp_path_factory.mktemp("serve-store")
    sample = folder / "sample.jsonl"
    with CORPUS.open(encoding="utf-8") as fh, sample.open("w", encoding="utf-8") as out:
        for _, line in zip(range(5), fh):
            out.write(line)
    db = folder / "seed.duckdb"
    with Store(db) as store:
        summary = code_inputs([SEED, sample], store=store, workers=1, published=date(2015, 10, 22))
    assert summary.n_coded >= 2
    return db


@pytest.fixture(scope="session")
def edit_db(seed_db, tmp_path_factory) -> Path:
    """A copy of the seed store with one learned person to review."""
    from heron.store import Store

    db = tmp_path_factory.mktemp("serve-edit") / "edit.duckdb"
    shutil.copy(seed_db, db)
    with Store(db) as store:
        store.con.execute(
            "INSERT INTO learned_actors VALUES (?, ?, ?, ?, ?, DATE '2015-10-22', DATE '2015-10-22', ?, 1, FALSE)",
            [TEST_PERSON["name"], TEST_PERSON["code"], TEST_PERSON["country"], ["GOV"], TEST_PERSON["role"],
             SEED_ARTICLE],
        )
    return db


class Running:
    """A uvicorn server in a thread; ``url`` is its base address."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "Running":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()


@pytest.fixture(scope="session")
def server(seed_db):
    from heron.serve import create_app

    with Running(create_app(seed_db)) as running:
        yield running


EDIT_TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def edit_server(edit_db):
    from heron.serve import create_app

    with Running(create_app(edit_db, allow_edits=True, token=EDIT_TOKEN)) as running:
        yield running


@pytest.fixture(scope="session")
def client(server):
    import httpx

    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c
