"""The web page in a real headless Chromium: Debian's ``chromium`` driven by Playwright, over a
store of the example articles served by uvicorn on a loopback port.

Skipped, with the reason, where no Chromium binary is installed (``.ci/run`` installs it).
Screenshots go to ``test-output/browser/``.
"""

from __future__ import annotations

import csv
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from eventwire.serve import create_app, listen

from conftest import ROOT
from test_api import make_store

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = ROOT / "test-output" / "browser"

try:
    from playwright import sync_api
except ImportError:
    sync_api = None
MISSING = (None if Path(CHROMIUM).is_file() else f"no Chromium at {CHROMIUM}: `apt-get install chromium` (as .ci/run does)") or (
    None if sync_api else "the playwright package is not installed")
# Skipped on a machine without Chromium; in CI, where .ci/run installs it, a missing browser is a failure.
pytestmark = pytest.mark.skipif(bool(MISSING) and not os.environ.get("CI"), reason=f"browser tests skipped: {MISSING}")


@pytest.fixture(scope="module")
def server(nlp, tmp_path_factory):
    """The page and API over the example store, on a free loopback port, in a thread."""
    import uvicorn

    app = create_app(make_store(tmp_path_factory.mktemp("browser") / "demo.duckdb"))
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if MISSING:
        pytest.fail(f"CI must run the browser tests, but {MISSING}")
    with sync_api.sync_playwright() as playwright:
        # the sandbox needs user namespaces, which a root CI run in a container may not have
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class Page:
    """A browser tab on the served page that records console errors and requests leaving the server."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1366, "height": 820}, accept_downloads=True)
        self.tab = self.context.new_page()
        self.problems: list[str] = []
        self.tab.on("console", lambda message: message.type == "error" and self.problems.append(message.text))
        self.tab.on("pageerror", lambda error: self.problems.append(str(error)))
        self.tab.on("request", lambda request: request.url.startswith((base, "data:", "blob:")) or self.problems.append(f"request to {request.url}"))

    def open(self, view: str) -> None:
        """Go to ``#/view...`` and wait until that view has loaded."""
        name = view.split("?")[0].split("/")[0]
        self.tab.evaluate("delete document.body.dataset.ready")
        self.tab.goto(f"{self.base}/#/{view}")
        self.tab.wait_for_selector(f"body[data-ready={name}]")

    def shot(self, name: str) -> Path:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        path = OUTPUT / f"{name}.png"
        self.tab.screenshot(path=str(path))
        return path


@pytest.fixture
def page(browser, server):
    page = Page(browser, server)
    yield page
    page.context.close()


def api(page: Page, path: str):
    return page.tab.request.get(page.base + path).json()


def test_clicking_an_event_highlights_its_sentence(page):
    page.open("events")
    rows = page.tab.locator("#events-table tbody tr")
    assert rows.count() == api(page, "/api/summary")["events"]
    # an article with quotes, places and times, so that every kind of mark shows
    article = next(a for a in api(page, "/api/articles?limit=50")["articles"] if "North Korea" in (a["title"] or ""))
    record = api(page, f"/api/articles/{article['id']}")
    first = next(i for i in range(rows.count()) if rows.nth(i).get_attribute("aria-label").startswith(record["events"][0]["type"])
                 and record["events"][0]["trigger"]["text"] in rows.nth(i).inner_text())
    rows.nth(first).click()
    page.tab.wait_for_selector(".article-text .sel")
    assert page.tab.locator("#article-title").inner_text() == record["title"]
    for kind in ("actor", "place", "time", "quote", "trigger"):
        assert page.tab.locator(f".article-text .m-{kind}").count() > 0, kind
    # now another event, in another sentence: its sentence takes the highlight
    event = next(e for e in record["events"] if e["sentence"]["start"] != record["events"][0]["sentence"]["start"])
    button = page.tab.locator(f'button.event[data-event="{event["id"]}"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.tab.locator("button.event[aria-pressed=true]").count() == 1
    marked = "".join(page.tab.locator(".article-text .sel").all_text_contents())
    assert marked == event["sentence"]["text"]
    assert "".join(page.tab.locator(".article-text .sel-trigger").all_text_contents()) == event["trigger"]["text"]
    page.tab.wait_for_function("() => { const r = document.querySelector('.article-text .sel').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.tab.url.endswith(f"#/articles/{record['id']}?event={event['id']}")
    screenshot = page.shot("evidence")
    assert screenshot.stat().st_size > 10_000
    assert page.problems == []


def test_keyboard_sorting_and_csv_export_of_what_is_shown(page, tmp_path):
    page.open("events?type=ASSAULT")
    rows = page.tab.locator("#events-table tbody tr")
    expected = api(page, "/api/events?type=ASSAULT")["total"]
    assert rows.count() == expected > 1
    assert page.tab.locator("#events-count").inner_text() == f"{expected} shown of {expected} event(s)"
    page.tab.locator("th button[data-sort=score]").click()
    scores = [float(s) for s in page.tab.locator("#events-table tbody td.num").all_inner_texts()]
    assert scores == sorted(scores)
    with page.tab.expect_download() as download:
        page.tab.locator("#export-csv").click()
    path = tmp_path / "shown.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert [float(r["score"]) for r in exported] == scores and {r["type"] for r in exported} == {"ASSAULT"}
    # the keyboard: a row takes the focus, Enter opens its evidence with the event chosen
    second = rows.nth(1)
    trigger = second.locator("td").nth(7).inner_text()
    second.focus()
    page.tab.keyboard.press("Enter")
    page.tab.wait_for_selector(".article-text .sel")
    focused = page.tab.evaluate("document.activeElement.dataset.event")
    assert page.tab.locator(f'button.event[data-event="{focused}"]').get_attribute("aria-pressed") == "true"
    assert trigger in page.tab.locator(".article-text .sel-trigger").all_text_contents()
    assert page.problems == []


def test_filters_dyad_timeline_network_and_map(page):
    page.open("events")
    page.tab.fill("#filters input[name=actor]", "CHN")
    page.tab.evaluate("delete document.body.dataset.ready")
    page.tab.click("#filters button[type=submit]")
    page.tab.wait_for_selector("body[data-ready=events]")
    assert "actor=CHN" in page.tab.url
    codes = page.tab.locator("#events-table tbody tr").all_inner_texts()
    assert codes and all("CHN" in row for row in codes)

    page.open("dyads?a=JPN&b=USA&interval=month")
    series = api(page, "/api/dyads?a=JPN&b=USA&interval=month")["series"]
    assert page.tab.locator(".timeline .period rect").count() == sum((p["cooperation"] > 0) + (p["conflict"] > 0) for p in series) > 0
    page.shot("dyads")

    page.open("network")
    network = api(page, "/api/network?limit=60")
    assert page.tab.locator(".network .node").count() == len(network["nodes"])
    assert page.tab.locator(".network line.edge").count() == len(network["edges"])
    page.shot("network")
    node = network["nodes"][0]["id"]
    page.tab.evaluate("delete document.body.dataset.ready")
    page.tab.locator(".network .node").first.focus()
    page.tab.keyboard.press("Enter")
    page.tab.wait_for_selector("body[data-ready=events]")
    assert f"actor={node}" in page.tab.url

    page.open("map")
    places = api(page, "/api/places?limit=1000")["places"]
    assert page.tab.locator(".map circle.place").count() == len(places) > 0
    assert len(page.tab.locator(".map path.land").get_attribute("d")) > 10_000
    page.tab.locator(".map circle.place").last.focus()
    assert "event(s)" in page.tab.locator("#map-info").inner_text()
    page.shot("map")
    assert page.problems == []
