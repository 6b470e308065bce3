"""Accepting or rejecting learned people: the one thing the server may write, and only when allowed.

A write needs both: the server started with ``--allow-edits`` (which prints a fresh token), and the
request's ``X-Heron-Token`` header equal to that token. Accepting marks the row reviewed (the coder
keeps using it, and never overwrites it); rejecting marks it reviewed without a code, so the coder
neither uses the name nor learns it again.
"""

from __future__ import annotations

import secrets
from typing import Any, Literal

from pydantic import BaseModel, Field

from heron.store.learned import COLUMNS


class Review(BaseModel):
    name: str = Field(..., min_length=1, max_length=200, description="the learned person's name")
    decision: Literal["accept", "reject"]


class EditRefused(Exception):
    """A write the server may not do; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def new_token() -> str:
    return secrets.token_urlsafe(24)


def check_allowed(state, token: str | None) -> None:
    if not getattr(state, "allow_edits", False):
        raise EditRefused(403, "this server is read-only. Fix: restart it with `heron serve --allow-edits` "
                               "and send the token it prints in the X-Heron-Token header.")
    expected = getattr(state, "token", None) or ""
    if not token:
        raise EditRefused(401, "no edit token. Fix: send the token `heron serve --allow-edits` printed in "
                               "the X-Heron-Token header (on the actors page: paste it into the token box).")
    if not expected or not secrets.compare_digest(token.encode(), expected.encode()):
        raise EditRefused(403, "wrong edit token. Fix: use the token this server printed when it started.")


def review(state, body: Review, *, token: str | None) -> dict[str, Any]:
    """Apply one decision; returns the row as stored afterwards."""
    check_allowed(state, token)
    with state.access.reading() as view:
        if not view.con.execute("SELECT count(*) FROM learned_actors WHERE name = ?", [body.name]).fetchone()[0]:
            raise EditRefused(404, f"no learned person named {body.name!r}. Fix: pick a name from /api/v1/actors.")
    with state.access.writing() as store:
        if body.decision == "accept":
            store.con.execute("UPDATE learned_actors SET reviewed = TRUE WHERE name = ?", [body.name])
        else:
            store.con.execute("UPDATE learned_actors SET reviewed = TRUE, code = NULL WHERE name = ?", [body.name])
        row = store.con.execute(f"SELECT {', '.join(COLUMNS)} FROM learned_actors WHERE name = ?",
                                [body.name]).fetchone()
    return dict(zip(COLUMNS, row))
