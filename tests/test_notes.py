"""Event notes: one clean ACLED-style sentence (date, actors, place, outcome), from the reporting clause when
it is a clean sentence, else from the event's fields."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.codebook import default_codebook
from dateline.extraction import notes
from dateline.model import Event, Span
from dateline.pipeline import Pipeline

D = dt.date


def _event(sub: str, **fields: object) -> Event:
    book = default_codebook()
    base: dict[str, object] = {"id": "E1", "sub_event_type": sub, "event_type": book.event_type_of(sub),
                                   "event_date": D(2021, 3, 14), "time_precision": 1}
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def _one_sentence(note: str) -> bool:
    sentence = re.sub(r"(?:\s\[[^\]]*\])+$", "", note)
    return (sentence.endswith(".") and sentence.count(". ") == 0 and "\n" not in note
            and not re.search(r"[\"“”‘]", note) and "  " not in note)


def test_every_sub_event_type_has_a_phrase() -> None:
    table = notes.phrases()["predicates"]
    assert set(default_codebook().sub_event_types) == set(table)
    for entry in table.values():
        assert entry["predicate"] and "{" not in entry["predicate"].format(its="its", were="was")
        assert "{actor2}" in entry.get("with_actor2", "{actor2}")


@pytest.mark.parametrize(("actor1", "sub", "want"), [
    ("Military Forces of Chile (2018-)", "Change to group/activity", "Chilean military forces changed their deployment"),
    ("Islamic State (Syria)", "Change to group/activity", "Islamic State changed its deployment"),
    # the noun before "of" or "for" heads the name, not the name's last word
    ("NAF: United Armed Forces of Novorossiya", "Change to group/activity",
     "the United Armed Forces of Novorossiya (NAF) changed their deployment"),
    ("JNIM: Group for Support of Islam and Muslims", "Change to group/activity",
     "the Group for Support of Islam and Muslims (JNIM) changed its deployment"),
    (None, "Other", "an unidentified group was involved in a strategic development"),
    ("Protesters (Chile)", "Other", "protesters were involved in a strategic development"),
])
def test_a_template_verb_agrees_with_its_subject(actor1: str | None, sub: str, want: str) -> None:
    event = _event(sub, actor1=actor1, country="Chile")
    assert notes.make_note(event, None).startswith(f"On 14 March 2021, {want}")


@pytest.mark.parametrize("event, expected", [
    (_event("Peaceful protest", actor1="Protesters (Kenya)", location="Kisumu", admin1="Kisumu", country="Kenya"),
     "On 14 March 2021, protesters demonstrated in Kisumu (Kisumu). [size=no report]"),
    (_event("Violent demonstration", location="Goma", admin1="North Kivu", country="Democratic Republic of Congo"),
     "On 14 March 2021, rioters staged a violent demonstration in Goma (North Kivu). [size=no report]"),
    (_event("Armed clash", actor1="Military Forces of Mali (2021-)", actor2="JNIM: Group for Support of Islam "
            "and Muslims", location="Boni", admin1="Mopti", country="Mali", fatalities=4),
     ("On 14 March 2021, Malian military forces clashed with the Group for Support of Islam and Muslims (JNIM) "
     "in Boni (Mopti), killing 4.")),
    (_event("Air/drone strike", actor1="Military Forces of Turkey", location="Sinat", admin1="Duhok",
            country="Iraq", geo_precision=2),
     "On 14 March 2021, Turkish military forces carried out an air strike near Sinat (Duhok)."),
    (_event("Attack", actor2="Civilians (Nigeria)", location="Zurmi", admin1="Zamfara", country="Nigeria",
            fatalities=2),
     "On 14 March 2021, unidentified armed men attacked civilians in Zurmi (Zamfara), killing 2."),
    (_event("Arrests", actor1="Police Forces of Uganda", actor2="Protesters (Uganda)", country="Uganda",
            time_precision=3),
     "In March 2021, Ugandan police forces arrested protesters in Uganda."),
    (_event("Excessive force against protesters", actor1="Protesters (Iraq)", actor2="Police Forces of Iraq",
            location="Nasiriyah", admin1="Dhi Qar", country="Iraq", time_precision=2, date_start=D(2021, 3, 12),
            date_end=D(2021, 3, 14), fatalities=1),
     ("Between 12 and 14 March 2021, protesters faced excessive force from Iraqi police forces in Nasiriyah "
     "(Dhi Qar), with 1 reported fatality. [size=no report]")),
    (_event("Headquarters or base established", actor1="Islamic State (Syria)", country="Syria",
            location="Deir ez Zor", admin1="Deir ez Zor", time_precision=2),
     "Around 14 March 2021, Islamic State established a headquarters or base in Deir ez Zor (Deir ez Zor)."),
])
def test_template_notes_read_as_one_sentence(event: Event, expected: str) -> None:
    note = notes.make_note(event, None)
    assert note == expected
    assert _one_sentence(note)


@pytest.mark.parametrize(("actor1", "actor2", "sub", "want"), [
    ("Unidentified Armed Group (Peru)", None, "Armed clash",
     "an unidentified armed group clashed with another unidentified armed group"),
    ("Unidentified Armed Group (Peru)", "Unidentified Armed Group (Peru)", "Armed clash",
     "an unidentified armed group clashed with another unidentified armed group"),
    ("Rioters (Peru)", "Rioters (Peru)", "Mob violence", "rioters attacked other rioters in an act of mob violence"),
    # two sides named apart stay as they are
    (None, None, "Armed clash", "unidentified armed men clashed with an unidentified armed group"),
])
def test_two_sides_named_alike_are_two_groups(actor1: str | None, actor2: str | None, sub: str, want: str) -> None:
    event = _event(sub, actor1=actor1, actor2=actor2, location="Tingo Maria", admin1="Huanuco", country="Peru")
    note = notes.make_note(event, None).removesuffix(" [size=no report]")
    assert note == f"On 14 March 2021, {want} in Tingo Maria (Huanuco)."


@pytest.mark.parametrize(("fatalities", "outcome"), [(None, ""), (0, ""), (3, ", killing 3")])
def test_a_toll_is_told_only_when_there_are_dead(fatalities: int | None, outcome: str) -> None:
    # no toll reported and none dead read alike, as a coder writes them: no toll at all
    event = _event("Attack", actor2="Civilians (Peru)", location="Tingo Maria", admin1="Huanuco", country="Peru",
                   fatalities=fatalities)
    assert notes.make_note(event, None) == (
        f"On 14 March 2021, unidentified armed men attacked civilians in Tingo Maria (Huanuco){outcome}.")


def test_date_phrases_across_months_and_years() -> None:
    e = _event("Attack", time_precision=2, date_start=D(2020, 12, 30), date_end=D(2021, 1, 2))
    assert notes.date_phrase(e) == "Between 30 December 2020 and 2 January 2021"
    e = _event("Attack", time_precision=2, date_start=D(2021, 2, 27), date_end=D(2021, 3, 2))
    assert notes.date_phrase(e) == "Between 27 February and 2 March 2021"
    assert notes.date_phrase(_event("Attack", event_date=None)) == "On an unknown date"


def test_actor_phrases_are_natural_lower_case() -> None:
    assert notes.actor_phrase("Protesters (Iraq)") == "protesters"
    assert notes.actor_phrase("Unidentified Armed Group (Iraq)") == "an unidentified armed group"
    assert notes.actor_phrase("Unidentified Gang (Colombia)") == "an unidentified gang"


@pytest.mark.parametrize(("actor", "want"), [
    ("Police Forces of Iraq (2018-)", "Iraqi police forces"),
    ("Military Forces of the United Kingdom (2019-)", "British military forces"),
    ("Security Forces of South Sudan (2011-)", "South Sudanese security forces"),
    # a unit after the government's years: the years go, the unit follows in parentheses
    ("Military Forces of Ethiopia (2018-) Amhara Special Forces", "Ethiopian military forces (Amhara Special Forces)"),
    ("Military Forces of Atlantis", "military forces of Atlantis"),  # no demonym known: the name stays
])
def test_a_states_forces_are_named_by_its_demonym(actor: str, want: str) -> None:
    assert notes.actor_phrase(actor) == want


@pytest.mark.parametrize(("actor", "want"), [
    ("YPG: People's Protection Units", "the People's Protection Units (YPG)"),
    ("PFLP: Popular Front for the Liberation of Palestine", "the Popular Front for the Liberation of Palestine (PFLP)"),
    ("HTS: Hayat Tahrir al Sham", "Hayat Tahrir al Sham (HTS)"),  # a proper name takes no article
    ("AQAP: Al Qaeda in the Arabian Peninsula", "Al Qaeda in the Arabian Peninsula (AQAP)"),
    # the years and the country go; the acronym tells the faction
    ("AMISOM: African Union Mission in Somalia (2007-) (Burundi)", "the African Union Mission in Somalia (AMISOM)"),
    # an acronym with its own parentheses would nest them: the full name keeps its faction
    ("CPI (Maoist): Communist Party of India (Maoist)", "the Communist Party of India (Maoist)"),
    ("Rapid Support Forces", "the Rapid Support Forces"),
    ("Global Coalition Against Daesh", "the Global Coalition Against Daesh"),
    ("Taliban", "the Taliban"),
    ("Hezbollah", "Hezbollah"),
])
def test_a_group_known_by_its_acronym_reads_as_a_coder_writes_it(actor: str, want: str) -> None:
    assert notes.actor_phrase(actor) == want


@pytest.mark.parametrize(("actor", "want"), [
    ("Islamic State (Greater Sahara)", "Islamic State (Greater Sahara)"),
    ("Islamic State (West Africa)", "Islamic State (West Africa)"),
    # a country or ACLED's "International" tells where the group acts, which the note's place tells
    ("Islamic State (Mozambique)", "Islamic State"),
    ("Islamic State (International)", "Islamic State"),
])
def test_a_groups_branch_in_parentheses_stays_with_its_name(actor: str, want: str) -> None:
    assert notes.actor_phrase(actor) == want


def test_a_note_names_both_sides_by_their_full_names_and_keeps_the_fields() -> None:
    event = _event("Armed clash", actor1="YPG: People's Protection Units", actor2="QSD: Syrian Democratic Forces",
                   location="Tell Abiad", admin1="Ar-Raqqa", country="Syria")
    assert notes.make_note(event, None) == ("On 14 March 2021, the People's Protection Units (YPG) clashed with the "
                                            "Syrian Democratic Forces (QSD) in Tell Abiad (Ar-Raqqa).")
    assert (event.actor1, event.actor2) == ("YPG: People's Protection Units", "QSD: Syrian Democratic Forces")


def test_either_of_two_groups_is_named_each_by_its_own_name() -> None:
    either = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    event = _event("Attack", actor1=either, actor2="Civilians (Niger)", location="Tera", admin1="Tillaberi",
                   country="Niger")
    assert notes.make_note(event, None) == ("On 14 March 2021, the Group for Support of Islam and Muslims (JNIM) or "
                                            "Islamic State (Greater Sahara) attacked civilians in Tera (Tillaberi).")


def test_a_group_named_twice_by_acled_is_named_once() -> None:
    event = _event("Abduction/forced disappearance", actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati "
                   "wal-Jihad", actor2="Civilians (Nigeria)", location="Damboa", admin1="Borno", country="Nigeria")
    assert notes.make_note(event, None) == "On 14 March 2021, Boko Haram abducted civilians in Damboa (Borno)."


@pytest.mark.parametrize(("actor", "want"), [
    ("Opposition Rebels (Syria)", "opposition rebels"),
    ("Garre Clan Militia (Kenya)", "a Garre clan militia"),
    ("Arab Tribal Militia (Libya)", "an Arab tribal militia"),
    ("Fano Militia", "Fano Militia"),  # no country after it: the group's own name
])
def test_a_kind_of_group_is_written_in_lower_case(actor: str, want: str) -> None:
    assert notes.actor_phrase(actor) == want


@pytest.mark.parametrize(("actor", "want"), [
    ("Government of Kenya (2013-)", "the Kenyan government"),
    ("Government of Atlantis", "the government of Atlantis"),  # no demonym known: the country keeps its capital
])
def test_a_government_is_named_by_its_country(actor: str, want: str) -> None:
    assert notes.actor_phrase(actor) == want


def test_a_state_force_and_its_country_do_not_read_twice() -> None:
    event = _event("Arrests", actor1="Police Forces of Peru (2021-)", country="Peru")
    assert notes.make_note(event, None) == "On 14 March 2021, Peruvian police forces made arrests in Peru."
    assert notes.actor_phrase("Hezbollah") == "Hezbollah"


def test_cited_source_goes_before_the_final_period_and_tags_stay_after() -> None:
    note = "On 14 March 2021, protesters demonstrated in Kisumu (Kisumu). [size=no report]"
    chain = ["Daily Courier", "Radio Lake", "county officials"]
    assert notes.with_source(note, chain, "Daily Courier") == (
        "On 14 March 2021, protesters demonstrated in Kisumu (Kisumu), according to county officials. "
        "[size=no report]")
    assert notes.with_source(note, ["Daily Courier"], "Daily Courier") == note
    disputed = "On 14 March 2021, gunmen attacked a bus near Molo (Nakuru). [fatalities disputed: 3, 4; the lowest is coded]"
    assert notes.with_source(disputed, ["Daily Courier", "Kenya Red Cross"], "Daily Courier") == (
        "On 14 March 2021, gunmen attacked a bus near Molo (Nakuru), according to Kenya Red Cross. "
        "[fatalities disputed: 3, 4; the lowest is coded]")


def test_a_clean_clause_is_kept_in_the_simple_past(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hundreds of farmers have blocked the main highway outside Eldoret.")
    head = doc[4]
    assert head.text == "blocked"
    toks = [t for t in doc if not t.is_punct]
    clause = notes.clean_clause(toks, head)
    assert clause == "hundreds of farmers blocked the main highway outside Eldoret"
    event = _event("Peaceful protest", location="Eldoret", admin1="Uasin Gishu", country="Kenya")
    assert notes.make_note(event, clause) == (
        "On 14 March 2021, hundreds of farmers blocked the main highway outside Eldoret (Uasin Gishu). "
        "[size=hundreds]")


@pytest.mark.parametrize(("text", "verb", "want"), [
    # a verb joined to the act's in the present tells how things stand since: the note ends before it
    ("A suspected smuggler was arrested by border guards near Tumbes and remains in custody in Lima.", "arrested",
     "A suspected smuggler was arrested by border guards near Tumbes"),
    ("The ceasefire began at midnight and is scheduled to last until the talks in Geneva end.", "began",
     "the ceasefire began at midnight"),
    ("Gunmen attacked the village and are still holding four hostages.", "attacked", "gunmen attacked the village"),
    # ... one in the present perfect is told in the simple past, as the act's own verb is; one in the past stays
    ("Police arrested 12 traders and have charged them with looting.", "arrested",
     "police arrested 12 traders and charged them with looting"),
    ("Gunmen attacked the village and burned two houses.", "attacked", "gunmen attacked the village and burned two houses"),
    # a noun in a list that the parser takes for a present verb is no verb joined to the act
    ("Insurgents fired mortars, grenade launchers and rifles at police posts near Gao.", "fired",
     "insurgents fired mortars, grenade launchers and rifles at police posts near Gao"),
])
def test_a_verb_joined_to_the_act_is_told_in_the_past_or_left_out(nlp, text: str, verb: str, want: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    assert notes.clean_clause(list(doc[:-1]), head) == want


@pytest.mark.parametrize("text", [
    "Are seen stomping on large posters of the governor in the square.",   # no subject: a participle fragment
    "They are chanting against the governor in the square.",              # an unresolved pronoun
    "Witnesses said riot police fired tear gas in the square.",           # a reporting verb
    "Students shouted \"down with the governor\" in the square.",         # a quotation
    "The march in the square was a shameful and cowardly act.",           # a judgement, not a telling
    "Students marched in the square NAIROBI, May 4 (KNA) - Traders closed their shops.",  # a wire dateline inside
])
def test_an_unclean_clause_falls_back_to_the_template(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    sent = next(iter(doc.sents))
    assert notes.clean_clause([t for t in sent if not t.is_punct], sent.root) is None
    event = _event("Peaceful protest", actor1="Students (Kenya)", location="Nakuru", admin1="Nakuru",
                   country="Kenya")
    assert notes.make_note(event, notes.clean_clause(list(sent), sent.root)) == (
        "On 14 March 2021, students demonstrated in Nakuru (Nakuru). [size=no report]")


def test_pipeline_notes_are_one_sentence_that_starts_with_the_date(pipeline: Pipeline) -> None:
    text = ("NAKURU, Kenya (Lake Wire) — Hundreds of traders marched through Nakuru on Monday to protest "
            "new market fees, the county police said. On Tuesday, gunmen attacked a bus near Molo, killing "
            "three passengers, according to the Kenya Red Cross.")
    report = pipeline.extract_text(text, publisher="Lake Wire", published=D(2021, 3, 17))
    assert report.events
    for event in report.events:
        note = event.notes or ""
        assert _one_sentence(note), note
        assert re.match(r"^(On|Around|Between|In) ", note), note
        assert event.location is None or event.location in note, note


def test_a_toll_a_later_sentence_tells_is_in_the_note(pipeline: Pipeline) -> None:
    # The event took its toll from the second sentence but its note, written from the first, told none: an
    # analyst reading the notes column saw an attack without its dead.
    text = ("Post attacked\n\nBAMAKO, March 4, 2020 — Militants attacked an army post in Kidal on Monday. "
            "The attack killed two soldiers, the army said.")
    (event,) = pipeline.extract_text(text, published=D(2020, 3, 4)).events
    assert event.fatalities == 2
    assert (event.notes or "").endswith(", killing 2."), event.notes


def test_the_reports_own_time_words_give_way_to_the_date_phrase() -> None:
    event = _event("Peaceful protest", location="Mombasa", admin1="Mombasa", country="Kenya")
    clause = "Several hundred dock workers marched through Mombasa on Saturday to demand back pay"
    assert notes.make_note(event, clause) == (
        "On 14 March 2021, several hundred dock workers marched through Mombasa (Mombasa) to demand back pay. "
        "[size=no report]")


def test_cited_sources_read_naturally() -> None:
    assert notes.cited_source(["Wire", "their lawyer"], "Wire") == "the lawyer"
    assert notes.cited_source(["Wire", "interior ministry"], "Wire") == "the interior ministry"
    assert notes.cited_source(["Wire", "residents"], "Wire") == "residents"
    assert notes.cited_source(["Wire", "Reuters", "Wire"], "Wire") == "Reuters"
    assert notes.cited_source(["Wire", "local official"], "Wire") == "a local official"


@pytest.mark.parametrize(("chain", "want"), [
    (["Wire", "The group's spokesman"], "the group's spokesman"),
    (["Wire", "Several sources close to the talks"], "several sources close to the talks"),
    (["Wire", "Multiple sources with links to the FDLR"], "multiple sources with links to the FDLR"),
    (["Wire", "Rebels"], "rebels"),
    (["Wire", "The Standard"], "The Standard"),   # a title: a capital follows its article
    (["Wire", "Provincial Commissioner Sitole"], "Provincial Commissioner Sitole"),
    (["Wire", "Kenya Red Cross", "who"], "Kenya Red Cross"),   # "…, who said": the pronoun is no source
    (["Wire", "they"], None),
])
def test_a_source_capitalised_by_its_sentence_or_named_by_a_pronoun_reads_naturally(
        chain: list[str], want: str | None) -> None:
    assert notes.cited_source(chain, "Wire") == want


def test_a_text_with_no_publisher_still_cites_its_source() -> None:
    # the chain of a text with no publisher opens with whom it cites: that link is the source
    assert notes.cited_source(["police"], None) == "the police"
    assert notes.cited_source(["police", "residents"], None) == "residents"


@pytest.mark.parametrize(("clause", "want"), [
    ("airstrikes killed about 40 fighters in the hills, the defence ministry said",
     "airstrikes killed about 40 fighters in the hills"),
    ("gunmen attacked the village, residents told reporters on Sunday, killing five",
     "gunmen attacked the village"),
    ("protesters, who said they had not been paid, blocked the road",
     "protesters, who said they had not been paid, blocked the road"),
])
def test_the_source_clause_after_the_event_leaves_the_note_whole(clause: str, want: str) -> None:
    assert notes.clause_for_note(clause) == want


def test_a_place_the_clause_spells_its_own_way_is_not_named_twice() -> None:
    # the gazetteer's spelling differs from the report's: the admin1 goes after the report's own word, and no
    # second "in <place>" is appended
    text = "Several hundred strikers in Mosul closed the main bridge"
    at = text.index("Mosul")
    event = _event("Peaceful protest", location="Al Mawsil", admin1="Nineveh", country="Iraq",
                   evidence={"location": Span.of(text, at, at + 5)})
    assert notes.make_note(event, text) == (
        "On 14 March 2021, several hundred strikers in Mosul (Nineveh) closed the main bridge. [size=no report]")


def test_a_common_word_opening_the_clause_follows_the_date_in_lower_case(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Lorries carrying 300 families left the camp near Kalemie.")
    sent = next(iter(doc.sents))
    clause = notes.clean_clause([t for t in sent if not t.is_punct], sent.root)
    assert clause is not None and clause.startswith("lorries carrying")
    named = nlp("Kalemie residents blocked the road to the airport.")
    kept = notes.clean_clause([t for t in named if not t.is_punct], next(iter(named.sents)).root)
    assert kept is not None and kept.startswith("Kalemie")  # a name keeps its capital


@pytest.mark.parametrize(("text", "opening"), [
    ("Forty-four miners were killed in a blast at the colliery.", "forty-four miners"),
    ("Two soldiers were wounded when gunmen fired on their patrol.", "two soldiers"),
])
def test_a_count_opening_the_clause_follows_the_date_in_lower_case(nlp, text: str, opening: str) -> None:  # type: ignore[no-untyped-def]
    sent = next(iter(nlp(text).sents))
    clause = notes.clean_clause([t for t in sent if not t.is_punct], sent.root)
    assert clause is not None and clause.startswith(opening)


@pytest.mark.parametrize("text", [
    "The fall of the town strengthens the government's hand before the talks.",  # a judgement in the present
    "Rebels will attack the garrison before the rains.",                           # a plan
])
def test_a_clause_that_tells_no_past_act_falls_back_to_the_template(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    sent = next(iter(nlp(text).sents))
    assert notes.clean_clause([t for t in sent if not t.is_punct], sent.root) is None


def test_the_country_the_clause_names_is_not_added_again() -> None:
    event = _event("Non-violent transfer of territory", country="Syria")
    clause = "the militiamen left on trucks bound for towns of northern Syria under Turkish control"
    assert notes.make_note(event, clause) == (
        "On 14 March 2021, the militiamen left on trucks bound for towns of northern Syria under Turkish control.")


@pytest.mark.parametrize(("country", "clause", "want"), [
    ("United States", None, "On 14 March 2021, unidentified armed men carried out an attack in the United States."),
    ("Philippines", "gunmen opened fire on a jeepney carrying market vendors",
     "On 14 March 2021, gunmen opened fire on a jeepney carrying market vendors in the Philippines."),
    ("Iraq", None, "On 14 March 2021, unidentified armed men carried out an attack in Iraq."),
])
def test_a_country_named_with_the_takes_its_article(country: str, clause: str | None, want: str) -> None:
    assert notes.make_note(_event("Attack", country=country), clause) == want


@pytest.mark.parametrize(("text", "noun", "kept"), [
    ("Investigators flew to the province to investigate a reported chlorine attack by army helicopters.", "attack",
     False),
    ("The governor condemned the bombing of the bus station in the strongest terms.", "bombing", False),
    ("The blast killed five people at the bus station on Friday.", "blast", True),
    ("Rebels carried out an attack on the army base at dawn.", "attack", True),
    ("A series of airstrikes killed ten fighters near the border.", "airstrikes", True),
])
def test_a_noun_events_clause_is_its_note_only_when_it_tells_that_act(nlp, text: str, noun: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.events import _note_clause

    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    assert (_note_clause(tok, tok.sent) is not None) is kept


def test_a_province_the_event_is_placed_at_is_written_with_its_country() -> None:
    # a village the index lacks, kept at the province the text puts it in (precision 2)
    event = _event("Arrests", actor1="Police Forces of South Africa", location="Gauteng", admin1="Gauteng",
                   country="South Africa", geo_precision=2)
    assert notes.make_note(event, None) == (
        "On 14 March 2021, South African police forces made arrests in Gauteng (South Africa).")
    # a town named like its province keeps the province after it
    town = event.model_copy(update={"location": "Kabul", "admin1": "Kabul", "country": "Afghanistan",
                                    "geo_precision": 1, "actor1": "Police Forces of Afghanistan"})
    assert notes.make_note(town, None) == "On 14 March 2021, Afghan police forces made arrests in Kabul (Kabul)."


def test_two_coordinated_days_leave_the_note_together(pipeline: Pipeline) -> None:
    # before: "on Monday" was taken out and "and Tuesday" was left at the end of the note
    from dateline.ingest import article_from_text

    report = pipeline.extract_article(article_from_text(
        "Clashes between two rival militias in Misrata left 55 people dead on Monday and Tuesday.",
        published="2024-03-14"))
    assert [e.notes for e in report.events] == [
        "On 11 March 2024, clashes between two rival militias in Misrata (Misrata) left 55 people dead."]


def test_a_time_word_used_as_an_adjective_stays_in_the_note() -> None:
    # before: "overnight" was taken out of "an overnight raid", leaving "in an raid"
    assert notes.clause_for_note("Gunmen abducted 15 people in an overnight raid on Dutsin-Ma on Sunday, police said.") \
        == "gunmen abducted 15 people in an overnight raid on Dutsin-Ma"
    assert notes.clause_for_note("Gunmen attacked the village overnight, killing five.") == \
        "gunmen attacked the village, killing five"


@pytest.mark.parametrize(("text", "trigger", "want"), [
    # the source clause after the event makes the event's clause the complement of "said": the clause is the act
    ("Hundreds of nurses marched through Eldoret on Tuesday to demand unpaid allowances, police said.", "marched",
     "hundreds of nurses marched through Eldoret on Tuesday to demand unpaid allowances"),
    ("Witnesses said soldiers burned down the market in the border town overnight.", "burned",
     "soldiers burned down the market in the border town overnight"),
    # the trigger is the participle that tells the outcome: its clause has no subject, the main clause does
    ("Artillery fire hit a market in the town of Kupiansk, killing four shoppers, the regional governor said.",
     "killing", "artillery fire hit a market in the town of Kupiansk, killing four shoppers"),
])
def test_the_act_a_source_reports_is_the_notes_clause(nlp, text: str, trigger: str, want: str) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.events import _note_clause

    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert _note_clause(tok, tok.sent) == want


@pytest.mark.parametrize(("clause", "place", "admin1", "country", "want"), [
    # the report's own words for the province give way to the tag
    ("traders blocked the main road in Beni in North Kivu province", "Beni", "Nord-Kivu",
     "Democratic Republic of Congo", "traders blocked the main road in Beni (Nord-Kivu)"),
    ("soldiers shot two farmers near Bama, Borno state, as they walked to their fields", "Bama", "Borno", "Nigeria",
     "soldiers shot two farmers near Bama (Borno), as they walked to their fields"),
    ("a drone hit a fuel depot in Belgorod, Russia, causing a fire", "Belgorod", "Belgorod Oblast", "Russia",
     "a drone hit a fuel depot in Belgorod (Belgorod Oblast), causing a fire"),
    ("settlers torched two cars in Huwara in the occupied West Bank", "Huwara", "West Bank", "Palestine",
     "settlers torched two cars in Huwara (West Bank)"),
    # a province named with "and" is one name; a second place after "and" is not the province
    ("mourners clashed with police in Zahedan in Sistan and Baluchestan province", "Zahedan",
     "Sistan and Baluchestan", "Iran", "mourners clashed with police in Zahedan (Sistan and Baluchestan)"),
    ("rebels shelled Beni in North Kivu and Bunia in Ituri", "Beni", "Nord-Kivu", "Democratic Republic of Congo",
     "rebels shelled Beni (Nord-Kivu) and Bunia in Ituri"),
    # a province whose name holds lower-case particles goes whole, not cut at its first one ("… (Deir-ez-Zor)
    # ez-Zor province")
    ("militants shelled a checkpoint near Busayrah in Deir ez-Zor province", "Busayrah", "Deir-ez-Zor", "Syria",
     "militants shelled a checkpoint near Busayrah (Deir-ez-Zor)"),
    ("militants shelled a checkpoint near Busayrah, Deir el-Zour province, before dawn", "Busayrah", "Deir-ez-Zor",
     "Syria", "militants shelled a checkpoint near Busayrah (Deir-ez-Zor), before dawn"),
    ("a mob beat a pickpocket in Temeke in Dar es Salaam region", "Temeke", "Dar-es-Salaam", "Tanzania",
     "a mob beat a pickpocket in Temeke (Dar-es-Salaam)"),
    # ... also when the report writes it as a possessive, before the place or after it
    ("soldiers killed four smugglers in Sokoto state's Illela town", "Illela", "Sokoto", "Nigeria",
     "soldiers killed four smugglers in Illela town (Sokoto)"),
    ("separatists burned a clinic in Bamenda in Cameroon's Northwest region", "Bamenda", "Nord-Ouest", "Cameroon",
     "separatists burned a clinic in Bamenda (Nord-Ouest)"),
    # the tag goes after the kind of place the report writes with the name, and after a part of it
    ("gunmen burned a bus in Kakamega county", "Kakamega", "Kakamega", "Kenya",
     "gunmen burned a bus in Kakamega county (Kakamega)"),
    ("a car bomb exploded in the Kabul suburb of Paghman", "Kabul", "Kabul", "Afghanistan",
     "a car bomb exploded in the Kabul suburb of Paghman (Kabul)"),
    # words after the place that are no province of it stay
    ("riot police dispersed students in Mosul, Iraq's second city", "Mosul", "Ninewa", "Iraq",
     "riot police dispersed students in Mosul (Ninewa), Iraq's second city"),
    ("police fired at protesters in Basra, killing Iraqi soldiers", "Basra", "Basrah", "Iraq",
     "police fired at protesters in Basra (Basrah), killing Iraqi soldiers"),
])
def test_the_place_tag_follows_the_whole_place_and_replaces_its_province(
        clause: str, place: str, admin1: str, country: str, want: str) -> None:
    event = _event("Attack", location=place, admin1=admin1, country=country)
    assert notes.make_note(event, clause) == f"On 14 March 2021, {want}."


def test_a_possessive_opening_the_clause_is_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    # "its" points to a sentence the note does not carry: "its fighters shot down a drone" reads as a fragment
    doc = nlp("Its fighters shot down a surveillance drone over the valley.")
    sent = next(iter(doc.sents))
    assert notes.clean_clause([t for t in sent if not t.is_punct], sent.root) == (
        "fighters shot down a surveillance drone over the valley")


@pytest.mark.parametrize(("text", "source"), [
    ("Gunmen shot dead a village chief near Tillaberi on Sunday, a security source said.", "a security source"),
    ("Soldiers opened fire on a wedding party in Kidal on Friday, killing four guests, according to the Red Cross.",
     "the Red Cross"),
    ("Troops arrested 14 students in Mandalay on Monday, state media reported.", "state media"),
    ("Around 500 taxi drivers protested outside parliament in Nairobi on Monday, according to The Standard.",
     "The Standard"),
    ("Police in Mombasa said on Monday that gunmen had shot dead a trader outside the market in Likoni.",
     "the police in Mombasa"),
    (("\"They took the cattle and burned the houses,\" said a farmer from Kwamekrom, where herders attacked the "
      "village on Monday."), "a farmer from Kwamekrom"),
    # the article is the report's, not the channel's
    ("\"Police fired tear gas at students marching in Kisumu on Monday,\" the Citizen TV report adds.", "Citizen TV"),
])
def test_the_cited_source_keeps_the_article_the_report_gives_it(pipeline: Pipeline, text: str, source: str) -> None:
    from dateline.ingest import article_from_text

    report = pipeline.extract_article(article_from_text(text, published="2024-03-14"))
    assert report.events
    for event in report.events:
        assert re.sub(r"(?:\s\[[^\]]*\])+$", "", event.notes or "").endswith(f", according to {source}."), event.notes


def test_a_source_named_by_a_mass_noun_takes_no_article() -> None:
    assert notes.cited_source(["Wire", "state media"], "Wire") == "state media"
    assert notes.cited_source(["Wire", "local media"], "Wire") == "local media"


@pytest.mark.parametrize(("clause", "size"), [
    ("Thousands of nurses marched through Eldoret to demand back pay", "thousands"),
    ("about 1,500 dock workers blocked the port gates in Mombasa", "around 1500"),
    ("more than 300 students occupied the rector's office in Kisumu", "more than 300"),
    ("Dozens of traders pelted the county offices in Kisumu with stones", "dozens"),
    ("students occupied the rector's office in Kisumu", "no report"),
    # the count of people the crowd lost or who were taken is no size of it
    ("two students were shot dead during a march in Kisumu", "no report"),
])
def test_the_size_tag_tells_the_crowd_the_clause_opens_with(clause: str, size: str) -> None:
    event = _event("Peaceful protest", location="Kisumu", admin1="Kisumu", country="Kenya")
    assert notes.make_note(event, clause).endswith(f". [size={size}]")


@pytest.mark.parametrize(("text", "want"), [
    ("Two clinics have been looted by armed men in Bunia.", "two clinics were looted by armed men in Bunia"),
    ("A health post has been burned by rebels in Bunia.", "A health post was burned by rebels in Bunia"),
    ("The mayor said that rebels had burned two clinics in Bunia.", "rebels burned two clinics in Bunia"),
    ("The mayor said two clinics had been looted by armed men in Bunia.", "two clinics were looted by armed men in Bunia"),
])
def test_a_perfect_or_a_reported_past_is_told_in_the_simple_past(nlp, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    # before: "have been looted" lost its "have" and read "two clinics been looted"
    from dateline.extraction.events import _note_clause

    doc = nlp(text)
    tok = next(t for t in doc if t.text in {"looted", "burned"})
    assert _note_clause(tok, tok.sent) == want


def test_an_outcome_participle_left_without_its_object_is_not_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "four shoppers, the regional governor said" as the governor's words, leaving "killing" bare
    from dateline.extraction.events import _note_clause

    doc = nlp("A car bomb exploded in the market town of Afrin, near the border, on Sunday, killing at least eight "
              "people, the Syrian Observatory for Human Rights said.")
    tok = next(t for t in doc if t.text == "exploded")
    assert _note_clause(tok, tok.sent) == "A car bomb exploded in the market town of Afrin, near the border, on Sunday"


@pytest.mark.parametrize(("text", "want"), [
    ("The army has retaken the town of Gwoza from the insurgents.",
     "the army retook the town of Gwoza from the insurgents"),
    ("Rebels have overrun an army base near Gwoza.", "rebels overran an army base near Gwoza"),
    ("Rebels have seized an army base near Gwoza.", "rebels seized an army base near Gwoza"),
])
def test_a_perfect_with_an_irregular_participle_is_told_in_its_past(nlp, text: str, want: str) -> None:  # type: ignore[no-untyped-def]
    # before: "has retaken" lost its "has" and read "the army retaken the town"
    sent = next(iter(nlp(text).sents))
    assert notes.clean_clause([t for t in sent if not t.is_punct], sent.root) == want


def test_a_note_states_the_toll_a_fold_raised_after_its_sentence() -> None:
    # the lead told five dead, the wounded who died later raised the toll to eight: the note says so, before its tags
    note = "On 11 March 2024, gunmen raided a market in Kasungu (Central), killing five traders. [size=no report]"
    assert notes.restate_toll(note, 5, 8) == ("On 11 March 2024, gunmen raided a market in Kasungu (Central), "
                                              "killing five traders. In all, 8 were killed. [size=no report]")
    assert notes.restate_toll(note, 5, 5) == note


def test_a_clause_with_a_parenthesis_left_open_takes_the_template() -> None:
    event = _event("Attack", actor2="Civilians (Peru)", location="Ayacucho", admin1="Ayacucho", country="Peru")
    clause = "two farmers were killed (one of them a local leader near the market"
    assert notes.make_note(event, clause) == (
        "On 14 March 2021, unidentified armed men attacked civilians in Ayacucho (Ayacucho).")


@pytest.mark.parametrize("clause", [
    "villagers blocked the road at Quillabamba (La Convencion province) to demand a new bridge",
    "villagers blocked the road to the district capital (Quillabamba) to demand a new bridge",
    # ... also after the kind of place the report writes with it, or a word or two later when they name the province
    "villagers blocked the road at Quillabamba town (La Convencion, Cusco) to demand a new bridge",
    "villagers blocked the road at Quillabamba bus terminal (La Convencion, Cusco) to demand a new bridge",
])
def test_a_place_in_the_reports_own_parentheses_gets_no_second_pair(clause: str) -> None:
    event = _event("Peaceful protest", location="Quillabamba", admin1="Cusco", country="Peru")
    assert notes.make_note(event, clause) == f"On 14 March 2021, {clause}. [size=no report]"


def test_parentheses_a_few_words_after_the_place_that_name_no_province_take_the_tag() -> None:
    event = _event("Peaceful protest", location="Quillabamba", admin1="Cusco", country="Peru")
    clause = "villagers blocked the road at Quillabamba bus terminal (a new one) to demand a new bridge"
    assert notes.make_note(event, clause) == (
        "On 14 March 2021, villagers blocked the road at Quillabamba (Cusco) bus terminal (a new one) to demand a new "
        "bridge. [size=no report]")


@pytest.mark.parametrize("clause", [
    "rebels attacked the garrison at Kidal on March 14",
    "rebels attacked the garrison at Kidal on 14 March 2021",
    "rebels attacked the garrison at Kidal in March",
])
def test_the_reports_own_calendar_date_gives_way_to_the_date_phrase(clause: str) -> None:
    event = _event("Armed clash", location="Kidal", admin1="Kidal", country="Mali")
    assert notes.make_note(event, clause) == "On 14 March 2021, rebels attacked the garrison at Kidal (Kidal)."


def test_a_month_that_is_not_the_events_stays() -> None:
    event = _event("Armed clash", location="Kidal", admin1="Kidal", country="Mali")
    clause = "rebels attacked the garrison they had lost in January at Kidal"
    assert notes.make_note(event, clause) == f"On 14 March 2021, {clause} (Kidal)."
    assert notes.clause_for_note("rebels attacked the May Day rally at Kidal", D(2021, 5, 1)) == (
        "rebels attacked the May Day rally at Kidal")
