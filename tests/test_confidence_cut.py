"""The decision's cut and the reviewer's word, through every door: an event under the cut waits for review and
stays out of exports and the map unless a reviewer accepts it; an event a reviewer rejected stays out however
sure the decision was, unless the reader asks for rejected events."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_store_fixtures import PROTEST_FIELDS, make_article, make_event, make_report, span_of

from dateline.api import create_app
from dateline.extraction.decide import review_threshold
from dateline.store import EventFilter, Store

SURE = "Rioters stormed the ministry in Baghdad on Wednesday."
UNSURE = "Protests have rocked Baghdad for weeks, officials said."
REJECTED = "Rioters burned tyres outside the council in Baghdad on Thursday."
ACCEPTED = "Crowds gathered by the bridge in Baghdad on Friday, a witness said."


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Store, dict[str, int]]]:
    sure, unsure = review_threshold() + 0.2, review_threshold() - 0.2
    texts = {SURE: ("stormed", sure), UNSURE: ("Protests", unsure), REJECTED: ("burned", sure),
             ACCEPTED: ("gathered", unsure)}
    reports = [make_report(make_article(text), [make_event(text, trigger, confidence=confidence,
                                                           **{**PROTEST_FIELDS, "event_date": dt.date(2019, 10, 30)})])
               for text, (trigger, confidence) in texts.items()]
    names = {SURE: "sure", UNSURE: "unsure", REJECTED: "rejected", ACCEPTED: "accepted"}
    with Store(f"sqlite:///{tmp_path / 'cut.sqlite'}") as store:
        store.add_reports(reports)
        ids = {names[store.get_article(e["article_id"])["text"]]: int(e["id"])  # type: ignore[index]
               for e in store.query_events()}
        store.review_event(ids["rejected"], "ana", "reject")
        store.review_event(ids["accepted"], "ana", "accept")
        yield store, ids


def test_the_map_leaves_out_rejected_events_unless_asked(stored: tuple[Store, dict[str, int]]) -> None:
    store, ids = stored
    client = TestClient(create_app(store))
    pins = {p["id"] for p in client.get("/ui/points.json").json()["points"]}
    assert pins == {ids["sure"], ids["accepted"]}
    assert '<span id="map-total">2</span> matching' in client.get("/ui/").text
    asked = client.get("/ui/points.json", params={"review_status": "rejected"}).json()["points"]
    assert [p["id"] for p in asked] == [ids["rejected"]]


def test_a_cut_on_a_merged_export_is_refused_not_ignored(stored: tuple[Store, dict[str, int]],
                                                         tmp_path: Path) -> None:
    # `export --merged --min-confidence 0.99` wrote every merged event: the merge had already chosen them
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.merge import merge_events

    store, _ids = stored
    merge_events(store, review_threshold())
    out = tmp_path / "m.csv"
    res = CliRunner().invoke(app, ["export", "--db", store.url, "--merged", "--min-confidence", "0.99",
                                   "-o", str(out)])
    assert res.exit_code == 2 and not out.exists()
    assert res.stderr.strip() == ("error: --min-confidence does not apply to --merged: merged events hold what "
                                  "`dateline merge` kept at its own --min-confidence; leave out --merged to "
                                  "choose the cut per event")
    plain = CliRunner().invoke(app, ["export", "--db", store.url, "--merged", "-o", str(out)])
    assert plain.exit_code == 0 and "wrote 1 event" in plain.stderr  # the sure and the accepted riot are one


ACCUSES = "The minister accused the opposition of stoking the riots in Baghdad."
WAITS = "Protests have gone on for weeks. The governor accused the police of firing on crowds in Basra."


def test_statements_are_exported_whatever_the_cut_does_to_their_articles_events(tmp_path: Path) -> None:
    # an article's statements went missing from PLOVER exports when its only event waited for review, and an
    # article that reports statements but no event was never exported at all
    from dateline.model import Statement
    from dateline.store.exports import export, plover_reports

    def accusation(text: str) -> Statement:
        return Statement(id="S1", plover="ACCUSE", evidence=span_of(text, "accused"))

    below = make_event(WAITS, "Protests", confidence=review_threshold() - 0.2,
                       **{**PROTEST_FIELDS, "admin1": "Basra", "location": "Basra"})
    reports = [make_report(make_article(ACCUSES), []).model_copy(update={"statements": [accusation(ACCUSES)]}),
               make_report(make_article(WAITS), [below]).model_copy(update={"statements": [accusation(WAITS)]})]
    with Store(f"sqlite:///{tmp_path / 'p.sqlite'}") as store:
        store.add_reports(reports)
        out = tmp_path / "p.jsonl"
        message = export(store, "plover", [], out, min_confidence=review_threshold())
        cut = EventFilter(min_confidence=review_threshold(), admin1="Basra")
        basra = list(plover_reports(store, cut, iter([])))
        over_http = TestClient(create_app(store)).get("/export", params={"format": "plover"}).text
    records = [json.loads(line) for line in out.read_text().splitlines()]
    articles = {make_article(text).id for text in (ACCUSES, WAITS)}
    assert {r["article_id"] for r in records} == articles and all(":S" in r["id"] for r in records)
    assert "records of 2 articles" in message
    assert [r.article.text for r in basra] == [WAITS] and basra[0].events == []  # the filter still chooses
    assert [json.loads(line)["id"] for line in over_http.splitlines()] == [r["id"] for r in records]


def test_the_table_marks_the_events_left_for_review_when_it_lists_them(stored: tuple[Store, dict[str, int]]) -> None:
    # /ui/events?min_confidence=0 showed the events under the cut as "pending", like the kept ones
    store, ids = stored
    page = TestClient(create_app(store)).get("/ui/events", params={"min_confidence": "0"}).text
    rows = {int(m.group(1)): m.group(2)
            for m in re.finditer(r'<tr data-event-id="(\d+)"(.*?)</tr>', page, re.DOTALL)}
    marked = {event_id for event_id, row in rows.items() if ">needs review</span>" in row}
    assert set(rows) == set(ids.values()) and marked == {ids["unsure"]}
