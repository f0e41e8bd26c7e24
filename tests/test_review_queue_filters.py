"""The review queue takes the events table's URL filters: a link carrying them (the table's "review these")
shows the filtered queue, review_status and min_confidence included, and a misspelt filter is named instead
of silently showing every event."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_store_fixtures import PROTEST_FIELDS, make_article, make_event, make_report

from dateline.api import create_app
from dateline.extraction.decide import review_threshold
from dateline.store import Store

BAGHDAD = "Rioters stormed the ministry in Baghdad on Wednesday."
BASRA = "Protesters blocked the port road in Basra on Friday."
UNSURE = "Protests have rocked Baghdad for weeks, officials said."


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, int]]]:
    sure = review_threshold() + 0.1
    basra_fields = {**PROTEST_FIELDS, "admin1": "Basra", "location": "Basra", "event_date": dt.date(2019, 11, 1),
                    "event_type": "Protests", "sub_event_type": "Peaceful protest", "inter1": 6}
    reports = [
        make_report(make_article(BAGHDAD), [make_event(BAGHDAD, "stormed", confidence=sure, **PROTEST_FIELDS)]),
        make_report(make_article(BASRA), [make_event(BASRA, "blocked", confidence=sure, **basra_fields)]),
        make_report(make_article(UNSURE), [make_event(UNSURE, "Protests", confidence=review_threshold() - 0.3,
                                                      **PROTEST_FIELDS)]),
    ]
    with Store(f"sqlite:///{tmp_path / 'q.sqlite'}") as store:
        store.add_reports(reports)
        names = {BAGHDAD: "Baghdad", BASRA: "Basra", UNSURE: "unsure"}
        ids = {names[store.get_article(e["article_id"])["text"]]: int(e["id"])  # type: ignore[index]
               for e in store.query_events()}
        store.review_event(ids["Basra"], "ana", "accept")
        yield TestClient(create_app(store)), ids


def _shown(html: str) -> int | None:
    found = re.search(r'data-event-url="/events/(\d+)"', html)
    return int(found.group(1)) if found else None


def test_the_queue_takes_review_status_from_the_url(stored: tuple[TestClient, dict[str, int]]) -> None:
    # the queue used to be pending events whatever the link said: review_status=accepted showed Baghdad
    client, ids = stored
    page = client.get("/ui/review", params={"review_status": "accepted"})
    assert page.status_code == 200
    assert _shown(page.text) == ids["Basra"]
    assert '<span class="muted">1 accepted</span>' in page.text
    assert f"after={ids['Basra']}" in page.text and "review_status=accepted" in page.text  # "next" keeps it


def test_the_queue_takes_min_confidence_as_a_floor(stored: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = stored
    everything = client.get("/ui/review")
    assert _shown(everything.text) == ids["unsure"]  # left for review: first in the queue
    assert '<span class="muted">2 pending</span>' in everything.text
    floored = client.get("/ui/review", params={"min_confidence": "0.4", "country": "Iraq"})
    assert _shown(floored.text) == ids["Baghdad"]
    assert '<span class="muted">1 pending</span>' in floored.text


def test_a_misspelt_filter_on_the_queue_is_named_not_ignored(stored: tuple[TestClient, dict[str, int]]) -> None:
    client, _ids = stored
    for query, message in (({"contry": "Iraq"}, "contry: unknown filter; use one of date_from"),
                           ({"min_confidence": "high"}, "min_confidence: &#39;high&#39; is not a number from 0 to 1")):
        page = client.get("/ui/review", params=query)
        assert page.status_code == 422 and "<h1>Bad address</h1>" in page.text
        assert message in page.text and 'id="review"' not in page.text


def test_the_table_names_a_misspelt_filter_and_links_its_filtered_queue(
        stored: tuple[TestClient, dict[str, int]]) -> None:
    client, _ids = stored
    table = client.get("/ui/events", params={"event_type": "Riots", "contry": "Iraq"}).text
    assert 'id="filter-error">contry: unknown filter' in table
    assert '<a href="/ui/review?event_type=Riots" id="review-these">' in table
    low = client.get("/ui/events", params={"min_confidence": "0"}).text
    assert "3 matching" in low  # the event left for review shows when the link asks for it
