"""State forces and armed groups named by their common names and acronyms (actor_aliases.yaml and the codebook's
named groups): acronyms match only as written and never inside another word; two groups joined by "or" are
ACLED's "A and/or B"; government positions were held by the state's forces. Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.codebook import default_codebook
from dateline.extraction.actors import alias_pattern, known_actors
from tests.conftest import only_event


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("IDF troops shot dead two gunmen near Jenin on Sunday.",
     "Military Forces of Israel", "Unidentified Armed Group (Palestine)"),
    ("NDS forces arrested three Taliban members in Kandahar on Friday.",
     "Police Forces of Afghanistan National Directorate of Security", "Taliban"),
    ("On Friday, the Libyan National Army shelled positions of the Government of National Accord south of Tripoli.",
     "Military Forces of Libya (2014-) Haftar Faction", "Military Forces of Libya (2016-) Government of National Accord"),
    ("On Monday, the Tatmadaw clashed with the Kachin Independence Army near Myitkyina.",
     "Military Forces of Myanmar", "KIA: Kachin Independence Army"),
    ("ISWAP fighters attacked an army base in Monguno on Tuesday.",
     "Islamic State (West Africa)", "Military Forces of Nigeria"),
    ("On Wednesday, ADF rebels killed nine villagers in Beni.",
     "ADF: Allied Democratic Forces", "Civilians (Democratic Republic of Congo)"),
    ("On Thursday, Brazilian military police exchanged fire with gang members in Salvador.",
     "Military Forces of Brazil Military Police", "Unidentified Gang (Brazil)"),
    ("On Sunday, UPDF soldiers clashed with ADF rebels near Beni.",
     "Military Forces of Uganda", "ADF: Allied Democratic Forces"),
    ("On Thursday, IS militants attacked a police checkpoint near Kirkuk.",
     "Islamic State (Iraq)", "Police Forces of Iraq"),
    ("On Monday, prison guards exchanged fire with armed men who tried to free inmates in Juba.",
     "Police Forces of South Sudan Prison Guards", "Unidentified Armed Group (South Sudan)"),
])
def test_a_force_named_by_its_common_name_gets_acleds_name(pipeline, text: str, actor1: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(("text", "actor1"), [
    ("Police shot dead a drug suspect during a raid in Quezon City on Sunday.", "Police Forces of the Philippines"),
    ("On Monday, FARDC soldiers clashed with M23 rebels near Rutshuru.",
     "Military Forces of the Democratic Republic of Congo"),
])
def test_a_state_force_names_the_philippines_with_the_article(pipeline, text: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    assert only_event(pipeline, text).actor1 == actor1


def test_an_israeli_force_acting_outside_israel_is_an_external_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "An IDF drone struck a car near Tyre on Sunday, killing two people.")
    assert (event.actor1, event.inter1) == ("Military Forces of Israel", 8)


def test_two_groups_joined_by_or_are_one_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "On Monday, suspected JNIM or ISGS militants killed a trader near Djibo.")
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"


def test_government_positions_are_held_by_the_states_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    event = only_event(pipeline, "On Tuesday, rebels fired mortars at government positions near Horlivka.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Ukraine)", "Military Forces of Ukraine")


def test_an_acronym_matches_only_as_written_and_as_a_whole_word() -> None:
    pattern = alias_pattern(["libyan national army"], ["LNA"])
    assert pattern.search("the Libyan National Army said")
    assert pattern.search("LNA forces")
    assert not pattern.search("lna forces")
    assert not pattern.search("the DLNA office")
    assert not pattern.search("LNAs")


def test_every_state_force_of_the_alias_table_has_an_acled_name() -> None:
    states = [k.entry for k in known_actors(default_codebook()) if k.entry.get("state")]
    assert len(states) > 20
    assert all(e["kind"] in {"military", "police", "security"} for e in states)
    assert all(e.get("name") or e.get("iso3") or e.get("unit") for e in states)


def test_a_news_agency_credited_in_the_dateline_is_no_armed_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "(ANA)", the African News Agency's credit, was read as the Afghan National Army and became actor1
    # (a headline before the dateline makes them one sentence with the killing it announces)
    report = pipeline.extract_text("Official shot dead DURBAN, March 6 (ANA) - A municipal manager was shot dead in "
                                   "Pietermaritzburg on Monday morning. - African News Agency (ANA)")
    assert report.events
    assert all("Afghanistan" not in (e.actor1 or "") + (e.actor2 or "") for e in report.events)


def test_the_police_who_tell_a_killing_are_not_its_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "gunned down" found no target in the parse, and the words after it ("…, police said") made the
    # victim an armed force: an Armed clash with no second side
    events = pipeline.extract_text("A shopkeeper was gunned down in Soweto on Monday, police said.").events
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (South Africa)")]
