"""One event per place of a list (codebook section 4): "protests in A, B and C" is an event at each town, as ACLED
codes them; a list of origins, a written hierarchy or a list of countries stays one event. Sentences of our own,
none from an evaluation text; each split case fails before `extraction/listed_places.py`."""

from __future__ import annotations


def _events(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract_text(text).events


def test_one_act_at_three_listed_towns_is_three_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Thousands of people protested in Basra, Nasiriyah and Karbala on Friday, "
                               "demanding jobs and clean water.")
    assert sorted(e.location for e in events) == ["Basrah", "Karbala", "Nasiriyah"]
    assert {e.sub_event_type for e in events} == {"Peaceful protest"}
    assert len({e.event_date for e in events}) == 1


def test_the_copies_are_not_folded_back_into_one_incident(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Thousands of people protested in Basra, Nasiriyah and Karbala on Friday, "
                               "demanding jobs and clean water.")
    kept = [e for e in events if "needs_review" not in e.flags]
    assert len(kept) == 3, [(e.location, e.confidence, e.flags) for e in events]


def test_a_toll_told_for_the_whole_act_is_counted_once(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Gunmen killed 12 people in attacks on villages in Kano and Kaduna states on "
                               "Tuesday, police said.")
    assert len(events) == 2
    assert sorted(e.fatalities or 0 for e in events) == [0, 12]


def test_a_list_whose_last_name_the_index_lacks_gives_the_known_towns_their_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "BAGHDAD, March 3 - Coalition jets carried out airstrikes near Haditha, Mosul and "
                               "Qaryat Umm Hazim on Monday, the command said.")
    assert {"Hadithah", "Mosul"} <= {e.location for e in events}


def test_a_list_of_origins_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Fighters from Hit, Ramadi and Fallujah attacked an army post in Haditha on Monday, "
                               "killing four soldiers.")
    assert [e.location for e in events] == ["Hadithah"]


def test_a_written_hierarchy_is_no_list(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police fired tear gas at protesters in Tonala, Jalisco on Sunday.")
    assert [e.location for e in events] == ["Tonala"]


def test_a_list_of_countries_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police raided the homes of 40 suspects in France, Belgium and Germany on "
                               "Wednesday.")
    assert len(events) <= 1
