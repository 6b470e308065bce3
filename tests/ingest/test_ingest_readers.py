"""The input readers: .txt (+ sidecar), .jsonl, .json, .html, folders, stdin, ids, metadata."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from heron.ingest import content_id, read_inputs
from heron.ingest.text import split_title
from heron.records import Article, ReadProblem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
MIXED = FIXTURES / "mixed"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def read(*inputs, **kwargs) -> tuple[list[Article], list[ReadProblem]]:
    found = list(read_inputs(list(inputs), **kwargs))
    for item in found:
        assert isinstance(item, (Article, ReadProblem)), item
    return (
        [a for a in found if isinstance(a, Article)],
        [p for p in found if isinstance(p, ReadProblem)],
    )


def only_article(*inputs, **kwargs) -> Article:
    articles, problems = read(*inputs, **kwargs)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


# --- .txt -------------------------------------------------------------------------------------


def test_txt_with_sidecar(tmp_path: Path) -> None:
    article = only_article(MIXED / "a-visit.txt")
    assert article.id == "fx-visit"
    assert article.title == "Foreign minister visits Oslo for talks on Arctic cooperation"
    assert article.text.startswith("OSLO (Wire) - The foreign minister of Finland")
    assert article.text.endswith("Both sides pledged to cooperate on Arctic research.")
    assert article.published == date(2023, 9, 4)
    assert article.source == "Fixture Wire"
    assert article.url == "https://example.org/fx/visit"
    assert article.language == "en"
    assert article.origin == str(MIXED / "a-visit.txt")


def test_txt_sidecar_title_wins_and_matching_first_line_is_cut(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Talks in Doha: day two\nDOHA (Wire) - Talks went on.\n", encoding="utf-8"
    )
    (tmp_path / "a.json").write_text(
        json.dumps({"title": "talks in doha: DAY two"}), encoding="utf-8"
    )
    article = only_article(tmp_path / "a.txt")
    assert article.title == "talks in doha: DAY two"
    assert article.text == "DOHA (Wire) - Talks went on."


def test_txt_sidecar_wins_over_flags(tmp_path: Path) -> None:
    article = only_article(MIXED / "a-visit.txt", published=date(2001, 1, 1), source="Flag Source")
    assert article.published == date(2023, 9, 4)
    assert article.source == "Fixture Wire"


def test_txt_without_title() -> None:
    article = only_article(MIXED / "b-notitle.txt")
    assert article.title is None
    assert article.text.startswith("NAIROBI (Wire) - Kenyan police arrested 20 protesters")
    assert article.published is None and article.source is None


def test_txt_bom_crlf_nul_and_nfc(tmp_path: Path) -> None:
    decomposed = "Bogota\u0301"  # "Bogotá" with a combining accent
    raw = f"Peace deal signed\r\nBOGOTA (Wire) - Signed in {decomposed}.\r\nA second\x00 line.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    article = only_article(path)
    assert article.title == "Peace deal signed"
    assert article.text == "BOGOTA (Wire) - Signed in Bogot\u00e1.\nA second line."
    assert "\r" not in article.text and "\x00" not in article.text and "\ufeff" not in article.text


def test_txt_is_kept_verbatim_otherwise(tmp_path: Path) -> None:
    body = (
        "QUITO (Wire) -  Two  spaces stay.\n\n\n\u201cCurly quotes\u201d \u2014 and dashes "
        "\u2013 stay."
    )
    (tmp_path / "v.txt").write_text(body + "\n", encoding="utf-8")
    assert only_article(tmp_path / "v.txt").text == body


def test_bad_sidecar_is_reported_and_article_still_read(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(
        "Kenya and Uganda agreed to build a railway.\n", encoding="utf-8"
    )
    (tmp_path / "s.json").write_text('{"id": "x", \n "title": ', encoding="utf-8")
    articles, problems = read(tmp_path / "s.txt")
    assert [a.text for a in articles] == ["Kenya and Uganda agreed to build a railway."]
    assert articles[0].id.startswith("h")  # the sidecar's id could not be used
    assert [(p.reason, p.origin, p.line) for p in problems] == [
        ("invalid-json", str(tmp_path / "s.json"), 2)
    ]


def test_sidecar_bad_date_keeps_article(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "d.txt").write_text("Mali and Niger signed a defence pact.\n", encoding="utf-8")
    (tmp_path / "d.json").write_text('{"published": "the day after"}', encoding="utf-8")
    with caplog.at_level("WARNING", logger="heron.ingest"):
        article = only_article(tmp_path / "d.txt", published=date(2020, 2, 2))
    assert article.published == date(2020, 2, 2)  # the flag fills the gap
    assert "the day after" in caplog.text


# --- title rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Iran-Russia Defense Cooperation Vital in Current Situation\nTEHRAN - Text.",
            "Iran-Russia Defense Cooperation Vital in Current Situation",
        ),
        (
            "Minister says talks \u201cconstructive\u201d\n\nBody text.",
            "Minister says talks \u201cconstructive\u201d",
        ),
        ("Ministers meet (update 2)\nBody.", "Ministers meet (update 2)"),
        ("The minister arrived on Tuesday.\nHe met the president.", None),  # a sentence
        ("Will the truce hold?\nBody.", None),
        ("He said: \u201cWe will go.\u201d\nBody.", None),  # ends in a quoted sentence
        ("ANKARA (Wire) -\nTurkey said on Tuesday it would respond.", None),  # dateline
        ("WASHINGTON \u2014\nBody.", None),
        ("In a statement issued on Monday, the ministry said,\nthat it would respond.", None),
        ("Only one line, no body", None),
        ("12345\nBody text follows.", None),  # no letter
        ("A" * 200 + "\nBody.", None),  # too long
        ("A" * 199 + "\nBody.", "A" * 199),
    ],
)
def test_title_rule(text: str, title: str | None) -> None:
    line, body = split_title(text)
    assert line == title
    if title is None:
        assert body == text
    else:
        assert body == text.partition("\n")[2].strip()


def test_title_rule_on_files(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(
        "\n\n  Rebels seize town in north\n\nThe rebels took the town.\n", encoding="utf-8"
    )
    article = only_article(tmp_path / "t.txt")
    assert article.title == "Rebels seize town in north"
    assert article.text == "The rebels took the town."
    (tmp_path / "t.txt").write_text("Rebels seize town in north\n", encoding="utf-8")
    article = only_article(tmp_path / "t.txt")
    assert article.title is None and article.text == "Rebels seize town in north"


# --- .jsonl -------------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines() -> None:
    articles, problems = read(MIXED / "c-batch.jsonl")
    origin = str(MIXED / "c-batch.jsonl")
    assert [a.origin for a in articles] == [f"{origin}:1", f"{origin}:2", f"{origin}:8"]
    first, second, third = articles
    assert first.id == "fx-1" and first.title == "Border deal"
    assert first.published == date(2023, 10, 6)
    assert (first.source, first.url, first.language) == (
        "Fixture Wire",
        "https://example.org/fx/1",
        "en",
    )
    assert second.published == date(2023, 10, 7)  # the "date" key
    assert second.title is None and second.source is None
    assert third.published is None  # "sometime soon": kept, no date
    assert third.id == content_id("Peru condemned the attack on its embassy.")
    assert [(p.origin, p.line, p.reason) for p in problems] == [
        (origin, 4, "invalid-json"),
        (origin, 5, "not-an-object"),
        (origin, 6, "missing-text"),
        (origin, 7, "empty-text"),
    ]


def test_jsonl_field_types(tmp_path: Path) -> None:
    rows = [
        {"id": 42, "text": "A", "language": "FR", "title": "  Two\n lines  "},
        {"id": 7.0, "text": "B", "published": 1445472000},  # Unix seconds
        {"id": "", "text": "C", "published": 1445472000000, "title": ["not", "a", "string"]},
        {"id": "d", "text": "D", "headline": "H", "link": "u", "lang": "de", "date": "2015-10-22"},
        {"id": "e", "text": 5},
        {"id": "f", "text": None},
    ]
    path = tmp_path / "types.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    articles, problems = read(path)
    a, b, c, d = articles
    assert (a.id, a.language, a.title) == ("42", "fr", "Two lines")
    assert (b.id, b.published) == ("7", date(2015, 10, 22))
    assert c.id == content_id("C") and c.published == date(2015, 10, 22) and c.title is None
    assert (d.title, d.url, d.language, d.published) == ("H", "u", "de", date(2015, 10, 22))
    assert [(p.line, p.reason) for p in problems] == [(5, "missing-text"), (6, "missing-text")]


def test_jsonl_published_key_wins_over_date(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(
        json.dumps({"text": "x", "published": "2020-01-02", "date": "2019-01-01"}), encoding="utf-8"
    )
    assert only_article(path).published == date(2020, 1, 2)


def test_jsonl_text_is_normalised_not_titled(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(
        json.dumps({"text": "Headline looking line\r\nBody.\u0000"}) + "\n", encoding="utf-8"
    )
    article = only_article(path)
    assert article.text == "Headline looking line\nBody."
    assert article.title is None


def test_jsonl_crlf_bom_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"text": "one"}\r\n\r\n   \r\n{"text": "two"}\r\n')
    articles, problems = read(path)
    assert problems == []
    assert [(a.text, a.origin) for a in articles] == [("one", f"{path}:1"), ("two", f"{path}:4")]


def test_ndjson_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.NDJSON"
    path.write_text('{"text": "Upper-case extension."}\n', encoding="utf-8")
    assert only_article(path).text == "Upper-case extension."


# --- .json --------------------------------------------------------------------------------------


def test_json_single_article() -> None:
    article = only_article(MIXED / "e-single.json")
    assert article.id == "fx-single"
    assert article.title == "Ceasefire talks"
    assert article.published == date(2023, 12, 1)
    assert article.origin == str(MIXED / "e-single.json")


def test_json_array_and_jsonl_named_json(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(
        json.dumps([{"text": "first"}, {"title": "no text"}, {"text": "third"}]), encoding="utf-8"
    )
    articles, problems = read(arr)
    assert [(a.text, a.origin) for a in articles] == [("first", f"{arr}#1"), ("third", f"{arr}#3")]
    assert [(p.reason, p.line) for p in problems] == [("missing-text", None)]
    assert problems[0].detail.startswith("item 2:")
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    articles, problems = read(lines)
    assert problems == [] and [a.origin for a in articles] == [f"{lines}:1", f"{lines}:2"]


def test_json_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "text": "x",\n  oops\n}', encoding="utf-8")
    scalar = tmp_path / "scalar.json"
    scalar.write_text('"just a string"', encoding="utf-8")
    articles, problems = read(bad, scalar)
    assert articles == []
    assert [(p.origin, p.line, p.reason) for p in problems] == [
        (str(bad), 3, "invalid-json"),
        (str(scalar), None, "not-an-object"),
    ]


def test_explicit_sidecar_is_not_an_article() -> None:
    articles, problems = read(MIXED / "a-visit.json", MIXED / "a-visit.txt")
    assert problems == []
    assert [a.id for a in articles] == ["fx-visit"]


# --- .html --------------------------------------------------------------------------------------


def test_html_main_text_without_boilerplate() -> None:
    article = only_article(MIXED / "d-page.html")
    assert article.title == "Rwanda and Burundi reopen border crossing"
    assert article.text.startswith(
        "KIGALI (Wire) - Rwanda and Burundi reopened their main border crossing"
    )
    assert "Traders welcomed the decision" in article.text
    for boilerplate in (
        "Sign in",
        "World news",
        "Related stories",
        "Celebrity chef",
        "Copyright",
        "Cookie",
    ):
        assert boilerplate not in article.text
    assert not article.text.startswith("Rwanda and Burundi reopen border crossing")  # title cut
    assert article.published == date(2023, 11, 2)
    assert article.source == "Fixture Wire"
    assert article.language == "en"
    assert article.id == content_id(article.text)


def test_html_sidecar_wins(tmp_path: Path) -> None:
    shutil.copy(MIXED / "d-page.html", tmp_path / "page.htm")
    (tmp_path / "page.json").write_text(
        json.dumps({"id": "page-1", "published": "2023-11-03", "source": "Sidecar"}),
        encoding="utf-8",
    )
    articles, problems = read(tmp_path)
    assert problems == []
    assert [(a.id, a.published, a.source, a.title) for a in articles] == [
        ("page-1", date(2023, 11, 3), "Sidecar", "Rwanda and Burundi reopen border crossing")
    ]


def test_html_declared_charset(tmp_path: Path) -> None:
    page = (MIXED / "d-page.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Kigali,", "Kigali (Caf\u00e9 talks),"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("iso-8859-1"))
    article = only_article(path)
    assert "Caf\u00e9 talks" in article.text


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Nothing</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/w'>World</a></li></ul></nav><noscript>Enable JavaScript to read.</noscript>"
        "<footer>Copyright 2024 Example. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    articles, problems = read(path)
    assert articles == []
    assert [(p.reason, p.origin) for p in problems] == [("empty-text", str(path))]


# --- folders ------------------------------------------------------------------------------------


def test_folder_mixing_good_and_bad_files() -> None:
    found = list(read_inputs([MIXED]))
    summary = [
        (
            Path(x.origin).name
            if isinstance(x, Article)
            else Path(x.origin).name + f":{x.line}:{x.reason}"
        )
        for x in found
    ]
    assert summary == [
        "a-visit.txt",
        "b-notitle.txt",
        "c-batch.jsonl:1",
        "c-batch.jsonl:2",
        "c-batch.jsonl:4:invalid-json",
        "c-batch.jsonl:5:not-an-object",
        "c-batch.jsonl:6:missing-text",
        "c-batch.jsonl:7:empty-text",
        "c-batch.jsonl:8",
        "d-page.html",
        "e-single.json",
        "notes.csv:None:unsupported-file-type",
        "f-nested.txt",
    ]
    nested = found[-1]
    assert isinstance(nested, Article) and nested.origin == str(MIXED / "sub" / "f-nested.txt")


def test_folder_with_binary_and_unreadable_entries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chad closed its border with Sudan.\n", encoding="utf-8")
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "c.dat").write_bytes(b"\x00\x01\x02\x03" * 16)
    (tmp_path / "d.txt").write_bytes("UTF-16 without a BOM".encode("utf-16-le"))
    (tmp_path / "e.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "z.jsonl").write_text('{"text": "Last one."}\n', encoding="utf-8")
    found = list(read_inputs([tmp_path]))
    assert [
        (Path(x.origin).name, x.reason if isinstance(x, ReadProblem) else "ok") for x in found
    ] == [
        ("a.txt", "ok"),
        ("b.png", "binary-file"),
        ("c.dat", "binary-file"),
        ("d.txt", "binary-file"),
        ("e.txt", "unreadable"),
        ("z.jsonl:1", "ok"),
    ]


def test_inputs_in_given_order_and_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    articles, problems = read(MIXED / "e-single.json", missing, MIXED / "sub")
    assert [a.id for a in articles][0] == "fx-single"
    assert len(articles) == 2
    assert [(p.origin, p.reason, p.detail) for p in problems] == [
        (str(missing), "unreadable", "no such file or directory")
    ]


def test_examples_folder() -> None:
    articles, problems = read(EXAMPLES)
    assert problems == []
    assert len(articles) >= 5
    by_name = {Path(a.origin.split(":")[0]).name for a in articles}
    assert {"ankara-talks.txt", "world-wire.jsonl", "bogota-peace-deal.html"} <= by_name
    assert "ankara-talks.json" not in by_name
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert article.text and article.title
        assert "(Wire) -" in article.text.split("\n")[0]


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_jsonl_text() -> None:
    stdin = io.StringIO('{"id": "s1", "text": "One."}\n\n  {"text": "Two."}\n{bad\n')
    articles, problems = read("-", stdin=stdin)
    assert [(a.id, a.origin) for a in articles] == [
        ("s1", "<stdin>:1"),
        (content_id("Two."), "<stdin>:3"),
    ]
    assert [(p.origin, p.line, p.reason) for p in problems] == [("<stdin>", 4, "invalid-json")]


def test_stdin_jsonl_bytes_with_bad_line() -> None:
    stdin = io.BytesIO(b'{"text": "caf\xc3\xa9"}\n{"text": "caf\xe9"}\n{"text": "ok"}\n')
    articles, problems = read(Path("-"), stdin=stdin)
    assert [a.text for a in articles] == ["caf\u00e9", "ok"]
    assert [(p.line, p.reason) for p in problems] == [(2, "undecodable")]


def test_stdin_plain_text_with_title() -> None:
    stdin = io.BytesIO(b"Sanctions widened\n{not json} ANKARA (Wire) - Text.\n")
    article = only_article("-", stdin=stdin, published=date(2024, 1, 2), source="cli")
    assert article.title == "Sanctions widened"
    assert article.text == "{not json} ANKARA (Wire) - Text."
    assert (article.origin, article.published, article.source) == (
        "<stdin>",
        date(2024, 1, 2),
        "cli",
    )


def test_stdin_text_when_one_line_is_not_json() -> None:
    stdin = io.StringIO('Plain words first.\n{"text": "a"}\n')
    article = only_article("-", stdin=stdin)
    assert article.text == 'Plain words first.\n{"text": "a"}'


def test_stdin_empty_and_binary() -> None:
    assert [p.reason for p in read("-", stdin=io.StringIO("  \n\n"))[1]] == ["empty-text"]
    assert [p.reason for p in read("-", stdin=io.BytesIO(b"\x1f\x8b\x08\x00abc"))[1]] == [
        "binary-file"
    ]


def test_stdin_undecodable_text_line_number() -> None:
    problems = read("-", stdin=io.BytesIO(b"Line one\nline two \xff\n"))[1]
    assert [(p.origin, p.line, p.reason) for p in problems] == [("<stdin>", 2, "undecodable")]


def test_stdin_utf16() -> None:
    data = '{"text": "one"}\n{"text": "two"}\n'.encode("utf-16")
    assert [a.text for a in read("-", stdin=io.BytesIO(data))[0]] == ["one", "two"]
    assert only_article("-", stdin=io.BytesIO("Plain text.".encode("utf-16"))).text == "Plain text."


# --- ids and metadata flags ---------------------------------------------------------------------


def test_ids_are_stable_and_content_based(tmp_path: Path) -> None:
    text = "Senegal and Gambia agreed to build a bridge."
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "  Senegal and Gambia agreed\r\nto build a bridge. "}) + "\n",
        encoding="utf-8",
    )
    first = [a.id for a in read(tmp_path)[0]]
    second = [a.id for a in read(tmp_path)[0]]
    assert first == second
    assert (
        first[0]
        == content_id(text)
        == "h" + __import__("hashlib").sha1(text.encode()).hexdigest()[:16]
    )
    assert first[1] == first[0]  # whitespace differences do not change the id
    assert content_id("Another text.") != first[0]
    assert len(first[0]) == 17 and first[0].startswith("h")


def test_flags_fill_gaps_but_do_not_override() -> None:
    articles, _ = read(MIXED / "c-batch.jsonl", published=date(2000, 1, 1), source="Flag Wire")
    by_line = {a.origin.rsplit(":", 1)[1]: a for a in articles}
    assert (by_line["1"].published, by_line["1"].source) == (date(2023, 10, 6), "Fixture Wire")
    assert (by_line["2"].published, by_line["2"].source) == (date(2023, 10, 7), "Flag Wire")
    assert (by_line["8"].published, by_line["8"].source) == (date(2000, 1, 1), "Flag Wire")


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
    stream = read_inputs([tmp_path / "a.jsonl"])
    assert next(stream).text == "one"
    assert next(stream).text == "two"
    assert next(stream, None) is None


def test_sidecar_case_and_text_key(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "A.TXT").write_text("Upper-case text file.\n", encoding="utf-8")
    (tmp_path / "A.json").write_text(
        json.dumps({"id": "upper", "text": "ignored"}), encoding="utf-8"
    )
    with caplog.at_level("WARNING", logger="heron.ingest"):
        articles, problems = read(tmp_path)
    assert problems == []
    assert [(a.id, a.text) for a in articles] == [("upper", "Upper-case text file.")]
    assert "'text' key" in caplog.text
