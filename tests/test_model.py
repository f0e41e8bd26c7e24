import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Article, Event, Report, Span


def test_span_of_takes_text_at_offsets():
    text = "Demonstrators in Basra closed the port."
    span = Span.of(text, 17, 22)
    assert span.text == "Basra"
    assert span.overlaps(Span.of(text, 20, 30))
    assert not span.overlaps(Span.of(text, 22, 30))


def test_event_has_acled_column_names():
    acled_columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
        "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
        "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
        "fatalities", "tags", "timestamp",
    ]
    assert set(acled_columns) <= set(Event.model_fields)


def test_report_round_trips_through_json():
    report = Report(article=Article(id="a1", text="x"), events=[Event(id="E1", fatalities=None)])
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.events[0].fatalities is None


def test_schema_command_prints_report_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report"
    assert "Event" in schema["$defs"]
