"""Article ids for inputs that carry none."""

from __future__ import annotations

import hashlib
import re

from heron.ingest.normalize import normalise_text

_SPACE_RUNS = re.compile(r"\s+")


def content_id(text: str) -> str:
    """A stable id for an article that came without one: ``"h"`` + 16 hex digits.

    The hash is the SHA-1 of the normalised text with every run of whitespace folded to one
    space, so the same story, re-wrapped or re-indented, always gets the same id, run after run
    and machine after machine.
    """
    folded = _SPACE_RUNS.sub(" ", normalise_text(text))
    return "h" + hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]
