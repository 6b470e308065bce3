"""An event dated only to a year or a month is not counted in finer periods (issue 16.4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from typer.testing import CliRunner

from heron.cli import app
from heron.query import dyad_series, top
from heron.store import Store
from tests.query.conftest import article, ev


def _store(path) -> Store:
    store = Store(path)
    events = [
        ev("a", 0, date(2020, 3, 4), "IRN", "RUS", "040"),
        replace(ev("a", 1, date(2020, 1, 1), "IRN", "RUS", "057"), date_precision="year"),
        replace(ev("a", 2, date(2020, 5, 1), "RUS", "IRN", "061"), date_precision="month"),
    ]
    store.write([article("a", date(2020, 6, 1), "Wire", events)], run_id=store.begin_run(coder_version="t", model="t",
                                                                                       settings={}))
    return store


def test_month_series_leaves_a_year_dated_event_out_of_january_and_says_so(tmp_path):
    with _store(tmp_path / "h.duckdb") as store:
        monthly = dyad_series(store, "IRN", "RUS", by="month")
        counts = {(p.strftime("%Y-%m"), d): n for p, d, n in zip(monthly.period, monthly.direction, monthly.events)}
        assert counts.get(("2020-01", "IRN->RUS"), 0) == 0  # not a January event
        assert counts[("2020-03", "IRN->RUS")] == 1
        assert counts[("2020-05", "RUS->IRN")] == 1  # month precision is fine per month
        assert monthly.attrs["too_coarse"] == 1
        daily = dyad_series(store, "IRN", "RUS", by="day")
        assert int(daily.events.sum()) == 1 and daily.attrs["too_coarse"] == 2
        yearly = dyad_series(store, "IRN", "RUS", by="year")
        assert int(yearly.events.sum()) == 3 and yearly.attrs["too_coarse"] == 0
        assert len(top(store, what="codes")) == 3  # totals still count every event


def test_dyad_cli_notes_the_events_left_out(tmp_path):
    _store(tmp_path / "h.duckdb").close()
    result = CliRunner().invoke(app, ["dyad", "IRN", "RUS", "--db", str(tmp_path / "h.duckdb"), "--by", "month"])
    assert result.exit_code == 0, result.output
    assert "1 events dated only to a year are not counted per month" in " ".join(result.output.split())


def test_a_store_of_year_dated_events_gives_an_empty_month_series_that_says_why(tmp_path):
    store = Store(tmp_path / "y.duckdb")
    events = [replace(ev("y", 0, date(2020, 1, 1), "IRN", "RUS", "057"), date_precision="year")]
    store.write([article("y", date(2020, 6, 1), "Wire", events)],
                run_id=store.begin_run(coder_version="t", model="t", settings={}))
    with store:
        monthly = dyad_series(store, "IRN", "RUS", by="month")
        assert monthly.empty and monthly.attrs["too_coarse"] == 1
        assert dyad_series(store, "IRN", "IRQ", by="month").attrs["too_coarse"] == 0
