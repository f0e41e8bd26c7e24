"""Who the sides of an event are, third round: a strike whose sentence names no attacker was carried out by whom
the report says flies or fires such strikes, a battle's unnamed side is the one the sentence before named, and a
demonstration's crowd is named by how the demonstration ended
(Rioters when it turned violent). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


def _kept_at(pipeline: Pipeline, text: str, sub_event_type: str):  # type: ignore[no-untyped-def]
    """The one kept event of the sub-type (events sent to review left out)."""
    [event] = [e for e in events_of(pipeline, text)
               if e.sub_event_type == sub_event_type and "needs_review" not in e.flags]
    return event


@pytest.mark.parametrize(("text", "sub_event_type", "actor1"), [
    (("Russian warplanes have intensified their bombing of opposition areas in Idlib. On Monday air strikes hit a "
      "hospital in Maarat al-Numan, killing five."), "Air/drone strike", "Military Forces of Russia"),
    (("Regime jets and helicopters have pounded the southern province of Daraa for a week. On Sunday air strikes hit "
      "a school in the town of Busra al-Harir, killing seven children."), "Air/drone strike", "Military Forces of Syria"),
    (("Coalition aircraft have stepped up their raids on Islamic State targets in eastern Syria. An air strike hit a "
      "mosque in the town of Hajin on Friday, killing 15 people."), "Air/drone strike", "Global Coalition Against Daesh"),
    (("Air strikes hit the village of Kansafra in Idlib province on Wednesday, killing six civilians, a monitoring "
      "group said. The monitor said the raids were most likely carried out by Syrian air force jets."),
     "Air/drone strike", "Military Forces of Syria"),
    (("Houthi forces have launched drones at Saudi cities for months. On Tuesday a drone struck an airport in Abha, "
      "wounding nine people."), "Air/drone strike", "Military Forces of Yemen (2016-) Supreme Political Council"),
    (("The junta has stepped up air strikes on resistance-held areas of Sagaing region. On Tuesday an air strike hit "
      "a school in the village of Let Yet Kone, killing 11 children."), "Air/drone strike", "Military Forces of Myanmar"),
    (("Government artillery has shelled rebel villages in northern Hama for weeks. On Saturday shells landed on a "
      "market in the village of Kafr Nabudah, killing four."), "Shelling/artillery/missile attack",
     "Military Forces of Syria"),
])
def test_a_strike_no_one_is_named_for_was_carried_out_by_who_the_report_says_flies(
        pipeline: Pipeline, text: str, sub_event_type: str, actor1: str) -> None:
    assert _kept_at(pipeline, text, sub_event_type).actor1 == actor1


@pytest.mark.parametrize("text", [
    "Air strikes hit a market in the town of Saraqeb in Idlib province on Tuesday, killing nine people.",
    ("Rebels shot down a Syrian air force jet over Idlib last week. On Monday air strikes hit a bakery in the town of "
     "Ariha, killing eight."),
])
def test_a_strike_no_one_is_named_for_stays_unidentified(pipeline: Pipeline, text: str) -> None:
    assert _kept_at(pipeline, text, "Air/drone strike").actor1 == "Unidentified Armed Group (Syria)"


@pytest.mark.parametrize("text", [
    ("Hundreds of residents protested in Durban on Monday over power cuts. The protesters burned tyres and threw "
     "stones at police."),
])
def test_a_demonstration_that_turned_violent_names_its_crowd_rioters(pipeline: Pipeline, text: str) -> None:
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 == "Rioters (South Africa)"
    assert event.inter1 == 5


def test_a_crowd_that_smashed_windows_is_no_force_used_on_the_demonstration(pipeline: Pipeline) -> None:
    text = ("Workers marched to the offices of the mining company in Rustenburg on Tuesday. Some of them smashed "
            "windows and looted a shop.")
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert event.actor2 is None


@pytest.mark.parametrize(("text", "actors"), [
    (("Islamic State militants attacked the town of Hajin on Sunday. Kurdish-led fighters repelled them after hours "
      "of fighting."), ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")),
    # (the repulse of the storming is the storming's own battle, one event: `incidents._fought_back`)
    (("Al Shabaab fighters stormed an army base in Lower Shabelle on Friday. The militants were repelled after a gun "
      "battle."), ("Al Shabaab", "Military Forces of Somalia")),
])
def test_the_side_a_battle_leaves_unnamed_is_the_one_the_sentence_before_named(pipeline: Pipeline, text: str,
                                                                             actors: tuple[str, str]) -> None:
    [event] = [e for e in events_of(pipeline, text)
               if any("repelled" in m.text for m in e.mentions) and "needs_review" not in e.flags]
    assert (event.actor1, event.actor2) == actors


def test_what_a_strike_was_fired_at_comes_before_whom_it_hurt(pipeline: Pipeline) -> None:
    text = ("Islamic State fighters fired a missile at a Kurdish position near Raqqa on Saturday, wounding two British "
            "soldiers who were advising the local fighters.")
    [event] = [e for e in events_of(pipeline, text) if "needs_review" not in e.flags]
    assert (event.actor1, event.actor2) == ("Islamic State (Syria)", "QSD: Syrian Democratic Forces")


def test_fighting_that_goes_on_is_between_the_sides_of_the_battle_told_just_before(pipeline: Pipeline) -> None:
    text = "Government troops clashed with M23 rebels near Goma on Monday. Fighting continued on Tuesday near Sake."
    [event] = [e for e in events_of(pipeline, text) if e.location == "Sake" and "needs_review" not in e.flags]
    assert (event.actor1, event.actor2) == ("Military Forces of the Democratic Republic of Congo",
                                            "M23: March 23 Movement")


def test_fighting_in_a_new_paragraph_takes_no_sides_from_the_one_before(pipeline: Pipeline) -> None:
    text = ("Government troops clashed with M23 rebels near Goma on Monday.\n\n"
            "Heavy fighting was also reported on Tuesday near Bunia in Ituri province.")
    [event] = [e for e in events_of(pipeline, text) if e.location == "Bunia" and "needs_review" not in e.flags]
    assert event.actor1 == "Unidentified Armed Group (Democratic Republic of Congo)"
    assert event.actor2 is None
