"""Who the sides of an event are, eighth round: a state force named by the word on the post it held, a group's name
that opens on a word other than its head, the NDF by its acronym, and communal violence between two communities.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept(pipeline: Pipeline, text: str, published: str = "2024-03-14"):  # type: ignore[no-untyped-def]
    """The kept events of the text (events sent to review left out)."""
    return [e for e in events_of(pipeline, text, published) if "needs_review" not in e.flags]


@pytest.mark.parametrize(("text", "actor2"), [
    ("Kurdish militants attacked a gendarmerie post in Hakkari on Tuesday.", "Police Forces of Turkey"),
    ("PKK fighters attacked a gendarmerie checkpoint in Hakkari on Tuesday.", "Police Forces of Turkey"),
    ("Militants attacked a carabinieri checkpoint near Naples on Tuesday.", "Police Forces of Italy"),
])
def test_a_post_named_by_its_state_force_was_held_by_that_force(pipeline: Pipeline, text: str, actor2: str) -> None:
    [event] = _kept(pipeline, text)
    assert event.event_type == "Battles"
    assert event.actor2 == actor2


def test_a_group_named_by_a_word_before_its_head_shares_its_subject_with_the_next_clause(pipeline: Pipeline) -> None:
    # ("Kurdish" hangs on "led", not on "forces": the name's role is that of its head word, the subject)
    text = ("Kurdish-led forces killed four Islamic State fighters in Hasakah on Monday and captured three villages "
            "near Raqqa on Tuesday.")
    events = _kept(pipeline, text)
    capture = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(capture) == 1
    assert capture[0].actor1 == "QSD: Syrian Democratic Forces"


def test_a_group_named_by_a_word_before_its_head_is_the_object_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.codebook import default_codebook
    from dateline.extraction.actor_phrases import actor_mentions

    doc = nlp("Islamic State fighters ambushed Kurdish-led forces near Raqqa on Monday.")
    roles = {(m.group or {}).get("name"): r for m, r in actor_mentions(next(doc.sents), default_codebook())}
    assert roles["QSD: Syrian Democratic Forces"] == "patient"
    assert roles["Islamic State ({country})"] == "agent"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("NDF militiamen clashed with rebels in the countryside of Hama on Monday, leaving four dead.",
     "NDF: National Defense Forces", "Opposition Rebels (Syria)"),
    ("Rebels ambushed an NDF patrol near Salamiyah on Monday, killing three militiamen.",
     "Opposition Rebels (Syria)", "NDF: National Defense Forces"),
    # (in the Philippines the acronym is the National Democratic Front, whose fighters are the NPA)
    ("NDF guerrillas ambushed an army patrol near Catarman in Northern Samar province on Monday, killing two soldiers.",
     "NPA: New People's Army", "Military Forces of the Philippines"),
])
def test_the_ndf_is_named_by_its_acronym(pipeline: Pipeline, text: str, actor1: str, actor2: str) -> None:
    [event] = _kept(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


COMMUNAL = "Unidentified Communal Militia (Nigeria)"


@pytest.mark.parametrize("text", [
    "Clashes between herders and farmers in Benue State left 12 people dead on Sunday.",
    "Communal clashes between herders and farmers in Plateau State left 12 people dead on Sunday.",
    "At least 20 people were killed on Friday in intercommunal clashes between farmers and herders in Adamawa.",
    "Communal violence in Plateau State has left at least 18 people dead since Sunday, police said.",
])
def test_violence_between_communities_is_a_clash_of_their_militias(pipeline: Pipeline, text: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == (COMMUNAL, COMMUNAL)
    assert (event.inter1, event.inter2) == (4, 4)


def test_a_community_the_lexicons_name_keeps_its_name_beside_the_other(pipeline: Pipeline) -> None:
    [event] = _kept(pipeline, "Clashes between Fulani herders and farmers in Benue State left 12 people dead on Sunday.")
    assert {event.actor1, event.actor2} == {COMMUNAL, "Fulani Ethnic Militia (Nigeria)"}


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Police said a mob lynched a suspected thief in Kano on Sunday.", "Mob violence"),
    ("Supporters of two rival parties clashed in Kano on Sunday, leaving three dead.", "Mob violence"),
])
def test_a_crowds_violence_stays_mob_violence(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == sub_event_type
    assert event.actor1 == "Rioters (Nigeria)"


def test_violence_between_a_community_and_the_police_has_no_communal_militia(pipeline: Pipeline) -> None:
    for event in events_of(pipeline, "Violence between farmers and the police left two dead in Benue on Sunday."):
        assert COMMUNAL not in {event.actor1, event.actor2}


ARMY_DRC = "Military Forces of the Democratic Republic of Congo"
M23 = "M23: March 23 Movement"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Government troops entered the town of Rutshuru on Tuesday. M23 rebels withdrew from the town on Tuesday.",
     ARMY_DRC, M23),
    ("M23 rebels entered the town of Rutshuru on Tuesday. Government troops withdrew from the town.", M23, ARMY_DRC),
])
def test_an_entry_and_the_withdrawal_told_next_are_one_transfer(pipeline: Pipeline, text: str, actor1: str,
                                                                actor2: str) -> None:
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert event.location == "Rutshuru"


def test_an_entry_after_fighting_stays_a_battle_for_the_town(pipeline: Pipeline) -> None:
    text = ("Government troops entered the town of Rutshuru on Tuesday after heavy fighting. M23 rebels withdrew from "
            "the town on Tuesday.")
    [event] = _kept(pipeline, text)
    assert event.sub_event_type == "Government regains territory"
    assert (event.actor1, event.actor2) == (ARMY_DRC, M23)


def test_a_withdrawal_from_another_place_stays_its_own_event(pipeline: Pipeline) -> None:
    text = "Government troops entered the town of Rutshuru on Tuesday. M23 rebels withdrew from Kiwanja on Tuesday."
    events = _kept(pipeline, text)
    assert len(events) == 2


def test_a_group_named_on_an_acts_noun_stays_its_doer(pipeline: Pipeline) -> None:
    # ("Saudi-led coalition" modifies the raid: the raid's grammar is no role of the coalition's)
    [event] = _kept(pipeline, "A Saudi-led coalition air strike was recorded on Sirwah district on Thursday.")
    assert event.actor1 == "Operation Restoring Hope"
