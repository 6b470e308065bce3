"""The `--actors` and `--verbs` loaders on garbage (issue 15.1): YAML, CSV, PETRARCH .actors.txt /
.agents.txt and verb dictionaries made of random lines. A file loads, or raises one
DictionaryError that names the file and, for a bad line, its line number; nothing else escapes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heron.errors import DictionaryError
from heron.events.petrarch_verbs import read_verb_dictionary
from tests.reliability.strategies import BOUNDED

PIECES = ["[", "]", "+", "-", "*", "&", "{", "}", "~", "---", "[USA]", "[IRNGOV 150101-160101]", "[~GOV]",
          " ", "\t", "#", "IRAN", "_", ":", ",", ";", '"', "'", "=", "name", "code", "actors:", "sectors:",
          "- name: x", "  code: USA", "phrase", "\u200b", "\x00", "\U0001f600", "999999999999", "[X:Y]",
          "--- GO [010] ---", "- * FOO [020]", "&SET", "{ab}", "\u202e", "\r"]
line = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=10).map("".join)
body = st.lists(line, max_size=10).map("\n".join)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path / "cache"))  # compiled PETRARCH files go here


def _load(path):
    from heron.actors.dictionaries import load_dictionary

    return read_verb_dictionary(path) if path.name.endswith(".verbs.txt") else load_dictionary(path)


@BOUNDED
@given(text=body, ext=st.sampled_from([".yaml", ".csv", ".actors.txt", ".agents.txt", ".verbs.txt"]))
def test_garbage_dictionaries_load_or_name_file_and_line(tmp_path_factory, text, ext):
    path = tmp_path_factory.mktemp("dict") / f"garbage{ext}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        _load(path)
    except DictionaryError as exc:
        message = str(exc)
        assert path.name in message, message
        numbers = [int(n) for n in re.findall(rf"{re.escape(path.name)}:(\d+)", message)]
        assert all(1 <= n <= text.count("\n") + text.count("\r") + 1 for n in numbers), message


@pytest.mark.parametrize("name, text, line", [
    ("deep.yaml", "[" * 5000, None),
    ("nested.yaml", "- " * 3000 + "x", None),
    ("wide.csv", 'name,code\n"' + "x" * 200_000 + '",USA\n', 2),
    ("code.yaml", 'actors:\n  - {name: A B, code: "U S"}\n', 2),
    ("fields.csv", "name,code\nA,USA,extra\n", 2),
    ("early.actors.txt", "\n[USA]\n", 2),
    ("agent.agents.txt", "{{{{\n", 1),
    ("verbs.verbs.txt", "--- GO [010] ---\n- * FOO\n", 2),
    # a form feed or U+2028 inside a line is no line break for an editor: still line 1 / 2
    ("feed.actors.txt", "\x0c\u2028[", 1),
    ("feed.agents.txt", "\u2028x\n[", 2),
])
def test_known_garbage_gets_file_and_line(tmp_path, name, text, line):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        _load(path)
    assert (f"{name}:{line}" if line else name) in str(caught.value)
