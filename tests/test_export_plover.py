"""PLOVER JSONL records of ACLED events: the doer is PLOVER's actor, the one acted on its recipient."""

from __future__ import annotations

import json

from test_store_fixtures import protest_report

from dateline.export.plover import plover_jsonl

FORCE = "Police fired tear gas at protesters in Baghdad on Wednesday."


def _event_records(text: str, trigger: str, **fields: object) -> list[dict[str, object]]:
    records = [json.loads(line) for line in plover_jsonl(protest_report(text, trigger, **fields)).splitlines()]
    return [r for r in records if str(r["id"]).endswith(":E1")]


def test_force_against_protesters_has_the_force_as_actor() -> None:
    # ACLED names the protesters actor1 and the force actor2; in PLOVER the one who coerces is the actor
    (record,) = _event_records(FORCE, "fired", event_type="Protests", sub_event_type="Excessive force against protesters",
                               disorder_type="Political violence; Demonstrations", actor1="Protesters (Iraq)",
                               inter1=6, actor2="Police Forces of Iraq", inter2=1, interaction=16)
    assert record["event"] == "COERCE"
    assert (record["actor"], record["recipient"]) == ("Police Forces of Iraq", "Protesters (Iraq)")
