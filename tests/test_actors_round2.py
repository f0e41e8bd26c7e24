"""Who the sides of an event are, second round: who investigates an act is none of them, a side that speaks of
what it destroyed is the one that did it, and a crowd of supporters that attacks riots. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dateline.pipeline import Pipeline
from tests.conftest import events_of


@pytest.mark.parametrize(("text", "actor1"), [
    ("Police launched an investigation into Sunday's killing of a teacher by gunmen in Kaduna.",
     "Unidentified Armed Group (Nigeria)"),
    ("Police in Karachi opened an investigation after gunmen shot dead a shopkeeper on Monday.",
     "Unidentified Armed Group (Pakistan)"),
    ("Police in Kenya opened a manhunt after bandits killed three herders in Samburu on Monday.",
     "Unidentified Armed Group (Kenya)"),
])
def test_who_investigates_a_killing_did_not_do_it(pipeline: Pipeline, text: str, actor1: str) -> None:
    [event] = events_of(pipeline, text)
    assert event.actor1 == actor1
    assert "Police" not in (event.actor2 or "")


def test_police_who_shoot_and_then_investigate_still_shot(pipeline: Pipeline) -> None:
    [event] = events_of(pipeline, "Police shot dead two robbers in Lagos on Monday and launched an investigation.")
    assert event.actor1 == "Police Forces of Nigeria"
