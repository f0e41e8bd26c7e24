"""ACLED CSV: 31 columns in ACLED's order, loadable by pandas with ACLED's dtypes."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from dateline.export.acled import ACLED_COLUMNS, ACLED_DTYPES, acled_csv, acled_row
from dateline.model import Event


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
    # the id is ISO3 + a number, stable across runs
    assert all(str(i)[:3].isalpha() and str(i)[3:].isdigit() for i in frame["event_id_cnty"])
    assert acled_csv([example_report]) == text
