"""Every input kind becomes Articles, and every bad input a one-line InputError naming the input and the reason."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import article_from_html, read_source
from dateline.ingest.sources import is_multi, read_stdin
from dateline.ingest.text import decode_bytes
from dateline.model import Article
from dateline.settings import Settings

DATA = Path(__file__).parent / "data"
REPORT = (
    "Dock workers strike at the port\n\n"
    "PORTVALE, March 14, 2021 — Several hundred dock workers walked off the job on Saturday, saying they had not "
    "been paid for two months. Café owners near the gate said business had stopped.\n"
)


def items(source: str | Path, settings: Settings | None = None) -> list[Article | InputError]:
    return list(read_source(str(source), settings or Settings()))


def one_article(source: str | Path, settings: Settings | None = None) -> Article:
    got = items(source, settings)
    assert len(got) == 1, got
    assert isinstance(got[0], Article), got[0]
    return got[0]


def one_error(source: str | Path, settings: Settings | None = None) -> InputError:
    got = items(source, settings)
    assert len(got) == 1, got
    assert isinstance(got[0], InputError), got[0]
    assert "\n" not in str(got[0])
    return got[0]


# --- plain text in any encoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32"])
def test_text_in_any_encoding_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"report-{encoding}.txt"
    text = REPORT if encoding != "latin-1" else REPORT.replace("—", "-")  # latin-1 has no dash
    path.write_bytes(text.encode(encoding))
    article = one_article(path)
    assert "Café owners" in article.text
    assert article.title == "Dock workers strike at the port"
    assert article.dateline_place == "Portvale"
    assert article.published == dt.date(2021, 3, 14)
    assert article.source_kind == "text"
    assert article.path == str(path)


@pytest.mark.parametrize(("text", "encoding"), [
    ("Manifestação em São Paulo: milhares de estudantes protestaram na avenida.", "latin-1"),
    ("Zürich: Tausende Demonstranten zogen am Samstag durch die Straßen der Stadt.", "cp1252"),
    ("Warszawa: tysiące ludzi protestowało na ulicach, żądając zmian w prawie.", "cp1250"),
    ("Москва: тысячи людей вышли на улицы, требуя перемен в стране и отставки правительства.", "cp1251"),
])
def test_non_utf8_text_is_decoded_not_rejected(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert one_article(path).text == text


def test_mojibake_bytes_never_crash() -> None:
    # Bytes that are neither valid UTF-8 nor sensible in any one encoding: decoded to something, or a clean error.
    data = bytes(range(0x80, 0x100)) * 4 + b" protesters marched "
    try:
        assert isinstance(decode_bytes(data, "x"), str)
    except InputError as err:
        assert err.source == "x"


# --- HTML --------------------------------------------------------------------------------------------------------

def test_html_file_gives_main_text_and_metadata() -> None:
    article = one_article(DATA / "ingest_article.html")
    assert article.source_kind == "html"
    assert article.title == "Dock workers strike over unpaid wages"
    assert article.text.startswith("Dock workers strike over unpaid wages\n\n")
    assert "Several hundred dock workers walked off the job" in article.text
    assert "talks with the union would resume on Monday" in article.text
    for junk in ("Most read", "Accept all cookies", "Share on Facebook", "All rights reserved", "Home"):
        assert junk not in article.text
    assert article.author == "Mara Quist"
    assert article.site_name == "The Harbour Courier"
    assert article.publisher == "The Harbour Courier"
    assert article.published == dt.date(2021, 3, 14)
    assert article.published_signals[0].source == "html_meta"
    assert article.dateline_place == "Portvale"
    for field, span in article.evidence.items():
        assert article.text[span.start : span.end] == span.text, field


def test_html_is_detected_by_content_without_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((DATA / "ingest_article.html").read_bytes())
    assert one_article(path).source_kind == "html"


def test_plain_text_named_html_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(REPORT, encoding="utf-8")
    article = one_article(path)
    assert article.source_kind == "text"
    assert article.dateline_place == "Portvale"


def test_html_from_memory_with_url_date() -> None:
    html = (DATA / "ingest_article.html").read_text(encoding="utf-8")
    article = article_from_html(html, url="https://courier.example/2021/03/14/dock-strike/")
    sources = {s.source: s.value for s in article.published_signals}
    assert sources["url"] == dt.date(2021, 3, 14)
    assert article.url == "https://courier.example/2021/03/14/dock-strike/"


def test_html_date_from_an_old_image_address_does_not_outrank_the_url() -> None:
    body = "".join(f"<p>Paragraph {i}: the school board voted on the new budget after a long public debate.</p>"
                   for i in range(5))
    html = ("<html><head><title>Board votes on budget</title>"
            '<meta property="og:image" content="https://cdn.example/media/2016/04/05/stock-photo.jpg">'
            f"</head><body><article><h1>Board votes on budget</h1>{body}</article></body></html>")
    article = article_from_html(html, url="https://news.example/story/2019/11/20/board-budget/")
    assert article.published == dt.date(2019, 11, 20)
    assert dt.date(2016, 4, 5) not in [s.value for s in article.published_signals]


def test_html_without_main_text_is_an_input_error() -> None:
    err = one_error(DATA / "ingest_no_main_text.html")
    assert err.source.endswith("ingest_no_main_text.html")
    assert "no main text" in err.reason


# --- JSONL corpora -----------------------------------------------------------------------------------------------

def _write_corpus(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_corpus_streams_in_order_with_ids_and_fields(tmp_path: Path) -> None:
    html = (DATA / "ingest_article.html").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, [
        json.dumps({"id": "a1", "text": "Police fired tear gas at protesters in Basra on Friday, witnesses said.",
                    "published": "2019-11-02", "publisher": "Example Wire", "title": "Tear gas in Basra",
                    "url": "https://wire.example/basra"}),
        "",
        json.dumps({"id": 2, "html": html}),
        json.dumps({"text": "Teachers marched in Nairobi to demand higher pay, the union said on Monday."}),
    ])
    got = items(corpus)
    assert [type(a) for a in got] == [Article, Article, Article]
    first, second, third = got
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.id, second.id) == ("a1", "2")
    assert first.source_kind == second.source_kind == "jsonl"
    assert first.published == dt.date(2019, 11, 2)
    assert first.published_signals[0].source == "record"
    assert (first.publisher, first.title, first.url) == ("Example Wire", "Tear gas in Basra", "https://wire.example/basra")
    assert second.title == "Dock workers strike over unpaid wages"
    assert third.id and third.content_hash and third.id == third.content_hash[:16]


def test_jsonl_source_field_names_the_publisher_when_publisher_is_absent(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, [
        json.dumps({"id": "s1", "source": "Harbour Courier",
                    "text": "Dock workers marched in Durban on Monday to demand unpaid wages, the union said."}),
        json.dumps({"id": "s2", "source": "Harbour Courier", "publisher": "Example Wire",
                    "text": "Teachers marched in Nairobi to demand higher pay, the union said on Monday."}),
    ])
    first, second = items(corpus)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.publisher == "Harbour Courier"
    assert second.publisher == "Example Wire"  # an explicit publisher outranks the looser name


def test_bad_jsonl_lines_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    _write_corpus(corpus, [
        json.dumps({"id": "ok1", "text": "Students rallied outside parliament on Tuesday, police said."}),
        "{not json",
        json.dumps({"id": "no-text", "title": "nothing else"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "ok2", "text": "Farmers blocked the highway with tractors on Wednesday."}),
    ])
    got = items(corpus)
    assert [a.id for a in got if isinstance(a, Article)] == ["ok1", "ok2"]
    errors = [e for e in got if isinstance(e, InputError)]
    assert [e.source for e in errors] == [f"{corpus}:{n}" for n in (2, 3, 4, 5)]
    assert "invalid JSON" in errors[0].reason
    assert '"text" or "html"' in errors[1].reason
    assert "JSON object" in errors[2].reason


def test_a_cut_off_jsonl_line_names_the_column_where_it_stops(tmp_path: Path) -> None:
    # the error named "column 1" for a line cut off at its end: the parser had read on into the newline
    corpus = tmp_path / "cut.jsonl"
    cut = '{"id": "cut", "text": "Police fired tear gas in Lagos.",'
    _write_corpus(corpus, [cut])
    assert one_error(corpus).reason == (
        f"invalid JSON (Expecting property name enclosed in double quotes at column {len(cut) + 1})")


def test_a_jsonl_line_cut_inside_a_string_reads_as_one_sentence(tmp_path: Path) -> None:
    # the reason read "invalid JSON (Unterminated string starting at at column 10)"
    corpus = tmp_path / "cut.jsonl"
    _write_corpus(corpus, ['{"text": "Police fired tear'])
    assert one_error(corpus).reason == "invalid JSON (Unterminated string starting at column 10)"


def test_overlong_jsonl_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    corpus = tmp_path / "long.jsonl"
    _write_corpus(corpus, [json.dumps({"id": "big", "text": "x " * 5000}),
                           json.dumps({"id": "small", "text": "Protesters gathered in the square on Friday."})])
    got = items(corpus, Settings(max_input_bytes=1000))
    assert isinstance(got[0], InputError) and got[0].source.endswith(":1") and "over the" in got[0].reason
    assert isinstance(got[1], Article) and got[1].id == "small"


def test_a_json_export_of_articles_is_refused_not_coded_as_one_article(tmp_path: Path) -> None:
    # corpus.json (a JSON array of articles) was coded as ONE article whose text was the JSON markup: exit 0,
    # no events, every article in it lost without a word
    export = tmp_path / "corpus.json"
    export.write_text(json.dumps([{"id": "a", "text": "Police fired tear gas in Basra on Friday."},
                                  {"id": "b", "text": "Teachers marched in Nairobi on Monday."}], indent=1),
                      encoding="utf-8")
    assert one_error(export).reason == ('a JSON document, not article text: give a corpus as JSONL, one object '
                                        'with "text" or "html" per line (a .jsonl file)')
    prose = tmp_path / "wire.txt"  # prose that opens with a bracket is still an article
    prose.write_text("[Reuters] Police fired tear gas at protesters in Basra on Friday, witnesses said. [1]",
                     encoding="utf-8")
    assert one_article(prose).text.startswith("[Reuters] Police fired")


def test_a_cut_off_gzipped_corpus_keeps_its_lines_and_names_the_cut(tmp_path: Path) -> None:
    # a .jsonl.gz cut short (an interrupted download) ended `dateline run` with "Aborted." and nothing stored
    records = [json.dumps({"id": f"z{i}", "text": f"Miners went on strike at copper mine number {i} on Monday. "
                           + "The union said the strike would go on. " * 40}) for i in range(40)]
    whole = gzip.compress(("\n".join(records) + "\n").encode("utf-8"))
    corpus = tmp_path / "cut.jsonl.gz"
    corpus.write_bytes(whole[: len(whole) // 2])
    got = items(corpus)
    assert isinstance(got[0], Article) and got[0].id == "z0"
    assert [type(a) for a in got[:-1]] == [Article] * (len(got) - 1)
    last = got[-1]
    assert isinstance(last, InputError) and last.source == str(corpus)
    assert last.reason == (f"the compressed file is cut short (an interrupted download or copy?): read up to line "
                           f"{len(got) - 1}, the rest is missing")


def test_gzipped_jsonl_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": "Miners went on strike at the copper mine on Monday."}) + "\n")
    assert one_article(corpus).id == "z"


# --- directories, globs, stdin, URL ------------------------------------------------------------------------------

def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Protesters rallied in the capital on Friday, organisers said.", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Police dispersed the sit-in with water cannon on Saturday.", encoding="utf-8")
    (root / "b" / "d.html").write_bytes((DATA / "ingest_article.html").read_bytes())
    (root / ".hidden.txt").write_text("Not to be read: a hidden file.", encoding="utf-8")


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    got = items(tmp_path)
    assert all(isinstance(a, Article) for a in got)
    assert [Path(a.path).name for a in got if isinstance(a, Article) and a.path] == ["a.txt", "c.txt", "d.html"]
    assert is_multi(str(tmp_path))


def test_glob_reads_matching_files_sorted(tmp_path: Path) -> None:
    _tree(tmp_path)
    got = items(f"{tmp_path}/**/*.txt")
    assert [Path(a.path).name for a in got if isinstance(a, Article) and a.path] == ["a.txt", "c.txt"]
    assert is_multi(f"{tmp_path}/*.txt")
    err = one_error(f"{tmp_path}/*.pdf")
    assert "no file matches" in err.reason


def test_stdin_text_and_stdin_corpus() -> None:
    article = next(read_stdin(Settings(), io.BytesIO(REPORT.encode("utf-16"))))
    assert isinstance(article, Article) and article.source_kind == "stdin"
    assert article.dateline_place == "Portvale"
    corpus = "\n".join(json.dumps({"id": i, "text": f"Protest number {i} took place in the square today."})
                       for i in ("x", "y")).encode()
    got = list(read_stdin(Settings(), io.BytesIO(corpus)))
    assert [a.id for a in got if isinstance(a, Article)] == ["x", "y"]


def test_stdin_over_the_limit_is_rejected() -> None:
    got = list(read_stdin(Settings(max_input_bytes=100), io.BytesIO(b"word " * 100)))
    assert isinstance(got[0], InputError) and got[0].source == "<stdin>"


def test_url_that_cannot_be_fetched_is_a_one_line_error() -> None:
    # Port 9 (discard) on the loopback: connection refused, nothing leaves the machine.
    err = one_error("http://127.0.0.1:9/article.html", Settings(fetch_timeout=2))
    assert err.source == "http://127.0.0.1:9/article.html"
    assert "could not fetch" in err.reason


# --- bad inputs ---------------------------------------------------------------------------------------------------

def test_missing_path() -> None:
    err = one_error("/nonexistent/dir/report.txt")
    assert err.source == "/nonexistent/dir/report.txt" and "no such file" in err.reason
    assert str(err) == "/nonexistent/dir/report.txt: no such file or directory"


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t \n")
    assert "empty" in one_error(tmp_path / "empty.txt").reason
    assert "whitespace" in one_error(tmp_path / "blank.txt").reason


def test_only_boilerplate_leaves_no_text(tmp_path: Path) -> None:
    (tmp_path / "ads.txt").write_text("728 x 90\n\nShare this article\n\nAdvertisement\n", encoding="utf-8")
    assert "no article text" in one_error(tmp_path / "ads.txt").reason


@pytest.mark.parametrize(("content", "named"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (bytes([0, 1, 2, 3, 250, 251, 0, 0, 17, 0, 0, 0]) * 50, "NUL"),
])
def test_binary_files(tmp_path: Path, content: bytes, named: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    err = one_error(path)
    assert err.source == str(path)
    assert "binary" in err.reason and named in err.reason


def test_file_over_the_limit_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse 20 MB file: nothing written to disk
        fh.truncate(20 * 1024 * 1024)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the oversized file was opened for reading")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    err = one_error(big)
    assert err.source == str(big)
    assert "20.0 MB" in err.reason and "10 MB limit" in err.reason


def test_a_bad_file_in_a_directory_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Workers marched through the city centre on Monday.", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_text("Students occupied the rector's office on Tuesday.", encoding="utf-8")
    got = items(tmp_path)
    assert [type(x).__name__ for x in got] == ["Article", "InputError", "InputError", "Article"]


@pytest.mark.parametrize("published", [1575000000, "1575000000", 1575000000123, 1575000000.5])
def test_jsonl_published_as_unix_time_is_its_utc_day(tmp_path: Path, published: object) -> None:
    # 1575000000 is 2019-11-29 04:00 UTC; 20191129 (eight digits) stays a compact date, never Unix time
    corpus = tmp_path / "epoch.jsonl"
    _write_corpus(corpus, [json.dumps({"id": "e", "text": "Protesters marched in Basra, organisers said.",
                                       "published": published}),
                           json.dumps({"id": "c", "text": "Protesters marched in Basra, organisers said.",
                                       "published": 20191129})])
    epoch, compact = items(corpus)
    assert isinstance(epoch, Article) and isinstance(compact, Article)
    assert epoch.published == compact.published == dt.date(2019, 11, 29)
    assert epoch.published_signals[0].source == "record" and not epoch.ingest_warnings


def test_jsonl_published_with_no_such_month_is_ignored_not_read_day_first(tmp_path: Path) -> None:
    # year first is year-month-day: "2019-13-01" is no date (it was read as 13 January), "2019/11/02" is one
    corpus = tmp_path / "months.jsonl"
    _write_corpus(corpus, [json.dumps({"id": i, "text": "Protesters marched in Basra, organisers said.",
                                       "published": value})
                           for i, value in (("bad", "2019-13-01"), ("slashes", "2019/11/02"))])
    bad, slashes = items(corpus)
    assert isinstance(bad, Article) and isinstance(slashes, Article)
    assert bad.published is None and any("'2019-13-01' is not a date" in n for n in bad.ingest_warnings)
    assert slashes.published == dt.date(2019, 11, 2)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "17991231"])
def test_jsonl_published_outside_any_news_date_is_ignored_not_fatal(tmp_path: Path, published: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    # "0001-01-01" (a placeholder for no date) stopped the run with an OverflowError when "on Sunday" was reckoned
    # back from it; such a day is now no publication date: ignored with a warning, the article coded undated
    corpus = tmp_path / "odd.jsonl"
    _write_corpus(corpus, [json.dumps({"id": "o", "text": "Protesters blocked a road in Basra on Sunday.",
                                       "published": published})])
    (article,) = items(corpus)
    assert isinstance(article, Article) and article.published is None
    assert any("from 1800 to 2199" in note for note in article.ingest_warnings)
    (report,) = pipeline.pipe([article])
    assert [e.country for e in report.events] == ["Iraq"]


# --- a page saved from a browser ----------------------------------------------------------------------------------

_SAVED_BODY = ("<article><h1>Dock workers strike over unpaid wages</h1>"
               "<p>Several hundred dock workers walked off the job on Saturday, saying they had not been paid.</p>"
               "<p>The union said talks with the port authority would resume on Monday, and the strike would go on.</p>"
               "</article>")


@pytest.mark.parametrize("head", [
    '<link rel="canonical" href="https://courier.example/news/dock-strike-4471">',
    '<meta property="og:url" content="https://courier.example/news/dock-strike-4471">',
])
def test_a_saved_page_keeps_its_own_address_and_date(tmp_path: Path, head: str) -> None:
    path = tmp_path / "Dock workers strike.html"
    path.write_text(f"<!DOCTYPE html><html><head><title>Dock workers strike over unpaid wages</title>{head}"
                    '<meta property="article:published_time" content="2021-03-14T09:30:00Z"></head>'
                    f"<body>{_SAVED_BODY}</body></html>", encoding="utf-8")
    article = one_article(path)
    assert article.url == "https://courier.example/news/dock-strike-4471"
    assert article.path == str(path)
    assert article.published == dt.date(2021, 3, 14) and article.published_signals[0].source == "html_meta"


def test_a_page_a_browser_saved_keeps_the_address_it_was_saved_from(tmp_path: Path) -> None:
    # no date in the markup: the address the browser marked on the page dates it
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<!-- saved from url=(0058)https://courier.example/2021/03/14/dock-strike-wages/ -->\n"
                    f"<html><head><title>Dock workers strike</title></head><body>{_SAVED_BODY}</body></html>",
                    encoding="utf-8")
    article = one_article(path)
    assert article.url == "https://courier.example/2021/03/14/dock-strike-wages/"
    assert article.published == dt.date(2021, 3, 14)


def test_a_relative_canonical_link_is_no_address(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<html><head><title>Strike</title><link rel="canonical" href="/news/4471"></head>'
                    f"<body>{_SAVED_BODY}</body></html>", encoding="utf-8")
    assert one_article(path).url is None
