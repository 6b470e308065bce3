"""Turn the store's learned-people table into actor knowledge for later articles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from heron.actors.knowledge import ActorKnowledge, LayerBuilder


def knowledge_from_learned(rows: Iterable[dict[str, Any]]) -> ActorKnowledge:
    """One knowledge layer with each learned person under their full name.

    Provenance says ``learned:<article id>`` (the article that taught it) so an analyst sees why
    a bare name got a code.
    """
    builder = LayerBuilder("learned")
    for r in rows:
        if not r.get("name") or not r.get("code"):
            continue
        tag = "reviewed" if r.get("reviewed") else "learned"
        builder.add_actor(
            r["name"], name=r["name"], code=r["code"], kind="person", country=r.get("country"),
            sectors=tuple(r.get("sectors") or ()), role=r.get("role"),
            provenance=f"{tag}:{r.get('source_article') or '?'}",
        )
    return ActorKnowledge([builder.build()])
