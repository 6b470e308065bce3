"""Shared fixtures for the actor tests: one mention finder over the built-in tables."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def tools(nlp):
    from heron.actors.dictionaries import load_builtin
    from heron.actors.mentions import MentionFinder

    return nlp, MentionFinder(nlp, load_builtin())
