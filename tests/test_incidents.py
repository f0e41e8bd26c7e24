"""The incident model: which kept events of one report tell the same incident (src/dateline/extraction/incidents.py).

Texts are written for these tests; each case says why a coder would merge or keep apart."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_store_fixtures import make_event, span_of

from dateline.codebook import default_codebook
from dateline.errors import DatelineError
from dateline.extraction import incidents
from dateline.extraction.incidents import IncidentModel, ReportText, merge_retellings, pair_features
from dateline.model import Event, Span

IED = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
       "country": "Afghanistan", "geo_precision": 1}


def _layout(text: str) -> ReportText:
    """Sentence starts of a test text: after each '. ' (the texts here have no other full stops)."""
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    return ReportText(text, starts)


def _event(text: str, trigger: str, event_id: str, **fields: object) -> Event:
    return make_event(text, trigger, event_id, **{**IED, **fields})


RETOLD = ("A roadside bomb struck a police pickup in Ghazni on Tuesday, officials said. "
          "Four policemen died when the device exploded, a provincial spokesman added. "
          "Among the dead was the district police chief, the spokesman said. "
          "Another bomb hit an army truck in Zabul the same day.")


def _retold_events() -> list[Event]:
    date = dt.date(2021, 5, 4)
    lead = _event(RETOLD, "roadside bomb", "E1", admin1="Ghazni", location="Ghazni", event_date=date, confidence=0.9)
    toll = _event(RETOLD, "exploded", "E2", admin1="Ghazni", location="Ghazni", event_date=date, fatalities=4,
                  flags=["date_defaulted"], confidence=0.8)
    chief = _event(RETOLD, "Among the dead", "E3", admin1="Ghazni", location="Ghazni", event_date=date,
                   flags=["date_defaulted"], confidence=0.7)
    other_town = _event(RETOLD, "Another bomb", "E4", admin1="Zabul", location="Qalat", event_date=date,
                        confidence=0.85)
    return [lead, toll, chief, other_town]


def test_an_incident_told_in_three_sentences_is_one_event_and_the_next_one_stays_apart() -> None:
    merged = merge_retellings(_retold_events(), _layout(RETOLD))
    assert [e.id for e in merged] == ["E1", "E4"]
    assert [m.text for m in merged[0].mentions] == ["roadside bomb", "exploded", "Among the dead"]
    assert merged[0].fatalities == 4  # the retelling's toll fills the missing one


TWO_DAYS = ("Gunmen attacked a checkpoint in Ghazni on Tuesday, killing two police officers. "
            "On Saturday, a separate attack on a market in Ghazni killed five civilians.")


def test_two_incidents_at_one_place_on_other_days_stay_two() -> None:
    first = _event(TWO_DAYS, "attacked", "E1", event_type="Violence against civilians", sub_event_type="Attack",
                   admin1="Ghazni", location="Ghazni", event_date=dt.date(2021, 5, 4), fatalities=2)
    second = _event(TWO_DAYS, "attack on", "E2", event_type="Violence against civilians", sub_event_type="Attack",
                    admin1="Ghazni", location="Ghazni", event_date=dt.date(2021, 5, 8), fatalities=5)
    assert len(merge_retellings([first, second], _layout(TWO_DAYS))) == 2


TWO_TOWNS = ("Rebels shelled army positions in Kidal on Monday, officials said. "
             "Elsewhere, troops clashed with militants near Gao on Monday, leaving three dead.")


def test_two_incidents_in_two_provinces_on_one_day_stay_two() -> None:
    shelling = _event(TWO_TOWNS, "shelled", "E1", country="Mali", admin1="Kidal", location="Kidal",
                      sub_event_type="Shelling/artillery/missile attack", event_date=dt.date(2020, 3, 2))
    clash = _event(TWO_TOWNS, "clashed", "E2", country="Mali", admin1="Gao", location="Gao", event_type="Battles",
                   sub_event_type="Armed clash", event_date=dt.date(2020, 3, 2), fatalities=3)
    assert len(merge_retellings([shelling, clash], _layout(TWO_TOWNS))) == 2


def test_an_event_flagged_for_review_is_never_folded() -> None:
    events = _retold_events()
    events[1].flags.append("needs_review")
    merged = merge_retellings(events, _layout(RETOLD))
    assert "E2" in [e.id for e in merged]
    assert all(m.text != "exploded" for m in merged[0].mentions)


def test_pair_features_read_places_dates_and_retelling_words() -> None:
    lead, toll, chief, other_town = _retold_events()
    layout = _layout(RETOLD)
    f = pair_features(toll, lead, layout)  # order does not matter: the earlier-told event is read first
    assert f == pair_features(lead, toll, layout)
    assert f["place=same"] == f["date=one_defaulted"] == f["gap=1"] == 1.0
    assert "later_retelling" in f  # "when the device exploded"
    assert "later_follow_up" in pair_features(lead, chief, layout)  # "Among the dead"
    apart = pair_features(lead, other_town, layout)
    assert "later_new_incident" in apart and "place=same_country" in apart
    country_wide = _event(RETOLD, "device", "E5", admin1=None, location=None, geo_precision=3)
    assert "place=nested" in pair_features(lead, country_wide, layout)


def test_a_missing_model_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incidents, "MODEL_FILE", "no_such_model.json")
    incidents.incident_model.cache_clear()
    try:
        with pytest.raises(DatelineError, match="incident model"):
            incidents.incident_model()
    finally:
        incidents.incident_model.cache_clear()


def test_the_shipped_model_has_a_card_and_merges_only_when_more_likely_than_not() -> None:
    model = incidents.incident_model()
    assert model.threshold == 0.5
    assert model.card["out_of_fold"]["all"]["pairs"] > 1000
    never = IncidentModel(weights={}, intercept=-5.0, threshold=0.5, card={})
    assert len(merge_retellings(_retold_events(), _layout(RETOLD), never)) == 4
    json.dumps(model.card)  # the card is plain data


DISPERSED = ("About 300 teachers marched to the education ministry in Harare on Monday to demand unpaid wages. "
             "Riot police dispersed the marchers with batons and arrested twelve of them.")


def _protest(trigger: str, event_id: str, sub: str, **fields: object) -> Event:
    book = default_codebook()
    base: dict[str, object] = {"event_type": book.event_type_of(sub), "sub_event_type": sub,
                               "disorder_type": book.disorder_type_of(sub), "country": "Zimbabwe",
                               "admin1": "Harare", "location": "Harare", "geo_precision": 1,
                               "event_date": dt.date(2022, 3, 7), "actor1": "Protesters (Zimbabwe)", "inter1": 6}
    return make_event(DISPERSED, trigger, event_id, **{**base, **fields})


def test_a_protest_and_its_dispersal_are_one_protest_with_intervention() -> None:
    march = _protest("marched", "E1", "Peaceful protest", confidence=0.9)
    dispersal = _protest("dispersed", "E2", "Protest with intervention", actor2="Police Forces of Zimbabwe",
                         inter2=1, confidence=0.8)
    merged = merge_retellings([march, dispersal], _layout(DISPERSED), book=default_codebook())
    assert len(merged) == 1
    event = merged[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.actor2 == "Police Forces of Zimbabwe" and event.interaction == 16  # the police came with it
    assert event.confidence == 0.9


def test_the_codebook_combines_only_the_sub_types_it_settles() -> None:
    book = default_codebook()
    assert book.incident_sub_type("Armed clash", "Shelling/artillery/missile attack") == "Armed clash"
    assert book.incident_sub_type("Abduction/forced disappearance", "Attack") == "Attack"
    # force against peaceful demonstrators and a violent demonstration contradict each other: no rule
    assert book.incident_sub_type("Excessive force against protesters", "Violent demonstration") is None
    assert book.incident_sub_type("Attack", "Attack") is None


def test_a_retelling_with_a_finer_place_gives_the_incident_that_place_and_the_note_follows() -> None:
    text = ("A soldier died in a blast in Iraq, the ministry said. "
            "Two comrades were hurt in the roadside bomb blast at Tal Afar, west of Mosul.")
    def whole() -> Event:
        return make_event(text, "blast", "E1", **{**IED, "country": "Iraq", "geo_precision": 3,
                                                       "location": "Iraq", "confidence": 0.9,
                                                       "notes": "On 29 March 2018, a soldier died in a blast "
                                                                "in Iraq. [size=no report]"})

    tal_afar = span_of(text, "Tal Afar")

    def blast(**evidence: Span) -> Event:
        return make_event(text, "roadside bomb blast", "E2", **{**IED, "country": "Iraq", "admin1": "Nineveh",
                                                               "location": "Tal Afar", "geo_precision": 1,
                                                               "fatalities": 1, "confidence": 0.8,
                                                               "evidence": {"sub_event_type": span_of(
                                                                   text, "roadside bomb blast"), **evidence}})

    merged = merge_retellings([whole(), blast(location=tal_afar)], _layout(text))
    assert len(merged) == 1
    assert (merged[0].location, merged[0].admin1, merged[0].geo_precision) == ("Tal Afar", "Nineveh", 1)
    assert merged[0].notes == "On 29 March 2018, a soldier died in a blast in Tal Afar (Nineveh). [size=no report]"
    # a retelling whose place came from elsewhere (no place word of its own sentence) does not move the incident
    guessed = merge_retellings([whole(), blast()], _layout(text))
    assert guessed[0].location == "Iraq"



UNDATED_LEAD = ("A coalition soldier has died in a blast in Iraq, the ministry said. "
                "The soldier was killed by a roadside bomb near Tal Afar on Thursday night.")


def test_an_undated_lead_takes_the_date_its_retelling_gives() -> None:
    # before: the incident kept the report's date (the lead told none) while its evidence showed the retelling's
    # "on Thursday night"
    always = IncidentModel(weights={}, intercept=5.0, threshold=0.5, card={})
    published, thursday = dt.date(2018, 3, 30), dt.date(2018, 3, 29)
    lead = _event(UNDATED_LEAD, "died", "E1", admin1="Nineveh", location="Iraq", event_date=published,
                  time_precision=3, flags=["date_defaulted"], notes="In March 2018, a bomb went off in Iraq.")
    told = _event(UNDATED_LEAD, "killed", "E2", admin1="Nineveh", location="Tal Afar", event_date=thursday,
                  time_precision=1)
    told.evidence["event_date"] = span_of(UNDATED_LEAD, "on Thursday night")
    [incident] = merge_retellings([lead, told], _layout(UNDATED_LEAD), always)
    assert (incident.event_date, incident.time_precision) == (thursday, 1)
    assert "date_defaulted" not in incident.flags
    assert incident.evidence["event_date"].text == "on Thursday night"
    assert incident.notes.startswith("On 29 March 2018")


def test_a_dated_lead_keeps_its_date_and_no_other_date_evidence() -> None:
    always = IncidentModel(weights={}, intercept=5.0, threshold=0.5, card={})
    lead = _event(UNDATED_LEAD, "died", "E1", admin1="Nineveh", location="Iraq", event_date=dt.date(2018, 3, 28))
    told = _event(UNDATED_LEAD, "killed", "E2", admin1="Nineveh", location="Tal Afar", event_date=dt.date(2018, 3, 29))
    told.evidence["event_date"] = span_of(UNDATED_LEAD, "on Thursday night")
    [incident] = merge_retellings([lead, told], _layout(UNDATED_LEAD), always)
    assert incident.event_date == dt.date(2018, 3, 28) and "event_date" not in incident.evidence


ALWAYS = IncidentModel(weights={}, intercept=30.0, threshold=0.5, card={})  # folds every pair it is asked


def test_two_events_dated_to_their_own_different_days_are_never_folded() -> None:
    text = ("RSF artillery hit a camp near El Fasher on Thursday, killing seven people. "
            "On Friday, army warplanes bombed positions east of the city.")
    shelling = _event(text, "artillery", "E1", country="Sudan", admin1="North Darfur", location="El Fasher",
                      sub_event_type="Shelling/artillery/missile attack", event_date=dt.date(2024, 6, 6),
                      time_precision=1)
    strike = _event(text, "warplanes", "E2", country="Sudan", admin1="North Darfur", location="El Fasher",
                    sub_event_type="Air/drone strike", event_date=dt.date(2024, 6, 7), time_precision=1)
    assert [e.id for e in merge_retellings([shelling, strike], _layout(text), ALWAYS)] == ["E1", "E2"]


def test_two_events_whose_named_attackers_differ_and_fight_no_one_of_the_other_stay_two() -> None:
    text = "RSF artillery hit a camp near El Fasher. Army warplanes bombed positions east of the city."
    shelling = _event(text, "artillery", "E1", actor1="Rapid Support Forces", actor2="Civilians (Sudan)",
                      flags=["date_defaulted"])
    strike = _event(text, "warplanes", "E2", actor1="Military Forces of Sudan (2019-)", actor2=None,
                    flags=["date_defaulted"])
    assert len(merge_retellings([shelling, strike], _layout(text), ALWAYS)) == 2
    # the two sides of one clash, each told as the attacker once, are still one incident
    retold = _event(text, "warplanes", "E3", actor1="Military Forces of Sudan (2019-)", actor2="Rapid Support Forces",
                    flags=["date_defaulted"])
    shelling.actor2 = "Military Forces of Sudan (2019-)"
    assert len(merge_retellings([shelling, retold], _layout(text), ALWAYS)) == 1
