"""The HTTP API under hostile input: huge numbers, LIKE wildcards and NUL in filters, foreign Host headers,
cross-site simple POSTs, and the browser security headers. SQLite only: these are checks on request handling.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dateline.api import ApiSettings, create_app
from dateline.api.auth import create_token
from dateline.api.sample import sample_reports
from dateline.store import Store
from dateline.store.tables import EventRow

HUGE = [2**63, 2**63 - 1, 2**31, -(2**63) - 1, 10**30]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('hard') / 'api.sqlite'}")
    s.add_reports(sample_reports())
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store), raise_server_exceptions=False)


def _numeric_parameters(client: TestClient) -> list[tuple[str, str, str, str]]:
    """(method, path, where, name) of every integer parameter in the OpenAPI document."""
    out = []
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        for method, op in ops.items():
            for param in op.get("parameters", []):
                schema = param.get("schema", {})
                types = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
                if "integer" in types:
                    out.append((method, path, param["in"], param["name"]))
    return out


def test_openapi_lists_the_numeric_parameters_checked_below(client: TestClient) -> None:
    found = {(m, p, n) for m, p, _, n in _numeric_parameters(client)}
    assert ("get", "/events", "offset") in found and ("get", "/events/{event_id}", "event_id") in found
    assert ("patch", "/events/{event_id}", "event_id") in found and len(found) >= 7


@pytest.mark.parametrize("number", HUGE)
def test_every_numeric_parameter_refuses_out_of_range_numbers_with_json_4xx(
    client: TestClient, number: int
) -> None:
    for method, path, where, name in _numeric_parameters(client):
        url = path.replace("{event_id}", "1").replace("{article_id}", "1")
        params = {}
        if where == "path":
            url = path.replace("{" + name + "}", str(number)).replace("{event_id}", "1")
        else:
            params[name] = str(number)
        resp = client.request(method.upper(), url, params=params, json={"action": "accept"})
        assert 400 <= resp.status_code < 500, (method, url, name, resp.status_code, resp.text[:200])
        assert resp.headers["content-type"].startswith("application/json"), (method, url, name)
        if resp.status_code == 422:
            assert name in resp.json()["detail"]


@pytest.mark.parametrize("url", ["/ui/events?offset=9223372036854775808", "/ui/events/9223372036854775808",
                                 "/ui/review?after=9223372036854775808"])
def test_dashboard_numbers_out_of_range_are_4xx_not_500(client: TestClient, url: str) -> None:
    resp = client.get(url)
    assert 400 <= resp.status_code < 500, resp.text[:200]


def test_like_wildcards_in_text_filters_match_only_themselves(client: TestClient) -> None:
    total = client.get("/events").json()["total"]
    assert total == 4
    for name in ("actor", "source", "q"):
        for wildcard in ("%", "%%", "_%_", "___%"):  # (the sample notes hold "__pwned": a literal "_" matches)
            resp = client.get("/events", params={name: wildcard})
            assert resp.status_code == 200
            assert resp.json()["total"] == 0, (name, wildcard)


def test_a_literal_percent_or_underscore_in_the_data_is_still_found(store: Store, client: TestClient) -> None:
    with store.session() as s:
        row = s.get(EventRow, 1)
        assert row is not None
        row.notes = "Turnout rose 40% at polling_station 7."
    assert client.get("/events", params={"q": "40%"}).json()["total"] == 1
    assert client.get("/events", params={"q": "polling_station"}).json()["total"] == 1
    assert client.get("/events", params={"q": "pollingXstation"}).json()["total"] == 0


@pytest.mark.parametrize("name", ["actor", "source", "q", "country"])
def test_nul_in_a_filter_is_422(client: TestClient, name: str) -> None:
    resp = client.get("/events", params={name: "a\x00b"})
    assert resp.status_code == 422
    assert name in resp.json()["detail"] and "NUL" in resp.json()["detail"]
    assert client.get("/ui/events", params={name: "a\x00b"}).status_code == 200  # shown as a form error


def test_responses_carry_csp_frame_and_nosniff_headers(client: TestClient) -> None:
    for url in ("/ui/", "/events", "/static/js/map.js", "/docs"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        csp = resp.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        assert resp.headers["x-frame-options"] == "DENY"
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_foreign_host_header_is_refused(store: Store) -> None:
    app = create_app(store, api_settings=ApiSettings(allowed_hosts="localhost,127.0.0.1,::1"))
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/events").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/events").status_code == 200
    assert TestClient(app, base_url="http://[::1]:8000").get("/events").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000").get("/events")
    assert rebound.status_code == 400


def test_foreign_host_is_told_which_setting_admits_it(store: Store) -> None:
    # A user reaching the server by a name it does not know got a bare "Invalid host header" in plain text.
    app = create_app(store, api_settings=ApiSettings(allowed_hosts="localhost,::1,*.example.org"))
    assert TestClient(app, base_url="http://news.example.org:8000").get("/events").status_code == 200
    resp = TestClient(app, base_url="http://dashboard.lan:8000").get("/events")
    assert resp.status_code == 400
    detail = resp.json()["detail"]
    assert "'dashboard.lan:8000'" in detail and "DATELINE_API_ALLOWED_HOSTS" in detail
    assert "use one of localhost, ::1, *.example.org, or add" in detail
    assert "\n" not in detail


def test_serve_allows_the_bound_host_too() -> None:
    from dateline.api.app import _served_hosts

    hosts = _served_hosts(ApiSettings(allowed_hosts="localhost"), "10.1.2.3")
    assert hosts == ["localhost", "10.1.2.3"]


def test_cross_site_plain_text_extract_needs_a_token(store: Store, client: TestClient) -> None:
    # A form on another site can POST text/plain without a preflight; it cannot add a bearer token.
    for ctype in ("text/plain", "text/html"):
        resp = client.post("/extract", content="Protesters marched in Basra.", headers={"Content-Type": ctype})
        assert resp.status_code == 401, ctype
    token = create_token(store, "hardening")
    resp = client.post("/extract", content="x", headers={"Content-Type": "text/plain",
                                                        "Authorization": "Bearer dl_nope_nope"})
    assert resp.status_code == 401
    assert token.startswith("dl_")


@pytest.mark.parametrize(("value", "message"), [
    ("abc", "DATELINE_API_MAX_PAGE_SIZE='abc': Input should be a valid integer, unable to parse string as an integer"),
    ("0", "DATELINE_API_MAX_PAGE_SIZE='0': Input should be greater than or equal to 1"),
])
def test_a_bad_server_setting_is_one_line_naming_the_variable(
        monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    # `dateline serve` with DATELINE_API_MAX_PAGE_SIZE=abc ended in pydantic's traceback; =0 refused every page
    from dateline.settings import SettingsError

    monkeypatch.setenv("DATELINE_API_MAX_PAGE_SIZE", value)
    with pytest.raises(SettingsError) as err:
        ApiSettings()
    assert str(err.value) == message
