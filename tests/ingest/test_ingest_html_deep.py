"""HTML nested deeper than lxml's tree keeps: the text is read, not lost (issue 16.2)."""

from __future__ import annotations

import logging
from pathlib import Path

from heron.ingest import read_inputs
from heron.records import Article, ReadProblem

SENTENCE = "Kenya and Tanzania agreed on Tuesday to reopen the Namanga border post, officials said."


def _deep_page(tmp_path: Path, inner: str, *, depth: int = 3000) -> Path:
    page = (
        "<html lang='en'><head><title>Border post to reopen</title><script>var menu = 1;</script></head>"
        "<body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    return path


def _read(path: Path) -> tuple[list[Article], list[ReadProblem]]:
    found = list(read_inputs([str(path)]))
    return [a for a in found if isinstance(a, Article)], [p for p in found if isinstance(p, ReadProblem)]


def test_text_in_3000_nested_divs_is_read(tmp_path):
    articles, problems = _read(_deep_page(tmp_path, f"<p>{SENTENCE}</p><p>Traders welcomed the news.</p>"))
    assert problems == []
    assert len(articles) == 1
    assert articles[0].text == f"{SENTENCE}\nTraders welcomed the news."
    assert articles[0].title == "Border post to reopen"
    assert articles[0].language == "en"


def test_a_deep_page_of_only_furniture_is_still_empty(tmp_path):
    articles, problems = _read(_deep_page(tmp_path, "<nav><a href='/'>Home</a></nav><footer>Copyright</footer>"))
    assert articles == []
    assert [p.reason for p in problems] == ["empty-text"]


def test_the_extractor_warning_goes_to_heron_debug_log_not_the_terminal(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    path = _deep_page(tmp_path, f"<p>{SENTENCE}</p>")
    _read(path)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    routed = [r.getMessage() for r in caplog.records if r.name == "heron.ingest.html" and r.levelno == logging.DEBUG]
    assert any(m.startswith(f"{path}: trafilatura") for m in routed), routed
