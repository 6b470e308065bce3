"""Shared fixtures: the spaCy-backed coder is built once per test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "tasnim-2015-10-22.txt"


def need_shared(path: Path = SHARED) -> Path:
    """The path under ../shared, or skip: reference data is absent on a user's fresh machine."""
    if not path.exists():
        pytest.skip(f"reference data {path} is absent (it lives in ../shared beside the repo)")
    return path


@pytest.fixture(scope="session")
def coder():
    from heron.pipeline import Coder

    c = Coder()
    c.warm_up()
    return c


@pytest.fixture(scope="session")
def nlp(coder):
    return coder.nlp


@pytest.fixture(scope="session")
def coded(coder):
    """``coded(text, published=...)``: the text coded end to end by the shared coder (default
    publication date 2024-03-05), as :func:`heron.pipeline.code_text` returns it."""
    from heron.pipeline import code_text

    def run(text: str, *, published: date = date(2024, 3, 5)):
        return code_text(text, published=published, coder=coder)

    return run
