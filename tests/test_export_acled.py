"""ACLED CSV: 31 columns in ACLED's order, loadable by pandas with ACLED's dtypes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from dateline.export.acled import ACLED_COLUMNS, ACLED_DTYPES, acled_csv, acled_row
from dateline.model import Event, make_event_id_cnty, parse_event_id_cnty


def _event() -> Event:
    return Event(id="E1", event_id_cnty="IRQ123", event_date=dt.date(2019, 10, 30), year=2019, time_precision=1,
                 disorder_type="Demonstrations", event_type="Riots", sub_event_type="Violent demonstration",
                 actor1="Rioters (Iraq)", inter1=5, actor2="Police Forces of Iraq", inter2=1, interaction=15,
                 country="Iraq", admin1="Baghdad", location="Baghdad", latitude=33.3406, longitude=44.4009,
                 geo_precision=1, notes="On 30 October 2019, rioters tried to storm an embassy in Baghdad.",
                 claimed_by=["Test Wire"], fatalities=None)


def test_columns_are_exactly_acleds_31_in_order() -> None:
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"
    header = acled_csv([_event()]).splitlines()[0]
    assert header.split(",") == list(ACLED_COLUMNS)


def test_unknown_fatalities_are_zero_and_codes_are_numbers() -> None:
    row = acled_row(_event())
    assert row["fatalities"] == 0
    assert row["inter1"] == 5 and row["interaction"] == 15
    assert row["iso"] == 368 and row["region"] == "Middle East"


def test_inter_codes_as_text_labels() -> None:
    row = acled_row(_event(), inter_labels=True)
    assert row["inter1"] == "Rioters" and row["inter2"] == "State forces"
    assert row["interaction"] == "State forces-Rioters"


def test_pandas_reads_the_csv_with_acled_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(acled_csv([_event(), _event()])), dtype=ACLED_DTYPES, keep_default_na=False)
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert frame["fatalities"].tolist() == [0, 0]
    assert frame["latitude"].iloc[0] == pytest.approx(33.3406)


def test_reference_article_exports_loadable_csv(example_report) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    text = acled_csv([example_report])
    frame = pd.read_csv(io.StringIO(text), dtype=ACLED_DTYPES)
    assert frame.shape[1] == 31
    assert len(frame) == len(example_report.events) >= 1
    assert set(frame["event_type"]) <= {"Protests", "Riots", "Battles", "Violence against civilians",
                                        "Explosions/Remote violence", "Strategic developments"}
    # dateline's id form ("DL-IRQ-<hash>"), stable across runs, never ACLED's ISO3 + digits
    assert all(re.fullmatch(r"DL-[A-Z]{3}-[0-9a-f]{10}", str(i)) for i in frame["event_id_cnty"])
    assert acled_csv([example_report]) == text


def test_event_ids_cannot_be_taken_for_acled_ids(example_report) -> None:  # type: ignore[no-untyped-def]
    acled_form = re.compile(r"[A-Z]{3}\d+")  # ACLED's own ids: "IRQ7034662"
    ids = [e.event_id_cnty for e in example_report.events]
    assert ids and all(parse_event_id_cnty(i) is not None and not acled_form.fullmatch(i or "") for i in ids)


def test_an_old_acled_like_id_is_rewritten_in_the_csv() -> None:
    row = acled_row(_event().model_copy(update={"event_id_cnty": "IRQ7034662"}))
    assert parse_event_id_cnty(str(row["event_id_cnty"])) == ("IRQ", str(row["event_id_cnty"])[-10:])
    assert acled_row(_event().model_copy(update={"event_id_cnty": "IRQ7034662"})) == row  # stable


def test_event_id_round_trips() -> None:
    value = make_event_id_cnty("irq", "basis")
    assert value.startswith("DL-IRQ-") and parse_event_id_cnty(value) == ("IRQ", value[-10:])
    assert make_event_id_cnty(None, "basis").startswith("DL-XXX-")
    assert parse_event_id_cnty("IRQ7034662") is None


def test_an_undated_event_without_an_article_date_leaves_the_date_columns_empty() -> None:
    # such a row read year 0, time precision 3 and timestamp 0 (1 January 1970): a date nobody gave
    pd = pytest.importorskip("pandas")
    undated = _event().model_copy(update={"event_date": None, "year": None, "time_precision": None})
    text = acled_csv([undated, _event()])
    row = next(iter(csv.DictReader(io.StringIO(text))))
    assert [row[name] for name in ("event_date", "year", "time_precision", "timestamp")] == ["", "", "", ""]
    frame = pd.read_csv(io.StringIO(text), dtype=ACLED_DTYPES)
    assert frame["year"].isna().tolist() == [True, False] and frame["year"].iloc[1] == 2019
