"""ACLED actor naming: kind + the event's country; state forces keep their own country and are External (8)
outside it."""

from __future__ import annotations

from dateline.codebook import load_codebook
from dateline.extraction.actors import ActorMention, actor_name

book = load_codebook()


def test_protesters_are_named_after_the_event_country() -> None:
    # "Iraqi protesters" in an event in Iraq → Protesters (Iraq), inter 6
    assert actor_name(ActorMention("protesters", 0, 0, "protesters", "IRQ"), "IRQ", book) == ("Protesters (Iraq)", 6)


def test_demonstrators_abroad_are_named_after_where_they_demonstrate() -> None:
    # the country in an actor name is the event's country, not the nationality of the demonstrators
    assert actor_name(ActorMention("protesters", 0, 0, "", "IRQ"), "LBN", book)[0] == "Protesters (Lebanon)"


def test_state_forces_at_home_are_state_forces() -> None:
    assert actor_name(ActorMention("police", 0, 0, "police"), "IRQ", book) == ("Police Forces of Iraq", 1)
    assert actor_name(ActorMention("military", 0, 0, "army"), "MLI", book) == ("Military Forces of Mali", 1)


def test_foreign_state_forces_are_external() -> None:
    # "Israeli forces" in Palestine: Military Forces of Israel, External/Other forces (8)
    assert actor_name(ActorMention("military", 0, 0, "forces", "ISR"), "PSE", book) == (
        "Military Forces of Israel", 8)


def test_unidentified_armed_group_and_civilians() -> None:
    assert actor_name(ActorMention("unidentified_armed", 0, 0, "gunmen"), "MEX", book) == (
        "Unidentified Armed Group (Mexico)", 3)
    assert actor_name(ActorMention("civilians", 0, 0, "farmers"), "NGA", book) == ("Civilians (Nigeria)", 7)
    assert actor_name(ActorMention("rioters", 0, 0, "rioters"), "IRQ", book) == ("Rioters (Iraq)", 5)


def test_named_groups_keep_their_acled_names() -> None:
    taliban = next(g for g in book.named_groups if "taliban" in g["pattern"])
    assert actor_name(ActorMention("group", 0, 0, "Taliban", group=taliban), "AFG", book) == ("Taliban", 2)
    islamic_state = next(g for g in book.named_groups if "isis" in g["pattern"])
    assert actor_name(ActorMention("group", 0, 0, "ISIS", group=islamic_state), "IRQ", book)[0] == \
        "Islamic State (Iraq)"
