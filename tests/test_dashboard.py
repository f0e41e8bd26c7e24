"""The dashboard in a real headless Chromium (Playwright), against a live server on loopback.

Needs DATELINE_CHROMIUM (the path of an installed Chromium, as `.ci/run` exports it); skips otherwise.
Nothing here downloads a browser. The database holds the reference article (through the real pipeline) and the
four hand-coded sample articles of `dateline.api.sample`; the screenshots in docs/screenshots/ come from here.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dateline.api import create_app
from dateline.api.auth import create_token
from dateline.api.sample import sample_reports
from dateline.store import Store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "docs" / "screenshots"
CHROMIUM = os.environ.get("DATELINE_CHROMIUM")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """A uvicorn server in a thread on a free loopback port, over a filled SQLite database."""
    if not CHROMIUM:
        pytest.skip("DATELINE_CHROMIUM not set: no Chromium for the browser tests")
    import uvicorn

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('dash') / 'dash.sqlite'}")
    reference = list(pipeline.read(REPO / "examples" / "iraq-2019-11-02-mek.txt"))
    assert reference and not any(isinstance(a, Exception) for a in reference), reference
    store.add_reports([*sample_reports(), *pipeline.pipe(reference)])
    token = create_token(store, "analyst")
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(store, pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    api = httpx.Client(base_url=base, timeout=30)
    events = api.get("/events", params={"limit": 500}).json()["items"]
    try:
        yield {
            "base": base,
            "token": token,
            "api": api,
            "events": events,
            "ids": {e["location"]: e["id"] for e in events if e["source"] == "Example Wire"},
        }
    finally:
        api.close()
        srv.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def browser(server: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    errors: list[str] = []
    pg.on("pageerror", lambda err: errors.append(str(err)))
    pg.errors = errors  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        context.close()


def _open_map(page: Any, base: str, query: str = "") -> int:
    page.goto(f"{base}/ui/{query}")
    page.wait_for_selector('#map[data-ready="1"]')
    return int(page.get_attribute("#map", "data-visible"))


def _set_token(page: Any, token: str) -> None:
    page.fill("#token-input", token)
    page.dispatch_event("#token-input", "change")


def test_map_draws_every_located_event_over_the_world(server: dict[str, Any], page: Any) -> None:
    located = [e for e in server["events"] if e["latitude"] is not None and e["longitude"] is not None]
    assert len(located) >= 4  # the four sample events at least
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    assert _open_map(page, server["base"]) == len(located)
    assert all(url.startswith(server["base"]) for url in requested), requested  # no CDN, no tile server
    assert page.locator("#map path").count() > 100  # Natural Earth countries drawn from the TopoJSON
    assert page.locator(".leaflet-marker-icon").count() >= 1  # pins or clusters
    assert page.locator("#timeline svg .tl-bin").count() >= 7  # 28 Oct … 3 Nov at least, one bar per day
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)
    assert page.errors == []


def test_type_toggle_timeline_and_filter_form_narrow_the_map(server: dict[str, Any], page: Any) -> None:
    base = server["base"]
    _open_map(page, base)
    for box in page.locator("input.type-toggle").all():
        if box.get_attribute("value") != "Battles":
            box.uncheck()
    battles = [e for e in server["events"] if e["event_type"] == "Battles" and e["latitude"] is not None]
    assert page.get_attribute("#map", "data-visible") == str(len(battles))

    for box in page.locator("input.type-toggle").all():
        box.check()
    # The bar holding 28 Oct 2019 (a day, or a week/month when the data span a long time).
    bins = page.locator("#timeline .tl-bin")
    starts = [(b.get_attribute("data-start"), b.get_attribute("data-end")) for b in bins.all()]
    index = next(i for i, (lo, hi) in enumerate(starts) if lo <= "2019-10-28" <= hi)
    lo, hi = starts[index]
    bins.nth(index).dispatch_event("mousedown")
    bins.nth(index).dispatch_event("mouseup")
    in_bar = [
        e
        for e in server["events"]
        if e["event_date"] and lo <= e["event_date"] <= hi and e["latitude"] is not None
    ]
    assert page.get_attribute("#map", "data-visible") == str(len(in_bar))
    assert len(in_bar) >= 1 and int(page.get_attribute("#map", "data-visible")) < len(
        [e for e in server["events"] if e["latitude"] is not None]
    )
    assert lo in page.inner_text("#timeline-range")
    page.click("#timeline-clear")
    assert int(page.get_attribute("#map", "data-visible")) > 1

    page.select_option("#filter-event-type", "Riots")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**event_type=Riots**")
    page.wait_for_selector('#map[data-ready="1"]')
    riots = [e for e in server["events"] if e["event_type"] == "Riots" and e["latitude"] is not None]
    assert page.get_attribute("#map", "data-visible") == str(len(riots))


def test_table_filter_opens_an_event_with_highlighted_evidence(server: dict[str, Any], page: Any) -> None:
    page.goto(f"{server['base']}/ui/events?event_type=Riots&source=Example")
    rows = page.locator("#events-table tbody tr[data-event-id]")
    assert rows.count() == 1
    rows.first.locator("a").click()
    page.wait_for_selector("#article-text")
    mark = page.locator('#article-text mark[data-fields~="sub_event_type"]')
    assert mark.first.inner_text() == "blocked the road"
    assert page.locator('#article-text mark[data-fields~="location"]').first.inner_text() == "Umm Qasr port"
    assert "Ali Hassan" in page.inner_text("#quotes")
    assert "Example Wire" in page.inner_text("#claims") and "local officials" in page.inner_text("#claims")
    page.hover('tr[data-field="location"]')
    assert page.locator("#article-text mark.active").count() >= 1
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    assert page.errors == []


def test_correcting_a_field_with_a_token_writes_the_audit_log(server: dict[str, Any], page: Any) -> None:
    event_id = server["ids"]["Mosul"]
    page.goto(f"{server['base']}/ui/events/{event_id}")
    assert not page.is_visible("#btn-accept") and page.is_visible("#needs-token")  # no token: no buttons
    page.keyboard.press("a")  # and the shortcut is refused in the page, nothing sent
    assert "token" in page.inner_text("#review-status")
    _set_token(page, server["token"])
    page.fill("#f-fatalities", "4")
    page.fill("#review-comment", "updated toll in a later report")
    with page.expect_navigation():
        page.click("#btn-correct")
    history = page.inner_text("#history")
    assert "correct by analyst" in history and "fatalities" in history and "3 → 4" in history
    assert "updated toll in a later report" in history
    assert page.input_value("#f-fatalities") == "4"
    api = server["api"].get(f"/events/{event_id}/history").json()
    assert api[-1]["user"] == "analyst" and api[-1]["changes"]["fatalities"] == {"old": 3, "new": 4}


def test_review_queue_keyboard_accept_reject_next(server: dict[str, Any], page: Any) -> None:
    base, api = server["base"], server["api"]
    page.goto(f"{base}/ui/review")
    _set_token(page, server["token"])
    page.reload()
    page.wait_for_selector("#queue-bar")
    page.screenshot(path=str(SHOTS / "review-queue.png"))

    def current() -> int:
        return int(page.get_attribute("#review", "data-event-url").rsplit("/", 1)[1])

    skipped = current()
    with page.expect_navigation():
        page.keyboard.press("n")
    accepted = current()
    assert accepted != skipped
    with page.expect_navigation():
        page.keyboard.press("a")
    rejected = current()
    with page.expect_navigation():
        page.keyboard.press("j")  # j is the other "next" key: leaves `rejected` pending for now
    page.goto(f"{base}/ui/events/{rejected}")
    with page.expect_navigation():
        page.keyboard.press("r")
    assert page.inner_text("#review-state") == "rejected"

    assert api.get(f"/events/{skipped}").json()["event"]["review_status"] == "pending"
    assert api.get(f"/events/{accepted}").json()["event"]["review_status"] == "accepted"
    assert api.get(f"/events/{rejected}").json()["event"]["review_status"] == "rejected"
    log = api.get(f"/events/{accepted}/history").json()
    assert [(h["action"], h["user"]) for h in log] == [("accept", "analyst")]
    assert page.errors == []


def test_script_inside_an_article_is_shown_as_text_and_never_runs(server: dict[str, Any], page: Any) -> None:
    event_id = server["ids"]["Najaf"]
    page.goto(f"{server['base']}/ui/events/{event_id}")
    page.wait_for_selector("#article-text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert "<b>ends</b>" in page.inner_text("#article-title")
    assert page.input_value("#f-notes").startswith("<script>")
    # The map's popups are built from text nodes too.
    _open_map(page, server["base"])
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_api_docs_page_renders_from_vendored_files(server: dict[str, Any], page: Any) -> None:
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    page.goto(f"{server['base']}/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock-summary-path", has_text="/events/{event_id}/history").count() == 1
    assert all(url.startswith(server["base"]) for url in requested), requested  # nothing from a CDN


def test_mistyped_dashboard_address_shows_a_404_page_with_a_way_back(server: dict[str, Any], page: Any) -> None:
    response = page.goto(f"{server['base']}/ui/evnets")
    assert response is not None and response.status == 404
    assert page.inner_text("h1") == "Page not found"
    assert "/ui/evnets" in page.inner_text("#not-found")
    # styled like the dashboard (its header and stylesheet), and the link leads back to a working map
    assert page.locator("header.top a.brand").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.panel')).borderRadius") == "6px"
    page.click("#back-to-map")
    page.wait_for_selector('#map[data-ready="1"]')
    assert page.url.rstrip("/").endswith("/ui")
    assert page.errors == []
