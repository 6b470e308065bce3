"""Bad input: each problem gives the right reason and line, and the rest of the batch goes on."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from heron.ingest import read_inputs
from heron.ingest.decode import Undecodable, decode_bytes
from heron.records import Article, ReadProblem

GOOD = '{"text": "Kenya and Uganda signed a trade agreement."}\n'


def run(*inputs, **kwargs) -> list[tuple[str, int | None, str]]:
    """(origin or 'article:<origin>', line, reason) for everything read, in order."""
    out = []
    for item in read_inputs(list(inputs), **kwargs):
        if isinstance(item, Article):
            out.append(("article:" + item.origin, None, "ok"))
        else:
            assert isinstance(item, ReadProblem)
            assert item.detail, item  # every problem explains itself
            out.append((item.origin, item.line, item.reason))
    return out


def test_undecodable_txt_gives_line_of_first_bad_byte(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(
        "Line one is fine.\nLine two too.\nCaf\u00e9 on line three.\n".encode("latin-1")
    )
    good = tmp_path / "ok.txt"
    good.write_text("Fine text.\n", encoding="utf-8")
    assert run(bad, good) == [(str(bad), 3, "undecodable"), (f"article:{good}", None, "ok")]
    problem = next(iter(read_inputs([bad])))
    assert "0xe9" in problem.detail and "line 3, column 4" in problem.detail


def test_undecodable_after_bom(tmp_path: Path) -> None:
    bad = tmp_path / "bom.txt"
    bad.write_bytes(b"\xef\xbb\xbfOK\n\xff")
    problem = next(iter(read_inputs([bad])))
    assert (problem.reason, problem.line) == ("undecodable", 2)
    assert "column 1" in problem.detail


def test_decode_bytes_positions() -> None:
    with pytest.raises(Undecodable) as info:
        decode_bytes(b"ab\ncd\xc3", first_line=10)
    assert (info.value.line, info.value.column, info.value.byte) == (11, 3, 0xC3)


def test_undecodable_jsonl_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD.encode() + b'{"text": "Caf\xe9"}\n' + GOOD.encode())
    assert run(path) == [
        (f"article:{path}:1", None, "ok"),
        (str(path), 2, "undecodable"),
        (f"article:{path}:3", None, "ok"),
    ]


def test_every_jsonl_problem_in_one_file(tmp_path: Path) -> None:
    lines = [
        GOOD,
        "{not json}\n",
        "[1, 2]\n",
        '"a string"\n',
        "null\n",
        '{"title": "t"}\n',
        '{"text": null}\n',
        '{"text": ["a", "b"]}\n',
        '{"text": ""}\n',
        '{"text": "\\u0000\\n \\r\\n"}\n',
        "[" * 100_000 + "\n",
        GOOD,
    ]
    path = tmp_path / "all.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    assert run(path) == [
        (f"article:{path}:1", None, "ok"),
        (str(path), 2, "invalid-json"),
        (str(path), 3, "not-an-object"),
        (str(path), 4, "not-an-object"),
        (str(path), 5, "not-an-object"),
        (str(path), 6, "missing-text"),
        (str(path), 7, "missing-text"),
        (str(path), 8, "missing-text"),
        (str(path), 9, "empty-text"),
        (str(path), 10, "empty-text"),
        (str(path), 11, "invalid-json"),
        (f"article:{path}:12", None, "ok"),
    ]


def test_record_too_large_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    big = json.dumps({"text": "x" * 5000})
    path = tmp_path / "big.jsonl"
    path.write_text(GOOD + big + "\n" + GOOD + big + "\r\n" + GOOD + big, encoding="utf-8")
    assert run(path, max_record_bytes=1000) == [
        (f"article:{path}:1", None, "ok"),
        (str(path), 2, "record-too-large"),
        (f"article:{path}:3", None, "ok"),
        (str(path), 4, "record-too-large"),
        (f"article:{path}:5", None, "ok"),
        (str(path), 6, "record-too-large"),
    ]
    problem = [p for p in read_inputs([path], max_record_bytes=1000) if isinstance(p, ReadProblem)][
        0
    ]
    assert f"{len(big):,} bytes" in problem.detail and "1,000" in problem.detail


def test_line_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    line = json.dumps({"text": "y" * 50})
    path = tmp_path / "edge.jsonl"
    path.write_text(line + "\r\n" + line + "\n", encoding="utf-8")
    assert run(path, max_record_bytes=len(line)) == [
        (f"article:{path}:1", None, "ok"),
        (f"article:{path}:2", None, "ok"),
    ]
    assert run(path, max_record_bytes=len(line) - 1) == [
        (str(path), 1, "record-too-large"),
        (str(path), 2, "record-too-large"),
    ]


def test_record_too_large_files(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("word " * 400, encoding="utf-8")
    js = tmp_path / "b.json"
    js.write_text(json.dumps({"text": "word " * 400}), encoding="utf-8")
    html = tmp_path / "c.html"
    html.write_text("<html><body><p>" + "word " * 1000 + "</p></body></html>", encoding="utf-8")
    ok = tmp_path / "d.txt"
    ok.write_text("short", encoding="utf-8")
    assert run(tmp_path, max_record_bytes=1000) == [
        (str(txt), None, "record-too-large"),
        (str(js), None, "record-too-large"),
        (str(html), None, "record-too-large"),
        (f"article:{ok}", None, "ok"),
    ]


def test_binary_files(tmp_path: Path) -> None:
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    nuls = tmp_path / "b.jsonl"
    nuls.write_bytes(b"\x00\x01\x02\x03" * 64)
    gz = tmp_path / "c.json"
    gz.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00")
    controls = tmp_path / "d.html"
    controls.write_bytes(bytes(range(1, 32)) * 4)
    jpeg = tmp_path / "e.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert [reason for _, _, reason in run(tmp_path)] == ["binary-file"] * 5
    details = [p.detail for p in read_inputs([tmp_path])]
    assert "PDF" in details[0] and "NUL" in details[1] and "gzip" in details[2]


def test_unsupported_file_type(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "README").write_text("no extension\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Text.\n", encoding="utf-8")
    assert run(tmp_path) == [
        (str(tmp_path / "README"), None, "unsupported-file-type"),
        (str(tmp_path / "a.md"), None, "unsupported-file-type"),
        (f"article:{tmp_path / 'b.txt'}", None, "ok"),
    ]


def test_unreadable(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    ok = tmp_path / "ok.txt"
    ok.write_text("Fine.\n", encoding="utf-8")
    assert run(missing, broken, ok) == [
        (str(missing), None, "unreadable"),
        (str(broken), None, "unreadable"),
        (f"article:{ok}", None, "ok"),
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.\n", encoding="utf-8")
    locked.chmod(0)
    folder = tmp_path / "locked-dir"
    folder.mkdir()
    (folder / "x.txt").write_text("x", encoding="utf-8")
    folder.chmod(0)
    try:
        found = list(read_inputs([tmp_path]))
    finally:
        locked.chmod(0o600)
        folder.chmod(0o700)
    assert sorted((Path(p.origin).name, p.reason) for p in found) == [
        ("locked-dir", "unreadable"),
        ("locked.txt", "unreadable"),
    ]


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import heron.ingest.files as files

    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.\n", encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("Fine.\n", encoding="utf-8")
    real_open = open

    def guarded(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", guarded, raising=False)
    found = list(read_inputs([tmp_path]))
    assert [(type(x).__name__, Path(x.origin).name) for x in found] == [
        ("ReadProblem", "locked.txt"),
        ("Article", "ok.txt"),
    ]
    assert (found[0].reason, found[0].detail) == ("unreadable", "permission denied")


def test_unlistable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("First.\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Hidden.\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Last.\n", encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path=".", *args, **kwargs):
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", guarded)
    assert run(tmp_path) == [
        (f"article:{tmp_path / 'a.txt'}", None, "ok"),
        (f"article:{tmp_path / 'z.txt'}", None, "ok"),
        (str(tmp_path / "locked"), None, "unreadable"),
    ]


def test_empty_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n\n", encoding="utf-8")  # no records, no problem
    (tmp_path / "d.txt").write_bytes(b"\xef\xbb\xbf\x00")
    assert run(tmp_path) == [
        (str(tmp_path / "a.txt"), None, "empty-text"),
        (str(tmp_path / "b.txt"), None, "empty-text"),
        (str(tmp_path / "d.txt"), None, "empty-text"),
    ]


def test_bad_date_keeps_article_and_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "d.jsonl"
    rows = [
        {"id": "a", "text": "x", "published": "next Tuesday"},
        {"id": "b", "text": "y", "published": True},
        {"id": "c", "text": "z", "published": "2015-02-30"},
        {"id": "d", "text": "w", "date": "22 Oct 2015"},
    ]
    path.write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    with caplog.at_level("WARNING", logger="heron.ingest"):
        found = list(read_inputs([path]))
    assert all(isinstance(a, Article) for a in found)
    assert [a.published for a in found] == [None, None, None, date(2015, 10, 22)]
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 3
    assert f"{path}:1" in warnings[0].getMessage() and "next Tuesday" in warnings[0].getMessage()


def test_nothing_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"text": "a", "published": "never"}\n{bad\n', encoding="utf-8")
    list(read_inputs([path, tmp_path / "missing.txt"]))
    assert capsys.readouterr() == ("", "")


def test_read_problem_str() -> None:
    assert str(ReadProblem("f.jsonl", 3, "invalid-json", "x")) == "f.jsonl:3: invalid-json (x)"


def test_bad_max_record_bytes() -> None:
    with pytest.raises(ValueError):
        list(read_inputs([], max_record_bytes=0))
