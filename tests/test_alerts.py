"""Alerts: a saved query fires once per incident — printed, appended to JSONL, POSTed to a local webhook."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import test_store_fixtures
from sqlalchemy.orm import Session
from test_reprints import BASRA, copies
from test_store_fixtures import protest_report

from dateline.alerts import AlertQuery, AlertSender, add_rule, sent_alerts
from dateline.merge import merge_events
from dateline.store import Store
from dateline.watch import Watcher, WatchOptions

db_url = test_store_fixtures.db_url


@contextmanager
def webhook() -> Iterator[tuple[str, list[dict]]]:  # type: ignore[type-arg]
    received: list[dict] = []  # type: ignore[type-arg]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()


def copy_text(i: int) -> str:
    return (f"By desk {i}. Protesters stormed the Baghdad provincial council building on Wednesday, and three "
            "people were killed, police said. Officials promised an inquiry into the shooting by the end of the "
            "week, and the governor called for calm in the capital while shops stayed closed.")


def test_query_parts_combine_with_and() -> None:
    merged = {"country": "Iraq", "admin1": "Baghdad", "latitude": 33.3, "longitude": 44.4, "event_type": "Riots",
              "sub_event_type": "Violent demonstration", "fatalities": 3, "source_count": 4, "independent_count": 2,
              "fields": {"actor1": "Rioters (Iraq)", "actor2": "Police Forces of Iraq", "confidence": 0.8}}
    assert AlertQuery().matches(merged)
    assert AlertQuery(country=["iraq"], event_types=["Violent demonstration"], min_fatalities=3).matches(merged)
    assert AlertQuery(bbox=(44.0, 33.0, 45.0, 34.0), actors=["police"], min_sources=2).matches(merged)
    assert not AlertQuery(admin1=["Basra"]).matches(merged)
    assert not AlertQuery(bbox=(40.0, 30.0, 41.0, 31.0)).matches(merged)
    assert not AlertQuery(min_fatalities=4).matches(merged)
    assert not AlertQuery(min_confidence=0.9).matches(merged)
    assert not AlertQuery(min_sources=3).matches(merged)  # four reports, but only two independent


def test_one_incident_alerts_once_however_many_reprints_arrive(db_url: str, tmp_path: Path) -> None:
    printed: list[str] = []
    with webhook() as (url, received), Store(db_url) as store:
        add_rule(store, "baghdad-riots", AlertQuery(admin1=["Baghdad"], event_types=["Riots"], min_confidence=0.5),
                 jsonl=str(tmp_path / "alerts.jsonl"), webhook=url)
        sender = AlertSender(store, echo=printed.append)
        sent = []
        for wave in (range(5), range(5, 20)):  # reprints arrive in two waves
            store.add_reports([protest_report(copy_text(i), "stormed", publisher=f"Outlet {i}", confidence=0.7)
                               for i in wave])
            sent.append(sender.on_merge(merge_events(store)))
        # another incident, elsewhere: the rule does not match it
        store.add_reports([protest_report("In Basra, rioters set fire to a party office on Wednesday.", "set fire",
                                          admin1="Basra", location="Basra", latitude=30.51, longitude=47.81)])
        sent.append(sender.on_merge(merge_events(store)))
        history = sent_alerts(store)
        merged = store.query_merged()
    assert sent == [1, 0, 0]
    assert len(history) == 1 and history[0]["delivered"] == {"print": "ok", "jsonl": "ok", "webhook": "ok"}
    assert len(printed) == 1 and "baghdad-riots" in printed[0]
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and len(received) == 1
    alert = received[0]
    assert alert == json.loads(lines[0])
    assert alert["event"]["admin1"] == "Baghdad" and alert["event"]["event_type"] == "Riots"
    assert alert["evidence"][0]["fields"]["sub_event_type"] == "stormed"
    assert alert["evidence"][0]["passages"]
    assert len(alert["sources"]) == 5  # what was known when it fired
    assert {m["source_count"] for m in merged if m["admin1"] == "Baghdad"} == {20}


def test_two_checks_at_once_fire_an_alert_once_and_both_finish(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two watches (or a watch and `dateline alert check`) both saw no alert sent for an incident and both wrote
    # one: the slower died on the unique (rule, incident) key with a traceback.
    with Store(db_url) as store:
        add_rule(store, "riots", AlertQuery(event_types=["Riots"]))
        store.add_reports([protest_report(copy_text(0), "stormed", confidence=0.7)])
        merge_events(store)
    slow_flush = Session.flush
    monkeypatch.setattr(Session, "flush", lambda self, *a, **k: (time.sleep(0.3), slow_flush(self, *a, **k))[1])
    printed: list[str] = []
    outcome: list[object] = []
    start = threading.Barrier(2)

    def check() -> None:
        try:
            with Store(db_url) as store:
                start.wait()
                outcome.append(AlertSender(store, echo=printed.append).check())
        except Exception as err:  # noqa: BLE001 - the test reports it
            outcome.append(err)

    workers = [threading.Thread(target=check) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert sorted(outcome, key=str) == [0, 1], outcome  # type: ignore[comparison-overlap]
    assert len(printed) == 1


def test_watch_fires_an_alert_once_for_twenty_reprints(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    records = copies(BASRA, 20, seed=1)
    printed: list[str] = []
    with Store(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        add_rule(store, "basra", AlertQuery(admin1=["Basra"]), jsonl=str(tmp_path / "alerts.jsonl"))
        watcher = Watcher([str(inbox)], store, pipeline=pipeline, options=WatchOptions(settle=0.0),
                          after_merge=AlertSender(store, echo=printed.append).on_merge)
        total = 0
        for start in (0, 3, 10):  # the copies arrive over three passes
            for r in records[start:{0: 3, 3: 10, 10: 20}[start]]:
                (inbox / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['text']}", encoding="utf-8")
            time.sleep(0.01)
            total += next(watcher.run(once=True)).alerts
        merged = [m for m in store.query_merged() if m["admin1"] == "Basra"]
    assert total == 1 and len(printed) == 1
    assert len((tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert len(merged) == 1 and merged[0]["source_count"] == 20 and merged[0]["independent_count"] == 1


def test_alert_add_refuses_thresholds_no_event_can_meet(tmp_path: Path) -> None:
    # `--min-confidence 5` (meant as 0.5) used to save a rule that could never fire, without a word
    from typer.testing import CliRunner

    from dateline.cli import app

    db = str(tmp_path / "alerts.sqlite")
    cli = CliRunner()
    for option in (["--min-confidence", "5"], ["--min-fatalities", "-2"], ["--min-sources", "0"]):
        result = cli.invoke(app, ["alert", "add", "deadly", "--db", db, *option])
        assert result.exit_code == 2 and option[0] in result.stderr
    result = cli.invoke(app, ["alert", "add", "deadly", "--db", db, "--min-confidence", "0.5"])
    assert result.exit_code == 0


def test_alert_add_with_an_inverted_box_says_what_a_box_is_in_one_plain_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["alert", "add", "north", "--db", str(tmp_path / "a.sqlite"),
                                      "--bbox", "46,34,44,33"])
    assert result.exit_code == 2  # a usage mistake, as Typer exits for its own checks
    assert result.stderr.strip() == ("error: alert 'north': bbox is min_lon,min_lat,max_lon,max_lat with "
                                     "min ≤ max")


def test_alert_add_confirms_the_rule_as_saved(tmp_path: Path) -> None:
    # `--type riots --country IRQ` was confirmed as "country=['IRQ'], event_types=['riots']", not what was saved
    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["alert", "add", "riots", "--db", str(tmp_path / "a.sqlite"),
                                      "--type", "riots", "--country", "IRQ"])
    assert result.exit_code == 0
    assert result.stderr.strip() == "alert rule 'riots': country=['Iraq'], event_types=['Riots']"


def test_removing_an_unknown_rule_or_token_says_where_the_names_are(tmp_path: Path) -> None:
    # "no alert rule named 'basra-riot'" left the user to guess how to find the right name
    from typer.testing import CliRunner

    from dateline.cli import app

    db = str(tmp_path / "a.sqlite")
    assert CliRunner().invoke(app, ["alert", "add", "basra-riots", "--db", db]).exit_code == 0
    rule = CliRunner().invoke(app, ["alert", "remove", "basra-riot", "--db", db])
    token = CliRunner().invoke(app, ["token", "revoke", "--name", "bob", "--db", db])
    assert rule.exit_code == token.exit_code == 1
    assert rule.stderr.strip() == ("error: no alert rule named 'basra-riot' in this database: `dateline alert list` "
                                   "shows its rules")
    assert token.stderr.strip() == ("error: no token named 'bob' in this database: `dateline token list` shows its "
                                    "tokens")


def test_alert_rule_types_take_the_codebook_spelling_or_are_refused(tmp_path: Path) -> None:
    # `--type Riot` used to save a rule that could never fire
    from dateline.alerts import AlertError, list_rules

    with Store(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        add_rule(store, "riots", AlertQuery(event_types=["riots", "peaceful PROTEST"]))
        assert list_rules(store)[0]["query"]["event_types"] == ["Riots", "Peaceful protest"]
        with pytest.raises(AlertError, match="'Riot' is not an ACLED event type or sub-event type"):
            add_rule(store, "riot", AlertQuery(event_types=["Riot"]))
        assert [rule["name"] for rule in list_rules(store)] == ["riots"]


def test_alert_rule_countries_take_acled_spelling_or_are_refused(tmp_path: Path) -> None:
    # `--country IRQ` or `--country "Republic of Iraq"` saved a rule that never matched an event in Iraq, and
    # `--country Irak` one that could never fire at all
    from dateline.alerts import AlertError, list_rules

    with Store(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        add_rule(store, "iraq", AlertQuery(country=["IRQ", "Republic of Iraq", "syria"]))
        saved = AlertQuery.model_validate(list_rules(store)[0]["query"])
        assert saved.country == ["Iraq", "Iraq", "Syria"]
        assert saved.matches({"country": "Iraq", "fields": {}, "source_count": 1})
        with pytest.raises(AlertError, match=r"--country 'Irak' is no country: did you mean Iraq\b"):
            add_rule(store, "irak", AlertQuery(country=["Irak"]))
        assert [rule["name"] for rule in list_rules(store)] == ["iraq"]


def test_an_alert_for_an_undated_event_says_so() -> None:
    # an event whose report gave no date printed "ALERT [rule] None Armed clash in …"
    from dateline.alerts import format_alert

    line = format_alert({"alert": "north", "event": {"event_date": None, "sub_event_type": "Armed clash",
                                                     "location": "Kirkuk", "country": "Iraq", "fatalities": 3,
                                                     "independent_count": 1, "source_count": 1,
                                                     "confidence": 0.98, "uid": "M1"}})
    assert line.startswith("ALERT [north] undated Armed clash in Kirkuk, Iraq: 3 fatalities")


def test_a_rule_name_already_taken_says_what_to_do(tmp_path: Path) -> None:
    # the message said the name was taken and not what to do about it
    from dateline.alerts import AlertError

    with Store(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        add_rule(store, "basra", AlertQuery(admin1=["Basra"]))
        with pytest.raises(AlertError) as taken:
            add_rule(store, "basra", AlertQuery(admin1=["Basra"], event_types=["Riots"]))
    assert str(taken.value) == ("an alert rule named 'basra' exists already: choose another name, or remove it "
                                "first (dateline alert remove basra)")


def test_alert_jsonl_path_is_kept_absolute_and_checked_when_the_rule_is_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `--jsonl alerts.jsonl` used to be kept relative: a watch started from cron in another folder wrote there
    from dateline.alerts import list_rules
    from dateline.outputs import OutputError

    monkeypatch.chdir(tmp_path)
    with Store(f"sqlite:///{tmp_path / 'a.sqlite'}") as store:
        add_rule(store, "basra", AlertQuery(admin1=["Basra"]), jsonl="alerts/basra.jsonl")
        assert list_rules(store)[0]["jsonl"] == str(tmp_path / "alerts" / "basra.jsonl")
        with pytest.raises(OutputError, match="cannot write the output there"):
            add_rule(store, "folder", AlertQuery(admin1=["Basra"]), jsonl=str(tmp_path))
        assert [rule["name"] for rule in list_rules(store)] == ["basra"]


def test_alert_check_says_when_a_webhook_delivery_failed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # before: with the webhook down, `alert check` printed "1 alerts sent" and nothing else on its last line
    from typer.testing import CliRunner

    from dateline.cli import app

    db = f"sqlite:///{tmp_path / 'alerts.sqlite'}"
    with Store(db) as store:
        store.add_reports([protest_report(copy_text(0), "stormed", publisher="Outlet 0", confidence=0.7)])
        merge_events(store)
        # a port nothing listens on: the POST is refused at once
        add_rule(store, "baghdad", AlertQuery(admin1=["Baghdad"]), webhook="http://127.0.0.1:9/hook")
    result = CliRunner().invoke(app, ["alert", "check", "--db", db])
    assert result.exit_code == 3  # a cron job must notice a dead webhook
    warning = next(r.getMessage() for r in caplog.records if "webhook" in r.getMessage())
    assert "failed: ConnectError" in warning  # the reason once, not "failed: error: ConnectError"
    assert result.stderr.strip().splitlines()[-1].startswith("1 alerts sent; 1 delivery(ies) to a webhook or JSONL")
