"""The user's example article (read from ../shared at run time) coded end to end."""

from __future__ import annotations

from datetime import date

import pytest

from heron.records import Article

from ..conftest import SEED, need_shared


@pytest.fixture(scope="module")
def events(coder):
    text = need_shared(SEED).read_text(encoding="utf-8")
    return coder.code_article(Article(id="seed", text=text, published=date(2015, 10, 22))).events


def _has(events, root: str | tuple[str, ...], src: str, tgt: str) -> bool:
    roots = (root,) if isinstance(root, str) else root
    return any(
        e.cameo_code.startswith(roots) and (e.source_code or "").startswith(src) and (e.target_code or "").startswith(tgt)
        for e in events
    )


def test_seed_events(events) -> None:
    assert _has(events, "04", "IRN", "RUS") and _has(events, "04", "RUS", "IRN")  # the meeting
    assert _has(events, ("03", "01"), "IRN", "RUS")  # Iran's call to develop cooperation
    assert _has(events, ("03", "01"), "RUS", "IRN")  # Russia's expressed hope
    assert _has(events, "19", "RUS", "IMG")  # Russia's air strikes on ISIL
    assert _has(events, "051", "IRN", "RUS")  # Iran welcomes Russia's involvement


def test_seed_nothing_absurd(events) -> None:
    for e in events:
        if e.cameo_code[:2] >= "09":  # the only conflict in the article: Russia against ISIL
            assert e.cameo_code.startswith("19") and e.target_code.startswith("IMG"), e
        assert e.negated is False
        assert e.source_code != e.target_code
