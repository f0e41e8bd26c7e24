"""A mistyped dashboard address gets the dashboard's own 404 page (HTML, a link back to the map); the JSON
API keeps answering errors in JSON, and so do the dashboard's JSON feeds that scripts read."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.api import ApiSettings, create_app
from dateline.store import Store


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(Store(f"sqlite:///{tmp_path / 'nf.sqlite'}")))


@pytest.mark.parametrize("path", ["/ui/nope", "/ui/events/12/nope", "/ui/static/x.css", "/ui/review/extra"])
def test_unknown_dashboard_path_is_an_html_404_with_a_way_back(client: TestClient, path: str) -> None:
    resp = client.get(path, headers={"Accept": "text/html"})
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    body = resp.text
    assert "<h1>Page not found</h1>" in body
    assert 'href="/ui/"' in body  # back to the map
    assert '<link rel="stylesheet" href="/static/css/dateline.css">' in body  # the dashboard's look
    assert f"<code>{path}</code>" in body
    assert '"detail"' not in body


def test_missing_event_page_is_an_html_404_naming_the_event(client: TestClient) -> None:
    resp = client.get("/ui/events/424242")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "event 424242 not found." in resp.text


def test_path_is_escaped_on_the_404_page(client: TestClient) -> None:
    resp = client.get("/ui/<b>x</b>")
    assert resp.status_code == 404
    assert "<b>x</b>" not in resp.text
    assert "&lt;b&gt;x&lt;/b&gt;" in resp.text


@pytest.mark.parametrize("path", ["/events/424242", "/articles/424242", "/api/events", "/nope"])
def test_api_errors_stay_json(client: TestClient, path: str) -> None:
    resp = client.get(path, headers={"Accept": "text/html,application/json"})
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/json"
    assert isinstance(resp.json()["detail"], str)


def test_other_dashboard_errors_are_unchanged(client: TestClient) -> None:
    # the map's JSON feed is read by scripts: a bad filter stays a JSON 422
    resp = client.get("/ui/points.json", params={"bbox": "1,2"})
    assert resp.status_code == 422 and "bbox" in resp.json()["detail"]
    # a wrong method on a dashboard page is not a missing page
    assert client.post("/ui/events").status_code == 405


def test_404_page_needs_no_token_and_shows_no_data(tmp_path: Path) -> None:
    app = create_app(Store(f"sqlite:///{tmp_path / 'ro.sqlite'}"), api_settings=ApiSettings(read_requires_token=True))
    with TestClient(app) as c:
        assert c.get("/ui/").status_code == 401  # the dashboard itself is closed
        resp = c.get("/ui/nope")
    assert resp.status_code == 404 and "Page not found" in resp.text


def test_a_dashboard_page_closed_to_readers_asks_for_the_token_on_a_page(tmp_path: Path) -> None:
    # with DATELINE_API_READ_REQUIRES_TOKEN=1 /ui/ answered JSON, so a browser never showed the token box that
    # sets the cookie the dashboard's pages are read with
    app = create_app(Store(f"sqlite:///{tmp_path / 'ro.sqlite'}"), api_settings=ApiSettings(read_requires_token=True))
    with TestClient(app) as c:
        page = c.get("/ui/events")
        api = c.get("/events")
    assert page.status_code == 401 and page.headers["content-type"].startswith("text/html")
    assert 'id="token-input"' in page.text and "<h1>Token needed</h1>" in page.text
    assert "reading needs a token on this server" in page.text and '"detail"' not in page.text
    assert api.status_code == 401 and api.json()["detail"].startswith("reading needs a token")


@pytest.mark.parametrize("path", ["/ui/events/abc", "/ui/events/0", "/ui/events/99999999999999"])
def test_event_page_with_an_id_that_is_no_event_id_is_the_html_404(client: TestClient, path: str) -> None:
    # these used to answer FastAPI's JSON 422 inside the analyst's browser tab
    resp = client.get(path)
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "<h1>Page not found</h1>" in resp.text and f"<code>{path}</code>" in resp.text
    assert "event_id: Input should be" in resp.text and '"detail"' not in resp.text


@pytest.mark.parametrize(("path", "query", "message"), [
    ("/ui/events", "offset=-5", "offset: Input should be greater than or equal to 0"),
    ("/ui/review", "after=next", "after: Input should be a valid integer"),
])
def test_dashboard_page_with_a_bad_query_value_names_it_on_an_html_page(
        client: TestClient, path: str, query: str, message: str) -> None:
    resp = client.get(f"{path}?{query}")
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith("text/html")
    assert "<h1>Bad address</h1>" in resp.text and message in resp.text
    assert f'<a href="{path}" id="without-query">' in resp.text  # the way back keeps the page, drops the value
    assert '<link rel="stylesheet" href="/static/css/dateline.css">' in resp.text
    # the JSON API keeps its JSON 422 for the same value
    api = client.get("/events?offset=-5")
    assert api.status_code == 422 and api.json()["detail"].startswith("query.offset")
