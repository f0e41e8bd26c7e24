"""PLOVER JSONL records of ACLED events: the doer is PLOVER's actor, the one acted on its recipient."""

from __future__ import annotations

import json

import pytest
from test_store_fixtures import protest_report

from dateline.export.plover import actor_object, plover_jsonl
from dateline.model import Span, Statement
from dateline.yaml_files import packaged_yaml

FORCE = "Police fired tear gas at protesters in Baghdad on Wednesday."


def _event_records(text: str, trigger: str, **fields: object) -> list[dict[str, object]]:
    records = [json.loads(line) for line in plover_jsonl(protest_report(text, trigger, **fields)).splitlines()]
    return [r for r in records if str(r["id"]).endswith(":E1")]


def test_force_against_protesters_has_the_force_as_actor() -> None:
    # ACLED names the protesters actor1 and the force actor2; in PLOVER the one who coerces is the actor
    (record,) = _event_records(FORCE, "fired", event_type="Protests", sub_event_type="Excessive force against protesters",
                               disorder_type="Political violence; Demonstrations", actor1="Protesters (Iraq)",
                               inter1=6, actor2="Police Forces of Iraq", inter2=1, interaction=16)
    assert record["event"] == ["COERCE"]
    assert record["actor"] == "Police Forces of Iraq"
    assert [a["acled_name"] for a in record["source"]] == ["Police Forces of Iraq"]
    assert [a["acled_name"] for a in record["recipient"]] == ["Protesters (Iraq)"]


def test_sides_are_plovers_actor_objects_with_country_and_sector() -> None:
    police = Span(start=0, end=6, text="Police")
    (record,) = _event_records(FORCE, "fired", event_type="Protests", sub_event_type="Excessive force against protesters",
                               actor1="Protesters (Iraq)", inter1=6, actor2="Police Forces of Iraq", inter2=1,
                               evidence={"sub_event_type": Span(start=7, end=12, text="fired"), "actor2": police})
    # PLOVER's source and recipient are lists of actor objects: code (ISO alpha-3), sector, and the words that
    # named the actor in the article
    assert record["source"] == [{"code": "IRQ", "sector": "COP", "actor_text": "Police",
                                 "acled_name": "Police Forces of Iraq"}]
    assert record["recipient"] == [{"code": "IRQ", "sector": "OPP", "actor_text": "Protesters (Iraq)",
                                    "acled_name": "Protesters (Iraq)"}]


@pytest.mark.parametrize(("name", "inter", "code", "sector"), [
    ("Military Forces of Israel", 8, "ISR", "MIL"),
    ("Police Forces of Afghanistan National Directorate of Security", 1, "AFG", "COP"),
    ("Military Forces of the Democratic Republic of Congo", 1, "COD", "MIL"),
    ("Government of Iraq (2018-)", 1, "IRQ", "GOV"),
    ("Civilians (Nigeria)", 7, "NGA", "CVL"),
    ("Rioters (Lebanon)", 5, "LBN", "OPP"),
    ("Unidentified Armed Group (Mexico)", 3, "MEX", "UAF"),
    ("Amnesty International", None, "NGO", None),
    ("Rwanda", None, "RWA", None),
    # a name that says neither, and an inter code PLOVER has no one sector for, leave them null
    ("Ali Khamenei", None, None, None),
    ("Military Forces of Iraq (2018-) Popular Mobilization Forces", 1, "IRQ", "MIL"),
    ("Hezbollah", 3, None, None),
])
def test_actor_code_and_sector_come_from_the_name_and_inter_code(name: str, inter: int | None, code: str | None,
                                                                  sector: str | None) -> None:
    actor = actor_object(name, inter)
    assert actor is not None and (actor["code"], actor["sector"]) == (code, sector)


def test_a_name_without_a_country_takes_the_events() -> None:
    (record,) = _event_records(FORCE, "fired", event_type="Battles", sub_event_type="Armed clash",
                               actor1="Hezbollah", inter1=3, actor2=None, inter2=None)
    assert [(a["code"], a["sector"]) for a in record["source"]] == [("IRQ", None)]


