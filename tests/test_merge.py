"""Cross-report merge on SQLite and PostgreSQL: one real-world event reported three ways → one merged event."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import test_store_fixtures
from test_store_fixtures import make_article, make_event, make_report, protest_report, span_of

from dateline import reprints
from dateline.merge import Merger, actors_compatible, merge_events, places_near, same_event
from dateline.model import Event
from dateline.store import Store

db_url = test_store_fixtures.db_url

WIRE = ("BAGHDAD, Oct 30 (Wire) - Protesters stormed the Baghdad provincial council building on Wednesday; "
        "three people were killed, police said.")
PARTISAN = ("Hundreds of demonstrators tried to storm a government office in the Iraqi capital, and security "
            "forces shot dead five of them, activists said.")
LOCAL = "Angry crowds attacked an official building in central Baghdad late on Wednesday night."
ELSEWHERE = "In Basra, rioters set fire to a party office on Wednesday."


def three_reports() -> list:  # type: ignore[type-arg]
    return [
        protest_report(WIRE, "stormed", fatalities=3, publisher="Wire", confidence=0.9),
        # a point 6 km away, same day, "Protesters" instead of "Rioters": still the same event
        protest_report(PARTISAN, "tried to storm", fatalities=5, publisher="Partisan", latitude=33.30,
                       longitude=44.35, actor1="Protesters (Iraq)", inter1=6, confidence=0.6),
        # only the province is known (geo_precision 2): same admin1 is enough
        protest_report(LOCAL, "attacked", fatalities=None, publisher="Local", latitude=33.0, longitude=44.0,
                       geo_precision=2, location="Baghdad", confidence=0.5),
    ]


def test_same_event_in_three_articles_becomes_one_with_three_sources(db_url: str) -> None:
    basra = protest_report(ELSEWHERE, "set fire", admin1="Basra", location="Basra", latitude=30.51,
                           longitude=47.81, publisher="Basra Times")
    with Store(db_url) as store:
        store.add_reports([*three_reports(), basra])
        stats = merge_events(store)
        merged = store.query_merged()
        baghdad = next(m for m in merged if m["admin1"] == "Baghdad")
        detail = store.get_merged_event(baghdad["id"])
        member = store.get_event(detail["sources"][0]["event_id"]) if detail else None
    assert stats.placed == 4 and stats.total == 2
    assert baghdad["source_count"] == 3
    assert detail is not None and len(detail["sources"]) == 3
    assert {s["publisher"] for s in detail["sources"]} == {"Wire", "Partisan", "Local"}
    assert member is not None and member["merged"]["uid"] == baghdad["uid"]
    # conservative rule: 3 vs 5 → 3, the dispute kept side by side and told in the notes
    assert baghdad["fatalities"] == 3
    assert sorted(d["value"] for d in baghdad["disputes"]["fatalities"]) == [3, 5]
    assert "3 (Wire)" in baghdad["notes"] and "5 (Partisan)" in baghdad["notes"]
    # the most precise place wins the location fields (Wire and Partisan are precision 1; Wire is stronger)
    assert baghdad["geo_precision"] == 1 and baghdad["latitude"] == 33.3406
    assert baghdad["fields"]["source"] == "Local; Partisan; Wire"


def test_merge_is_incremental_and_stable(db_url: str) -> None:
    first, second, third = three_reports()
    with Store(db_url) as store:
        store.add_reports([first])
        merge_events(store)
        uid_before = store.query_merged()[0]["uid"]
        store.add_reports([second, third])
        stats = merge_events(store)
        again = merge_events(store)
        merged = store.query_merged()
    assert stats.placed == 2 and stats.created == 0
    assert again.placed == 0 and again.created == 0
    assert [m["uid"] for m in merged] == [uid_before]
    assert merged[0]["source_count"] == 3


def test_merge_reports_its_progress_event_by_event(db_url: str) -> None:
    # A corpus's first merge places every event it holds: the CLI draws a bar from these calls.
    first, second, third = three_reports()
    calls: list[tuple[int, int]] = []
    with Store(db_url) as store:
        store.add_reports([first])
        merge_events(store)
        store.add_reports([second, third])
        stats = merge_events(store, progress=lambda done, total: calls.append((done, total)))
    assert stats.placed == 2
    assert calls == [(1, 2), (2, 2)]  # only the two new events, each once, against the right total


def test_merge_ids_do_not_depend_on_insertion_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    uids = []
    for name, order in (("a", [0, 1, 2]), ("b", [2, 0, 1])):
        reports = three_reports()
        with Store(f"sqlite:///{tmp_path / name}.sqlite") as store:
            store.add_reports([reports[i] for i in order])
            merge_events(store)
            uids.append([(m["uid"], m["source_count"]) for m in store.query_merged()])
    assert uids[0] == uids[1]


def _two_merges_at_once(db_url: str) -> list[object]:
    """Run merge_events from two stores (two connections, as two processes have) at the same moment; returns
    what each returned or raised."""
    results: list[object] = [None, None]
    start = threading.Barrier(2)

    def merge(i: int) -> None:
        try:
            with Store(db_url) as store:
                start.wait()
                results[i] = merge_events(store)
        except Exception as err:  # noqa: BLE001 - the test reports it
            results[i] = err

    workers = [threading.Thread(target=merge, args=(i,)) for i in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    return results


def test_two_merges_started_together_both_finish_and_place_each_event_once(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A watch merges after each pass while an analyst runs `dateline merge`: both read the articles and events
    # still to do, and the slower one's writes collided with the other's (IntegrityError, a traceback).
    with Store(db_url) as store:
        store.add_reports(three_reports())
    slow_sign = reprints.sign
    monkeypatch.setattr(reprints, "sign", lambda text: (time.sleep(0.2), slow_sign(text))[1])
    results = _two_merges_at_once(db_url)
    assert not [r for r in results if isinstance(r, Exception)], results
    with Store(db_url) as store:
        merged = store.query_merged()
    assert [m["source_count"] for m in merged] == [3]
    assert sum(r.placed for r in results) == 3  # type: ignore[attr-defined]


def test_two_merges_of_events_already_clustered_place_each_event_once(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_url) as store:
        store.add_reports(three_reports())
        reprints.assign_reprints(store)
    slow_place = Merger.place
    monkeypatch.setattr(Merger, "place", lambda self, ev: (time.sleep(0.2), slow_place(self, ev))[1])
    results = _two_merges_at_once(db_url)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(r.placed for r in results) == 3  # type: ignore[attr-defined]


def test_events_of_one_article_stay_apart(db_url: str) -> None:
    text = "Protesters stormed a council building in Baghdad. Later protesters stormed a second building."
    events = [make_event(text, "stormed a council", "E1", **_baghdad()),
              make_event(text, "stormed a second", "E2", **_baghdad())]
    with Store(db_url) as store:
        store.add_reports([make_report(make_article(text), events)])
        stats = merge_events(store)
    assert stats.total == 2


def _baghdad() -> dict[str, object]:
    return {"event_type": "Riots", "event_date": dt.date(2019, 10, 30), "country": "Iraq", "admin1": "Baghdad",
            "latitude": 33.34, "longitude": 44.40, "geo_precision": 1}


def ev(**fields: object) -> Event:
    return Event(id="E", **{**_baghdad(), **fields})  # type: ignore[arg-type]


def test_same_event_rules() -> None:
    assert same_event(ev(), ev(event_type="Protests"))[0]  # same family
    assert not same_event(ev(), ev(event_type="Battles"))[0]  # other family
    assert not same_event(ev(), ev(event_date=dt.date(2019, 10, 31)))[0]  # next day
    # a week-long range that covers the day overlaps
    assert same_event(ev(), ev(event_date=None, date_start=dt.date(2019, 10, 28), date_end=dt.date(2019, 11, 3),
                               time_precision=2))[0]
    # Basra is 450 km away
    assert not same_event(ev(), ev(latitude=30.51, longitude=47.81, admin1="Basra"))[0]
    # 30 km away, both precise: too far; same admin1 only counts when one of them is imprecise
    assert not places_near(ev(), ev(latitude=33.61, longitude=44.40))[0]
    assert places_near(ev(), ev(latitude=33.61, longitude=44.40, geo_precision=2))[0]


def test_actor_compatibility() -> None:
    assert actors_compatible(ev(actor1="Protesters (Iraq)"), ev(actor1="Protesters (International)"))
    assert actors_compatible(ev(actor1="Rioters (Iraq)", inter1=5), ev(actor1="Protesters (Iraq)", inter1=6))
    assert actors_compatible(ev(actor1="Police Forces of Iraq"), ev())
    assert not actors_compatible(ev(actor1="Military Forces of Iraq", inter1=1),
                                 ev(actor1="Islamic State", inter1=2))


# --- fatalities of merged reports (codebook section 6) -------------------------------------------------------------

FIRST = "Gunmen killed eight people in Baghdad on Wednesday, police said."
REVISED = "The death toll from Wednesday's attack in Baghdad rose to 12, hospital officials said."
HIGHER = "Gunmen killed 12 people in Baghdad on Wednesday, a local official said."


def _toll_report(text: str, trigger: str, fatalities: int, publisher: str, published: dt.date):  # type: ignore[no-untyped-def]
    fields = {**test_store_fixtures.PROTEST_FIELDS, "event_type": "Violence against civilians", "sub_event_type": "Attack",
              "actor1": None, "inter1": None, "fatalities": fatalities, "mentions": [span_of(text, text)]}
    return make_report(make_article(text, publisher=publisher, published=published), [make_event(text, trigger, **fields)])


def _merged_toll(db_url: str, *reports) -> dict:  # type: ignore[no-untyped-def, type-arg]
    with Store(db_url) as store:
        store.add_reports(list(reports))
        merge_events(store)
        (merged,) = store.query_merged()
    return merged


def test_a_later_report_that_revises_the_toll_upward_sets_it(db_url: str) -> None:
    merged = _merged_toll(db_url, _toll_report(FIRST, "killed", 8, "Wire", dt.date(2019, 10, 30)),
                          _toll_report(REVISED, "rose to 12", 12, "Daily", dt.date(2019, 10, 31)))
    assert merged["fatalities"] == 12
    assert "coded 12, the toll as a later report (Daily) revised it" in merged["notes"]


LONG_REVISED = ("The death toll from Wednesday's attack on a market stall outside the main bus station in Baghdad "
                "rose to 12, hospital officials said.")


def test_a_revision_whose_toll_names_its_attack_at_length_still_sets_it(db_url: str) -> None:
    # before: the cue read at most 40 characters between "toll" and "rose", so a toll that named its attack, place
    # and day kept the first report's 8
    merged = _merged_toll(db_url, _toll_report(FIRST, "killed", 8, "Wire", dt.date(2019, 10, 30)),
                          _toll_report(LONG_REVISED, "rose to 12", 12, "Daily", dt.date(2019, 10, 31)))
    assert merged["fatalities"] == 12


def test_reports_of_one_date_keep_the_lowest_even_when_one_tells_a_revision(db_url: str) -> None:
    merged = _merged_toll(db_url, _toll_report(FIRST, "killed", 8, "Wire", dt.date(2019, 10, 31)),
                          _toll_report(REVISED, "rose to 12", 12, "Daily", dt.date(2019, 10, 31)))
    assert merged["fatalities"] == 8
    assert "coded 8 by the conservative rule" in merged["notes"]


def test_a_later_report_of_a_higher_figure_without_a_revision_keeps_the_lowest(db_url: str) -> None:
    merged = _merged_toll(db_url, _toll_report(FIRST, "killed", 8, "Wire", dt.date(2019, 10, 30)),
                          _toll_report(HIGHER, "killed", 12, "Daily", dt.date(2019, 10, 31)))
    assert merged["fatalities"] == 8


# --- the target as evidence against one incident -------------------------------------------------------------------

KADUNA = {"event_type": "Violence against civilians", "sub_event_type": "Attack", "event_date": dt.date(2024, 3, 10),
          "actor1": "Unidentified Armed Group (Nigeria)", "inter1": 3, "actor2": "Civilians (Nigeria)", "inter2": 7,
          "country": "Nigeria", "admin1": "Kaduna", "location": "Kaduna", "latitude": 10.52, "longitude": 7.44,
          "geo_precision": 1}


def _attack(text: str, target: str | None, publisher: str):  # type: ignore[no-untyped-def]
    evidence = {"target": span_of(text, target)} if target else {}
    event = make_event(text, "attacked" if "attacked" in text else "killed", **KADUNA,
                       mentions=[span_of(text, text)], evidence=evidence)
    return make_report(make_article(text, publisher=publisher, published=dt.date(2024, 3, 11)), [event])


def _incidents(db_url: str, *reports) -> list[int]:  # type: ignore[no-untyped-def]
    with Store(db_url) as store:
        store.add_reports(list(reports))
        merge_events(store)
        return sorted(m["source_count"] for m in store.query_merged())


def test_the_same_gunmen_with_other_targets_the_same_day_are_two_incidents(db_url: str) -> None:
    church = _attack("Gunmen attacked a church in Kaduna on Sunday, killing four worshippers.", "church", "Wire")
    school = _attack("Gunmen attacked a school in Kaduna on Sunday, killing three pupils.", "school", "Daily")
    assert _incidents(db_url, church, school) == [1, 1]


def test_the_same_target_told_two_ways_or_no_target_still_merges(db_url: str) -> None:
    church = _attack("Gunmen attacked a church in Kaduna on Sunday, killing four worshippers.", "church", "Wire")
    worshippers = _attack("Gunmen killed four worshippers at St Paul's church in Kaduna on Sunday.", "church",
                          "Daily")
    # another word for what was hit, when the passage names the other report's target too
    compound = _attack("Gunmen attacked the compound of a church in Kaduna on Sunday.", "compound", "Radio")
    untold = _attack("Gunmen killed four people in Kaduna on Sunday, residents said.", None, "Local")
    assert _incidents(db_url, church, worshippers, compound, untold) == [4]


# --- an undated report of a dated incident ------------------------------------------------------------------------

UNDATED = "Rioters stormed the provincial council building in Baghdad, killing three, police said."


def _undated_riot(text: str, day: dt.date, **overrides: object):  # type: ignore[no-untyped-def]
    """A report that gives its riot no date: coded at the report's day, precision 3, flagged date_defaulted."""
    fields = {**test_store_fixtures.PROTEST_FIELDS, "event_date": day, "date_start": day, "date_end": day,
              "time_precision": 3, "flags": ["date_defaulted"], **overrides}
    return make_report(make_article(text, publisher=str(fields.pop("publisher", "Undated")), published=day),
                       [make_event(text, "stormed", **fields)])


