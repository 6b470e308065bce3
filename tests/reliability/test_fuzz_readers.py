"""Every reader in heron.ingest on hostile input (issue 15.1): text, JSONL, JSON, HTML, folders,
standard input and sidecar JSON, fed arbitrary bytes and Unicode by hypothesis.

Whatever the input, ``read_inputs`` never raises; it yields Articles whose text can be stored (a
str with something visible in it, no NUL, no lone surrogate, UTF-8 encodable) and ReadProblems with
a known reason, an origin and a line number that exists. The huge cases (a 60 MB single line in a
text file, in JSONL and on standard input) are refused as too large without holding the line.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from heron.ingest import read_inputs
from heron.ingest.normalize import has_visible_text
from heron.records import Article, ReadProblem
from tests.reliability.strategies import BOUNDED, FEW, any_text, dump_json, records, surrogates

REASONS = {"unreadable", "binary-file", "undecodable", "record-too-large", "invalid-json", "not-an-object",
           "missing-text", "empty-text", "unsupported-file-type", "html-extractor-missing",
           "html-extraction-failed", "empty-folder"}


def _check(items, *, origin_prefix: str, n_lines: int | None = None) -> list[Article]:
    articles = []
    for item in items:
        if isinstance(item, ReadProblem):
            assert item.reason in REASONS, item
            assert item.origin, item
            assert item.line is None or item.line >= 1, item
            if n_lines is not None and item.line is not None:
                assert item.line <= max(n_lines, 1), item
            continue
        assert isinstance(item, Article), item
        assert item.origin.startswith(origin_prefix), item.origin
        for value in (item.text, item.id, item.title or "", item.source or "", item.url or ""):
            assert isinstance(value, str)
            value.encode("utf-8")  # no lone surrogate: the store can hold it
            assert "\x00" not in value
        assert item.id and has_visible_text(item.text), item
        assert item.published is None or isinstance(item.published, date)
        articles.append(item)
    return articles


def _read(path: Path, **kwargs) -> list:
    return list(read_inputs([path], **kwargs))


@BOUNDED
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      any_text.map(lambda t: t.encode("utf-16"))))
def test_text_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("txt") / "a.txt"
    path.write_bytes(data)
    items = _read(path)
    assert len(items) == 1
    _check(items, origin_prefix=str(path))


@BOUNDED
@given(lines=st.lists(st.one_of(records.map(lambda r: ("rec", r)), st.binary(max_size=60).map(lambda b: ("raw", b)),
                                surrogates.map(lambda s: ("rec", {"text": f"police {s}", "title": s, "id": s}))),
                      max_size=8),
       ascii_only=st.booleans(), crlf=st.booleans())
def test_jsonl_files(tmp_path_factory, lines, ascii_only, crlf):
    path = tmp_path_factory.mktemp("jsonl") / "a.jsonl"
    raw = [dump_json(v, ascii_only=ascii_only).encode("utf-8", "surrogatepass") if kind == "rec"
           else v.replace(b"\n", b" ") for kind, v in lines]
    path.write_bytes((b"\r\n" if crlf else b"\n").join(raw))
    items = _read(path)
    articles = _check(items, origin_prefix=f"{path}:", n_lines=len(raw))
    assert len(items) <= max(len(raw), 1)
    for a in articles:  # each article names its own line
        assert 1 <= int(a.origin.rsplit(":", 1)[1]) <= len(raw)


@BOUNDED
@given(obj=st.one_of(records, st.lists(records, max_size=4), st.just([]), st.just("text")), ascii_only=st.booleans())
def test_json_files(tmp_path_factory, obj, ascii_only):
    path = tmp_path_factory.mktemp("json") / "a.json"
    path.write_text(dump_json(obj, ascii_only=ascii_only), encoding="utf-8", errors="surrogatepass")
    _check(_read(path), origin_prefix=str(path))


@FEW
@given(body=any_text, depth=st.integers(min_value=0, max_value=3000), close=st.booleans(),
       wrap=st.sampled_from(["p", "div", "script", "title", "td", "article"]))
def test_html_pages(tmp_path_factory, body, depth, close, wrap):
    path = tmp_path_factory.mktemp("html") / "a.html"
    tail = "</div>" * depth if close else ""
    page = f"<html><body>{'<div>' * depth}<{wrap}>{body}</{wrap}>{tail}</body></html>"
    path.write_bytes(page.encode("utf-8", "surrogatepass"))
    items = _read(path)
    assert len(items) == 1
    _check(items, origin_prefix=str(path))


NAME = st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
               min_size=1, max_size=12).filter(lambda n: n not in (".", ".."))


@FEW
@given(files=st.dictionaries(st.tuples(st.sampled_from(["", "sub/", "sub/deeper/", ".hidden/"]), NAME,
                                       st.sampled_from([".txt", ".jsonl", ".json", ".html", ".TXT", ".bin", ""])),
                             st.one_of(st.binary(max_size=100), any_text.map(lambda t: t.encode("utf-8", "replace"))),
                             max_size=8))
def test_folders(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("folder")
    for (sub, name, ext), data in files.items():
        path = root / sub / f"{name}{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.write_bytes(data)
        except OSError:  # a name the file system refuses (too long in bytes)
            continue
    items = _read(root)
    _check(items, origin_prefix=str(root))
    visible = [p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in
                                                                       p.relative_to(root).parts)]
    if not visible:
        assert [p.reason for p in items] == ["empty-folder"]
    elif not items:  # only JSONL files without a record (blank lines are skipped, silently)
        assert all(p.suffix == ".jsonl" and not p.read_bytes().strip() for p in visible), visible


@BOUNDED
@given(data=st.one_of(st.binary(max_size=300), any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.lists(records, max_size=4).map(
                          lambda rs: "\n".join(dump_json(r, ascii_only=False) for r in rs).encode("utf-8", "surrogatepass"))))
def test_standard_input(data):
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert items
    _check(items, origin_prefix="<stdin>")


@BOUNDED
@given(text=any_text, sidecar=st.one_of(st.binary(max_size=120), records.map(
    lambda r: dump_json(r, ascii_only=False).encode("utf-8", "surrogatepass"))))
def test_sidecar_json(tmp_path_factory, text, sidecar):
    folder = tmp_path_factory.mktemp("sidecar")
    (folder / "a.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    (folder / "a.json").write_bytes(sidecar)
    for target in (folder, folder / "a.txt"):
        items = _read(target)
        _check(items, origin_prefix=str(folder))
        assert all(p.origin == str(folder / "a.json") for p in items
                   if isinstance(p, ReadProblem) and p.reason in ("invalid-json", "not-an-object"))
        assert not any(isinstance(i, Article) and i.origin.endswith("a.json") for i in items)  # never an article


def test_text_of_only_invisible_marks_is_empty(tmp_path):
    """Found by fuzzing: zero-width and right-to-left marks alone were coded as an article."""
    for i, text in enumerate(["\u200b\u200c\u200d", "\u202e\u2066 \u2069\ufeff", "\u00ad\u2060\n\u200f"]):
        txt = tmp_path / f"z{i}.txt"
        txt.write_text(text, encoding="utf-8")
        assert [p.reason for p in _read(txt)] == ["empty-text"]
    line = tmp_path / "z.jsonl"
    line.write_text(json.dumps({"text": "\u200b\u202e"}) + "\n", encoding="utf-8")
    assert [p.reason for p in _read(line)] == ["empty-text"]
    assert [p.reason for p in read_inputs(["-"], stdin=io.BytesIO("\u200b\u200b".encode()))] == ["empty-text"]
    emoji = tmp_path / "e.txt"
    emoji.write_text("\U0001f600\U0001f525", encoding="utf-8")  # emoji are visible: an article
    assert [type(i) for i in _read(emoji)] == [Article]


SIXTY_MB = 60 * 1024 * 1024


def test_a_60_mb_single_line_is_refused_as_too_large_without_holding_it(tmp_path):
    line = b"Iran and Russia met in Tehran " * (SIXTY_MB // 30)
    txt, jsonl = tmp_path / "huge.txt", tmp_path / "huge.jsonl"
    txt.write_bytes(line)
    jsonl.write_bytes(b'{"text": "' + line + b'"}\n' + json.dumps({"id": "next", "text": "Police met."}).encode())
    tracemalloc.start()
    try:
        items = _read(txt) + _read(jsonl)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [getattr(i, "reason", "article") for i in items] == ["record-too-large", "record-too-large", "article"]
    assert items[1].line == 1 and items[2].id == "next"
    assert peak < 16 * 1024 * 1024, f"the readers held {peak:,} bytes for a refused line"
    stdin = list(read_inputs(["-"], stdin=io.BytesIO(line)))
    assert [p.reason for p in stdin] == ["record-too-large"]