def test_statement_sides_are_actor_objects() -> None:
    report = protest_report(FORCE, "fired")
    report = report.model_copy(update={"statements": [Statement(
        id="S1", plover="ACCUSE", actor="Amnesty International", target="Police Forces of Iraq",
        evidence=Span(start=0, end=6, text=FORCE[:6]))]})
    (record,) = [json.loads(line) for line in plover_jsonl(report).splitlines() if ":S1" in line]
    assert [(a["code"], a["sector"]) for a in record["source"]] == [("NGO", None)]
    assert [(a["code"], a["sector"], a["actor_text"]) for a in record["recipient"]] == [
        ("IRQ", "COP", "Police Forces of Iraq")]
    assert record["actor"] == "Amnesty International"


# PLOVER's event types, modes and contexts (openeventdata/PLOVER, PLOVER_MANUAL.tex, draft 0.8): material conflict
# is PROTEST, MOBILIZE, COERCE and ASSAULT (CAMEO's FIGHT is folded into ASSAULT); each type's modes are a closed
# list, and so are the contexts any type can take (the general ones and the four special ones).
PLOVER_MODES = {
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre", "unconventional", "sideAB"},
    "AGREE": set(),
}
# The verbal types' modes in the same draft (CONSULT, ACCUSE and THREATEN have their own lists; DEMAND and REJECT
# share one; SUPPORT, AGREE and CONCEDE have none).
PLOVER_VERBAL_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "DEMAND": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
}
PLOVER_CONTEXTS = {
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease", "enviro_disaster",
    "migration", "humanitarian", "asylum", "legal", "human_rights", "rights_freedoms", "gender", "lgbt", "terrorism",
    "human_security", "religion_ethnicity", "executive", "election", "legislative", "cbrn", "cyber",
    "political_institutions", "corruption", "crime", "illegal_drugs", "historical", "future", "hypothetical",
    "negation",
}
ACLED_SUB_TYPES = [
    ("Protests", "Peaceful protest"), ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"), ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"), ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Chemical weapon"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Suicide bomb"), ("Explosions/Remote violence", "Grenade"),
    ("Violence against civilians", "Attack"), ("Violence against civilians", "Abduction/forced disappearance"),
    ("Violence against civilians", "Sexual violence"), ("Strategic developments", "Arrests"),
    ("Strategic developments", "Agreement"),
]


@pytest.mark.parametrize(("event_type", "sub_event_type"), ACLED_SUB_TYPES)
def test_event_type_and_mode_are_plovers_own_words(event_type: str, sub_event_type: str) -> None:
    (record,) = _event_records(FORCE, "fired", event_type=event_type, sub_event_type=sub_event_type)
    (event,) = record["event"]
    assert event in PLOVER_MODES
    # a mode PLOVER does not list is left null, as PLOVER asks, never an empty or home-made word
    assert record["mode"] is None or (record["mode"] and set(record["mode"]) <= PLOVER_MODES[event])
    # context takes PLOVER's context words only; ACLED's sub-type travels in a field of its own
    assert record["context"] is None or (record["context"] and set(record["context"]) <= PLOVER_CONTEXTS)
    assert record["sub_event_type"] == sub_event_type


def test_context_is_given_only_where_the_acled_sub_type_names_one() -> None:
    records = {sub: _event_records(FORCE, "fired", event_type=etype, sub_event_type=sub)[0]
               for etype, sub in ACLED_SUB_TYPES}
    # a chemical weapon is PLOVER's cbrn context and its ASSAULT mode for such weapons
    chemical = records.pop("Chemical weapon")
    assert (chemical["event"], chemical["mode"], chemical["context"]) == (["ASSAULT"], ["unconventional"], ["cbrn"])
    # no other ACLED sub-type says what an event is about in PLOVER's words
    assert {sub: r["context"] for sub, r in records.items() if r["context"] is not None} == {}


def test_modes_say_what_acled_says() -> None:
    modes = {sub: _event_records(FORCE, "fired", event_type=etype, sub_event_type=sub)[0]["mode"]
             for etype, sub in ACLED_SUB_TYPES}
    assert modes["Peaceful protest"] == ["demo"] and modes["Violent demonstration"] == ["riot"]
    assert modes["Suicide bomb"] == ["suicide-attack"] and modes["Remote explosive/landmine/IED"] == ["explosives"]
    assert modes["Abduction/forced disappearance"] == ["abduct"] and modes["Arrests"] == ["arrest"]
    assert modes["Shelling/artillery/missile attack"] == ["heavy-weapons"]


