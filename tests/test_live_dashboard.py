"""The dashboard shows each event's independent sources and marks what is new; the map polls for new events."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_alerts import copy_text
from test_store_fixtures import protest_report

from dateline.api import create_app
from dateline.merge import merge_events
from dateline.store import Store

CHROMIUM = os.environ.get("DATELINE_CHROMIUM")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def test_points_and_event_page_count_reprints_once(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    with Store(f"sqlite:///{tmp_path / 'd.sqlite'}") as store:
        store.add_reports([protest_report(copy_text(i), "stormed", publisher=f"Outlet {i}") for i in range(4)])
        store.add_reports([protest_report("Rioters attacked the council offices in Baghdad, a reporter saw.",
                                          "attacked", publisher="Local Eye")])
        merge_events(store)
        client = TestClient(create_app(store, pipeline=pipeline))
        points = client.get("/ui/points.json").json()["points"]
        page = client.get(f"/ui/events/{points[0]['id']}").text
        detail = client.get(f"/events/{points[0]['id']}").json()
        home = client.get("/ui/").text
    assert len(points) == 5 and {p["sources"] for p in points} == {2}  # four copies + one other report
    assert "Sources (5)" in page and 'id="independent-sources">· 2 independent' in page
    assert detail["merged"]["source_count"] == 5 and detail["merged"]["independent_sources"] == 2
    assert 'id="map-new"' in home and 'data-refresh="30"' in home


@pytest.mark.browser
def test_map_refreshes_and_marks_new_events(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """In Chromium: events stored while the page is open appear on the next refresh, marked new, until seen."""
    if not CHROMIUM:
        pytest.skip("DATELINE_CHROMIUM not set: no Chromium for the browser tests")
    import uvicorn
    from playwright.sync_api import sync_playwright

    store = Store(f"sqlite:///{tmp_path / 'live.sqlite'}")
    store.add_reports([protest_report(copy_text(0), "stormed", publisher="Outlet 0")])
    merge_events(store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    srv = uvicorn.Server(uvicorn.Config(create_app(store, pipeline=pipeline), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the dashboard server did not start"
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_context(viewport={"width": 1200, "height": 800}).new_page()
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto(f"http://127.0.0.1:{port}/ui/")
            page.wait_for_selector('#map[data-ready="1"]')
            assert page.get_attribute("#map", "data-fresh") == "0"  # first visit: what is there counts as seen
            # a watch stores three more reports (two reprints and an independent one) while the page is open
            store.add_reports([protest_report(copy_text(i), "stormed", publisher=f"Outlet {i}") for i in (1, 2)])
            store.add_reports([protest_report("Rioters attacked the council offices in Baghdad, a reporter saw.",
                                              "attacked", publisher="Local Eye")])
            merge_events(store)
            page.evaluate("window.datelineMap.refresh()")
            page.wait_for_function("document.getElementById('map').dataset.fresh === '3'")
            assert "3 new events since you last looked" in page.inner_text("#map-new")
            assert page.locator(".ev-pin.ev-new, .ev-new-cluster").count() >= 1
            SHOTS.mkdir(parents=True, exist_ok=True)
            assert page.inner_text("#map-total") == "4"
            page.screenshot(path=str(SHOTS / "map_live.png"), full_page=True)
            page.click("#map-seen")
            assert page.get_attribute("#map", "data-fresh") == "0"
            page.reload()
            page.wait_for_selector('#map[data-ready="1"]')
            assert page.get_attribute("#map", "data-fresh") == "0"  # remembered across visits
            assert errors == []
            browser.close()
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        store.close()
