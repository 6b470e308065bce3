"""Geo test fixtures: the gazetteer (built once per session into a private cache) and spaCy."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz(tmp_path_factory):
    import os

    from heron.geo import gazetteer_cache as gz

    old = os.environ.get("HERON_CACHE_DIR")
    os.environ["HERON_CACHE_DIR"] = str(tmp_path_factory.mktemp("heron-cache"))
    saved = gz._loaded
    gz._loaded = None
    try:
        yield gz.load_gazetteer()
    finally:
        gz._loaded = saved
        if old is None:
            os.environ.pop("HERON_CACHE_DIR", None)
        else:
            os.environ["HERON_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def spacy_nlp():
    from heron.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def parse(spacy_nlp, gaz):
    """Parse a text and geoparse it: returns (doc, places)."""
    from heron.geo import geoparse

    def run(text: str, **kw):
        doc = spacy_nlp(text)
        return doc, geoparse(doc, article_id="t", gazetteer=gaz, **kw)

    return run


def place_for(places, text: str, nth: int = 0):
    hits = [p for p in places if p.text == text]
    assert len(hits) > nth, f"no place {text!r} among {[p.text for p in places]}"
    return hits[nth]


@pytest.fixture(scope="module")
def places_in(gaz, spacy_nlp):
    """Geoparse a text: its places only."""
    from heron.geo.geoparse import geoparse

    def run(text: str):
        return geoparse(spacy_nlp(text), article_id="t", gazetteer=gaz)
    return run


def found(places, name):
    """The places found under the name ``name`` as written."""
    return [p for p in places if p.text == name]
