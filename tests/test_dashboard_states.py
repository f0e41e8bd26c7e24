"""The dashboard's states in a real headless Chromium: the map's loading and error notice, a world without
antimeridian bands, a timeline whose single day is one bar among its neighbours, an event title that names
its country once, and review buttons only for a reader with a token. Skips without DATELINE_CHROMIUM.
"""

from __future__ import annotations

from typing import Any

import pytest
import test_dashboard
from test_dashboard import SHOTS, _open_map, _set_token

pytestmark = pytest.mark.browser
# the browser tests' fixtures: a live server on a filled database, Chromium, a fresh page per test
server, browser, page = test_dashboard.server, test_dashboard.browser, test_dashboard.page


def test_map_shows_a_loading_notice_until_the_markers_are_drawn(server: dict[str, Any], page: Any) -> None:
    held: list[Any] = []
    page.route("**/ui/points.json*", lambda route: held.append(route))
    page.goto(f"{server['base']}/ui/")
    page.wait_for_function("document.getElementById('map-loading') !== null")
    page.wait_for_timeout(300)
    assert page.is_visible("#map-loading") and "Loading" in page.inner_text("#map-loading")
    page.screenshot(path=str(SHOTS / "map-loading.png"))
    deadline = 100
    while not held and deadline:
        page.wait_for_timeout(100)
        deadline -= 1
    assert held, "the map never asked for its points"
    assert page.get_attribute("#map", "data-ready") is None
    held[0].continue_()
    page.wait_for_selector('#map[data-ready="1"]')
    assert not page.is_visible("#map-loading")
    assert page.errors == []


def test_map_says_so_when_the_points_cannot_be_loaded(server: dict[str, Any], page: Any) -> None:
    page.route("**/ui/points.json*", lambda route: route.fulfill(
        status=503, content_type="application/json", body='{"detail": "database is damaged"}'))
    page.goto(f"{server['base']}/ui/")
    page.wait_for_selector("#map-loading.error")
    assert "database is damaged" in page.inner_text("#map-loading")


def test_map_and_table_say_the_same_when_the_filters_match_nothing(server: dict[str, Any], page: Any) -> None:
    # the table said "No events match these filters." where the map said "0 of 0 events on the map"
    from dateline.api.routes_web import NO_MATCH

    page.goto(f"{server['base']}/ui/events?country=Atlantis")
    table_says = page.inner_text("#events-table td.empty")
    assert _open_map(page, server["base"], "?country=Atlantis") == 0
    assert page.inner_text("#map-count") == table_says == NO_MATCH
    assert page.is_visible("#map-loading") and page.inner_text("#map-loading") == NO_MATCH
    assert _open_map(page, server["base"]) > 0 and not page.is_visible("#map-loading")
    assert page.errors == []


def test_world_has_no_band_across_the_map(server: dict[str, Any], page: Any) -> None:
    _open_map(page, server["base"])
    page.evaluate("window.datelineMap.map.setView([20, 0], 1, {animate: false})")
    rings = page.evaluate("""() => {
        const out = [];
        const walk = (part) => {
            if (part.length && part[0].lat !== undefined) {
                let jump = 0;
                for (let i = 1; i < part.length; i++) jump = Math.max(jump, Math.abs(part[i].lng - part[i - 1].lng));
                out.push([jump, Math.min.apply(null, part.map((p) => p.lat))]);
            } else part.forEach(walk);
        };
        window.datelineMap.world().eachLayer((layer) => walk(layer.getLatLngs()));
        return out;
    }""")
    assert len(rings) > 150  # the countries are drawn
    # A ring whose next point jumps from +180 to -180 is drawn as a band across the whole map.
    assert max(jump for jump, _ in rings) < 90
    assert min(south for _, south in rings) > -80  # no Antarctica smeared along the bottom
    page.locator("#map").screenshot(path=str(SHOTS / "map-world.png"))


def test_timeline_of_one_day_is_one_bar_among_its_neighbours(server: dict[str, Any], page: Any) -> None:
    _open_map(page, server["base"], "?date_from=2019-10-28&date_to=2019-10-28")
    bins = page.locator("#timeline .tl-bin")
    assert bins.count() >= 7
    filled = [b for b in bins.all() if b.locator("rect.tl-bar").count()]
    assert len(filled) == 1 and filled[0].get_attribute("data-start") == "2019-10-28"
    width = float(page.get_attribute("#timeline svg", "width"))
    bar_widths = [float(r.get_attribute("width")) for r in page.locator("#timeline rect.tl-bar").all()]
    assert bar_widths and max(bar_widths) <= 48 < width / 4
    page.locator("#timeline").screenshot(path=str(SHOTS / "timeline-one-day.png"))


def test_event_title_names_a_country_level_place_once(server: dict[str, Any], page: Any) -> None:
    event_id = server["ids"]["Mosul"]
    country = server["api"].get(f"/events/{event_id}").json()["event"]["country"]
    resp = server["api"].patch(f"/events/{event_id}", json={"action": "correct", "fields": {"location": country}},
                               headers={"Authorization": f"Bearer {server['token']}"})
    assert resp.status_code == 200, resp.text
    page.goto(f"{server['base']}/ui/events/{event_id}")
    title = page.inner_text("#event-title")
    assert title.count(country) == 1, title
    assert f"{country}, {country}" not in title


def test_review_buttons_show_only_with_a_token(server: dict[str, Any], page: Any) -> None:
    event_id = server["ids"]["Najaf"]
    page.goto(f"{server['base']}/ui/events/{event_id}")
    page.wait_for_selector("#review")
    for control in ("#btn-accept", "#btn-reject", "#btn-correct"):
        assert not page.is_visible(control), control
    assert page.is_visible("#needs-token")
    page.screenshot(path=str(SHOTS / "event-reader.png"))
    _set_token(page, server["token"])
    for control in ("#btn-accept", "#btn-reject", "#btn-correct"):
        assert page.is_visible(control), control
    assert not page.is_visible("#needs-token")
    _set_token(page, "")
    assert not page.is_visible("#btn-accept")
    assert page.errors == []


def test_a_stale_review_page_is_told_to_reload_instead_of_overwriting(server: dict[str, Any], page: Any) -> None:
    event_id = server["ids"]["Najaf"]
    page.goto(f"{server['base']}/ui/events/{event_id}")
    _set_token(page, server["token"])
    # someone else reviews the event after this page was loaded
    resp = server["api"].patch(f"/events/{event_id}", json={"action": "accept"},
                               headers={"Authorization": f"Bearer {server['token']}"})
    assert resp.status_code == 200
    page.fill("#f-fatalities", "7")
    page.click("#btn-correct")
    page.wait_for_selector("#review-status.error")
    assert "409" in page.inner_text("#review-status") and "reload" in page.inner_text("#review-status")
    assert server["api"].get(f"/events/{event_id}").json()["event"]["fatalities"] != 7
