"""The event-place ranker: the shipped listwise model and the written sentences it learns from besides
event_location_tune's dev half. The sentences below are not in the training data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.geo.models import EVENT_PLACE_MODEL, load_model
from tests.conftest import event_place

WRITTEN = Path(__file__).resolve().parents[1] / "gold" / "event_places_written.jsonl"



@pytest.mark.parametrize(("text", "verb", "site"), [
    # where the attackers come from is not where they attack
    ("Raiders from Bauchi attacked herders grazing their cattle near Jos.", "attacked", "Jos"),
    ("Youths from Warri attacked fishermen mending their nets in Port Harcourt.", "attacked", "Port Harcourt"),
    # a march from one town to another is coded where it goes
    ("Nurses walked from Gweru to Harare to protest against low pay.", "walked", "Harare"),
    # the reason for an arrest happened elsewhere; the arrest happened here
    ("Police detained a man in Bulawayo over a grenade attack in Gweru last year.", "detained", "Bulawayo"),
])
def test_the_ranker_takes_the_place_the_syntax_gives_the_event(resources, text: str, verb: str, site: str) -> None:  # type: ignore[no-untyped-def]
    assert event_place(resources, text, verb).mention == site


def test_the_shipped_ranker_is_a_softmax_over_the_sentences_places_trained_with_own_sentences() -> None:
    ranker = load_model(EVENT_PLACE_MODEL)
    assert ranker is not None
    card = json.loads(Path(__file__).resolve().parents[1].joinpath(
        "src", "dateline", "geo", "data", EVENT_PLACE_MODEL).read_text())
    assert card["form"] == "listwise" and ranker.bias == 0.0  # a bias cancels in a softmax over candidates
    assert card["sentences_written"] >= 300


def test_written_event_place_sentences_are_well_formed() -> None:
    rows = [json.loads(line) for line in WRITTEN.open(encoding="utf-8")]
    assert len(rows) >= 300
    assert len({r["text"] for r in rows}) == len(rows)
    for row in rows:
        labels = [s["label"] for s in row["spans"]]
        assert labels.count("VERB") == 1 and labels.count("LOCATION") == 1, row["id"]
        assert "OTHER_PLACE" in labels, row["id"]  # two or more places: the syntax has to decide
        for s in row["spans"]:
            assert row["text"][s["start"] : s["end"]] == s["text"], row["id"]


@pytest.mark.parametrize(
    ("text", "verb", "site"),
    [
        ("In Sombrerete municipality, Zacatecas, soldiers found a taxi driver dead on the road towards Chalchihuites.",
         "found", "Sombrerete"),
        ("In Tlaltenango municipality, Zacatecas, police found two men dead on the road towards Fresnillo.", "found",
         "Tlaltenango"),
    ],
)
def test_the_town_a_road_leads_to_is_not_the_site_the_sentence_names(resources, text: str, verb: str,
                                                                     site: str) -> None:  # type: ignore[no-untyped-def]
    place = event_place(resources, text, verb)
    assert place.mention == site
    assert place.name not in {"Jose Maria Morelos", "Fresnillo"}
