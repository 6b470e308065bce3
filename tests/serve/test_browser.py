"""The dashboard in a real browser: Playwright driving Debian's chromium (no browser download).

These tests fail, not skip, when chromium cannot start: CI installs it (``.ci/run``). Screenshots
of each page go to the test's tmp dir; any request leaving loopback is blocked and fails the test.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.serve.conftest import EDIT_TOKEN, SEED_ARTICLE, TEST_PERSON

SHOTS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # noqa: F811 - imported here so a missing package fails here

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.fail("chromium is not installed (Debian package `chromium`); the browser tests need it")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe)
        except Exception as exc:  # noqa: BLE001 - any launch failure is a failure of this test
            pytest.fail(f"chromium at {exe} could not start: {exc}")
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if re.match(r"^https?://127\.0\.0\.1[:/]", url):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not outside, f"the page tried to fetch from outside: {outside}"
    assert not errors, f"script errors: {errors}"


def test_overview(page, server, tmp_path):
    page.goto(server.url + "/")
    page.wait_for_selector("svg#timeline")
    assert page.locator("svg#timeline circle.dot").count() >= 1
    assert "IRN" in page.locator("table.top-dyads").inner_text()
    assert "IRNGOVMIL" in page.locator("table.top-actors").inner_text()
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    page.screenshot(path=str(tmp_path / "overview-docs.png"))


def test_dyad_explorer_then_event(page, server, tmp_path):
    page.goto(server.url + "/dyad")
    assert page.locator("datalist#actor-options option[value=IRN]").count() == 1  # the autocomplete
    page.fill("#f-a", "IRN")
    page.fill("#f-b", "RUS")
    page.select_option("#f-by", "day")
    page.click("#dyad-form-go")
    page.wait_for_selector("svg#dyad-chart")
    chart = page.locator("svg#dyad-chart")
    assert chart.locator("circle.ab").count() >= 1 and chart.locator("circle.ba").count() >= 1
    series = page.locator("table.series-table").inner_text()
    assert "IRN->RUS" in series and "RUS->IRN" in series and "2015-10-21" in series
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)

    # Click the event coded 051 (Iran welcomes Russia's strikes): its sentence, trigger highlighted.
    row = page.locator("table.events-table tr", has_text="051").first
    row.locator("a").first.click()
    page.wait_for_selector("#event-sentence")
    sentence = page.locator("#event-sentence").inner_text()
    assert "welcomed" in sentence and "Iran" in sentence
    assert page.locator("#event-sentence mark.trigger").first.inner_text().lower().startswith("welcom")
    assert page.locator("#event-sentence mark.source").first.inner_text() == "Iran"
    facts = page.locator("dl.facts").inner_text()
    assert "SUPPORT" in facts and "051" in facts and "Tehran" in facts
    assert page.locator("table.other-events tr").count() >= 10
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    page.screenshot(path=str(tmp_path / "event-docs.png"))

    page.click("#article-link")
    page.wait_for_selector("blockquote.sentence mark.trigger")
    assert page.locator("blockquote.sentence").count() >= 8
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)


def _located(page) -> int:
    return int(page.locator("#map-summary").inner_text().split()[0].replace(",", ""))


def test_map_date_filter(page, server, tmp_path):
    page.goto(server.url + "/map")
    page.wait_for_selector("svg.map")
    everything = _located(page)
    assert page.locator("svg.map circle.country").count() >= 2
    page.fill("#f-from", "2015-09-01")
    page.fill("#f-to", "2015-09-30")
    page.click("#map-form-go")
    page.wait_for_url(re.compile(r"from=2015-09-01"))
    narrowed = _located(page)
    assert 0 < narrowed < everything
    assert "SYR" in page.locator("table.map-totals").inner_text()  # the air strikes dated September
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)


def test_actors_review_with_the_token(page, edit_server, edit_db, tmp_path):
    page.goto(edit_server.url + "/actors")
    assert TEST_PERSON["name"] in page.locator("table.actors-table").inner_text()
    page.fill("#token", EDIT_TOKEN)
    page.dispatch_event("#token", "change")
    page.click(f'button[data-decision=accept][data-name="{TEST_PERSON["name"]}"]')
    expect(page.locator("#review-status")).to_contain_text("accepted")
    page.screenshot(path=str(tmp_path / "actors.png"), full_page=True)
    page.reload()
    row = page.locator("table.actors-table tr", has_text=TEST_PERSON["name"])
    assert "True" in row.inner_text()


def test_article_view_of_a_missing_article(page, server):
    response = page.goto(server.url + "/article/" + SEED_ARTICLE + "-missing")
    assert response.status == 404
    assert "no article" in page.locator("p.error").inner_text()