def test_event_mode_and_context_are_lists_as_plovers_draft_gives_them() -> None:
    # PLOVER draft 0.8, "Data Fields": event is a "list of event categories", mode a "list of modes", context a
    # "list of contexts" (its simplest record has "event" : ["CONSULT"]); a field with no value stays null
    report = protest_report(FORCE, "fired", event_type="Protests", sub_event_type="Peaceful protest")
    report = report.model_copy(update={"statements": [Statement(
        id="S1", plover="ACCUSE", actor="Government of Iraq", evidence=Span(start=0, end=6, text=FORCE[:6]))]})
    records = {str(r["id"]).split(":")[-1]: r for r in map(json.loads, plover_jsonl(report).splitlines())}
    assert (records["E1"]["event"], records["E1"]["mode"], records["E1"]["context"]) == (["PROTEST"], ["demo"], None)
    assert (records["S1"]["event"], records["S1"]["mode"], records["S1"]["context"]) == (["ACCUSE"], None, None)


def test_statement_records_leave_unknown_mode_and_context_null() -> None:
    report = protest_report(FORCE, "fired")
    report = report.model_copy(update={"statements": [Statement(
        id="S1", plover="ACCUSE", actor="Government of Iraq", evidence=Span(start=0, end=6, text=FORCE[:6]))]})
    (record,) = [json.loads(line) for line in plover_jsonl(report).splitlines() if ":S1" in line]
    assert record["mode"] is None and record["context"] is None


def test_event_text_is_the_sentence_it_was_coded_from_not_the_headline() -> None:
    headline = "Police fire tear gas at protesters in Baghdad\n\n"
    body = "Police fired tear gas at hundreds of protesters in Baghdad on Wednesday."
    text = headline + body
    start = len(headline)
    telling = Span(start=start, end=len(text), text=body)
    report = protest_report(text, "fired", mentions=[Span(start=0, end=start, text=headline), telling])
    (record,) = [json.loads(line) for line in plover_jsonl(report).splitlines() if ":E1" in line]
    assert (record["text"], record["start"], record["end"]) == (body, start, len(text))


def test_event_location_is_plovers_location_object() -> None:
    (record,) = _event_records(FORCE, "fired", geonameid=98182)
    # PLOVER's event_loc takes GeoNames' field names; cc3 is the ISO 3166 alpha-3 code PLOVER adds
    assert record["event_loc"] == {"geonameid": 98182, "name": "Baghdad", "latitude": 33.3406,
                                   "longitude": 44.4009, "cc3": "IRQ"}
    assert record["location"] == "Baghdad"


def test_event_without_a_place_has_no_location_object() -> None:
    (record,) = _event_records(FORCE, "fired", location=None, latitude=None, longitude=None, country=None,
                               admin1=None, geonameid=None)
    assert record["event_loc"] is None


def test_armed_clash_has_both_sides_as_source_and_no_recipient() -> None:
    # PLOVER codes two-sided violence with every side as a source; only one-sided violence has a recipient
    (record,) = _event_records("Gunmen clashed with soldiers in Baghdad.", "clashed", event_type="Battles",
                               sub_event_type="Armed clash", actor1="Unidentified Armed Group (Iraq)", inter1=3,
                               actor2="Military Forces of Iraq", inter2=1)
    assert [(a["acled_name"], a["sector"]) for a in record["source"]] == [
        ("Unidentified Armed Group (Iraq)", "UAF"), ("Military Forces of Iraq", "MIL")]
    assert record["recipient"] == []


