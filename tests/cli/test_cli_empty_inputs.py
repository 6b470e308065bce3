"""An empty input folder is named in a clear message, and no store is created for it (issue 16.3)."""

from __future__ import annotations

from typer.testing import CliRunner

from heron.cli import app
from heron.ingest import empty_folders, read_inputs
from heron.records import ReadProblem


def test_empty_folder_is_named_and_no_store_is_created(tmp_path):
    folder = tmp_path / "inbox"
    (folder / ".cache").mkdir(parents=True)
    (folder / ".cache" / "x.txt").write_text("hidden, so not read", encoding="utf-8")
    (folder / ".DS_Store").write_text("", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    result = CliRunner().invoke(app, ["code", str(folder), "--db", str(db)])
    assert result.exit_code == 2
    assert f"{folder} is an empty folder" in result.output
    assert "Fix:" in result.output
    assert not db.exists()


def test_an_empty_folder_beside_real_input_is_reported_as_skipped(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    full = tmp_path / "full"
    full.mkdir()
    (full / "a.txt").write_text("Iran's foreign minister met his Iraqi counterpart in Baghdad on Monday.",
                                encoding="utf-8")
    db = tmp_path / "h.duckdb"
    result = CliRunner().invoke(app, ["code", str(empty), str(full), "--db", str(db), "--format", "none"])
    assert result.exit_code == 0, result.output
    assert "read 1" in result.output
    assert f"{empty}: empty-folder" in " ".join(result.output.split())
    assert db.exists()


def test_read_inputs_yields_a_problem_for_an_empty_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    found = list(read_inputs([tmp_path]))
    assert found == [ReadProblem(str(tmp_path), None, "empty-folder", found[0].detail)]
    assert ".txt" in found[0].detail
    assert empty_folders([tmp_path, "-"]) == [str(tmp_path)]
    (tmp_path / "sub" / "a.txt").write_text("text", encoding="utf-8")
    assert empty_folders([tmp_path]) == []
    assert not any(isinstance(x, ReadProblem) for x in read_inputs([tmp_path]))
