"""Corpus runs: resumable after kill -9, skip what this version did, failures recorded, feeds and WARC read.

Most tests hand the runner a small stand-in pipeline (deterministic events from the text, no spaCy) because
what they test is the reading, batching and storing; one test runs the real pipeline end to end.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import test_store_fixtures

from dateline.ingest import read_source
from dateline.ingest.feeds import read_feed
from dateline.ingest.warc import read_warc
from dateline.model import Article
from dateline.runner import run_corpus, run_reports
from dateline.store import Store

db_url = test_store_fixtures.db_url

STUB = '''
import time
from dateline.model import Event, Report, Span
from dateline.settings import Settings
from dateline.version import PIPELINE_VERSION


class StubPipeline:
    """Deterministic stand-in: article number n (from its text) has n % 3 events; a little work per article."""

    def __init__(self, delay=0.0):
        self.settings = Settings()
        self.delay = delay

    def pipe(self, articles):
        for article in articles:
            time.sleep(self.delay)
            n = int(article.text.split()[1])
            if "CRASH" in article.text:
                raise RuntimeError("boom")
            while "HANG" in article.text:  # an extractor stuck in a loop
                time.sleep(0.01)
            events = [Event(id=f"E{i + 1}", event_type="Protests", confidence=0.5,
                            evidence={"trigger": Span.of(article.text, 0, 7)}) for i in range(n % 3)]
            yield Report(pipeline_version=PIPELINE_VERSION, article=article, events=events)

    def extract_article(self, article):
        return next(self.pipe([article]))
'''


def _corpus(path: Path, n: int, extra: list[str] | None = None) -> Path:
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i} says protesters marched in town number {i} today."})
             for i in range(n)]
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def _expected_events(n: int) -> int:
    return sum(i % 3 for i in range(n))


@pytest.fixture
def stub():  # type: ignore[no-untyped-def]
    namespace: dict[str, object] = {}
    exec(STUB, namespace)  # noqa: S102 - the same stand-in the crash test's subprocess runs
    return namespace["StubPipeline"]


def test_rerun_skips_articles_already_processed(db_url: str, tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    with Store(db_url) as store:
        first = run_corpus([str(corpus)], store, pipeline=stub(), batch_size=5)
        second = run_corpus([str(corpus)], store, pipeline=stub(), batch_size=5)
        counts = store.counts()
    assert (first.articles, first.events) == (12, _expected_events(12))
    assert (second.articles, second.skipped, second.events) == (0, 12, 0)
    assert (counts["articles"], counts["reports"], counts["events"]) == (12, 12, _expected_events(12))


def test_a_run_stopped_with_ctrl_c_is_marked_interrupted_not_failed(tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    # Ctrl-C recorded the run as "failed", as if the data or dateline were at fault; kill -9 gave "interrupted"
    corpus = _corpus(tmp_path / "c.jsonl", 12)

    class StoppedByUser(stub):  # type: ignore[misc, valid-type]
        def pipe(self, articles):  # type: ignore[no-untyped-def]
            for done, report in enumerate(super().pipe(articles)):
                if done == 6:
                    raise KeyboardInterrupt
                yield report

    with Store(f"sqlite:///{tmp_path / 'r.sqlite'}") as store:
        with pytest.raises(KeyboardInterrupt):
            run_corpus([str(corpus)], store, pipeline=StoppedByUser(), batch_size=3)
        assert [run["status"] for run in store.runs()] == ["interrupted"]
        assert store.counts()["articles"] == 6  # the batches committed before Ctrl-C are kept


def test_reports_from_a_cluster_stopped_with_ctrl_c_are_marked_interrupted(tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    # `dateline run --ray` stores what the cluster sends through run_reports, which recorded Ctrl-C as "failed"
    corpus = _corpus(tmp_path / "c.jsonl", 6)

    def sent():  # type: ignore[no-untyped-def]
        for done, item in enumerate(stub().pipe(a for a in read_source(str(corpus)) if isinstance(a, Article))):
            if done == 4:
                raise KeyboardInterrupt
            yield item

    with Store(f"sqlite:///{tmp_path / 'r.sqlite'}") as store:
        with pytest.raises(KeyboardInterrupt):
            run_reports(sent(), store, batch_size=2)
        assert [run["status"] for run in store.runs()] == ["interrupted"]
        assert store.counts()["articles"] == 4


def test_bad_items_go_to_failures_and_the_run_goes_on(db_url: str, tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    extra = ['{"id": "e", "text": ""}', "not json at all",
             json.dumps({"id": "c", "text": "Article 7 CRASH here."})]
    corpus = _corpus(tmp_path / "c.jsonl", 4, extra)
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "blob.bin").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "dir" / "ok.txt").write_text("Article 5 is a plain text file about a march.", encoding="utf-8")
    with Store(db_url) as store:
        stats = run_corpus([str(corpus), str(tmp_path / "dir"), str(tmp_path / "missing.txt")], store,
                           pipeline=stub(), batch_size=3)
        failures = store.failures()
    reasons = " | ".join(f["reason"] for f in failures)
    assert stats.articles == 5  # 4 JSONL lines + ok.txt
    assert "extraction error: RuntimeError: boom" in reasons
    assert "binary" in reasons
    assert "no such file" in reasons
    assert len(failures) == stats.failures >= 5  # empty, not-json, crash, binary, missing
    assert any(f["item"].endswith("blob.bin") for f in failures)


def test_a_nul_byte_in_a_records_metadata_is_dropped_on_every_backend(db_url: str, tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    # PostgreSQL refuses NUL in a text column: stored as it came, one such record stopped the whole run there.
    record = {"id": "n\x001", "title": "Riot\x00 in town", "publisher": "Wire\x00", "url": "http://example.org/\x00a",
              "text": "Article 2 says protesters marched in town number 2 today."}
    corpus = tmp_path / "nul.jsonl"
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Store(db_url) as store:
        stats = run_corpus([str(corpus)], store, pipeline=stub())
        article = store.list_articles()[0]
    assert (stats.articles, stats.failures) == (1, 0)
    assert (article["article_key"], article["title"], article["publisher"], article["url"]) == (
        "n1", "Riot in town", "Wire", "http://example.org/a")


def test_half_an_emoji_in_a_record_is_dropped_and_the_run_goes_on(db_url: str, tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    # json.loads turns a lone "\\ud83d" escape into a surrogate, which no UTF-8 encoder (hashing, either
    # database) accepts: the whole run stopped with a traceback.
    corpus = tmp_path / "half.jsonl"
    corpus.write_text('{"id": "h", "title": "Cut\\ud83d", "text": "Article 1 says protesters \\ud83d marched."}\n'
                      '{"id": "ok", "text": "Article 2 says protesters marched in town number 2 today."}\n',
                      encoding="utf-8")
    with Store(db_url) as store:
        stats = run_corpus([str(corpus)], store, pipeline=stub())
        articles = {a["article_key"]: a for a in store.list_articles()}
    assert (stats.articles, stats.failures) == (2, 0)
    assert articles["h"]["title"] == "Cut"
    with Store(db_url) as store:
        assert store.get_article(articles["h"]["id"])["text"] == "Article 1 says protesters marched."  # type: ignore[index]


def test_an_article_that_hangs_is_a_failure_not_a_stuck_run(tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(tmp_path / "c.jsonl", 3, [json.dumps({"id": "h", "text": "Article 4 HANG forever."})])
    with Store(f"sqlite:///{tmp_path / 'h.sqlite'}") as store:
        stats = run_corpus([str(corpus)], store, pipeline=stub(), timeout=0.5)
        failures = store.failures()
    assert stats.articles == 3
    assert [f["reason"] for f in failures] == ["extraction timed out (over 0.5 s)"]


def test_killed_runs_resume_with_each_article_and_event_once(db_url: str, tmp_path: Path) -> None:
    n = 60
    corpus = _corpus(tmp_path / "c.jsonl", n)
    script = tmp_path / "run.py"
    script.write_text(STUB + textwrap.dedent(f"""
        import sys
        from dateline.runner import run_corpus
        from dateline.store import Store
        with Store({db_url!r}) as store:
            run_corpus([{str(corpus)!r}], store, pipeline=StubPipeline(delay=0.05), batch_size=4)
    """), encoding="utf-8")
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    kills, stored_between = 0, []
    with Store(db_url) as watcher:
        for _ in range(3):
            before = watcher.counts()["articles"]
            proc = subprocess.Popen([sys.executable, str(script)], env=env)
            # kill once this process has committed something, at a random point of what follows
            deadline = time.monotonic() + 60
            while proc.poll() is None and watcher.counts()["articles"] <= before and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.4))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            stored_between.append(watcher.counts()["articles"])
    subprocess.run([sys.executable, str(script)], env=env, check=True, timeout=120)
    with Store(db_url) as store:
        counts = store.counts()
        keys = sorted(a["article_key"] for a in store.list_articles(limit=1000))
        uids = [e["uid"] for e in store.query_events()]
        runs = store.runs()
    assert kills >= 2 and 0 < stored_between[0] < n  # killed mid-run, with batches already committed
    assert keys == sorted(f"a{i}" for i in range(n))
    assert (counts["articles"], counts["reports"]) == (n, n)
    assert counts["events"] == len(set(uids)) == _expected_events(n)
    assert runs[0]["status"] == "finished"


def test_real_pipeline_run_then_merge_and_export(db_url: str, tmp_path: Path, pipeline, example_text) -> None:  # type: ignore[no-untyped-def]
    from dateline.merge import merge_events

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "example.txt").write_text(example_text, encoding="utf-8")
    with Store(db_url) as store:
        stats = run_corpus([str(tmp_path / "in")], store, pipeline=pipeline)
        report = store.get_report(store.list_articles()[0]["id"])
        merge = merge_events(store)
    assert stats.articles == 1 and stats.failures == 0
    assert report is not None and "Basra" in report.article.text  # the example's text, cleaned by ingest
    assert stats.events == len(report.events)
    assert merge.placed == len(report.events)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Protest in Basra</title><link>https://example.org/basra</link>
<pubDate>Sat, 02 Nov 2019 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Hundreds of protesters blocked the port road in Basra on Friday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""


def test_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_feed(path))
    article = items[0]
    assert isinstance(article, Article)
    assert "blocked the port road in Basra" in article.text and "<p>" not in article.text
    assert article.url == "https://example.org/basra"
    assert article.publisher == "Example Wire"
    assert str(article.published) == "2019-11-02"
    assert article.source_kind == "feed"
    assert not isinstance(items[1], Article) and "no text" in items[1].reason


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [("https://example.org/a", "text/html; charset=utf-8",
                  (b"<html><body><article><p>Police fired tear gas at demonstrators in Baghdad on Friday, "
                   b"witnesses said.</p></article></body></html>")),
                 ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n...")]
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = list(read_warc(path))
    assert len(items) == 2
    article, image = items
    assert isinstance(article, Article)
    assert "tear gas at demonstrators in Baghdad" in article.text
    assert article.url == "https://example.org/a" and article.source_kind == "warc"
    assert not isinstance(image, Article) and "image/png" in image.reason


def test_a_cut_off_warc_archive_does_not_pass_off_its_last_page_as_whole(tmp_path: Path) -> None:
    # a .warc.gz cut in the middle of a record (an interrupted download) gave that page's first half as a whole
    # article, and the run reported every item stored
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    whole, cut = tmp_path / "crawl.warc.gz", tmp_path / "cut.warc.gz"
    paragraph = "<p>Police fired tear gas at demonstrators in Baghdad on Friday, witnesses said.</p>"
    with whole.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, paragraphs in (("https://example.org/a", 1), ("https://example.org/b", 400)):
            body = f"<html><body><article>{paragraph * paragraphs}</article></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) - 200])  # inside the second, long record
    assert [type(item) for item in read_warc(whole)] == [Article, Article]
    first, second = list(read_warc(cut))
    assert isinstance(first, Article) and first.url == "https://example.org/a"
    assert not isinstance(second, Article) and second.source == f"{cut}#2 https://example.org/b"
    assert second.reason.startswith("the archive ends inside this record")


def test_cli_run_failures_and_db_upgrade(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    (tmp_path / "blob.bin").write_bytes(b"\x00\x00binary")
    cli = CliRunner()
    up = cli.invoke(app, ["db", "upgrade", "--db", db])
    assert up.exit_code == 0 and "→" in up.output
    res = cli.invoke(app, ["run", str(tmp_path / "blob.bin"), "--db", db, "--no-progress"])
    assert res.exit_code == 4, res.output  # nothing was extracted
    out = cli.invoke(app, ["failures", "--db", db])
    assert "binary" in out.output
    again = cli.invoke(app, ["db", "upgrade", "--db", db])
    assert "already at" in again.output


def test_many_bad_items_in_a_row_are_written_as_they_come(tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    bad = [f'{{"id": "e{i}", "text": ""}}' for i in range(600)]
    corpus = _corpus(tmp_path / "c.jsonl", 2, bad)
    with Store(f"sqlite:///{tmp_path / 'b.sqlite'}") as store:
        stats = run_corpus([str(corpus)], store, pipeline=stub())
        failures = store.failures()
        runs = store.runs()
    assert stats.articles == 2
    assert len(failures) == stats.failures == runs[0]["failures"] == 600


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Clash near Kirkuk</title><link href="https://example.org/kirkuk"/><id>tag:example.org,2019:1</id>
<updated>2019-11-03T08:00:00Z</updated>
<content type="html">&lt;p&gt;Gunmen attacked a checkpoint near Kirkuk on Saturday.&lt;/p&gt;&lt;p&gt;Two soldiers died.&lt;/p&gt;</content>
<summary>Short summary only.</summary></entry>
</feed>"""


def test_atom_xml_feed_is_read_in_a_run(tmp_path: Path, stub) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "desk.xml"  # .xml: recognised as a feed by its first bytes
    path.write_text(ATOM.replace("Gunmen", "Article 2 says gunmen"), encoding="utf-8")
    (article,) = list(read_feed(path))
    assert isinstance(article, Article)
    assert article.text.splitlines()[0].endswith("on Saturday.") and "Two soldiers died." in article.text
    assert article.url == "https://example.org/kirkuk" and str(article.published) == "2019-11-03"
    with Store(f"sqlite:///{tmp_path / 'f.sqlite'}") as store:
        stats = run_corpus([str(path)], store, pipeline=stub())
        stored = store.list_articles()
    assert stats.articles == 1 and stored[0]["source_kind"] == "feed" and stored[0]["publisher"] == "Atom Desk"