def test_an_undated_report_joins_the_dated_reports_of_its_incident(db_url: str) -> None:
    # one incident told by three outlets, one of which gives no date, showed as two merged events
    with Store(db_url) as store:
        store.add_reports([*three_reports()[:2], _undated_riot(UNDATED, dt.date(2019, 11, 1))])
        stats = merge_events(store)
        (merged,) = store.query_merged()
    assert stats.total == 1 and merged["source_count"] == 3
    assert merged["event_date"] == "2019-10-30"  # the dated reports' day, not the undated report's


def test_an_undated_report_merged_first_is_joined_by_a_later_dated_one(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_reports([_undated_riot(UNDATED, dt.date(2019, 10, 31))])
        merge_events(store)
        store.add_reports([three_reports()[0]])
        stats = merge_events(store)
        (merged,) = store.query_merged()
    assert stats.total == 1 and merged["source_count"] == 2 and merged["event_date"] == "2019-10-30"


def test_an_undated_report_stays_apart_when_a_careful_coder_could_not_tell() -> None:
    told = ev(sub_event_type="Violent demonstration", location="Baghdad", event_date=dt.date(2019, 11, 1),
              time_precision=3, flags=["date_defaulted"])
    dated = ev(sub_event_type="Violent demonstration", location="Baghdad")
    assert same_event(told, dated)[0] and same_event(dated, told)[0]
    # the dated incident is more than UNDATED_DAYS before the undated report, or after it
    assert not same_event(told, ev(sub_event_type="Violent demonstration", event_date=dt.date(2019, 10, 27)))[0]
    assert not same_event(told, ev(sub_event_type="Violent demonstration", event_date=dt.date(2019, 11, 2)))[0]
    # another act of the same family, or only the same province (elsewhere in it, placed imprecisely)
    assert not same_event(told, ev(sub_event_type="Mob violence", location="Baghdad"))[0]
    assert not same_event(told, ev(sub_event_type="Violent demonstration", location="Mahmudiyah",
                                   latitude=33.06, longitude=44.36, geo_precision=2))[0]
    # two undated reports a day apart are two days' news, not one incident
    assert not same_event(told, ev(sub_event_type="Violent demonstration", location="Baghdad",
                                   event_date=dt.date(2019, 11, 2), time_precision=3, flags=["date_defaulted"]))[0]