def test_associated_actors_join_the_side_they_are_associated_with() -> None:
    # ACLED's assoc_actor_1/2 ("; " between several) act with actor1/2; PLOVER's source and recipient are lists,
    # a compound actor's members in one list, so each associated actor follows its own side's actor
    (record,) = _event_records(FORCE, "fired", event_type="Protests", sub_event_type="Excessive force against protesters",
                               actor1="Protesters (Iraq)", inter1=6, assoc_actor_1="Students (Iraq); Women (Iraq)",
                               actor2="Police Forces of Iraq", inter2=1, assoc_actor_2="Military Forces of Iraq")
    assert [(a["acled_name"], a["sector"]) for a in record["source"]] == [
        ("Police Forces of Iraq", "COP"), ("Military Forces of Iraq", "MIL")]
    # the inter code describes actor1 alone: "Women (Iraq)" has no sector of its own words, so none
    assert [(a["acled_name"], a["code"], a["sector"]) for a in record["recipient"]] == [
        ("Protesters (Iraq)", "IRQ", "OPP"), ("Students (Iraq)", "IRQ", "EDU"), ("Women (Iraq)", "IRQ", None)]
    assert record["actor"] == "Police Forces of Iraq"
    (clash,) = _event_records("Gunmen clashed with soldiers in Baghdad.", "clashed", event_type="Battles",
                              sub_event_type="Armed clash", actor1="Unidentified Armed Group (Iraq)", inter1=3,
                              actor2="Military Forces of Iraq", inter2=1, assoc_actor_2="Police Forces of Iraq")
    assert [a["acled_name"] for a in clash["source"]] == [
        "Unidentified Armed Group (Iraq)", "Military Forces of Iraq", "Police Forces of Iraq"]
    assert clash["recipient"] == []


def test_one_sided_attack_keeps_its_victims_as_recipient() -> None:
    (record,) = _event_records("Gunmen killed two farmers in Baghdad.", "killed",
                               event_type="Violence against civilians", sub_event_type="Attack",
                               actor1="Unidentified Armed Group (Iraq)", inter1=3, actor2="Civilians (Iraq)", inter2=7)
    assert [a["acled_name"] for a in record["source"]] == ["Unidentified Armed Group (Iraq)"]
    assert [(a["acled_name"], a["sector"]) for a in record["recipient"]] == [("Civilians (Iraq)", "CVL")]


def test_protest_with_intervention_has_the_protesters_as_source_and_not_the_force_as_target() -> None:
    (record,) = _event_records(FORCE, "fired", event_type="Protests", sub_event_type="Protest with intervention",
                               actor1="Protesters (Iraq)", inter1=6, actor2="Police Forces of Iraq", inter2=1)
    assert record["event"] == ["PROTEST"] and record["actor"] == "Protesters (Iraq)"
    assert [a["acled_name"] for a in record["source"]] == ["Protesters (Iraq)"]
    # the police met the protest; they are not whom it was held against
    assert record["recipient"] == []


def test_records_carry_plovers_text_and_citation_objects() -> None:
    report = protest_report(FORCE, "fired", publisher="Example News")
    report = report.model_copy(update={
        "pipeline_version": "9.9.9",
        "article": report.article.model_copy(update={"url": "https://example.org/a", "title": "Tear gas in Baghdad"}),
        "statements": [Statement(id="S1", plover="ACCUSE", actor="Government of Iraq",
                                 evidence=Span(start=0, end=6, text=FORCE[:6]))]})
    records = {str(r["id"]).split(":")[-1]: r for r in map(json.loads, plover_jsonl(report).splitlines())}
    # PLOVER's text_info holds the passage's offsets, cite_info where the text came from and what coded it
    assert records["S1"]["text_info"] == {"start": 0, "end": 6}
    assert records["E1"]["text_info"] == {"start": 7, "end": 12}
    assert all(FORCE[r["text_info"]["start"]:r["text_info"]["end"]] == r["text"] for r in records.values())
    for record in records.values():
        assert record["cite_info"] == {"citation": report.article.id, "url": "https://example.org/a",
                                       "title": "Tear gas in Baghdad", "language": "en",
                                       "publication": "Example News", "coder": "dateline 9.9.9",
                                       "codebook": "plover-dateline/1"}


def test_statement_modes_are_plovers_own_words_for_their_type() -> None:
    coded = {plover: set(spec["modes"]) for plover, spec in packaged_yaml("plover.yaml")["statement_modes"].items()}
    assert coded and all(modes <= PLOVER_VERBAL_MODES.get(plover, set()) for plover, modes in coded.items())


def test_statement_record_carries_its_modes_as_a_list() -> None:
    report = protest_report(FORCE, "fired")
    report = report.model_copy(update={"statements": [Statement(
        id="S1", plover="CONSULT", actor="Government of Iraq", mode=["phone"],
        mode_evidence={"phone": Span(start=0, end=6, text=FORCE[:6])}, evidence=Span(start=0, end=6, text=FORCE[:6]))]})
    (record,) = [json.loads(line) for line in plover_jsonl(report).splitlines() if ":S1" in line]
    assert record["mode"] == ["phone"]
